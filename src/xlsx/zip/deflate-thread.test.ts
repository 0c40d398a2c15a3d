import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { crc32, FINAL_EMPTY_BLOCK, inflateRaw } from "./codec";
import { DeflateThread } from "./deflate-thread";
import { concat, DeflatingSink } from "./deflating-sink";
import { InlineStrings } from "../writer/inline-strings";
import { SheetDataBuilder } from "../writer/sheet-data";
import type { SpecCell } from "../../workbook/types";

/**
 * The thread runs the compiled worker (npm run build:cli, which `npm ci` runs
 * through prepare): under ts-jest there is no .js beside the source, which is
 * also why every other test deflates in its own thread.
 */
const WORKER = resolve(__dirname, "../../../dist/node/xlsx/zip/deflate-worker.js");

/** Sheet-like bytes that change from chunk to chunk, so a chunk out of order or lost shows. */
function sheetBytes(rows: number, seed: number): Uint8Array {
  let xml = "";
  for (let r = 0; r < rows; r++)
    xml += `<row r="${r + seed}"><c s="3"><v>${(r * 7919 + seed) % 100003}.25</v></c></row>`;
  return new TextEncoder().encode(xml);
}

describe("the deflate thread", () => {
  let thread: DeflateThread | null = null;
  beforeAll(() => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build:cli first`);
    thread = DeflateThread.start(WORKER);
  });
  afterAll(async () => thread?.close());

  it("gives the same bytes as deflating in the main thread, for parts written interleaved, in chunks it may reuse", () => {
    const parts = [0, 1, 2].map((p) =>
      Array.from({ length: 7 + p }, (_, i) => sheetBytes(20_000 + 3_000 * i, p * 100 + i)),
    );
    const inThread = parts.map((chunks) => {
      const sink = new DeflatingSink(1, null);
      chunks.forEach((c) => sink.write(c));
      return sink.end();
    });
    const sinks = parts.map(() => new DeflatingSink(1, thread));
    const longest = Math.max(...parts.map((p) => p.length));
    for (let i = 0; i < longest; i++) {
      parts.forEach((chunks, p) => {
        if (i >= chunks.length) return;
        // The caller's buffer, overwritten as soon as write returns (as the sheet builder does).
        const reused = chunks[i].slice();
        sinks[p].write(reused);
        reused.fill(0x20);
      });
    }
    const offThread = sinks.map((s) => s.end());
    parts.forEach((chunks, p) => {
      const whole = concat(chunks);
      const got = offThread[p];
      expect(got.size).toBe(whole.length);
      expect(got.crc).toBe(crc32(whole));
      expect(got.chunks[got.chunks.length - 1]).toEqual(FINAL_EMPTY_BLOCK);
      expect(Buffer.from(inflateRaw(concat(got.chunks), whole.length)).equals(Buffer.from(whole))).toBe(true);
      // Byte for byte what the in-thread sink makes: the output file does not depend on where it was deflated.
      expect(Buffer.from(concat(got.chunks)).equals(Buffer.from(concat(inThread[p].chunks)))).toBe(true);
      expect(got.compressedSize).toBe(inThread[p].compressedSize);
    });
  });

  it("leaves a part of one chunk to the main thread (a workbook of small sheets never starts it), same bytes", () => {
    const small = sheetBytes(2_000, 3);
    const open = jest.spyOn(thread!, "open");
    const sink = new DeflatingSink(1, thread);
    sink.write(small);
    const got = sink.end();
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
    const here = new DeflatingSink(1, null);
    here.write(small);
    const expected = here.end();
    expect(got.crc).toBe(expected.crc);
    expect(Buffer.from(concat(got.chunks)).equals(Buffer.from(concat(expected.chunks)))).toBe(true);
  });

  it("takes a chunk larger than its buffers", () => {
    let big = sheetBytes(60_000, 7); // about 2.6 MB, past the 1 MB buffers
    expect(big.length).toBeGreaterThan(2 << 20);
    const sink = new DeflatingSink(1, thread);
    sink.write(big);
    sink.write(big);
    const got = sink.end();
    big = concat([big, big]);
    expect(got.crc).toBe(crc32(big));
    expect(Buffer.from(inflateRaw(concat(got.chunks), big.length)).equals(Buffer.from(big))).toBe(true);
  });

  it("writes rows it is sent (every third run of 2,048) into exactly the XML the main thread writes", () => {
    // 20,000 rows of every kind of cell: amounts, ratios, negatives, −0, text to escape and to keep spaces in, a
    // text longer than a cell holds, booleans, gaps (a cell after one keeps its r), a row with nothing in it.
    const long = "x".repeat(40_000);
    const row = (i: number): SpecCell[] =>
      i % 997 === 5
        ? [null, null, null, null, null, null]
        : [
            `Rep ${i % 613} <${i % 7}> & "co"`,
            i % 3 === 0 ? null : (i * 7919) / 100,
            i % 11 === 0 ? -0 : 1 / (i + 3),
            i % 5 === 0 ? true : i % 5 === 1 ? false : ` padded ${i % 4} `,
            i === 4_321 ? long : null,
            i % 2 === 0 ? -i * 1.25 : "Individual",
          ];
    const rows = { length: 20_000, row };
    const styles = [2, 3, 5, 0, 2, 3];
    const write = (sink: DeflatingSink) => {
      const builder = new SheetDataBuilder(new InlineStrings(), sink, "<worksheet>");
      builder.body(5, rows, styles, 6);
      builder.end("</worksheet>");
      return sink.end();
    };
    const expected = write(new DeflatingSink(1, null));
    const formatRows = jest.spyOn(thread!, "formatRows");
    const got = write(new DeflatingSink(1, thread));
    // Of ten runs of 2,048 rows, the third, sixth and ninth went to the thread, the ninth marked last.
    expect(formatRows.mock.calls.map(([, batch, , last]) => [batch.firstRow, batch.count, last])).toEqual([
      [5 + 2 * 2_048, 2_048, false],
      [5 + 5 * 2_048, 2_048, false],
      [5 + 8 * 2_048, 2_048, true],
    ]);
    formatRows.mockRestore();
    const xml = inflateRaw(concat(expected.chunks), expected.size);
    expect(got.size).toBe(expected.size);
    expect(got.crc).toBe(expected.crc);
    expect(Buffer.from(inflateRaw(concat(got.chunks), got.size)).equals(Buffer.from(xml))).toBe(true);
  });

  it("is not started where its script is missing (the sink then deflates in its own thread)", () => {
    expect(DeflateThread.start(join(tmpdir(), "no-such-deflate-worker.js"))).toBeNull();
  });

  it("says so, instead of waiting forever, when the thread stops answering", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deflate-"));
    try {
      const silent = join(dir, "silent-worker.js");
      writeFileSync(
        silent,
        "// takes the setup message and never answers\nrequire('node:worker_threads').parentPort.once('message', () => {});\n",
      );
      const mute = DeflateThread.start(silent, 300);
      expect(mute).not.toBeNull();
      const sink = new DeflatingSink(1, mute);
      // Two chunks: a part of one is deflated here.
      sink.write(sheetBytes(100, 1));
      sink.write(sheetBytes(100, 2));
      expect(() => sink.end()).toThrow("the deflate thread stopped answering");
      await mute?.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

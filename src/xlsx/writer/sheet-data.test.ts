import fc from "fast-check";
import { InlineStrings } from "./inline-strings";
import { SharedStringTable } from "./shared-string-table";
import { SheetDataBuilder } from "./sheet-data";
import { inflateRawSync } from "node:zlib";
import { DeflatingSink } from "../zip/deflating-sink";
import { crc32, FINAL_EMPTY_BLOCK } from "../zip/codec";

function sheetData(rows: readonly (readonly (string | number | boolean | null)[])[], styles: number[] = []): string {
  const builder = new SheetDataBuilder(new SharedStringTable());
  rows.forEach((row, i) => builder.row(i + 1, row, styles));
  return new TextDecoder().decode(builder.finish("", ""));
}

describe("SheetDataBuilder", () => {
  it("writes numbers, shared-string indexes, booleans and styles; no cell for null; no row when all null; r only where a cell does not follow the one before", () => {
    const xml = sheetData(
      [
        ["RepID", 1234.56, null, true, "RepID"],
        [null, null],
        [-0.05, Infinity, 1e21, 1e-7, false],
      ],
      [0, 3, 0, 2, 0],
    );
    expect(xml).toBe(
      "<sheetData>" +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c s="3"><v>1234.56</v></c><c r="D1" s="2" t="b"><v>1</v></c><c t="s"><v>0</v></c></row>' +
        '<row r="3"><c r="A3"><v>-0.05</v></c><c s="3" t="e"><v>#NUM!</v></c><c><v>1e+21</v></c><c s="2"><v>1e-7</v></c><c t="b"><v>0</v></c></row>' +
        "</sheetData>",
    );
  });

  it("writes every finite number so that it reads back as the same double", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer(),
            fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (values) => {
          const xml = sheetData([values]);
          const written = [...xml.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => Number(m[1]));
          expect(written).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
        },
      ),
    );
  });

  it("writes any amount of up to 4 decimals with no more decimals than it has, reading back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 4 }), (m, k) => {
        const value = m / 10 ** k;
        const text = /<v>([^<]*)<\/v>/.exec(sheetData([[value]]))![1];
        expect(Number(text)).toBe(Object.is(value, -0) ? 0 : value);
        expect(text).toMatch(k === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+(\\.\\d{1,${k}})?$`));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes money amounts as their short decimal form", () => {
    // 0.1 + 0.2 is not 0.3: it keeps all its digits; amounts with up to 4 decimals stay short.
    const xml = sheetData([[1234.5, 0.01, 99999999.99, 0.1 + 0.2, 12.3456]]);
    expect([...xml.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => m[1])).toEqual([
      "1234.5",
      "0.01",
      "99999999.99",
      "0.30000000000000004",
      "12.3456",
    ]);
  });
});

describe("SheetDataBuilder with inline strings", () => {
  it("writes text inline (t=inlineStr), escaped, spaces kept; other cells as with shared strings", () => {
    const builder = new SheetDataBuilder(new InlineStrings());
    builder.row(1, ["A & <B>", " pad ", 2.5, true, null, "=1+1"], [0, 3]);
    expect(new TextDecoder().decode(builder.finish("", ""))).toBe(
      "<sheetData>" +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>A &amp; &lt;B&gt;</t></is></c>' +
        '<c s="3" t="inlineStr"><is><t xml:space="preserve"> pad </t></is></c>' +
        '<c><v>2.5</v></c><c t="b"><v>1</v></c>' +
        '<c r="F1" t="inlineStr"><is><t>=1+1</t></is></c></row>' +
        "</sheetData>",
    );
  });

  it("makes room for a row longer than the buffer, mid-row, and keeps the cells in order", () => {
    // 40 cells of Excel's most, 32,767 characters of 3 bytes each: about 3.9 MB, more than one buffer.
    const long = "€".repeat(32_767);
    const builder = new SheetDataBuilder(new InlineStrings());
    builder.row(1, ["Zoë", ...Array<string>(40).fill(long), 7], []);
    builder.row(2, ["東京"], []);
    const xml = new TextDecoder().decode(builder.finish("<h>", "</t>"));
    expect(xml).toBe(
      '<h><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Zoë</t></is></c>' +
        `<c t="inlineStr"><is><t>${long}</t></is></c>`.repeat(40) +
        '<c><v>7</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>東京</t></is></c></row></sheetData></t>',
    );
  });

  it("cuts a text past Excel's 32,767 characters a cell, saying so", () => {
    const builder = new SheetDataBuilder(new InlineStrings());
    builder.row(1, ["x".repeat(40_000)], []);
    const xml = new TextDecoder().decode(builder.finish("", ""));
    const text = /<t>([^<]*)<\/t>/.exec(xml)![1];
    expect(text).toHaveLength(32_767);
    expect(text.endsWith(" … [cut to Excel's 32,767 characters a cell; 40,000 in all]")).toBe(true);
  });
});

describe("SheetDataBuilder streaming to a sink", () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => [`Rep ${i % 97}`, i * 1.25, i % 3 === 0 ? null : "Q" + (i % 4), i % 2 === 0]);

  function inMemory(n: number, head: string, tail: string): Uint8Array {
    const builder = new SheetDataBuilder(new InlineStrings());
    rows(n).forEach((row, i) => builder.row(i + 1, row, [0, 3]));
    return builder.finish(head, tail);
  }

  it("hands the same bytes to the sink, a megabyte at a time into a reused buffer, as it builds in memory", () => {
    const chunks: Uint8Array[] = [];
    let largest = 0;
    const builder = new SheetDataBuilder(
      new InlineStrings(),
      {
        write: (chunk) => {
          largest = Math.max(largest, chunk.length);
          chunks.push(chunk.slice()); // the builder reuses its buffer: keep a copy
        },
      },
      "<head>",
    );
    rows(60_000).forEach((row, i) => builder.row(i + 1, row, [0, 3]));
    builder.end("<tail/>");
    expect(chunks.length).toBeGreaterThan(2);
    expect(largest).toBeLessThanOrEqual(1 << 20);
    expect(Buffer.concat(chunks).equals(Buffer.from(inMemory(60_000, "<head>", "<tail/>")))).toBe(true);
  });

  it("deflated as it is written, inflates back to the same part, with its CRC and size", () => {
    const sink = new DeflatingSink(1);
    const builder = new SheetDataBuilder(new InlineStrings(), sink, "<h>");
    rows(60_000).forEach((row, i) => builder.row(i + 1, row, [0, 3]));
    builder.end("</h>");
    const part = sink.end();
    const expected = Buffer.from(inMemory(60_000, "<h>", "</h>"));
    expect(part.chunks.length).toBeGreaterThan(2);
    expect(part.chunks[part.chunks.length - 1]).toEqual(FINAL_EMPTY_BLOCK);
    const inflated = inflateRawSync(Buffer.concat(part.chunks.map((c) => Buffer.from(c))));
    expect(inflated.equals(expected)).toBe(true);
    expect(part.size).toBe(expected.length);
    expect(part.compressedSize).toBe(part.chunks.reduce((n, c) => n + c.length, 0));
    expect(part.crc).toBe(crc32(expected));
  });
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE } from "./harness";
import { applyMutations, loadParts, type Mutation } from "./mutate";
import { runCase } from "./runCase";

/** What the fuzz found, each replayed as its smallest case: the outcome it must have now. */
describe("fuzz findings, kept fixed", () => {
  const base = loadParts(readFileSync(EXAMPLE));
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "compplan-findings-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (mutations: Mutation[]) => runCase(applyMutations(base, mutations), dir);

  it("[Content_Types].xml cut before </Types>: exit 2 naming the part (was exit 3, 'internal')", () => {
    // Part 0 is [Content_Types].xml; cutting at its last '<' drops the closing tag.
    const result = run([{ kind: "xml", part: 0, at: 99_994, op: "cut", length: 0, text: "" }]);
    expect(result.outcome).toBe("unreadable");
    expect(result.detail).toMatch(
      /case\.xlsx: The \.xlsx file is damaged: \[Content_Types\]\.xml has no <Types> element\.$/,
    );
  });

  it("[Content_Types].xml that cannot be inflated: exit 2 (was exit 3, found while choosing the output's kind)", () => {
    const result = run([{ kind: "zipByte", at: 29, xor: 153 }]);
    expect(result.outcome).toBe("unreadable");
    expect(result.detail).toMatch(
      /case\.xlsx is not a readable \.xlsx workbook: The \.xlsx file is damaged: part \[Content_Types\]\.xml cannot be decompressed/,
    );
  });

  it("Settings cut short, leaving FX EUR empty: a located error on its cell (was exit 3, 'No FX rate for EUR')", () => {
    // Part 29 is the Settings sheet: cutting it drops the FX rate's value (the cell lacks its closing tag).
    const result = run([
      { kind: "xml", part: 29, at: 39_609, op: "cut", length: 0, text: "" },
      { kind: "xml", part: 0, at: 9_710, op: "cut", length: 0, text: "" },
    ]);
    expect(result.outcome).toBe("located error");
    expect(result.detail).toMatch(/Settings!B5 .*FX rate FX EUR is empty: enter how many USD one EUR is worth/);
  });

  it("a zip directory entry whose extra field runs past the end of the file: exit 2 (was a RangeError, exit 3)", () => {
    const result = run([{ kind: "zipByte", at: 1_823_590_895, xor: 133 }]);
    expect(result.outcome).toBe("unreadable");
    expect(result.detail).toMatch(/The \.xlsx file is damaged: a zip directory entry runs past the end of the file\.$/);
  });

  it("docProps/app.xml listing fewer titles than its count: the part is left alone and the run succeeds (was a TypeError)", () => {
    // Part 2 is docProps/app.xml; repeating a span from its 12th tag breaks the titles' vector.
    const result = run([{ kind: "xml", part: 2, at: 12, op: "repeat", length: 136, text: "</c>" }]);
    expect(result).toMatchObject({ outcome: "success" });
  });
});

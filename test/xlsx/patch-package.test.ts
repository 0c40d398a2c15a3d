import { unzipSync } from "fflate";
import { OWNED_MARK as ADDIN_MARK } from "../../src/excel/ownership";
import { addResultSheets, OWNED_MARK, patchWorkbook, workbookExtension } from "../../src/xlsx/patch";
import { readCentralDirectory, readRawEntry } from "../../src/xlsx/zip/zip-reader";
import { asMacroEnabled, resultSpecs, unreachableParts, userWorkbook, withCalcChain } from "./patch-fixtures";
import { attr, hasXmllint, packageProblems, tags, unzipParts, xmllintErrors, type Parts } from "./package-checks";

const CREATED = new Date(Date.UTC(2026, 2, 1, 9, 30));
/** The parts adding sheets has to rewrite; everything else must come out as it went in. */
const CHANGED = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "docProps/app.xml",
];

function rawEntries(bytes: Uint8Array): Map<string, { crc: number; data: Uint8Array }> {
  return new Map(readCentralDirectory(bytes).map((e) => [e.name, { crc: e.crc, data: readRawEntry(bytes, e) }]));
}

function xmlParts(parts: Parts): Parts {
  return Object.fromEntries(Object.entries(parts).filter(([name]) => /\.(xml|rels)$/.test(name)));
}

function definedNames(workbookXml: string): { name: string; local: string | undefined; text: string }[] {
  return [...workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
    name: attr(m[1], "name") ?? "",
    local: attr(m[1], "localSheetId"),
    text: m[2],
  }));
}

describe("addResultSheets: the user's package plus our sheets", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let inParts: Parts;
  let outParts: Parts;

  beforeAll(async () => {
    // calcChain lists the formulas of Inputs (sheetId 1): it must survive untouched.
    input = withCalcChain(await userWorkbook(), [
      ["D2", 1],
      ["D3", 1],
      ["D4", 1],
    ]);
    output = addResultSheets({ input, sheets: resultSpecs(), createdAt: CREATED });
    inParts = unzipParts(input);
    outParts = unzipParts(output);
  });

  it("copies every part it does not change as the same stored bytes (no inflate, no deflate)", () => {
    const before = rawEntries(input);
    const after = rawEntries(output);
    const copied = [...before.keys()].filter((name) => !CHANGED.includes(name));
    expect(copied).toEqual(
      expect.arrayContaining(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/calcChain.xml"]),
    );
    for (const name of copied) {
      expect(after.get(name)?.crc).toBe(before.get(name)?.crc);
      expect(Buffer.from(after.get(name)!.data).equals(Buffer.from(before.get(name)!.data))).toBe(true);
    }
    // And uncompressed, read by an independent unzip.
    const inFiles = unzipSync(input);
    const outFiles = unzipSync(output);
    for (const name of copied) expect(Buffer.from(outFiles[name]).equals(Buffer.from(inFiles[name]))).toBe(true);
    // The changed parts are the only ones that differ, and all of them do here.
    for (const name of CHANGED) expect(outParts[name]).not.toBe(inParts[name]);
  });

  it("adds the result sheets after the last sheet, each marked with the add-in's mark", () => {
    const sheets = tags(outParts["xl/workbook.xml"], "sheet").map((t) => [attr(t, "name"), attr(t, "sheetId")]);
    expect(sheets).toEqual([
      ["Inputs", "1"],
      ["Notes", "2"],
      ["Results_Summary", "3"],
      ["Results_PayoutCurve", "4"],
    ]);
    expect(OWNED_MARK).toBe(ADDIN_MARK);
    const names = definedNames(outParts["xl/workbook.xml"]);
    // The user's names as they were (the print area still scoped to Notes, index 1), then ours on sheets 2 and 3:
    // the mark, and the rows each result sheet repeats on every printed page (title, subtitle, blank, header).
    expect(names).toEqual([
      ...definedNames(inParts["xl/workbook.xml"]),
      { name: "CompPlan_Owned", local: "2", text: "&quot;CompPlan results&quot;" },
      { name: "_xlnm.Print_Titles", local: "2", text: "'Results_Summary'!$1:$4" },
      { name: "CompPlan_Owned", local: "3", text: "&quot;CompPlan results&quot;" },
      { name: "_xlnm.Print_Titles", local: "3", text: "'Results_PayoutCurve'!$1:$4" },
    ]);
    expect(names.some((n) => n.name === "_xlnm.Print_Area" && n.local === "1")).toBe(true);
  });

  it("appends styles: the user's entries keep their indexes, ours follow with fresh number format ids", () => {
    const list = (xml: string, name: string) => new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? "";
    for (const name of ["numFmts", "fonts", "cellXfs"]) {
      expect(list(outParts["xl/styles.xml"], name).startsWith(list(inParts["xl/styles.xml"], name))).toBe(true);
    }
    for (const name of ["fills", "borders", "cellStyleXfs", "dxfs"]) {
      expect(list(outParts["xl/styles.xml"], name)).toBe(list(inParts["xl/styles.xml"], name));
    }
    const formats = tags(outParts["xl/styles.xml"], "numFmt").map((t) => [attr(t, "numFmtId"), attr(t, "formatCode")]);
    // exceljs gave the user's euro format 164 (and 0.0% is its own id); ours: #,##0.00 is built-in 4,
    // 0.0% is reused, 0.00"x" is new and gets the next id.
    const euro = formats.find((f) => f[1] === "&quot;€&quot;#,##0.00");
    expect(euro).toBeDefined();
    const ids = formats.map((f) => Number(f[0]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(formats.filter((f) => f[1] === "0.0%")).toHaveLength(1);
    const multiple = formats.find((f) => f[1] === "0.00&quot;x&quot;");
    expect(Number(multiple?.[0])).toBe(Math.max(...ids));
    expect(Number(multiple?.[0])).toBeGreaterThanOrEqual(164);
    // count attributes say how many entries there are.
    for (const [listName, item] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["cellXfs", "xf"],
    ]) {
      const open = tags(outParts["xl/styles.xml"], listName)[0];
      expect(Number(attr(open, "count"))).toBe(tags(list(outParts["xl/styles.xml"], listName), item).length);
    }
  });

  it("keeps calcChain, which lists only the user's sheet", () => {
    expect(outParts["xl/calcChain.xml"]).toBe(inParts["xl/calcChain.xml"]);
    expect(outParts["xl/_rels/workbook.xml.rels"]).toContain("calcChain.xml");
  });

  it("gives tables unique ids and names and new parts unused names (the image already has drawing1)", () => {
    const tables = Object.keys(outParts).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n));
    const ids = tables.map((n) => attr(tags(outParts[n], "table")[0], "id"));
    const names = tables.map((n) => attr(tags(outParts[n], "table")[0], "name")?.toLowerCase());
    expect(new Set(ids).size).toBe(tables.length);
    expect(new Set(names).size).toBe(tables.length);
    expect(names).toEqual(expect.arrayContaining(["reps", "results_summary", "results_payoutcurve"]));
    expect(outParts["xl/drawings/drawing1.xml"]).toBe(inParts["xl/drawings/drawing1.xml"]);
    expect(outParts["xl/drawings/drawing2.xml"]).toContain("c:chart");
  });

  it("lists the new sheets in docProps/app.xml", () => {
    const titles = [...outParts["docProps/app.xml"].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    expect(titles).toEqual(["Worksheets", "Inputs", "Notes", "Results_Summary", "Results_PayoutCurve"]);
    expect(outParts["docProps/app.xml"]).toContain("<vt:i4>4</vt:i4>");
    expect(outParts["docProps/app.xml"]).toContain('<vt:vector size="4" baseType="lpstr">');
  });

  it("adds no package problem: typed parts, resolvable relationships, nothing unreachable", () => {
    // exceljs types its image by extension (Default), which package-checks counts as a problem: compare with the input.
    const known = new Set(packageProblems(inParts));
    expect(packageProblems(outParts).filter((p) => !known.has(p))).toEqual([]);
    expect(unreachableParts(outParts)).toEqual([]);
  });

  (hasXmllint() ? it : it.skip)("writes only well-formed XML (xmllint)", () => {
    expect(xmllintErrors(xmlParts(outParts))).toBe("");
  });

  it("reports what it did", () => {
    const result = patchWorkbook({ input, sheets: resultSpecs(), createdAt: CREATED });
    expect(result).toMatchObject({
      added: ["Results_Summary", "Results_PayoutCurve"],
      replaced: [],
      leftAlone: [],
      extension: ".xlsx",
    });
    // Same input, same time stamp: the same bytes.
    expect(Buffer.from(result.bytes).equals(Buffer.from(output))).toBe(true);
  });
});

describe("addResultSheets on a macro-enabled workbook", () => {
  it("keeps the package's content type and the VBA project byte for byte", async () => {
    const input = asMacroEnabled(await userWorkbook());
    expect(workbookExtension(input)).toBe(".xlsm");
    const result = patchWorkbook({ input, sheets: resultSpecs(), createdAt: CREATED });
    expect(result.extension).toBe(".xlsm");
    const parts = unzipParts(result.bytes);
    expect(parts["[Content_Types].xml"]).toContain(
      'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    );
    expect(parts["[Content_Types].xml"]).toContain('<Default Extension="bin"');
    const before = rawEntries(input).get("xl/vbaProject.bin")!;
    const after = rawEntries(result.bytes).get("xl/vbaProject.bin")!;
    expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(true);
    expect(parts["xl/_rels/workbook.xml.rels"]).toContain('Target="vbaProject.bin"');
  });
});

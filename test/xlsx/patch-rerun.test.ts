import ExcelJS from "exceljs";
import { addResultSheets, patchWorkbook, ResultSheetConflictError } from "../../src/xlsx/patch";
import { readCentralDirectory, readRawEntry } from "../../src/xlsx/zip/zip-reader";
import { editPackage, resultSpecs, text, unreachableParts, userWorkbook, withCalcChain } from "./patch-fixtures";
import { attr, hasXmllint, packageProblems, tags, unzipParts, xmllintErrors, type Parts } from "./package-checks";

const AT = new Date(Date.UTC(2026, 2, 1));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function tableParts(parts: Parts): { part: string; id: string; name: string }[] {
  return Object.keys(parts)
    .filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))
    .map((part) => {
      const tag = tags(parts[part], "table")[0];
      return { part, id: attr(tag, "id") ?? "", name: attr(tag, "name") ?? "" };
    });
}

function raw(bytes: Uint8Array, name: string): Buffer {
  const entry = readCentralDirectory(bytes).find((e) => e.name === name)!;
  return Buffer.from(readRawEntry(bytes, entry));
}

describe("a rerun over our own output", () => {
  let first: Uint8Array;
  let second: Uint8Array;
  let firstParts: Parts;
  let secondParts: Parts;

  beforeAll(async () => {
    first = addResultSheets({ input: await userWorkbook(), sheets: resultSpecs(1), createdAt: AT });
    second = addResultSheets({ input: first, sheets: resultSpecs(2), createdAt: AT });
    firstParts = unzipParts(first);
    secondParts = unzipParts(second);
  });

  it("replaces our sheets where they stand: same tabs, sheetIds and marks, new values", async () => {
    const sheets = (p: Parts) =>
      tags(p["xl/workbook.xml"], "sheet").map((t) => [attr(t, "name"), attr(t, "sheetId"), attr(t, "r:id")]);
    expect(sheets(secondParts)).toEqual(sheets(firstParts));
    expect(secondParts["xl/workbook.xml"]).toBe(firstParts["xl/workbook.xml"]);
    const wb = await load(second);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Inputs", "Notes", "Results_Summary", "Results_PayoutCurve"]);
    // Run 2 doubles the money: 1,234.56 × 2 = 2,469.12; the curve's multiple at 150% is 1.5 × 2 = 3.
    expect(wb.getWorksheet("Results_Summary")!.getCell("B5").value).toBe(2469.12);
    expect(wb.getWorksheet("Results_Summary")!.getCell("A2").value).toBe("Computed from user.xlsx (run 2)");
    expect(wb.getWorksheet("Results_PayoutCurve")!.getCell("B8").value).toBe(3);
  });

  it("deletes the old sheets' parts with them: no duplicate tables, no orphans, every part typed", () => {
    const tables = tableParts(secondParts);
    expect(tables.map((t) => t.name).sort()).toEqual(["Reps", "Results_PayoutCurve", "Results_Summary"]);
    expect(new Set(tables.map((t) => t.id)).size).toBe(3);
    expect(Object.keys(secondParts).filter((n) => /^xl\/charts\//.test(n) && !n.endsWith("/"))).toHaveLength(1);
    expect(unreachableParts(secondParts)).toEqual([]);
    const known = new Set(packageProblems(firstParts));
    expect(packageProblems(secondParts).filter((p) => !known.has(p))).toEqual([]);
    if (hasXmllint()) {
      const xml = Object.fromEntries(Object.entries(secondParts).filter(([n]) => /\.(xml|rels)$/.test(n)));
      expect(xmllintErrors(xml)).toBe("");
    }
  });

  it("reuses the styles it appended before: styles.xml is copied unchanged", () => {
    expect(raw(second, "xl/styles.xml").equals(raw(first, "xl/styles.xml"))).toBe(true);
    // The user's parts are still the stored bytes of the original.
    expect(raw(second, "xl/worksheets/sheet1.xml").equals(raw(first, "xl/worksheets/sheet1.xml"))).toBe(true);
  });

  it("leaves an earlier result sheet this run does not produce as it was", () => {
    const summaryOnly = patchWorkbook({ input: second, sheets: [resultSpecs(3)[0]], createdAt: AT });
    expect(summaryOnly).toMatchObject({ added: [], replaced: ["Results_Summary"], leftAlone: ["Results_PayoutCurve"] });
    const rels = (p: Parts) => p["xl/_rels/workbook.xml.rels"];
    const curvePart = /Id="rId\d+"[^>]*Target="(worksheets\/sheet\d+\.xml)"[^>]*\/><\/Relationships>/.exec(
      rels(secondParts),
    )?.[1];
    expect(curvePart).toBeDefined();
    expect(raw(summaryOnly.bytes, `xl/${curvePart}`).equals(raw(second, `xl/${curvePart}`))).toBe(true);
  });
});

describe("names that belong to the user", () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await userWorkbook();
  });

  async function withUserSheet(configure: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = await load(input);
    configure(wb);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it("refuses a sheet of the same name that we did not write, whatever its letter case", async () => {
    const bytes = await withUserSheet((wb) => (wb.addWorksheet("results_summary").getCell("A1").value = "mine"));
    expect(() => addResultSheets({ input: bytes, sheets: resultSpecs() })).toThrow(ResultSheetConflictError);
    expect(() => addResultSheets({ input: bytes, sheets: resultSpecs() })).toThrow(
      /already has a sheet named "results_summary" that compplan did not create.*Rename or delete that sheet/,
    );
  });

  it("refuses a user's table that already has a result table's name", async () => {
    const bytes = await withUserSheet((wb) =>
      wb
        .addWorksheet("Mine")
        .addTable({ name: "Results_PayoutCurve", ref: "A1", columns: [{ name: "X" }], rows: [[1]] }),
    );
    expect(() => addResultSheets({ input: bytes, sheets: resultSpecs() })).toThrow(
      /already has a table named "Results_PayoutCurve" \(on sheet "Mine"\).*Rename that table/,
    );
  });

  it("refuses a workbook-level defined name equal to a result table's name", async () => {
    const bytes = await withUserSheet((wb) => wb.definedNames.add("Inputs!$A$1", "Results_Summary"));
    expect(() => addResultSheets({ input: bytes, sheets: resultSpecs() })).toThrow(/defined name "Results_Summary"/);
  });
});

describe("a sheet the add-in wrote (marked, with a table of its name and formulas in calcChain)", () => {
  let input: Uint8Array;
  let parts: Parts;

  beforeAll(async () => {
    const wb = await load(await userWorkbook());
    const sheet = wb.addWorksheet("Results_Summary");
    sheet.addTable({
      name: "Results_Summary",
      ref: "A4",
      columns: [{ name: "RepID" }, { name: "Pay" }],
      rows: [["E1", 5]],
    });
    sheet.getCell("D5").value = { formula: "B5*2", result: 10 };
    const marked = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    // The add-in's mark on sheet index 2; calcChain lists Inputs (sheetId 1) and the marked sheet (sheetId 3).
    input = withCalcChain(
      editPackage(marked, (p) => {
        p["xl/workbook.xml"] = text(p, "xl/workbook.xml").replace(
          "</definedNames>",
          '<definedName name="CompPlan_Owned" localSheetId="2" comment="Written by the CompPlan add-in, which replaces this sheet on each run.">"CompPlan results"</definedName></definedNames>',
        );
      }),
      [
        ["D2", 1],
        ["D5", 3],
      ],
    );
    parts = unzipParts(addResultSheets({ input, sheets: resultSpecs(), createdAt: AT }));
  });

  it("replaces it in place and takes over its table's name", () => {
    const sheets = tags(parts["xl/workbook.xml"], "sheet").map((t) => attr(t, "name"));
    expect(sheets).toEqual(["Inputs", "Notes", "Results_Summary", "Results_PayoutCurve"]);
    expect(
      tableParts(parts)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["Reps", "Results_PayoutCurve", "Results_Summary"]);
    // The add-in's mark is kept, ours is added for the new sheet only.
    expect(parts["xl/workbook.xml"].match(/name="CompPlan_Owned"/g)).toHaveLength(2);
  });

  it("drops calcChain (it listed the replaced sheet), its relationship and its content type", () => {
    expect(parts["xl/calcChain.xml"]).toBeUndefined();
    expect(parts["xl/_rels/workbook.xml.rels"]).not.toContain("calcChain");
    expect(parts["[Content_Types].xml"]).not.toContain("calcChain");
    expect(unreachableParts(parts)).toEqual([]);
  });
});

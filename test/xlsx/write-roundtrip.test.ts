import ExcelJS from "exceljs";
import type { RawTable, SheetSpec } from "../../src/workbook/types";
import { readXlsx } from "../../src/xlsx/read";
import { writeXlsx } from "../../src/xlsx/write";
import { attr, hasXmllint, packageProblems, tags, unzipParts, xmllintErrors, type Parts } from "./package-checks";

const TRICKY_TEXT = [
  '=HYPERLINK("http://x","y")',
  "+1",
  "-2",
  "@x",
  "Zoë 東京 🚀",
  'A & B <c> "d"',
  "  padded  ",
  "two\nlines",
];

const payouts: SheetSpec = {
  name: "Results_Payouts",
  title: "Payouts by rep, period and measure",
  subtitle: "Computed 2026-03-01 from acme-comp.xlsx",
  columns: [
    { header: "RepID", format: "text" },
    { header: "Period", format: "text" },
    { header: "StartDate", format: "date" },
    { header: "Attainment", format: "percent" },
    { header: "Rate", format: "multiple" },
    { header: "Payout", format: "money", width: 16 },
    { header: "Count", format: "integer" },
    { header: "Factor", format: "decimal" },
    { header: "Capped", format: "boolean" },
  ],
  rows: TRICKY_TEXT.map((text, i) => [
    text,
    "2026-Q1",
    46023 + i,
    1.05 + i / 100,
    1.5,
    1234.56 * (i + 1),
    i,
    0.123456789,
    i % 2 === 0,
  ]),
};

const issues: SheetSpec = {
  name: "Results_Issues",
  title: "Problems found",
  subtitle: "None",
  columns: [
    { header: "Severity", format: "text" },
    { header: "Message", format: "text" },
  ],
  rows: [],
};

const repsInput: RawTable = {
  name: "Reps",
  sheet: "Reps",
  source: "table",
  headerRow: 3,
  firstColumn: 2,
  headers: ["RepID", "Base", "StartDate", ""],
  rows: [
    ["E1", 120000, 45292, null],
    ["+1", null, 45658.5, "note"],
  ],
  numberFormats: [
    [null, '"$"#,##0', "yyyy-mm-dd", null],
    [null, null, "yyyy-mm-dd", null],
  ],
};

// Two input tables on one sheet whose name needs fixing: the copies need distinct sheet names.
const quotasInput: RawTable = {
  name: "Quotas 2026",
  sheet: "Inputs*",
  source: "table",
  headerRow: 1,
  firstColumn: 1,
  headers: ["RepID", "Quota"],
  rows: [["E1", 1e6]],
};
const actualsInput: RawTable = {
  ...quotasInput,
  name: "Actuals",
  headers: ["RepID", "Amount"],
  rows: [["E1", 250000.25]],
};

const ABOUT = ["Compensation model results", "Source: acme-comp.xlsx", "", "Sheets: Results_Payouts, Results_Issues"];

describe("writeXlsx round trip", () => {
  let bytes: Uint8Array;
  let parts: Parts;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = writeXlsx({
      sheets: [payouts, issues],
      inputCopies: [repsInput, quotasInput, actualsInput],
      about: ABOUT,
      createdAt: new Date(Date.UTC(2026, 2, 1, 9, 30)),
    });
    parts = unzipParts(bytes);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  });

  it("writes About first, then result sheets in order, then input copies with valid, distinct names", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "About",
      "Results_Payouts",
      "Results_Issues",
      "Reps",
      "Inputs_",
      "Inputs_ (2)",
    ]);
  });

  it("writes the About lines in column A, the first bold", () => {
    const about = wb.getWorksheet("About")!;
    expect([1, 2, 3, 4].map((r) => about.getCell(`A${r}`).value)).toEqual([ABOUT[0], ABOUT[1], null, ABOUT[3]]);
    expect(about.getCell("A1").font?.bold).toBe(true);
    expect(about.getCell("A2").font?.bold).toBeFalsy();
  });

  it("lays out a result sheet: title, italic subtitle, blank row, header in row 4, body from row 5", () => {
    const ws = wb.getWorksheet("Results_Payouts")!;
    expect(ws.getCell("A1").value).toBe(payouts.title);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getCell("A2").value).toBe(payouts.subtitle);
    expect(ws.getCell("A2").font?.italic).toBe(true);
    expect(ws.getRow(3).cellCount).toBe(0);
    expect(ws.getRow(4).values).toEqual([undefined, ...payouts.columns.map((c) => c.header)]);
  });

  it("keeps every string as text, never a formula", () => {
    const ws = wb.getWorksheet("Results_Payouts")!;
    TRICKY_TEXT.forEach((text, i) => {
      const cell = ws.getCell(`A${5 + i}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
    });
    expect(parts["xl/worksheets/sheet2.xml"]).not.toContain("<f>");
  });

  it("writes values with the number format of their column", () => {
    const ws = wb.getWorksheet("Results_Payouts")!;
    const row = ws.getRow(6); // body row 1
    // exceljs turns date-formatted serials into Dates: 46024 = 2026-01-02.
    expect(row.getCell(3).value).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(row.getCell(4).value).toBe(1.06);
    expect(row.getCell(6).value).toBe(2469.12);
    expect(row.getCell(9).value).toBe(false);
    expect(payouts.columns.map((_, j) => row.getCell(j + 1).numFmt ?? null)).toEqual([
      "@",
      "@",
      "yyyy-mm-dd",
      "0.0%",
      '0.00"x"',
      "#,##0.00",
      "#,##0",
      "0.0000",
      null, // boolean: General
    ]);
  });

  it("freezes the pane below the header row", () => {
    expect(wb.getWorksheet("Results_Payouts")!.views[0]).toMatchObject({
      state: "frozen",
      ySplit: 4,
      topLeftCell: "A5",
    });
    expect(wb.getWorksheet("Reps")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
  });

  it("sets column widths: given ones as they are, others estimated within 8-50", () => {
    const ws = wb.getWorksheet("Results_Payouts")!;
    expect(ws.getColumn(6).width).toBe(16);
    // "Attainment" is 10 characters + 3 for the filter button + 1 = 14.
    expect(ws.getColumn(4).width).toBe(14);
    // Boolean column: "Capped" 6 + 3 + 1 = 10.
    expect(ws.getColumn(9).width).toBe(10);
    for (let j = 1; j <= payouts.columns.length; j++) {
      expect(ws.getColumn(j).width).toBeGreaterThanOrEqual(8);
      expect(ws.getColumn(j).width).toBeLessThanOrEqual(50);
    }
  });

  it("makes each result an Excel table named like the sheet over header and body", () => {
    const table = (sheet: string) =>
      wb.getWorksheet(sheet)!.getTables()[0] as unknown as { table: { name: string; tableRef: string } };
    expect(table("Results_Payouts").table.name).toBe("Results_Payouts");
    // 8 body rows: header row 4 to row 12, columns A..I.
    expect(table("Results_Payouts").table.tableRef).toBe("A4:I12");
    // No results still makes a valid table: one empty body row.
    expect(table("Results_Issues").table.tableRef).toBe("A4:B5");
  });

  it("writes table parts Excel accepts: unique ids, style, filter, column names equal to header cells", () => {
    const tables = Object.keys(parts).filter((p) => p.startsWith("xl/tables/"));
    expect(tables).toHaveLength(5);
    const ids = tables.map((p) => attr(tags(parts[p], "table")[0], "id"));
    expect(new Set(ids).size).toBe(5);
    const payoutTable = parts["xl/tables/table1.xml"];
    expect(payoutTable).toContain(
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1"',
    );
    expect(payoutTable).toContain('<autoFilter ref="A4:I12"/>');
    expect(attr(tags(payoutTable, "tableColumns")[0], "count")).toBe("9");
    expect(tags(payoutTable, "tableColumn").map((t) => attr(t, "name"))).toEqual(payouts.columns.map((c) => c.header));
  });

  it("copies inputs as values with header in row 1, tables named like the original (fixed when invalid)", () => {
    const reps = wb.getWorksheet("Reps")!;
    expect(reps.getRow(1).values).toEqual([undefined, "RepID", "Base", "StartDate", "Column4"]);
    expect(reps.getCell("B2").value).toBe(120000);
    expect(reps.getCell("B2").numFmt).toBe('"$"#,##0');
    expect(reps.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(reps.getCell("A3").value).toBe("+1");
    const names = wb.worksheets.flatMap((ws) =>
      ws.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name),
    );
    expect(names).toEqual(["Results_Payouts", "Results_Issues", "Reps", "Quotas_2026", "Actuals"]);
  });

  it("reads back with our own reader to the same values and formats", () => {
    const tables = readXlsx(bytes);
    const payoutTable = tables.find((t) => t.source === "table" && t.name === "Results_Payouts")!;
    expect(payoutTable.headerRow).toBe(4);
    expect(payoutTable.headers).toEqual(payouts.columns.map((c) => c.header));
    expect(payoutTable.rows).toEqual(payouts.rows.map((r) => r.map((v) => v)));
    expect(payoutTable.numberFormats?.[0]).toEqual([
      "@",
      "@",
      "yyyy-mm-dd",
      "0.0%",
      '0.00"x"',
      "#,##0.00",
      "#,##0",
      "0.0000",
      null,
    ]);
    const issuesTable = tables.find((t) => t.source === "table" && t.name === "Results_Issues")!;
    expect(issuesTable.rows).toEqual([]); // the placeholder body row is empty and trimmed
    const reps = tables.find((t) => t.source === "table" && t.name === "Reps")!;
    expect(reps.headerRow).toBe(1);
    expect(reps.rows).toEqual(repsInput.rows);
    expect(reps.numberFormats).toEqual(repsInput.numberFormats);
  });

  it("keeps counts right: shared strings, styles, table parts", () => {
    const sst = parts["xl/sharedStrings.xml"];
    const sstTag = tags(sst, "sst")[0];
    const stringCells = Object.entries(parts)
      .filter(([p]) => p.startsWith("xl/worksheets/sheet"))
      .reduce((n, [, xml]) => n + (xml.match(/t="s"/g)?.length ?? 0), 0);
    expect(Number(attr(sstTag, "count"))).toBe(stringCells);
    expect(Number(attr(sstTag, "uniqueCount"))).toBe(tags(sst, "si").length);
    const styles = parts["xl/styles.xml"];
    const cellXfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
    expect(tags(cellXfs[2], "xf")).toHaveLength(Number(cellXfs[1]));
    const numFmts = /<numFmts count="(\d+)">([\s\S]*?)<\/numFmts>/.exec(styles)!;
    expect(tags(numFmts[2], "numFmt")).toHaveLength(Number(numFmts[1]));
    const sheet2 = parts["xl/worksheets/sheet2.xml"];
    expect(sheet2).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
  });

  it("has a content type for every part and a part for every relationship", () => {
    expect(packageProblems(parts)).toEqual([]);
  });

  (hasXmllint() ? it : it.skip)("writes only well-formed XML parts (xmllint)", () => {
    expect(xmllintErrors(parts)).toBe("");
  });

  it("writes the same bytes for the same input and creation time", () => {
    const again = writeXlsx({
      sheets: [payouts, issues],
      inputCopies: [repsInput, quotasInput, actualsInput],
      about: ABOUT,
      createdAt: new Date(Date.UTC(2026, 2, 1, 9, 30)),
    });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(parts["docProps/core.xml"]).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T09:30:00Z</dcterms:created>',
    );
  });
});

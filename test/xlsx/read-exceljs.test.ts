import ExcelJS from "exceljs";
import type { RawTable } from "../../src/workbook/types";
import { readXlsx } from "../../src/xlsx/read";

/** Reader against workbooks that exceljs (an independent writer) builds. */

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function find(tables: readonly RawTable[], name: string, source: RawTable["source"]): RawTable {
  const table = tables.find((t) => t.name === name && t.source === source);
  if (!table) throw new Error(`no ${source} ${name} among ${tables.map((t) => `${t.source}:${t.name}`).join(", ")}`);
  return table;
}

describe("readXlsx on workbooks written by exceljs", () => {
  let tables: RawTable[];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();

    // A table at A1 with dates, percents, money, formulas with cached results, booleans and errors.
    const reps = wb.addWorksheet("Reps");
    reps.addTable({
      name: "Reps",
      ref: "A1",
      headerRow: true,
      columns: [
        { name: "RepID" },
        { name: "Start" },
        { name: "Weight" },
        { name: "Base" },
        { name: "Bonus" },
        { name: "Active" },
      ],
      rows: [
        ["E1", new Date(Date.UTC(2026, 0, 1)), 0.7, 120000.5, { formula: "D2*0.1", result: 12000.05 }, true],
        ["E2", new Date(Date.UTC(2024, 1, 29)), 1.25, 95000, { formula: "NA()", result: { error: "#N/A" } }, false],
        ["E3", null, null, null, null, null],
        ["E4", 46100, 0.5, 1, { formula: '"x"&"y"', result: "xy" }, true],
      ],
    });
    reps.getColumn(2).numFmt = "yyyy-mm-dd";
    reps.getColumn(3).numFmt = "0%";
    reps.getColumn(4).numFmt = "#,##0.00";

    // A table not at A1, with a totals row, a title above it and a note beside it.
    const plans = wb.addWorksheet("Plan Sheet");
    plans.getCell("A1").value = "Plans for 2026";
    plans.addTable({
      name: "Plans",
      ref: "C4",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Plan", totalsRowLabel: "Total" },
        { name: "Weight", totalsRowFunction: "sum" },
      ],
      rows: [
        ["AE", 0.7],
        ["AE", 0.3],
      ],
    });

    // A plain sheet: header row not in row 1, rich text, internal and trailing empty rows.
    const actuals = wb.addWorksheet("Actuals");
    actuals.getCell("B2").value = "RepID";
    actuals.getCell("C2").value = { richText: [{ text: "Amo", font: { bold: true } }, { text: "unt" }] };
    actuals.getCell("D2").value = "Period";
    actuals.getCell("B3").value = "E1";
    actuals.getCell("C3").value = 100;
    actuals.getCell("D3").value = "2026-Q1";
    actuals.getCell("B5").value = "E2";
    actuals.getCell("C5").value = -2.5;
    actuals.getCell("D5").value = { richText: [{ text: "2026-" }, { text: "Q2", font: { italic: true } }] };
    actuals.getCell("B9").numFmt = "0.00"; // styled but empty: not data
    actuals.getCell("F3").value = "outside the header span";

    wb.addWorksheet("Empty");
    tables = readXlsx(await bytesOf(wb));
  });

  it("lists tables first, then every sheet as a sheet-table, in tab order", () => {
    expect(tables.map((t) => `${t.source}:${t.name}@${t.sheet}`)).toEqual([
      "table:Reps@Reps",
      "table:Plans@Plan Sheet",
      "sheet:Reps@Reps",
      "sheet:Plan Sheet@Plan Sheet",
      "sheet:Actuals@Actuals",
      "sheet:Empty@Empty",
    ]);
  });

  it("reads a table's values: serial dates, percents as fractions, cached formula results, booleans, error text", () => {
    const reps = find(tables, "Reps", "table");
    expect(reps.headerRow).toBe(1);
    expect(reps.firstColumn).toBe(1);
    expect(reps.headers).toEqual(["RepID", "Start", "Weight", "Base", "Bonus", "Active"]);
    // 2026-01-01 is serial 46023 (days since 1899-12-30); 2024-02-29 is 45351.
    expect(reps.rows).toEqual([
      ["E1", 46023, 0.7, 120000.5, 12000.05, true],
      ["E2", 45351, 1.25, 95000, "#N/A", false],
      ["E3", null, null, null, null, null],
      ["E4", 46100, 0.5, 1, "xy", true],
    ]);
  });

  it("gives number formats for non-General cells and null otherwise", () => {
    const reps = find(tables, "Reps", "table");
    expect(reps.numberFormats?.[0]).toEqual([null, "yyyy-mm-dd", "0%", "#,##0.00", null, null]);
    // Empty cells carry no format even when their column has one.
    expect(reps.numberFormats?.[2]).toEqual([null, null, null, null, null, null]);
  });

  it("places a table that does not start at A1 and leaves out its totals row", () => {
    const plans = find(tables, "Plans", "table");
    expect(plans.sheet).toBe("Plan Sheet");
    expect(plans.headerRow).toBe(4); // C4 holds "Plan"
    expect(plans.firstColumn).toBe(3); // column C
    expect(plans.headers).toEqual(["Plan", "Weight"]);
    expect(plans.rows).toEqual([
      ["AE", 0.7],
      ["AE", 0.3],
    ]);
  });

  it("reads a plain sheet from its first non-empty row, across the non-empty header cells", () => {
    const actuals = find(tables, "Actuals", "sheet");
    expect(actuals.headerRow).toBe(2);
    expect(actuals.firstColumn).toBe(2); // B
    expect(actuals.headers).toEqual(["RepID", "Amount", "Period"]); // rich text runs joined
    // Row 4 is empty inside the data and stays (row numbers must stay right); rows after 5 are gone.
    expect(actuals.rows).toEqual([
      ["E1", 100, "2026-Q1"],
      [null, null, null],
      ["E2", -2.5, "2026-Q2"],
    ]);
  });

  it("gives a table and the sheet-table over the same cells one body (read once, held once)", () => {
    const table = find(tables, "Reps", "table");
    const sheet = find(tables, "Reps", "sheet");
    expect(sheet.headers).toEqual(table.headers);
    expect(sheet.rows).toBe(table.rows);
    expect(sheet.numberFormats).toBe(table.numberFormats);
    // Over other cells (Plans starts at C4 under a title), each has its own.
    expect(find(tables, "Plan Sheet", "sheet").rows).not.toBe(find(tables, "Plans", "table").rows);
  });

  it("reads a sheet holding a table from its first non-empty row (the title)", () => {
    const sheet = find(tables, "Plan Sheet", "sheet");
    expect(sheet.headerRow).toBe(1);
    expect(sheet.headers).toEqual(["Plans for 2026"]);
  });

  it("gives an empty sheet no headers and no rows", () => {
    const empty = find(tables, "Empty", "sheet");
    expect(empty.headers).toEqual([]);
    expect(empty.rows).toEqual([]);
  });

  it("turns 1904-system date serials into 1900-system serials", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Dates");
    ws.getCell("A1").value = "Start";
    ws.getCell("B1").value = "Count";
    // Stored as serial 44561 in the 1904 system = 2026-01-01; a plain number stays as it is.
    ws.getCell("A2").value = 44561;
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    ws.getCell("B2").value = 44561;
    const [sheet] = readXlsx(await bytesOf(wb));
    // 44561 + 1462 = 46023, serial of 2026-01-01 in the 1900 system.
    expect(sheet.rows).toEqual([[46023, 44561]]);
  });

  it("reads a headerless table's columns from its column names", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ramps");
    ws.addTable({
      name: "Ramps",
      ref: "B3",
      headerRow: false,
      columns: [{ name: "Month" }, { name: "QuotaPct" }],
      rows: [
        [1, 0.25],
        [2, 0.5],
      ],
    });
    const table = find(readXlsx(await bytesOf(wb)), "Ramps", "table");
    expect(table.headers).toEqual(["Month", "QuotaPct"]);
    // Body starts in row 3, so the (absent) header row is row 2.
    expect(table.headerRow).toBe(2);
    expect(table.rows).toEqual([
      [1, 0.25],
      [2, 0.5],
    ]);
  });
});

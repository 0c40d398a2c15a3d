import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import type { ExampleTable } from "../src/workbook/example/acme";
import type { ColumnFormat } from "../src/workbook/types";

/**
 * Turns example tables into an .xlsx with exceljs — a writer independent of
 * our own src/xlsx, so the example also tests the reader against real Excel
 * tables. Each table goes on its own sheet, named like the table.
 */

export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  decimal: "#,##0.00",
  money: '"$"#,##0',
  percent: "0%",
  precisePercent: "0.00%",
  multiple: '0.00"×"',
  date: "yyyy-mm-dd",
  boolean: "General",
};

/** Fixed timestamp for document properties and zip entries, so regenerating gives identical bytes. */
const FIXED_TIME = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

/** `more` adds sheets after the tables (examples/what-if.xlsx's What-if sheet, scripts/make-what-if.ts). */
export async function exampleXlsx(
  tables: readonly ExampleTable[],
  more?: (workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "compplan example generator";
  workbook.lastModifiedBy = "compplan example generator";
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  for (const table of tables) addTableSheet(workbook, table);
  more?.(workbook);
  const written = await workbook.xlsx.writeBuffer();
  return withFixedZipTimes(new Uint8Array(written as ArrayBuffer));
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ExampleTable): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addTable({
    name: table.name,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    // exceljs wants mutable rows; null leaves the cell empty.
    rows: table.rows.map((row) => [...row]),
  });
  table.formats.forEach((format, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = columnWidth(table, i);
    for (let r = 0; r < table.rows.length; r++) sheet.getCell(r + 2, i + 1).numFmt = NUMBER_FORMATS[format];
  });
}

/** Wide enough for the header (plus the filter button) and the longest value as displayed. */
function columnWidth(table: ExampleTable, column: number): number {
  const format = table.formats[column];
  const valueWidth = Math.max(
    0,
    ...table.rows.map((row) => {
      const v = row[column];
      if (v === null) return 0;
      if (format === "date") return 10;
      if (format === "money" && typeof v === "number") return Math.round(v).toLocaleString("en-US").length + 1;
      return String(v).length;
    }),
  );
  return Math.min(40, Math.max(table.headers[column].length + 4, valueWidth + 2));
}

/** exceljs stamps zip entries with the current time; re-zip with a fixed one so the file is byte-for-byte reproducible. */
function withFixedZipTimes(xlsx: Uint8Array): Uint8Array {
  const entries = unzipSync(xlsx);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { mtime: FIXED_TIME, level: 6 }];
  return zipSync(files);
}

import type { ColumnFormat, RawCell, RawTable } from "../types";

/**
 * One input table of an example workbook, as plain data: the CLI's example
 * generator writes it with exceljs and the task pane inserts it with Office.js,
 * so both produce the same tables.
 */
export interface ExampleTable {
  /** Table name, also used as the sheet name. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
  /** Display format per column (same length as headers). Dates are Excel serials with format "date". */
  readonly formats: readonly ColumnFormat[];
}

/**
 * Example tables as an adapter reads them back: Excel tables, each on its own
 * sheet from A1, with each column's number format (`formatCode`, the host's
 * codes) when given.
 */
export function exampleRawTables(
  tables: readonly ExampleTable[],
  formatCode?: (format: ColumnFormat) => string | null,
): RawTable[] {
  return tables.map((t) => ({
    name: t.name,
    sheet: t.name,
    source: "table",
    headerRow: 1,
    firstColumn: 1,
    headers: t.headers,
    rows: t.rows,
    ...(formatCode ? { numberFormats: t.rows.map(() => t.formats.map(formatCode)) } : {}),
  }));
}

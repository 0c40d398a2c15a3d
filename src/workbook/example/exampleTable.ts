import type { ColumnFormat, RawCell } from "../types";

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

import { TITLE_ROWS, type SheetSpec } from "./types";

/** Rows in an Excel worksheet (2^20): what any .xlsx reader, and Excel itself, can load. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** The worksheet rows a result sheet takes: title, subtitle, a blank line, the header, then its rows. */
export function sheetRowCount(sheet: { readonly rows: { readonly length: number } }): number {
  return TITLE_ROWS + 1 + sheet.rows.length;
}

export interface PastExcel {
  readonly sheet: string;
  readonly rows: number;
}

/** The result sheets that would pass Excel's last row: written, they would open cut off or not at all. */
export function sheetsPastExcel(sheets: readonly SheetSpec[], limit: number = EXCEL_MAX_ROWS): PastExcel[] {
  return sheets.filter((s) => sheetRowCount(s) > limit).map((s) => ({ sheet: s.name, rows: sheetRowCount(s) }));
}

const n = (x: number) => x.toLocaleString("en-US");

/** "Results_Payouts would take 1,080,004 rows, past Excel's 1,048,576 …" — what, and how far past. */
export function describePastExcel(past: readonly PastExcel[], limit: number = EXCEL_MAX_ROWS): string {
  const what = past.map((p) => `${p.sheet} would take ${n(p.rows)} rows`).join(", ");
  return `${what}, past Excel's limit of ${n(limit)} rows a sheet: Excel could not open ${past.length === 1 ? "it" : "them"} whole.`;
}

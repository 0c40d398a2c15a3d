import { describePastExcel, type PastExcel } from "../../workbook/sheetLimits";

/**
 * A result sheet or table name is taken by something of the user's. Nothing
 * is written: we never overwrite a sheet we did not create. The message tells
 * the user what to rename.
 */
export class ResultSheetConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ResultSheetConflictError";
  }
}

/**
 * Result sheets that would pass the row limit (Excel's last row): found as
 * they are rendered, and nothing is written. `past` says which and how far.
 */
export class SheetsPastLimitError extends Error {
  constructor(
    readonly past: readonly PastExcel[],
    readonly limit: number,
  ) {
    super(describePastExcel(past, limit));
    this.name = "SheetsPastLimitError";
  }
}

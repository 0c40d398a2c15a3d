/**
 * The plain data that crosses between the workbook contract and the adapters
 * (src/excel, src/xlsx). No Office, no exceljs.
 */

/** A cell as an adapter reads it. Dates arrive as Excel serial numbers with a date number format. */
export type RawCell = string | number | boolean | null;

/** A rectangular block read from the workbook: an Excel table, or a sheet whose first row holds headers. */
export interface RawTable {
  /** Table name (ListObject) or sheet name. */
  readonly name: string;
  readonly sheet: string;
  readonly source: "table" | "sheet";
  /** 1-based Excel row number of the header row, as the user sees it. */
  readonly headerRow: number;
  /** 1-based Excel column number of the first column. */
  readonly firstColumn: number;
  readonly headers: readonly string[];
  /** Body rows, in sheet order; trailing fully empty rows removed by the adapter. */
  readonly rows: readonly (readonly RawCell[])[];
  /** Number format per body cell where known (same shape as rows); used to tell dates and percents. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
}

export type Severity = "Error" | "Warning" | "Info";

/** A problem found in the input or the plan, located as the user sees it in Excel. */
export interface Issue {
  readonly severity: Severity;
  /** Table (or sheet) name; "" for workbook-wide problems. */
  readonly table: string;
  readonly sheet: string;
  /** Excel row number, null when the problem is not on one row. */
  readonly row: number | null;
  /** Header text as the user wrote it, null when not about one column. */
  readonly column: string | null;
  /** Excel address like "Reps!C7" when known. */
  readonly address: string | null;
  readonly message: string;
}

/** `precisePercent` shows two decimals of a percent: a BCR of 0.57%, an attainment a payout can be recomputed from. */
export type ColumnFormat =
  "text" | "integer" | "decimal" | "money" | "percent" | "precisePercent" | "multiple" | "date" | "boolean";

export interface ColumnSpec {
  readonly header: string;
  readonly format: ColumnFormat;
  /** Characters; the adapter may autofit when absent. */
  readonly width?: number;
}

/** A result cell: numbers are plain JS numbers here — rounding happened in the engine. Dates are Excel serials. */
export type SpecCell = string | number | boolean | null;

export interface ChartSeriesSpec {
  readonly name: string;
  /** 0-based column index in the table for X and Y values. */
  readonly xColumn: number;
  readonly yColumn: number;
  /** 0-based body row range [firstRow, lastRow] inclusive. */
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface ChartSpec {
  readonly kind: "line" | "scatterLine" | "stackedBar";
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Upper end of a scatter chart's X axis (e.g. 2 = 200% attainment); automatic when absent. */
  readonly xMax?: number;
  readonly series: readonly ChartSeriesSpec[];
}

/** One result sheet: a title block and one formatted Excel table, optionally charts beside it. */
export interface SheetSpec {
  /** Sheet name, e.g. "Results_Payouts" (also the table name). */
  readonly name: string;
  /** First line: what this sheet is. */
  readonly title: string;
  /** Second line: computed from what, when. */
  readonly subtitle: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly SpecCell[])[];
  readonly charts?: readonly ChartSpec[];
}

/**
 * A result sheet rendered only when it is written: `render` makes its spec,
 * which the writer lets go once the sheet is out, so a run holds one large
 * sheet at a time (the CLI's path; the pane takes the specs whole). Each call
 * renders it again.
 */
export interface PendingSheet {
  readonly name: string;
  render(): SheetSpec;
  /**
   * The same sheet with its rows made one at a time as they are asked for
   * (a writer that streams: 240,000 payout rows are never held together).
   * Absent when the sheet is small enough to render whole.
   */
  stream?(): StreamedSheet;
}

/** Body rows made on demand: `row(i)` is the i-th row (0-based), made afresh at each call. */
export interface SheetRows {
  readonly length: number;
  row(index: number): readonly SpecCell[];
}

/** A sheet whose rows are made as they are written; no charts (a chart reads the rows it plots). */
export interface StreamedSheet extends Omit<SheetSpec, "rows" | "charts"> {
  readonly rows: SheetRows;
  readonly charts?: undefined;
}

/** A sheet as a streaming writer takes it: a whole spec or one whose rows are made as written. */
export type WritableSheet = SheetSpec | StreamedSheet;

/** A sheet's spec now, or its renderer. */
export type SheetSource = SheetSpec | PendingSheet;

/** The spec of a sheet source, rendering it if need be. */
export function renderSheet(source: SheetSource): SheetSpec {
  return "render" in source ? source.render() : source;
}

/** A sheet source for a streaming writer: its rows made as written when it can, else its spec. */
export function streamSheet(source: SheetSource): WritableSheet {
  if (!("render" in source)) return source;
  return source.stream ? source.stream() : source.render();
}

/** A writable sheet's body rows by index, whichever form they come in. */
export function sheetRows(sheet: WritableSheet): SheetRows {
  const rows = sheet.rows;
  return Array.isArray(rows) ? arrayRows(rows) : (rows as SheetRows);
}

/** Rows held in an array, as SheetRows. */
export function arrayRows(rows: readonly (readonly SpecCell[])[]): SheetRows {
  return { length: rows.length, row: (i) => rows[i] };
}

/** Every row of a SheetRows, made now, as a spec's array. */
export function rowsArray(rows: SheetRows): SpecCell[][] {
  const out: SpecCell[][] = [];
  for (let i = 0; i < rows.length; i++) out.push(rows.row(i) as SpecCell[]);
  return out;
}

/** Rows of the table start here (1-based): title, subtitle, blank, header. */
export const TITLE_ROWS = 3;

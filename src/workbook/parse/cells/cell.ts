import type { RawCell } from "../../types";

/** The outcome of reading one cell: a value, or a message for the user. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail(message: string): Parsed<never> {
  return { ok: false, message };
}

/** A cell that holds something (the row reader handles empties and Excel error values first). */
export type FilledCell = Exclude<RawCell, null>;

export interface CellContext {
  /** The column header as the user wrote it, for messages. */
  readonly label: string;
  /** The cell's number format when the adapter knows it ("0%", "yyyy-mm-dd"). */
  readonly format: string | null;
}

export type CellParser<T> = (cell: FilledCell, ctx: CellContext) => Parsed<T>;

export function isEmptyCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

const EXCEL_ERRORS =
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** "#N/A" and friends: what a formula error reads as. */
export function excelErrorOf(cell: RawCell): string | null {
  // Every text cell of every row comes here: only one with a "#" can be an error (most have none).
  if (typeof cell !== "string" || !cell.includes("#")) return null;
  return EXCEL_ERRORS.test(cell.trim()) ? cell.trim().toUpperCase() : null;
}

/** How a cell is shown inside a message: text quoted, numbers as Excel would show them unformatted. */
export function show(cell: FilledCell): string {
  if (typeof cell === "string") return `"${cell.trim()}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

/** Excel number formats with a % sign outside quotes show the value × 100. */
export function isPercentFormat(format: string | null): boolean {
  return format !== null && stripLiterals(format).includes("%");
}

/** Number formats that show a date (d, m, y tokens outside quotes and brackets). */
export function isDateFormat(format: string | null): boolean {
  if (format === null) return false;
  const f = stripLiterals(format).replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(f) || /m{3,}/i.test(f) || /(^|[^h:])m{1,2}([^:s]|$)/i.test(f);
}

function stripLiterals(format: string): string {
  return format.replace(/"[^"]*"/g, "").replace(/\\./g, "");
}

/** Names compared the way users expect: case, spacing and punctuation ignored; `%` reads as "pct". */
export function normalizeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/%/g, "pct")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

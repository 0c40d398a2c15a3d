import { TITLE_ROWS, type SheetSpec, type SpecCell } from "../workbook/types";
import { blockAddress } from "./address";
import { textSafe, withinCellLimit } from "../workbook/textSafety";

/**
 * Where things go on a result sheet (0-based rows/columns): title in row 0,
 * subtitle in row 1, a blank row, the table's header at row TITLE_ROWS and
 * its body below. Charts sit to the right of the table.
 */
export const HEADER_ROW = TITLE_ROWS;
export const BODY_ROW = TITLE_ROWS + 1;
/** The blank line under the subtitle: where a sheet says it is out of date (markResultsStale). */
export const STALE_NOTE_CELL = "A3";

export function tableAddress(spec: SheetSpec): string {
  // An Excel table always has at least one body row.
  return blockAddress(HEADER_ROW, 0, 1 + Math.max(1, spec.rows.length), spec.columns.length);
}

export function bodyColumnAddress(spec: SheetSpec, column: number): string {
  return blockAddress(BODY_ROW, column, Math.max(1, spec.rows.length), 1);
}

/** Cells as they are sent: text made formula-proof and cut to a cell's limit, blanks as "" (clears), non-finite numbers blank. */
export function toWireRow(row: readonly SpecCell[]): (string | number | boolean)[] {
  return row.map((cell) => {
    if (cell === null) return "";
    if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
    // Excel takes a leading apostrophe as its "this is text" prefix and drops it ('Rep Roster'!I7 lost its first
    // quote): one more keeps the text as it is.
    if (typeof cell === "string") return withinCellLimit(cell.startsWith("'") ? `'${cell}` : textSafe(cell));
    return cell;
  });
}

/** Column width in points from a width in characters (Calibri 11: ~5.6 pt per character plus padding). */
export function widthInPoints(characters: number): number {
  return Math.round(characters * 5.6 + 8);
}

/** Top-left and bottom-right cells of the i-th chart, beside the table with one blank column between. */
export function chartPosition(spec: SheetSpec, index: number): { start: string; end: string } {
  const left = spec.columns.length + 1;
  const top = HEADER_ROW + index * 20;
  return { start: blockAddress(top, left, 1, 1), end: blockAddress(top + 18, left + 7, 1, 1) };
}

/**
 * Text a spreadsheet would run as a formula, kept as text. Excel reads a
 * string written through `Range.values` like typed input, and a spreadsheet
 * opening a CSV file does the same (CSV injection): a
 * leading =, +, - or @ makes it a formula (formula injection from a rep name
 * or a note), and tab/CR-led strings are mangled by some hosts. A leading
 * apostrophe is Excel's own "this is text" prefix: it is not part of the
 * value and is not shown. In the add-in, text columns are also formatted "@"
 * before the write, so this is the second of two guards; in CSV it is the one.
 */
const RISKY_START = /^[=+\-@\t\r]/;

export function textSafe<T>(value: T): T | string {
  return typeof value === "string" && RISKY_START.test(value) ? `'${value}` : value;
}

export function textSafeRow<T>(row: readonly T[]): (T | string)[] {
  return row.map(textSafe);
}

/** Excel's most characters in a cell: a longer text makes Excel call the file damaged and cut it on repair. */
export const CELL_TEXT_LIMIT = 32_767;

/**
 * Text that fits an Excel cell: a longer one (notes joined from several
 * SPIFs, an issue quoting a long header) is cut, and says so at its end.
 * CSV files keep the whole text: they have no such limit.
 */
export function withinCellLimit(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const marker = ` … [cut to Excel's ${CELL_TEXT_LIMIT.toLocaleString("en-US")} characters a cell; ${text.length.toLocaleString("en-US")} in all]`;
  let end = CELL_TEXT_LIMIT - marker.length;
  // Never half of a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + marker;
}

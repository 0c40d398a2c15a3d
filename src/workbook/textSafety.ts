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

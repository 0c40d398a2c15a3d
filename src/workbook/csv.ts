import { serialToIso } from "./parse/cells/dates";
import { textSafe } from "./textSafety";
import { sheetRows, type ColumnFormat, type SpecCell, type WritableSheet } from "./types";

/**
 * A result table as CSV (RFC 4180): the header, then one line per row, the
 * values the sheet holds at full precision (no number formats, no thousands
 * separators: a percent is its fraction, money its amount), dates as ISO days,
 * booleans TRUE/FALSE. For orgs past Excel's row limit and for loading into a
 * database or a BI tool. No title lines: the first line is the header.
 */

function textField(text: string): string {
  const guarded = textSafe(text);
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvField(value: SpecCell, format: ColumnFormat): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return textField(value);
  if (format === "date") {
    const iso = serialToIso(value);
    if (iso.ok) return iso.value;
  }
  return String(value);
}

/** The table's lines, each ending in CRLF, one at a time (a 1,000,000-row sheet is never one string). */
export function* csvLines(sheet: WritableSheet): Generator<string> {
  yield `${sheet.columns.map((c) => textField(c.header)).join(",")}\r\n`;
  const formats = sheet.columns.map((c) => c.format);
  const rows = sheetRows(sheet);
  for (let r = 0; r < rows.length; r++) {
    const row = rows.row(r);
    let line = "";
    for (let i = 0; i < formats.length; i++) line += (i ? "," : "") + csvField(row[i] ?? null, formats[i]);
    yield `${line}\r\n`;
  }
}

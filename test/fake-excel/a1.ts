/**
 * A1-address helpers for the fake. Written independently of src/excel so a
 * bug in the adapter's address code cannot be mirrored here.
 */

export interface Rect {
  readonly r0: number; // 0-based first row
  readonly c0: number; // 0-based first column
  readonly rows: number;
  readonly cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function colName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "A1", "B2:D9", "C:C", "3:5"; a sheet prefix ("Sheet1!A1", "'My sheet'!A1") is returned apart. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, "").split(":");
  if (parts.length < 1 || parts.length > 2) throw new Error(`bad address ${address}`);
  const a = parseCell(parts[0]);
  const b = parseCell(parts[1] ?? parts[0]);
  const r0 = a.r ?? 0;
  const r1 = b.r ?? MAX_ROWS - 1;
  const c0 = a.c ?? 0;
  const c1 = b.c ?? MAX_COLS - 1;
  if (r1 < r0 || c1 < c0) throw new Error(`bad address ${address}`);
  return { sheet, rect: { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 } };
}

function parseCell(s: string): { r: number | null; c: number | null } {
  const m = /^([A-Za-z]{0,3})(\d*)$/.exec(s);
  if (!m || (m[1] === "" && m[2] === "")) throw new Error(`bad cell reference ${s}`);
  return { c: m[1] ? colIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheet: string, rect: Rect): string {
  const a = `${colName(rect.c0)}${rect.r0 + 1}`;
  const b = `${colName(rect.c0 + rect.cols - 1)}${rect.r0 + rect.rows}`;
  return `${quoteSheet(sheet)}!${rect.rows === 1 && rect.cols === 1 ? a : `${a}:${b}`}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

/** A1 addresses as office.js returns them ("'Q1 Data'!B4:F9") and as the user sees them. */

export interface CellBlock {
  /** Sheet name without quotes; null when the address had none. */
  readonly sheet: string | null;
  /** 0-based first row and column. */
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export function columnLetters(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "Sheet!A1:B2" into sheet and cell part, unquoting 'It''s'. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

export function parseBlock(address: string): CellBlock {
  const { sheet, ref } = splitSheet(address);
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const p = /^([A-Za-z]{1,3})(\d+)$/.exec(a);
  const q = /^([A-Za-z]{1,3})(\d+)$/.exec(b);
  if (!p || !q) throw new Error(`Unexpected range address "${address}"`);
  const row = Number(p[2]) - 1;
  const column = columnIndex(p[1]);
  return { sheet, row, column, rowCount: Number(q[2]) - row, columnCount: columnIndex(q[1]) - column + 1 };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A4:N12" for a 0-based block (no sheet part: used with worksheet.getRange). */
export function blockAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const first = `${columnLetters(column)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;
}

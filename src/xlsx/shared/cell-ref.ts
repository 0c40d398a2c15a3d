/** A1-style references: column letters, cell and range addresses (1-based rows and columns). */

/** "A" for 1, "Z" for 26, "AA" for 27. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = (n - 1 - rem) / 26;
  }
  return letters;
}

/** Letters for columns 1..count, index 0 unused-free: result[j] is column j+1. */
export function columnLetterTable(count: number): string[] {
  const table: string[] = new Array(count);
  for (let j = 0; j < count; j++) table[j] = columnLetters(j + 1);
  return table;
}

export interface CellAddress {
  readonly row: number;
  readonly column: number;
}

/** Parses "B7" or "$B$7"; null when it is not a cell reference. */
export function parseCellRef(ref: string): CellAddress | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  const letters = m[1].toUpperCase();
  for (let i = 0; i < letters.length; i++) column = column * 26 + (letters.charCodeAt(i) - 64);
  return { row: Number(m[2]), column };
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Parses "A4:F30" (or a single cell "A4"); null when malformed. */
export function parseRangeRef(ref: string): CellRange | null {
  const [a, b] = ref.split(":");
  const start = parseCellRef(a);
  const end = b === undefined ? start : parseCellRef(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

export function rangeRef(range: CellRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}

import { jsonBytes } from "./payload";

/** A run of consecutive rows whose JSON fits one request. */
export interface RowBlock<T> {
  /** 0-based index of the first row within the rows given. */
  readonly first: number;
  readonly rows: readonly (readonly T[])[];
  readonly bytes: number;
}

/**
 * Splits rows into blocks of at most `maxBytes` of JSON each (a row larger
 * than that alone still gets its own block: it cannot be split by rows).
 * Exact, not estimated: we know what we are about to send.
 */
export function splitIntoBlocks<T>(rows: readonly (readonly T[])[], maxBytes: number): RowBlock<T>[] {
  const blocks: RowBlock<T>[] = [];
  let first = 0;
  let bytes = 2; // the outer [ ]
  for (let i = 0; i < rows.length; i++) {
    const b = jsonBytes(rows[i]) + 1;
    if (i > first && bytes + b > maxBytes) {
      blocks.push({ first, rows: rows.slice(first, i), bytes });
      first = i;
      bytes = 2;
    }
    bytes += b;
  }
  if (rows.length > first) blocks.push({ first, rows: rows.slice(first), bytes });
  return blocks;
}

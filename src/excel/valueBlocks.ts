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
  return [...blocksOf(rows, (row) => row, maxBytes)];
}

/**
 * The same blocks, each made only when asked for, with `wire` turning a row
 * into what is sent: a 240,000-row sheet is converted one request at a time,
 * between syncs, instead of all at once on the pane's thread.
 */
export function* blocksOf<R, T>(
  rows: readonly R[],
  wire: (row: R) => readonly T[],
  maxBytes: number,
): Generator<RowBlock<T>> {
  let first = 0;
  let bytes = 2; // the outer [ ]
  let block: (readonly T[])[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = wire(rows[i]);
    const b = jsonBytes(row) + 1;
    if (i > first && bytes + b > maxBytes) {
      yield { first, rows: block, bytes };
      first = i;
      bytes = 2;
      block = [];
    }
    block.push(row);
    bytes += b;
  }
  if (rows.length > first) yield { first, rows: block, bytes };
}

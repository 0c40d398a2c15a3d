/**
 * Large tables cross between the pane and its model thread in pieces: one
 * postMessage of 490,000 rows is a single structured clone that holds the
 * pane's thread for a second, where pieces of ROWS_PER_CHUNK rows, posted a
 * task apart, never hold it long.
 */
export const ROWS_PER_CHUNK = 20_000;

/** A piece of one item (a table or a sheet): its other fields on the first piece, then slices of its row arrays. */
export interface RowChunk {
  readonly item: number;
  readonly head: Readonly<Record<string, unknown>> | null;
  readonly parts: Readonly<Record<string, readonly unknown[]>>;
}

/** Pieces of each item; `keys` name its row-aligned arrays (rows, and numberFormats when present). */
export function* rowChunks<T extends object>(
  items: readonly T[],
  keys: readonly (keyof T & string)[],
  size = ROWS_PER_CHUNK,
): Generator<RowChunk> {
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Record<string, unknown>;
    const present = keys.filter((k) => Array.isArray(item[k]));
    const head: Record<string, unknown> = { ...item };
    for (const k of keys) delete head[k];
    const length = present.length ? (item[present[0]] as unknown[]).length : 0;
    const slice = (from: number) =>
      Object.fromEntries(present.map((k) => [k, (item[k] as unknown[]).slice(from, from + size)]));
    yield { item: i, head, parts: slice(0) };
    for (let from = size; from < length; from += size) yield { item: i, head: null, parts: slice(from) };
  }
}

/** Puts the pieces back together, in the order they were cut. */
export class RowAssembler<T> {
  private readonly items: Record<string, unknown>[] = [];

  add(chunk: RowChunk): void {
    if (chunk.head) {
      this.items[chunk.item] = { ...chunk.head };
      for (const k of Object.keys(chunk.parts)) this.items[chunk.item][k] = [];
    }
    const item = this.items[chunk.item];
    for (const [k, rows] of Object.entries(chunk.parts)) {
      const into = item[k] as unknown[];
      for (const row of rows) into.push(row);
    }
  }

  result(): T[] {
    return this.items as unknown as T[];
  }
}

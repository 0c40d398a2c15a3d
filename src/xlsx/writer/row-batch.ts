import type { SpecCell } from "../../workbook/types";

/**
 * Consecutive body rows of one sheet packed into typed arrays, so another
 * thread can write their XML (see deflate-thread.ts): the arrays are
 * transferred, not copied, and each text is sent once per part. A cell is a
 * tag (what it holds) and, for a number, its double; for text, the index of
 * the text in the part's string list.
 */
export interface RowBatch {
  /** Excel row number of the first row; the others follow it. */
  readonly firstRow: number;
  readonly count: number;
  readonly width: number;
  /** Each column's style index, as SheetDataBuilder.row takes it. */
  readonly styles: readonly number[];
  readonly tags: Uint8Array;
  readonly numbers: Float64Array;
  readonly texts: Int32Array;
  /** Texts first met in this batch: the part's list goes on with them, in order. */
  readonly newTexts: readonly string[];
}

const enum Tag {
  Empty = 0,
  Number = 1,
  Text = 2,
  True = 3,
  False = 4,
}

/** Packs rows for one part, numbering its texts as it meets them. */
export class RowBatchPacker {
  private readonly textIds = new Map<string, number>();
  private readonly spare: { tags: Uint8Array; numbers: Float64Array; texts: Int32Array }[] = [];

  constructor(
    private readonly width: number,
    private readonly styles: readonly number[],
  ) {}

  /** `rows(i)` for i in [from, to), as body rows numbered from `firstRow`. */
  pack(firstRow: number, from: number, to: number, rowAt: (i: number) => readonly SpecCell[]): RowBatch {
    const width = this.width;
    const count = to - from;
    const size = count * width;
    const arrays = this.arrays(size);
    const { tags, numbers, texts } = arrays;
    const newTexts: string[] = [];
    let k = 0;
    for (let i = from; i < to; i++) {
      const cells = rowAt(i);
      for (let j = 0; j < width; j++, k++) {
        const value = cells[j];
        if (value === null || value === undefined) tags[k] = Tag.Empty;
        else if (typeof value === "number") {
          tags[k] = Tag.Number;
          numbers[k] = value;
        } else if (typeof value === "string") {
          let id = this.textIds.get(value);
          if (id === undefined) {
            id = this.textIds.size;
            this.textIds.set(value, id);
            newTexts.push(value);
          }
          tags[k] = Tag.Text;
          texts[k] = id;
        } else tags[k] = value ? Tag.True : Tag.False;
      }
    }
    return { firstRow: firstRow + from, count, width, styles: this.styles, tags, numbers, texts, newTexts };
  }

  /** A batch's arrays handed back by the thread, for the next batch. */
  reuse(batch: Pick<RowBatch, "tags" | "numbers" | "texts">): void {
    this.spare.push({ tags: batch.tags, numbers: batch.numbers, texts: batch.texts });
  }

  private arrays(size: number): { tags: Uint8Array; numbers: Float64Array; texts: Int32Array } {
    const spare = this.spare.pop();
    if (spare && spare.tags.length >= size) return spare;
    return { tags: new Uint8Array(size), numbers: new Float64Array(size), texts: new Int32Array(size) };
  }
}

/**
 * The other side: each row of `batch` as the cells SheetDataBuilder.row takes,
 * one reused array (the builder is done with a row when row() returns).
 * `texts` is the part's list so far; the batch's new texts are added to it.
 */
export function unpackRows(
  batch: RowBatch,
  texts: string[],
  write: (rowNumber: number, cells: readonly SpecCell[]) => void,
): void {
  for (const t of batch.newTexts) texts.push(t);
  const { width, tags, numbers } = batch;
  const ids = batch.texts;
  const cells: SpecCell[] = new Array<SpecCell>(width).fill(null);
  let k = 0;
  for (let i = 0; i < batch.count; i++) {
    for (let j = 0; j < width; j++, k++) {
      const tag = tags[k];
      cells[j] =
        tag === Tag.Number
          ? numbers[k]
          : tag === Tag.Text
            ? texts[ids[k]]
            : tag === Tag.True
              ? true
              : tag === Tag.False
                ? false
                : null;
    }
    write(batch.firstRow + i, cells);
  }
}

import type { SpecCell } from "../../workbook/types";

/**
 * Consecutive body rows of one sheet packed into typed arrays, so another
 * thread can write their XML (see deflate-thread.ts): the arrays are
 * transferred, not copied, and each text is sent once per part. Each cell
 * has a tag (what it holds); numbers and text indexes follow in their own
 * arrays, in cell order, one entry per cell that has one.
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
  /** Indexes into the part's texts. */
  readonly texts: Int32Array;
  /** Texts first met in this batch: the part's list goes on with them, in order. */
  readonly newTexts: readonly string[];
}

/** What a packed cell holds. */
export const Tag = { Empty: 0, Number: 1, Text: 2, True: 3, False: 4 } as const;

/** The bytes a batch holds (what is in transit until the other thread is done with it). */
export function batchBytes(batch: RowBatch): number {
  return batch.tags.byteLength + batch.numbers.byteLength + batch.texts.byteLength;
}

/** Packs rows for one part, numbering its texts as it meets them. */
export class RowBatchPacker {
  private readonly textIds = new Map<string, number>();
  private tags = new Uint8Array(0);
  private numbers = new Float64Array(0);
  private texts = new Int32Array(0);

  constructor(
    private readonly width: number,
    private readonly styles: readonly number[],
  ) {}

  /** `rowAt(i)` for i in [from, to), as body rows numbered from `firstRow`. */
  pack(firstRow: number, from: number, to: number, rowAt: (i: number) => readonly SpecCell[]): RowBatch {
    const width = this.width;
    const count = to - from;
    const size = count * width;
    if (this.tags.length < size) {
      this.tags = new Uint8Array(size);
      this.numbers = new Float64Array(size);
      this.texts = new Int32Array(size);
    }
    const { tags, numbers, texts } = this;
    const newTexts: string[] = [];
    let k = 0;
    let n = 0;
    let t = 0;
    for (let i = from; i < to; i++) {
      const cells = rowAt(i);
      for (let j = 0; j < width; j++, k++) {
        const value = cells[j];
        if (value === null || value === undefined) tags[k] = Tag.Empty;
        else if (typeof value === "number") {
          tags[k] = Tag.Number;
          numbers[n++] = value;
        } else if (typeof value === "string") {
          let id = this.textIds.get(value);
          if (id === undefined) {
            id = this.textIds.size;
            this.textIds.set(value, id);
            newTexts.push(value);
          }
          tags[k] = Tag.Text;
          texts[t++] = id;
        } else tags[k] = value ? Tag.True : Tag.False;
      }
    }
    // Copies of the length used: what is sent is no larger than the rows (the scratch arrays are reused).
    return {
      firstRow: firstRow + from,
      count,
      width,
      styles: this.styles,
      tags: tags.slice(0, size),
      numbers: numbers.slice(0, n),
      texts: texts.slice(0, t),
      newTexts,
    };
  }
}

import { chunkedDeflate, crc32, deflateRaw, deflateRawChunk, FINAL_EMPTY_BLOCK } from "./codec";
import { sharedDeflateThread, type DeflateThread } from "./deflate-thread";
import type { RowBatch } from "../writer/row-batch";

/** Takes bytes as they are made. A sink must be done with `chunk` when write returns: the caller reuses it. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  /**
   * Whether rows can be written elsewhere (the deflate thread): the builder
   * then sends some with offloadRows instead of writing them.
   */
  canOffloadRows?(): boolean;
  /**
   * Rows to be written (as SheetDataBuilder writes them) after everything
   * written so far, and before anything written after; only where
   * canOffloadRows said so. The batch's arrays are the sink's from then on.
   * `last`: no more rows will come this way.
   */
  offloadRows?(batch: RowBatch, last: boolean): void;
}

/** A part's content already deflated: what a zip entry needs to be written without its uncompressed bytes. */
export interface DeflatedData {
  /** CRC-32 and length of the uncompressed content. */
  readonly crc: number;
  readonly size: number;
  /** The raw deflate stream, in pieces to be written one after the other. */
  readonly chunks: readonly Uint8Array[];
  readonly compressedSize: number;
}

/**
 * A part deflated as it is written: each chunk is compressed as it arrives
 * (see deflateRawChunk) and only compressed bytes are kept, so a 200 MB sheet
 * never exists whole. On Node the chunks of a large part go to the deflate
 * thread (see deflate-thread.ts), the same bytes made on the spare core: the
 * first chunk is held until a second shows the part is large, so a workbook
 * of small sheets never starts the thread. Without native zlib the chunks are
 * kept and deflated together at the end (the browser bundle never writes
 * large parts).
 */
export class DeflatingSink implements ByteSink {
  private crc = 0;
  private size = 0;
  private readonly chunks: Uint8Array[] = [];
  private compressedSize = 0;
  private ended = false;
  /** The first chunk (a copy), until a second one comes. */
  private held: Uint8Array | null = null;
  /** The thread deflating this part, and the part there, once it has a second chunk. */
  private on: { readonly thread: DeflateThread; readonly part: number } | null = null;

  /**
   * `thread`: where a large part is deflated — by default the process's deflate
   * thread, started when a part first proves large; null for this thread.
   */
  constructor(
    private readonly level: number,
    private readonly thread?: DeflateThread | null,
  ) {}

  write(chunk: Uint8Array): void {
    if (this.ended) throw new Error("internal: write after end");
    if (chunk.length === 0) return;
    this.size += chunk.length;
    if (this.on === null && chunkedDeflate && this.thread !== null) {
      if (this.held === null && this.chunks.length === 0) {
        this.held = chunk.slice();
        return;
      }
      // A second chunk: the part is large. Its first goes ahead of it, to the thread or (none) deflated here.
      this.onThread();
      if (this.held !== null) this.send(this.held);
      this.held = null;
    }
    this.send(chunk);
  }

  canOffloadRows(): boolean {
    return this.onThread() !== null;
  }

  offloadRows(batch: RowBatch, last: boolean): void {
    if (this.ended) throw new Error("internal: write after end");
    const on = this.onThread();
    if (on === null) throw new Error("internal: rows offloaded where no thread can take them");
    on.thread.formatRows(on.part, batch, this.level, last);
  }

  /** The part on the deflate thread (moved there now, with its held chunk, if it is not yet); null where none runs. */
  private onThread(): { readonly thread: DeflateThread; readonly part: number } | null {
    if (this.on !== null || !chunkedDeflate || this.thread === null) return this.on;
    const thread = this.thread ?? sharedDeflateThread();
    if (!thread) return null;
    this.on = { thread, part: thread.open() };
    if (this.held !== null) this.send(this.held);
    this.held = null;
    return this.on;
  }

  /** One chunk deflated: on the thread once the part is there, else here. */
  private send(chunk: Uint8Array): void {
    if (this.on) {
      this.on.thread.write(this.on.part, chunk, this.level);
      return;
    }
    this.crc = crc32(chunk, this.crc);
    const deflated = chunkedDeflate ? deflateRawChunk(chunk, this.level) : null;
    this.push(deflated ?? chunk.slice());
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.compressedSize += chunk.length;
  }

  end(): DeflatedData {
    if (this.ended) throw new Error("internal: part ended twice");
    this.ended = true;
    if (this.held !== null) {
      // A part of one chunk: deflated here, as the thread would have.
      this.send(this.held);
      this.held = null;
    }
    if (this.on) {
      const done = this.on.thread.finish(this.on.part);
      this.crc = done.crc;
      this.size += done.formatted;
      for (const chunk of done.chunks) this.push(chunk);
    }
    if (chunkedDeflate) this.push(FINAL_EMPTY_BLOCK);
    else {
      const whole = concat(this.chunks, this.size);
      this.chunks.length = 0;
      this.compressedSize = 0;
      this.push(deflateRaw(whole, this.level));
    }
    return { crc: this.crc, size: this.size, chunks: this.chunks, compressedSize: this.compressedSize };
  }
}

/** The pieces as one array. */
export function concat(chunks: readonly Uint8Array[], length = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

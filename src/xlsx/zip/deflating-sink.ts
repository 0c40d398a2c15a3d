import { chunkedDeflate, crc32, deflateRaw, deflateRawChunk, FINAL_EMPTY_BLOCK } from "./codec";
import { sharedDeflateThread, type DeflateThread } from "./deflate-thread";

/** Takes bytes as they are made. A sink must be done with `chunk` when write returns: the caller reuses it. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
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
 * never exists whole. On Node the chunks go to the deflate thread (see
 * deflate-thread.ts), the same bytes made on the spare core. Without native
 * zlib the chunks are kept and deflated together at the end (the browser
 * bundle never writes large parts).
 */
export class DeflatingSink implements ByteSink {
  private crc = 0;
  private size = 0;
  private readonly chunks: Uint8Array[] = [];
  private compressedSize = 0;
  private ended = false;
  /** This part on the deflate thread, once written to. */
  private part: number | null = null;

  constructor(
    private readonly level: number,
    private readonly thread: DeflateThread | null = chunkedDeflate ? sharedDeflateThread() : null,
  ) {}

  write(chunk: Uint8Array): void {
    if (this.ended) throw new Error("internal: write after end");
    if (chunk.length === 0) return;
    if (this.thread) {
      this.part ??= this.thread.open();
      this.thread.write(this.part, chunk, this.level);
      this.size += chunk.length;
      return;
    }
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
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
    if (this.thread && this.part !== null) {
      const done = this.thread.finish(this.part);
      this.crc = done.crc;
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

import type * as WorkerThreads from "worker_threads";
import type * as NodeFs from "fs";
import type * as NodePath from "path";
import type { RowBatch } from "../writer/row-batch";

/**
 * A second thread that deflates result sheets while the main thread builds
 * their rows: on the 10,000-rep workbook deflate is a tenth of the CLI's
 * time, and the machine has a core to spare for it.
 *
 * The writer is synchronous (a sheet is streamed a megabyte at a time into its
 * sink), so the main thread talks to the thread synchronously too: it posts a
 * chunk (a copy, in a buffer the thread hands back for reuse) and goes on;
 * replies are taken with receiveMessageOnPort whenever it posts, and waited
 * for with Atomics.wait only when too many chunks are out or a part ends. No
 * event loop turn is needed, and at most IN_FLIGHT megabytes are in transit.
 *
 * Chunks are deflated as independent sync-flushed pieces, exactly as the
 * in-thread sink does (deflateRawChunk), so the bytes written are the same.
 * Node only: in a browser, or where the compiled worker script is missing
 * (tests run from TypeScript sources), start() returns null and the sink
 * deflates in its own thread.
 */

/** The first message to the thread: the port requests come on, and the counter it bumps after each reply. */
export interface DeflateSetup {
  readonly port: WorkerThreads.MessagePort;
  readonly signal: SharedArrayBuffer;
}

export type DeflateRequest =
  | {
      readonly kind: "chunk";
      readonly part: number;
      readonly level: number;
      /** Transferred; the reply hands it back. */
      readonly buffer: ArrayBuffer;
      readonly length: number;
    }
  | {
      /** Rows whose XML the thread writes (SheetDataBuilder, as the main thread would), then deflates. */
      readonly kind: "rows";
      readonly part: number;
      readonly level: number;
      /** Its arrays are transferred. */
      readonly batch: RowBatch;
      /** No more rows of the part come this way: the thread writes out the rows' XML and lets go of its builder. */
      readonly last: boolean;
    };

export type DeflateReply =
  | {
      readonly kind: "chunk";
      readonly part: number;
      /** The part's CRC-32 so far, this chunk included. */
      readonly crc: number;
      readonly out: Uint8Array;
      readonly buffer: ArrayBuffer;
    }
  | {
      readonly kind: "rows";
      readonly part: number;
      readonly crc: number;
      /** The rows' XML deflated, a piece per megabyte (and one for the rest), in order. */
      readonly outs: readonly Uint8Array[];
      /** Bytes of XML the rows came to. */
      readonly size: number;
    }
  | { readonly part: number; readonly error: string };

/** What a part's chunks came to. */
export interface DeflatedChunks {
  readonly crc: number;
  readonly chunks: readonly Uint8Array[];
  /** Bytes of XML the thread wrote from rows it was sent (formatRows); the part's size is the chunks' and these. */
  readonly formatted: number;
}

/** Chunks sent and not yet back: enough to keep the thread busy, few enough to bound the copies in transit. */
const IN_FLIGHT = 4;
const CHUNK_BYTES = 1 << 20;
/** A chunk takes milliseconds; this long without a reply means the thread is gone. */
const STALL_MS = 60_000;

interface PartState {
  crc: number;
  readonly chunks: Uint8Array[];
  pending: number;
  error: string | null;
  formatted: number;
}

interface NodeModules {
  readonly threads: typeof WorkerThreads;
  readonly fs: typeof NodeFs;
  readonly path: typeof NodePath;
}

function nodeModules(): NodeModules | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const get = proc?.getBuiltinModule;
  if (typeof get !== "function") return null;
  const threads = get("worker_threads") as typeof WorkerThreads | undefined;
  const fs = get("fs") as typeof NodeFs | undefined;
  const path = get("path") as typeof NodePath | undefined;
  if (!threads?.Worker || !fs?.existsSync || !path?.join) return null;
  return { threads, fs, path };
}

export class DeflateThread {
  private sent = 0;
  private received = 0;
  private nextPart = 0;
  private readonly free: ArrayBuffer[] = [];
  private readonly parts = new Map<number, PartState>();

  private constructor(
    private readonly threads: typeof WorkerThreads,
    private readonly worker: WorkerThreads.Worker,
    private readonly port: WorkerThreads.MessagePort,
    private readonly signal: Int32Array,
    private readonly stallMs: number,
  ) {}

  /**
   * A thread running `script` (the compiled deflate-worker.js beside this
   * module by default); null where none can run. `stallMs`: how long a wait
   * for a reply may last before the thread is taken for gone.
   */
  static start(script?: string, stallMs = STALL_MS): DeflateThread | null {
    const node = nodeModules();
    if (!node) return null;
    const path = script ?? (typeof __dirname === "string" ? node.path.join(__dirname, "deflate-worker.js") : null);
    if (path === null || !node.fs.existsSync(path)) return null;
    const { port1, port2 } = new node.threads.MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const worker = new node.threads.Worker(path);
    const setup: DeflateSetup = { port: port2, signal };
    worker.postMessage(setup, [port2]);
    // Neither keeps the process alive: a run that is done exits with the thread idle.
    worker.unref();
    port1.unref();
    return new DeflateThread(node.threads, worker, port1, new Int32Array(signal), stallMs);
  }

  /** A new part; its chunks are deflated in the order they are written. */
  open(): number {
    const part = this.nextPart++;
    this.parts.set(part, { crc: 0, chunks: [], pending: 0, error: null, formatted: 0 });
    return part;
  }

  /** Sends a copy of `chunk` (the caller may reuse it at once). */
  write(part: number, chunk: Uint8Array, level: number): void {
    const state = this.ready(part);
    let buffer = this.free.pop();
    if (buffer === undefined || buffer.byteLength < chunk.length) {
      buffer = new ArrayBuffer(Math.max(CHUNK_BYTES, chunk.length));
    }
    new Uint8Array(buffer).set(chunk);
    const request: DeflateRequest = { kind: "chunk", part, level, buffer, length: chunk.length };
    this.port.postMessage(request, [buffer]);
    state.pending++;
    this.sent++;
  }

  /**
   * Sends rows whose XML the thread writes and deflates, after everything sent
   * for the part so far; the batch's arrays are transferred (gone here).
   * `last`: the part sends no more rows.
   */
  formatRows(part: number, batch: RowBatch, level: number, last: boolean): void {
    const state = this.ready(part);
    const request: DeflateRequest = { kind: "rows", part, level, batch, last };
    const buffers = [batch.tags.buffer, batch.numbers.buffer, batch.texts.buffer] as ArrayBuffer[];
    this.port.postMessage(request, buffers);
    state.pending++;
    this.sent++;
  }

  /** The part, once the thread has room for another request (replies taken meanwhile). */
  private ready(part: number): PartState {
    const state = this.state(part);
    while (this.take(false));
    while (this.sent - this.received >= IN_FLIGHT) this.take(true);
    if (state.error !== null) throw new Error(`internal: deflating a part failed: ${state.error}`);
    return state;
  }

  /** Waits for the part's last chunk: its CRC and deflated pieces, in order (without the closing block). */
  finish(part: number): DeflatedChunks {
    const state = this.state(part);
    while (state.pending > 0) this.take(true);
    this.parts.delete(part);
    if (state.error !== null) throw new Error(`internal: deflating a part failed: ${state.error}`);
    return { crc: state.crc, chunks: state.chunks, formatted: state.formatted };
  }

  /** Stops the thread (tests; the CLI lets it end with the process). */
  async close(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }

  private state(part: number): PartState {
    const state = this.parts.get(part);
    if (!state) throw new Error(`internal: deflate part ${part} is not open`);
    return state;
  }

  /** Takes one reply; with `wait`, waits for it. False when none was there and not waiting. */
  private take(wait: boolean): boolean {
    for (;;) {
      const got = this.threads.receiveMessageOnPort(this.port);
      if (got) {
        this.accept(got.message as DeflateReply);
        return true;
      }
      if (!wait) return false;
      if (Atomics.wait(this.signal, 0, this.received, this.stallMs) === "timed-out") {
        throw new Error("internal: the deflate thread stopped answering");
      }
    }
  }

  private accept(reply: DeflateReply): void {
    this.received++;
    const state = this.state(reply.part);
    state.pending--;
    if ("error" in reply) {
      state.error = reply.error;
      return;
    }
    state.crc = reply.crc;
    if (reply.kind === "chunk") {
      state.chunks.push(reply.out);
      this.free.push(reply.buffer);
      return;
    }
    for (const out of reply.outs) state.chunks.push(out);
    state.formatted += reply.size;
  }
}

let shared: DeflateThread | null | undefined;

/** The process's deflate thread, started on first use; null where none can run. */
export function sharedDeflateThread(): DeflateThread | null {
  if (shared === undefined) shared = DeflateThread.start();
  return shared;
}

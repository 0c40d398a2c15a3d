/**
 * The deflate thread's side (see deflate-thread.ts): deflates each chunk it is
 * sent as one sync-flushed piece (deflateRawChunk) and keeps each part's
 * running CRC-32, so the main thread only builds rows; rows it is sent packed
 * (formatRows) it writes as XML first, with the SheetDataBuilder the main
 * thread uses, so the part's bytes are the same whichever thread wrote them.
 * A part's requests come and go in order: one port, one thread, first in
 * first out.
 */
import { parentPort, type MessagePort } from "node:worker_threads";
import { InlineStrings } from "../writer/inline-strings";
import { SheetDataBuilder } from "../writer/sheet-data";
import { crc32, deflateRawChunk } from "./codec";
import type { DeflateReply, DeflateRequest, DeflateSetup } from "./deflate-thread";

/** A part whose rows this thread writes: its builder (its buffer, its texts' bytes) and the part's texts so far. */
interface RowPart {
  readonly builder: SheetDataBuilder;
  readonly texts: string[];
  /** Each text's cell bytes, by its index in `texts`. */
  readonly tails: Uint8Array[];
  /** Where the builder's bytes go while a batch is written. */
  sink: (chunk: Uint8Array) => void;
}

function deflated(data: Uint8Array, level: number): Uint8Array {
  const out = deflateRawChunk(data, level);
  if (!out) throw new Error("native zlib is missing in the deflate thread");
  // zlib's result may share a pooled buffer: copied into one of its own, which can be transferred.
  return out.slice();
}

function serve(port: MessagePort, signal: Int32Array): void {
  const crcs = new Map<number, number>();
  const rowParts = new Map<number, RowPart>();
  const rowPart = (part: number): RowPart => {
    let state = rowParts.get(part);
    if (!state) {
      const holder: RowPart = {
        builder: SheetDataBuilder.rowsOnly(new InlineStrings(), { write: (chunk) => holder.sink(chunk) }),
        texts: [],
        tails: [],
        sink: () => {
          throw new Error("internal: rows written outside a batch");
        },
      };
      state = holder;
      rowParts.set(part, state);
    }
    return state;
  };
  port.on("message", (request: DeflateRequest) => {
    let reply: DeflateReply;
    const transfer: ArrayBuffer[] = [];
    try {
      let crc = crcs.get(request.part) ?? 0;
      if (request.kind === "chunk") {
        const data = new Uint8Array(request.buffer, 0, request.length);
        crc = crc32(data, crc);
        const out = deflated(data, request.level);
        reply = { kind: "chunk", part: request.part, crc, out, buffer: request.buffer };
        transfer.push(out.buffer as ArrayBuffer, request.buffer);
      } else {
        const state = rowPart(request.part);
        const outs: Uint8Array[] = [];
        let size = 0;
        state.sink = (chunk) => {
          crc = crc32(chunk, crc);
          size += chunk.length;
          outs.push(deflated(chunk, request.level));
        };
        const { batch } = request;
        for (const text of batch.newTexts) state.texts.push(text);
        state.builder.batch(batch, state.texts, state.tails);
        // What the main thread sends next follows these rows: all of them go out now.
        state.builder.flush();
        if (request.last) rowParts.delete(request.part);
        reply = {
          kind: "rows",
          part: request.part,
          crc,
          outs,
          size,
        };
        for (const out of outs) transfer.push(out.buffer as ArrayBuffer);
      }
      crcs.set(request.part, crc);
      port.postMessage(reply, transfer);
    } catch (error) {
      reply = { part: request.part, error: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    }
    // Posted first, counted second: a main thread woken by the count finds the reply on its port.
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

parentPort?.once("message", (setup: DeflateSetup) => serve(setup.port, new Int32Array(setup.signal)));

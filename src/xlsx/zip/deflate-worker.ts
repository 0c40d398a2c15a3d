/**
 * The deflate thread's side (see deflate-thread.ts): deflates each chunk it is
 * sent as one sync-flushed piece (deflateRawChunk) and keeps each part's
 * running CRC-32, so the main thread only builds rows. Chunks of a part come
 * and go in order: one port, one thread, first in first out.
 */
import { parentPort, type MessagePort } from "node:worker_threads";
import { crc32, deflateRawChunk } from "./codec";
import type { DeflateReply, DeflateRequest, DeflateSetup } from "./deflate-thread";

function serve(port: MessagePort, signal: Int32Array): void {
  const crcs = new Map<number, number>();
  port.on("message", (request: DeflateRequest) => {
    let reply: DeflateReply;
    try {
      const data = new Uint8Array(request.buffer, 0, request.length);
      const crc = crc32(data, crcs.get(request.part) ?? 0);
      crcs.set(request.part, crc);
      const deflated = deflateRawChunk(data, request.level);
      if (!deflated) throw new Error("native zlib is missing in the deflate thread");
      // zlib's result may share a pooled buffer: copied into one of its own, which can be transferred.
      const out = deflated.slice();
      reply = { part: request.part, crc, out, buffer: request.buffer };
      port.postMessage(reply, [out.buffer as ArrayBuffer, request.buffer]);
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

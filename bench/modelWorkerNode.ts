/**
 * The pane's model worker for the bench, on a Node worker thread: the same
 * handler as dist/model-worker.js (workerProtocol.ts), messages copied by the
 * same structured clone, so the bench times the round trips the pane makes.
 */
import { parentPort } from "node:worker_threads";
import { workerHandler, type ToWorker } from "../src/taskpane/model/workerProtocol";

const port = parentPort;
if (port) {
  const handle = workerHandler((message) => port.postMessage(message));
  port.on("message", (message: ToWorker) => handle(message));
}

/**
 * The pane's model thread (a Web Worker, built as dist/model-worker.js): it
 * receives the input tables and runs the same runWorkbook as the CLI, so the
 * pane stays responsive while it computes (protocol in workerProtocol.ts).
 */
import { workerHandler, type FromWorker, type ToWorker } from "./workerProtocol";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};
const handle = workerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);

/**
 * The pane's model thread (a Web Worker, built as dist/model-worker.js): it
 * receives the input tables and runs the same runWorkbook as the CLI, so the
 * pane stays responsive while it computes.
 */
import { runWorkbook } from "../../workbook/run";
import { transferable, type ComputeReply, type ComputeRequest } from "./compute";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(message: ComputeReply): void;
};

scope.onmessage = (event) => {
  const { id, tables, options } = event.data;
  try {
    scope.postMessage({ id, result: transferable(runWorkbook(tables, options)) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

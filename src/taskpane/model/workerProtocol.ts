import { runWorkbook, type RunOptions, type RunStep } from "../../workbook/run";
import type { Issue, RawTable } from "../../workbook/types";
import { RowAssembler, rowChunks, type RowChunk } from "./rowChunks";

/** The pane to its model thread: a request's tables in pieces, then what to run. */
export type ToWorker =
  | { readonly id: number; readonly chunk: RowChunk }
  | { readonly id: number; readonly run: { readonly options: RunOptions; readonly issuesOnly: boolean } };

/**
 * The model thread to the pane: the result sheets in pieces, then the rest of
 * the result (the CLI's `json`, which holds Decimals, stays behind), or an
 * error.
 */
export type FromWorker =
  | { readonly id: number; readonly chunk: RowChunk }
  | { readonly id: number; readonly step: RunStep }
  | {
      readonly id: number;
      readonly done: { readonly ok: boolean; readonly issues: readonly Issue[]; readonly headline: readonly string[] };
    }
  | { readonly id: number; readonly error: string };

/** The model thread's side: gathers each request's tables, runs the same runWorkbook as the CLI, answers in pieces. */
export function workerHandler(post: (message: FromWorker) => void): (message: ToWorker) => void {
  const gathering = new Map<number, RowAssembler<RawTable>>();
  return (message) => {
    const { id } = message;
    if ("chunk" in message) {
      let tables = gathering.get(id);
      if (!tables) gathering.set(id, (tables = new RowAssembler<RawTable>()));
      tables.add(message.chunk);
      return;
    }
    const tables = gathering.get(id)?.result() ?? [];
    gathering.delete(id);
    try {
      const result = runWorkbook(tables, { ...message.run.options, onStep: (step) => post({ id, step }) });
      if (!message.run.issuesOnly) for (const chunk of rowChunks(result.sheets, ["rows"])) post({ id, chunk });
      post({ id, done: { ok: result.ok, issues: result.issues, headline: result.headline } });
    } catch (error) {
      post({ id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}

import type { FunctionCall } from "../../functions/comp";
import type { FunctionAnswer } from "../../functions/failure";
import type { RunOptions, RunStep } from "../../workbook/run";
import type { Issue, RawTable } from "../../workbook/types";
import { ModelCache } from "./modelCache";
import { answerToWire, type RealisticAnswerWire, type RealisticQuery } from "./realisticQuery";
import { RowAssembler, rowChunks, type RowChunk } from "./rowChunks";

/**
 * Which tables a request is about. The model thread holds the last tables it
 * was sent (and what it built on them: ModelCache), so a request about the
 * same tables sends none: `fresh` says this request's pieces are new tables
 * under `key` (none at all = no tables); otherwise the held ones are meant.
 */
export interface TablesRef {
  readonly key: number;
  readonly fresh: boolean;
}

/**
 * One recalculation's worksheet-function calls (live.ts batches them), with
 * the pane's date (the plan year when the workbook names none).
 */
export interface FunctionsQuery {
  readonly calls: readonly FunctionCall[];
  readonly today: number;
}

/**
 * The pane to its model thread: a request's tables in pieces when fresh, then
 * what to do — a run (or the Inputs check), the plan editor's realistic
 * question, or a batch of worksheet functions; or `forget`: an input table
 * changed, so drop the tables held and everything built on them (no reply).
 */
export type ToWorker =
  | { readonly id: number; readonly chunk: RowChunk }
  | {
      readonly id: number;
      readonly tables: TablesRef;
      readonly run: { readonly options: RunOptions; readonly issuesOnly: boolean };
    }
  | { readonly id: number; readonly tables: TablesRef; readonly realistic: RealisticQuery }
  | { readonly id: number; readonly tables: TablesRef; readonly functions: FunctionsQuery }
  | { readonly id: number; readonly forget: true };

/**
 * The model thread to the pane: the result sheets in pieces, then the rest of
 * the result (the CLI's `json`, which holds Decimals, stays behind), or the
 * plan editor's realistic figures, or the functions' answers (one per call,
 * in order: plain data), or an error.
 */
export type FromWorker =
  | { readonly id: number; readonly chunk: RowChunk }
  | { readonly id: number; readonly step: RunStep }
  | {
      readonly id: number;
      readonly done: { readonly ok: boolean; readonly issues: readonly Issue[]; readonly headline: readonly string[] };
    }
  | { readonly id: number; readonly realistic: RealisticAnswerWire }
  | { readonly id: number; readonly answers: readonly FunctionAnswer[] }
  | { readonly id: number; readonly error: string };

/**
 * The model thread's side: gathers each request's tables, runs the same
 * runWorkbook as the CLI, prices the plan editor's bands, answers the
 * functions' batches — all on the ModelCache of the tables it holds — and
 * answers in pieces.
 */
export function workerHandler(
  post: (message: FromWorker) => void,
  cache: ModelCache = new ModelCache(),
): (message: ToWorker) => void {
  const gathering = new Map<number, RowAssembler<RawTable>>();
  let held: { readonly key: number; readonly tables: readonly RawTable[] } | null = null;
  const tablesFor = (id: number, ref: TablesRef): readonly RawTable[] => {
    const pieces = gathering.get(id);
    gathering.delete(id);
    if (ref.fresh) held = { key: ref.key, tables: pieces?.result() ?? [] };
    // The pane tracks what is held, in the order it posts: a mismatch is a bug, said rather than priced wrong.
    if (!held || held.key !== ref.key)
      throw new Error("The model thread does not hold these tables: refresh and try again.");
    return held.tables;
  };
  return (message) => {
    const { id } = message;
    if ("chunk" in message) {
      let tables = gathering.get(id);
      if (!tables) gathering.set(id, (tables = new RowAssembler<RawTable>()));
      tables.add(message.chunk);
      return;
    }
    if ("forget" in message) {
      held = null;
      cache.forget();
      return;
    }
    try {
      const tables = tablesFor(id, message.tables);
      if ("realistic" in message) {
        post({ id, realistic: answerToWire(cache.realistic(tables, message.realistic)) });
        return;
      }
      if ("functions" in message) {
        post({ id, answers: cache.functions(tables, message.functions.calls, message.functions.today) });
        return;
      }
      const result = cache.run(tables, { ...message.run.options, onStep: (step) => post({ id, step }) });
      if (!message.run.issuesOnly) for (const chunk of rowChunks(result.sheets, ["rows"])) post({ id, chunk });
      post({ id, done: { ok: result.ok, issues: result.issues, headline: result.headline } });
    } catch (error) {
      post({ id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}

import { runWorkbook, type RunOptions, type RunStep } from "../../workbook/run";
import type { Issue, RawTable } from "../../workbook/types";
import { realisticModel, type RealisticModel } from "./planRealistic";
import { answerRealistic, answerToWire, type RealisticAnswerWire, type RealisticQuery } from "./realisticQuery";
import { RowAssembler, rowChunks, type RowChunk } from "./rowChunks";

/**
 * Which tables a request is about. The model thread holds the last tables it
 * was sent (and the realistic model built on them), so a request about the
 * same tables sends none: `fresh` says this request's pieces are new tables
 * under `key` (none at all = no tables); otherwise the held ones are meant.
 */
export interface TablesRef {
  readonly key: number;
  readonly fresh: boolean;
}

/** The pane to its model thread: a request's tables in pieces when fresh, then what to do. */
export type ToWorker =
  | { readonly id: number; readonly chunk: RowChunk }
  | {
      readonly id: number;
      readonly tables: TablesRef;
      readonly run: { readonly options: RunOptions; readonly issuesOnly: boolean };
    }
  | { readonly id: number; readonly tables: TablesRef; readonly realistic: RealisticQuery };

/**
 * The model thread to the pane: the result sheets in pieces, then the rest of
 * the result (the CLI's `json`, which holds Decimals, stays behind), or the
 * plan editor's realistic figures, or an error.
 */
export type FromWorker =
  | { readonly id: number; readonly chunk: RowChunk }
  | { readonly id: number; readonly step: RunStep }
  | {
      readonly id: number;
      readonly done: { readonly ok: boolean; readonly issues: readonly Issue[]; readonly headline: readonly string[] };
    }
  | { readonly id: number; readonly realistic: RealisticAnswerWire }
  | { readonly id: number; readonly error: string };

interface Held {
  readonly key: number;
  readonly tables: readonly RawTable[];
  model: RealisticModel | null;
}

/**
 * The model thread's side: gathers each request's tables, runs the same
 * runWorkbook as the CLI (or prices the plan editor's bands on the realistic
 * model it keeps for the tables it holds), answers in pieces.
 */
export function workerHandler(post: (message: FromWorker) => void): (message: ToWorker) => void {
  const gathering = new Map<number, RowAssembler<RawTable>>();
  let held: Held | null = null;
  const tablesFor = (id: number, ref: TablesRef): Held => {
    const pieces = gathering.get(id);
    gathering.delete(id);
    if (ref.fresh) held = { key: ref.key, tables: pieces?.result() ?? [], model: null };
    // The pane tracks what is held, in the order it posts: a mismatch is a bug, said rather than priced wrong.
    if (!held || held.key !== ref.key)
      throw new Error("The model thread does not hold these tables: refresh and try again.");
    return held;
  };
  return (message) => {
    const { id } = message;
    if ("chunk" in message) {
      let tables = gathering.get(id);
      if (!tables) gathering.set(id, (tables = new RowAssembler<RawTable>()));
      tables.add(message.chunk);
      return;
    }
    try {
      const h = tablesFor(id, message.tables);
      if ("realistic" in message) {
        h.model ??= realisticModel(h.tables, new Date(message.realistic.today));
        post({ id, realistic: answerToWire(answerRealistic(h.model, message.realistic)) });
        return;
      }
      const result = runWorkbook(h.tables, { ...message.run.options, onStep: (step) => post({ id, step }) });
      if (!message.run.issuesOnly) for (const chunk of rowChunks(result.sheets, ["rows"])) post({ id, chunk });
      post({ id, done: { ok: result.ok, issues: result.issues, headline: result.headline } });
    } catch (error) {
      post({ id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}

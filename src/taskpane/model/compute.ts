import { runWorkbook, type RunOptions, type RunResult, type RunStep } from "../../workbook/run";
import type { RawTable, SheetSpec } from "../../workbook/types";
import { RowAssembler, rowChunks } from "./rowChunks";
import type { FromWorker, ToWorker } from "./workerProtocol";

/**
 * Where the model runs. In the pane it is a Web Worker, so the pane keeps
 * painting and answering clicks while thousands of reps are priced; tests and
 * hosts without workers compute on the calling thread. Same runWorkbook
 * either way, so the numbers cannot differ. `issuesOnly`: the caller wants the
 * problems (the Inputs tab's check), so the result sheets need not cross back.
 */
export type Compute = ((tables: readonly RawTable[], options: RunOptions, want?: Want) => Promise<RunResult>) & {
  /** Stops the cancellable computations in flight (they reject with CancelledError); the others carry on. */
  readonly cancel?: () => void;
};

export interface Want {
  /** Only the problems are wanted (the Inputs tab's check): the result sheets need not cross back. */
  readonly issuesOnly?: boolean;
  /** The user may stop it (a Run); a check the pane makes on its own is not stopped with it. */
  readonly cancellable?: boolean;
  /** Each stage of the computation as it starts. */
  readonly onStep?: (step: RunStep) => void;
}

/** A computation the user stopped: nothing was written. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled before anything was written: the Results sheets are as they were.");
    this.name = "CancelledError";
  }
}

/** The worker's script beside taskpane.html (webpack's `model-worker` entry, named without a hash). */
export const MODEL_WORKER_URL = "model-worker.js";

/** Lets the pane paint (a progress line, the next click) between long steps. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const computeHere: Compute = async (tables, options, want = {}) => {
  await nextTask();
  return runWorkbook(tables, { ...options, onStep: want.onStep });
};

interface Pending {
  readonly resolve: (result: RunResult) => void;
  readonly reject: (error: Error) => void;
  readonly tables: readonly RawTable[];
  readonly options: RunOptions;
  readonly want: Want;
  readonly sheets: RowAssembler<SheetSpec>;
}

export interface WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: Event) => void) | null;
  postMessage(message: ToWorker): void;
  terminate(): void;
}

/**
 * Runs each computation in one long-lived worker loaded from `url`. Tables
 * go over, and result sheets come back, in pieces a task apart (rowChunks.ts).
 * When the worker cannot start or fails (a host without workers, a blocked
 * script), the computations in flight and all later ones run here instead:
 * slower to paint, never a lost run.
 */
export function computeInWorker(
  url: string,
  create: (url: string) => WorkerLike = (u) => new Worker(u) as unknown as WorkerLike,
  fallback: Compute = computeHere,
): Compute {
  let worker: WorkerLike | null = null;
  let broken = false;
  let next = 0;
  const pending = new Map<number, Pending>();
  const giveUp = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) fallback(p.tables, p.options, p.want).then(p.resolve, p.reject);
  };
  const start = (): WorkerLike => {
    const w = create(url);
    w.onmessage = (event) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      if ("chunk" in reply) return p.sheets.add(reply.chunk);
      if ("step" in reply) return p.want.onStep?.(reply.step);
      pending.delete(reply.id);
      if ("error" in reply) p.reject(new Error(reply.error));
      else p.resolve({ ...reply.done, sheets: p.sheets.result(), json: null });
    };
    w.onerror = giveUp;
    return w;
  };
  const cancel = () => {
    if (![...pending.values()].some((p) => p.want.cancellable)) return;
    // A worker cannot be interrupted: it is ended; what was cancellable rejects, the rest starts again on a new one.
    worker?.terminate();
    worker = null;
    const stopped = [...pending.values()];
    pending.clear();
    for (const p of stopped)
      if (p.want.cancellable) p.reject(new CancelledError());
      else void compute(p.tables, p.options, p.want).then(p.resolve, p.reject);
  };
  const compute = async (tables: readonly RawTable[], options: RunOptions, want: Want = {}): Promise<RunResult> => {
    if (broken) return fallback(tables, options, want);
    try {
      worker ??= start();
    } catch {
      broken = true;
      return fallback(tables, options, want);
    }
    const id = next++;
    const result = new Promise<RunResult>((resolve, reject) =>
      pending.set(id, { resolve, reject, tables, options, want, sheets: new RowAssembler<SheetSpec>() }),
    );
    // Settled (cancelled, failed) maybe while the tables are still going over: handled when returned, not before.
    result.catch(() => undefined);
    for (const chunk of rowChunks(tables, ["rows", "numberFormats"])) {
      if (!pending.has(id)) break; // the worker failed: the fallback has it
      worker?.postMessage({ id, chunk });
      await nextTask();
    }
    // The callback stays on this side: only the options that can be copied go over.
    const { onStep: _, ...copied } = options;
    if (pending.has(id)) worker?.postMessage({ id, run: { options: copied, issuesOnly: want.issuesOnly === true } });
    return result;
  };
  return Object.assign(compute, { cancel });
}

import type { FunctionCall } from "../../functions/comp";
import type { FunctionAnswer } from "../../functions/failure";
import type { RunOptions, RunResult, RunStep } from "../../workbook/run";
import type { RawTable, SheetSpec } from "../../workbook/types";
import { ModelCache } from "./modelCache";
import { RowAssembler, rowChunks } from "./rowChunks";
import { answerFromWire, type RealisticAnswer, type RealisticQuery } from "./realisticQuery";
import type { FromWorker, TablesRef, ToWorker } from "./workerProtocol";

/**
 * Where the model runs. In the pane it is a Web Worker, so the pane keeps
 * painting and answering clicks while thousands of reps are priced; tests and
 * hosts without workers compute on the calling thread. Same runWorkbook
 * either way, so the numbers cannot differ. `issuesOnly`: the caller wants the
 * problems (the Inputs tab's check), so the result sheets need not cross back.
 * Every request is about one read of the tables, and the model thread keeps
 * what it builds on the last one (ModelCache): the Run, the check, the plan
 * editor and the worksheet functions share it.
 */
export type Compute = ((tables: readonly RawTable[], options: RunOptions, want?: Want) => Promise<RunResult>) & {
  /** Stops the cancellable computations in flight (they reject with CancelledError); the others carry on. */
  readonly cancel?: () => void;
  /** The plan editor's realistic figures for edited bands, on the realistic model kept for these tables. */
  readonly realistic: (tables: readonly RawTable[], query: RealisticQuery) => Promise<RealisticAnswer>;
  /** One batch of COMP.* calls (one recalculation's), answered in order on these tables. */
  readonly functions: (
    tables: readonly RawTable[],
    calls: readonly FunctionCall[],
    today?: Date,
  ) => Promise<FunctionAnswer[]>;
  /** An input table changed: drop the tables held and everything built on them (the next request sends its own). */
  readonly forget: () => void;
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

/** Computes on the calling thread, on a ModelCache of its own. */
export function computeOnThisThread(cache: ModelCache = new ModelCache()): Compute {
  return Object.assign(
    async (tables: readonly RawTable[], options: RunOptions, want: Want = {}) => {
      await nextTask();
      return cache.run(tables, { ...options, onStep: want.onStep });
    },
    {
      realistic: async (tables: readonly RawTable[], query: RealisticQuery) => {
        await nextTask();
        return cache.realistic(tables, query);
      },
      functions: async (tables: readonly RawTable[], calls: readonly FunctionCall[], today: Date = new Date()) =>
        cache.functions(tables, calls, today.getTime()),
      forget: () => cache.forget(),
    },
  );
}

export const computeHere: Compute = computeOnThisThread();

/** One kind of request: how it runs without a worker, what it asks the worker, how it takes the replies. */
interface Job<T> {
  readonly here: () => Promise<T>;
  readonly cancellable: boolean;
  readonly ask: (id: number, tables: TablesRef) => ToWorker;
  /** A listener for one attempt's replies (true on the last). */
  readonly listen: (resolve: (value: T) => void, reject: (error: Error) => void) => (reply: FromWorker) => boolean;
}

/** A request on the worker, until its last reply. */
interface Pending {
  readonly cancellable: boolean;
  /** Takes one reply; true when it was the last. */
  readonly reply: (reply: FromWorker) => boolean;
  /** The same request again: on a new worker after a cancel, or on the fallback once workers failed. */
  readonly again: () => void;
  readonly reject: (error: Error) => void;
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
  // Tables are known by identity (the pane never changes a read in place); the worker holds the last ones sent.
  const keys = new WeakMap<readonly RawTable[], number>();
  let nextKey = 0;
  let held: number | null = null;
  const giveUp = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    held = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.again();
  };
  const start = (): WorkerLike => {
    const w = create(url);
    w.onmessage = (event) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (p?.reply(reply)) pending.delete(reply.id);
    };
    w.onerror = giveUp;
    held = null;
    return w;
  };
  const cancel = () => {
    if (![...pending.values()].some((p) => p.cancellable)) return;
    // A worker cannot be interrupted: it is ended; what was cancellable rejects, the rest starts again on a new one.
    worker?.terminate();
    worker = null;
    held = null;
    const stopped = [...pending.values()];
    pending.clear();
    for (const p of stopped)
      if (p.cancellable) p.reject(new CancelledError());
      else p.again();
  };
  /** Sends a request: its tables in pieces a task apart unless the worker holds them, then what to do. */
  const send = async (id: number, tables: readonly RawTable[], ask: Job<unknown>["ask"]): Promise<void> => {
    let key = keys.get(tables);
    if (key === undefined) keys.set(tables, (key = nextKey++));
    const fresh = held !== key;
    if (fresh)
      for (const chunk of rowChunks(tables, ["rows", "numberFormats"])) {
        if (!pending.has(id)) return; // settled meanwhile (failed, cancelled): handled there
        worker?.postMessage({ id, chunk });
        await nextTask();
      }
    if (!pending.has(id) || !worker) return;
    worker.postMessage(ask(id, { key, fresh }));
    held = key;
  };
  /** Runs a job on the worker (started if need be), or on the fallback when there can be none. */
  const request = <T>(tables: readonly RawTable[], job: Job<T>): Promise<T> => {
    if (broken) return job.here();
    try {
      worker ??= start();
    } catch {
      broken = true;
      return job.here();
    }
    const id = next++;
    const result = new Promise<T>((resolve, reject) =>
      pending.set(id, {
        cancellable: job.cancellable,
        reply: job.listen(resolve, reject),
        again: () => void request(tables, job).then(resolve, reject),
        reject,
      }),
    );
    // Settled (cancelled, failed) maybe while the tables are still going over: handled when returned, not before.
    result.catch(() => undefined);
    void send(id, tables, job.ask);
    return result;
  };
  const compute = (tables: readonly RawTable[], options: RunOptions, want: Want = {}): Promise<RunResult> => {
    // The callback stays on this side: only the options that can be copied go over.
    const { onStep: _, ...copied } = options;
    return request<RunResult>(tables, {
      here: () => fallback(tables, options, want),
      cancellable: want.cancellable === true,
      ask: (id, ref) => ({ id, tables: ref, run: { options: copied, issuesOnly: want.issuesOnly === true } }),
      listen: (resolve, reject) => {
        const sheets = new RowAssembler<SheetSpec>();
        return (reply) => {
          if ("chunk" in reply) return (sheets.add(reply.chunk), false);
          if ("step" in reply) return (want.onStep?.(reply.step), false);
          if ("error" in reply) reject(new Error(reply.error));
          else if ("done" in reply) resolve({ ...reply.done, sheets: sheets.result(), json: null });
          return true;
        };
      },
    });
  };
  const functions = (
    tables: readonly RawTable[],
    calls: readonly FunctionCall[],
    today: Date = new Date(),
  ): Promise<FunctionAnswer[]> =>
    // One batch, one message (after the tables, when the worker does not hold them) and one reply.
    request<FunctionAnswer[]>(tables, {
      here: () => fallback.functions(tables, calls, today),
      cancellable: false,
      ask: (id, ref) => ({ id, tables: ref, functions: { calls, today: today.getTime() } }),
      listen: (resolve, reject) => (reply) => {
        if ("error" in reply) reject(new Error(reply.error));
        else if ("answers" in reply) resolve([...reply.answers]);
        return true;
      },
    });
  const forget = () => {
    // Posted in order with the requests: what is asked after it sends its tables again.
    held = null;
    worker?.postMessage({ id: next++, forget: true });
    fallback.forget();
  };
  const realistic = (tables: readonly RawTable[], query: RealisticQuery): Promise<RealisticAnswer> =>
    request<RealisticAnswer>(tables, {
      here: () => fallback.realistic(tables, query),
      cancellable: false,
      ask: (id, ref) => ({ id, tables: ref, realistic: query }),
      listen: (resolve, reject) => (reply) => {
        if ("error" in reply) reject(new Error(reply.error));
        else if ("realistic" in reply) resolve(answerFromWire(reply.realistic));
        return true;
      },
    });
  return Object.assign(compute, { cancel, realistic, functions, forget });
}

import { runWorkbook, type RunOptions, type RunResult } from "../../workbook/run";
import type { RawTable } from "../../workbook/types";

/**
 * Where the model runs. In the pane it is a Web Worker, so the pane keeps
 * painting and answering clicks while thousands of reps are priced; tests and
 * hosts without workers compute on the calling thread. Same runWorkbook
 * either way, so the numbers cannot differ.
 */
export type Compute = (tables: readonly RawTable[], options: RunOptions) => Promise<RunResult>;

/** The worker's script beside taskpane.html (webpack's `model-worker` entry, named without a hash). */
export const MODEL_WORKER_URL = "model-worker.js";

/** What the pane sends the worker, and what comes back. */
export interface ComputeRequest {
  readonly id: number;
  readonly tables: readonly RawTable[];
  readonly options: RunOptions;
}
export type ComputeReply =
  { readonly id: number; readonly result: RunResult } | { readonly id: number; readonly error: string };

/** Lets the pane paint (a progress line) before a long synchronous step. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const computeHere: Compute = async (tables, options) => {
  await nextFrame();
  return runWorkbook(tables, options);
};

/** The result as it crosses to another thread: `json` (the CLI's, with Decimals in it) stays behind. */
export function transferable(result: RunResult): RunResult {
  return { ...result, json: null };
}

interface Pending {
  readonly resolve: (result: RunResult) => void;
  readonly reject: (error: Error) => void;
  readonly tables: readonly RawTable[];
  readonly options: RunOptions;
}

interface WorkerLike {
  onmessage: ((event: MessageEvent<ComputeReply>) => void) | null;
  onerror: ((event: Event) => void) | null;
  postMessage(message: ComputeRequest): void;
  terminate(): void;
}

/**
 * Runs each computation in one long-lived worker loaded from `url`. When the
 * worker cannot start or fails (a host without workers, a blocked script), the
 * computations in flight and all later ones run here instead: slower to
 * paint, never a lost run.
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
    for (const p of waiting) fallback(p.tables, p.options).then(p.resolve, p.reject);
  };
  const start = (): WorkerLike => {
    const w = create(url);
    w.onmessage = (event) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ("error" in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.result);
    };
    w.onerror = giveUp;
    return w;
  };
  return (tables, options) => {
    if (broken) return fallback(tables, options);
    try {
      worker ??= start();
    } catch {
      broken = true;
      return fallback(tables, options);
    }
    const id = next++;
    return new Promise<RunResult>((resolve, reject) => {
      pending.set(id, { resolve, reject, tables, options });
      worker!.postMessage({ id, tables, options });
    });
  };
}

import { INPUT_NAMES } from "../workbook/parse/locate";
import type { RawTable } from "../workbook/types";
import type { CallArg } from "./args";
import { evaluateCall, evaluateCalls, readsWorkbook, type FunctionCall, type FunctionName } from "./comp";
import { FunctionModel } from "./functionModel";
import type { FunctionAnswer } from "./failure";

/**
 * The functions' side of the shared runtime, with no Office in it
 * (docs/architecture.md, "Live worksheet functions in one runtime"):
 *
 * - **one read**: the calls are answered on the runtime's shared read of the
 *   input tables (`LiveHost.read`: the one the pane uses too, kept until an
 *   input table changes), on the model thread that holds it (the pane's
 *   worker) or here;
 * - **batches**: the calls Excel makes in one recalculation arrive in one task;
 *   they are answered together, in one request to the model thread, on the
 *   next microtask;
 * - **live**: every call that reads the workbook stays open (a streaming
 *   function) until Excel cancels it; when a watched table changes
 *   (`invalidate`) every open call is answered again, in one batch, on the
 *   new read, so a cell follows an edit of Plans, Tiers or Reps without a full
 *   recalculation.
 */

/** A table whose change invalidates the read: an input table (Results_… and the user's other tables do not). */
export const isInputTableName = (name: string): boolean =>
  INPUT_NAMES.some((n) => n.toLowerCase() === name.trim().toLowerCase());

/** Where an answer goes: the cell (a streaming invocation's setResult, or a promise's resolve). */
export type Sink = (answer: FunctionAnswer) => void;

export interface LiveHost {
  /**
   * The workbook's input tables, asked once per batch: the runtime's shared
   * read (src/workbook/sharedRead.ts), which hands out the same read until an
   * input table changes.
   */
  readonly read: () => Promise<readonly RawTable[]>;
  /** Answers a batch of calls on a read: the pane's model thread (Compute.functions) when there is one. */
  readonly evaluate?: (tables: readonly RawTable[], calls: readonly FunctionCall[]) => Promise<FunctionAnswer[]>;
}

interface Open {
  readonly call: FunctionCall;
  readonly sink: Sink;
  /** The last answer given, so an unchanged cell is not written again. */
  last: string | null;
}

/** Answers on this thread, on the FunctionModel of the last read (the cache, when no model thread holds it). */
export function evaluateHere(): NonNullable<LiveHost["evaluate"]> {
  let held: FunctionModel | null = null;
  return async (tables, calls) =>
    evaluateCalls(calls, () => (held?.workbook.tables === tables ? held : (held = new FunctionModel(tables))));
}

export class LiveFunctions {
  /** Bumped by every invalidation: a batch computed across one is answered again on the new read. */
  private generation = 0;
  private readonly open = new Set<Open>();
  private batch: Open[] = [];
  private readonly evaluate: NonNullable<LiveHost["evaluate"]>;
  /** Batches answered (for tests and the bench). */
  batches = 0;

  constructor(private readonly host: LiveHost) {
    this.evaluate = host.evaluate ?? evaluateHere();
  }

  /**
   * A cell's call. Functions that read no workbook answer at once; the others
   * join the next batch and, when `live`, stay open until the returned cancel.
   */
  call(name: FunctionName, args: readonly CallArg[], sink: Sink, live = true): () => void {
    const call: FunctionCall = { name, args: args.map((a) => (a === undefined ? null : a)) };
    if (!readsWorkbook(name)) {
      sink(
        evaluateCall(call, () => {
          throw new Error("internal: a helper read the workbook");
        }),
      );
      return () => undefined;
    }
    const entry: Open = { call, sink, last: null };
    if (live) this.open.add(entry);
    this.enqueue([entry]);
    return () => {
      this.open.delete(entry);
    };
  }

  /** A watched table changed (the shared read was dropped): answer every open call again. */
  invalidate(): void {
    this.generation++;
    this.enqueue([...this.open]);
  }

  /** How many calls are open (cells that follow the workbook). */
  get openCalls(): number {
    return this.open.size;
  }

  private enqueue(entries: readonly Open[]): void {
    if (entries.length === 0) return;
    const first = this.batch.length === 0;
    this.batch.push(...entries);
    if (first) queueMicrotask(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const entries = this.batch;
    this.batch = [];
    this.batches++;
    const generation = this.generation;
    const answers = await this.answer(entries.map((e) => e.call));
    if (generation !== this.generation) {
      // The workbook changed meanwhile: the open calls were queued again; the others go again too.
      this.enqueue(entries.filter((e) => !this.open.has(e)));
      return;
    }
    entries.forEach((entry, i) => {
      const key = JSON.stringify(answers[i]);
      if (entry.last === key) return;
      entry.last = key;
      entry.sink(answers[i]);
    });
  }

  /** One batch: one read (the shared one, most often kept), one request to the model thread. */
  private async answer(calls: readonly FunctionCall[]): Promise<FunctionAnswer[]> {
    const failed = (what: string, e: unknown): FunctionAnswer[] => {
      const message = `${what}: ${e instanceof Error ? e.message : String(e)}`;
      return calls.map(() => ({ error: "#N/A", message }));
    };
    let tables: readonly RawTable[];
    try {
      tables = await this.host.read();
    } catch (e) {
      return failed("Could not read the workbook", e);
    }
    try {
      return await this.evaluate(tables, calls);
    } catch (e) {
      return failed("Could not compute", e);
    }
  }
}

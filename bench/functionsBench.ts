import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FunctionCall } from "../src/functions/comp";
import { computeInWorker, computeOnThisThread, type Compute, type WorkerLike } from "../src/taskpane/model/compute";
import type { FromWorker } from "../src/taskpane/model/workerProtocol";
import { fakeSharedRuntime } from "../test/fake-excel/sharedRuntime";
import { fmt, printTable } from "./measure";
import { syntheticOrg, toRawTables } from "./synthetic";

const CELLS = 1000;

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 0));
}

/** The pane's model worker on a Node worker thread (modelWorkerNode.ts), and a way to end it. */
function modelWorker(): { compute: Compute; end: () => void } {
  const made: Worker[] = [];
  const compute = computeInWorker("model-worker.js", () => {
    const w = new Worker(join(__dirname, "modelWorkerNode.js"));
    made.push(w);
    const like: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (m) => w.postMessage(m),
      terminate: () => void w.terminate(),
    };
    w.on("message", (data: FromWorker) => like.onmessage?.({ data } as MessageEvent<FromWorker>));
    w.on("error", (e) => like.onerror?.(e as unknown as Event));
    return like;
  });
  return { compute, end: () => made.forEach((w) => void w.terminate()) };
}

/** Milliseconds from `act` until it has settled and `done` holds. */
async function time(act: () => unknown, done: () => boolean = () => true): Promise<number> {
  const t0 = performance.now();
  await act();
  await until(done);
  return performance.now() - t0;
}

/**
 * A Data Table of 1,000 COMP.PAYOUT cells on the Acme workbook in the fake
 * host, with the functions registered as the build registers them and wired
 * as the pane wires them (one shared read, tables.onChanged watched): the
 * first calculation (one read of the tables), a recalculation when the input
 * every cell refers to changes (1,000 invocations), and one after a tier edit
 * (tables.onChanged → one read, one batch). Answered on this thread, or on
 * the model worker (one message a batch). Goal: under 1 s.
 */
async function dataTable(compute: Compute): Promise<{ ms: number[]; batches: number; reads: number }> {
  const host = await fakeSharedRuntime({ compute });
  const { cf, at } = host;
  const live = host.runtime.live!;
  for (let i = 0; i < CELLS; i++) cf.type("What-if", `A${i + 1}`, i / 500);
  const ms = [
    await time(
      () => {
        cf.type("What-if", "D1", 10000);
        for (let i = 0; i < CELLS; i++) cf.type("What-if", `B${i + 1}`, `=COMP.PAYOUT("AE","New ARR",A${i + 1},$D$1)`);
      },
      () => at("B600") === 13960 && at("B1000") === 30000,
    ),
    await time(
      () => cf.type("What-if", "D1", 20000),
      () => at("B600") === 27920 && at("B1000") === 60000,
    ),
    await time(
      () => cf.type("Tiers", "E4", 3),
      () => at("B600") === 31880,
    ),
  ];
  host.dispose();
  return { ms, batches: live.batches, reads: host.reads() };
}

/**
 * One runtime at `reps` reps (the synthetic org, no Excel: the array stands
 * for the shared read): the pane's Inputs check, then the functions' batches
 * on the model worker, then an edit (forget) and the cells again, then the
 * pane's computation of the Run on the same read — its parse and model run
 * already made by COMP.PAY.
 */
async function oneRuntime(reps: number): Promise<string[][]> {
  const { compute, end } = modelWorker();
  const org = syntheticOrg(reps);
  const read = () => toRawTables(org);
  let tables = read();
  const options = () => ({ sourceName: "bench.xlsx", computedAt: new Date() });
  const ids = org.slice(0, 100).map((r) => r.id);
  const pay: FunctionCall[] = ids.map((id) => ({ name: "PAY", args: [id, null, null] }));
  const payouts: FunctionCall[] = Array.from({ length: CELLS }, (_, i) => ({
    name: "PAYOUT",
    args: ["AE", "New ARR", i / 500, 10000, null],
  }));
  const realistic: FunctionCall[] = [0.8, 0.9, 1, 1.1].map((mean) => ({
    name: "EXPECTED",
    args: ["AE", mean, 0.25, null],
  }));
  const rows: string[][] = [];
  const row = (label: string, ms: number) => rows.push([label, fmt(ms, 0)]);
  row(
    "the pane's Inputs check (tables sent, parsed, every rep paid)",
    await time(() => compute(tables, options(), { issuesOnly: true })),
  );
  row(
    `COMP.PAY × ${ids.length} reps, first batch (parses, runs the model: both kept now)`,
    await time(() => compute.functions(tables, pay)),
  );
  row(`${fmt(CELLS)} × COMP.PAYOUT, one batch`, await time(() => compute.functions(tables, payouts)));
  row(
    `COMP.EXPECTED × ${realistic.length} assumptions, one batch`,
    await time(() => compute.functions(tables, realistic)),
  );
  compute.forget();
  tables = read();
  row(
    "an input table changes: the open cells again (tables sent, parsed, paid)",
    await time(() => compute.functions(tables, [...pay, ...payouts, ...realistic])),
  );
  row(
    "then the pane's Inputs check on that read (parse and pay shared)",
    await time(() => compute(tables, options(), { issuesOnly: true })),
  );
  end();
  return rows;
}

export async function functionsBench(reps = 10000): Promise<void> {
  const here = await dataTable(computeOnThisThread());
  const worker = modelWorker();
  const there = await dataTable(worker.compute);
  worker.end();
  const labels = [
    `${fmt(CELLS)} × COMP.PAYOUT entered (one read of the tables)`,
    `the input they all refer to changes (${fmt(CELLS)} invocations)`,
    "a tier edit: tables.onChanged, one read, one batch",
  ];
  printTable(
    `Live worksheet functions (fake host, Acme workbook; ${here.batches} batches, ${here.reads} reads each way)`,
    ["Data Table of 1,000 COMP.PAYOUT cells", "this thread ms", "model worker ms", "< 1 s"],
    labels.map((label, i) => [
      label,
      fmt(here.ms[i], 0),
      fmt(there.ms[i], 0),
      Math.max(here.ms[i], there.ms[i]) < 1000 ? "yes" : "NO",
    ]),
  );
  printTable(
    `One runtime at ${fmt(reps)} reps (synthetic org, the model worker on a Node worker thread)`,
    ["the pane and the functions on one read", "ms"],
    await oneRuntime(reps),
  );
}

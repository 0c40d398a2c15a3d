import { Decimal } from "../../src/engine";
import { computeInWorker } from "../../src/taskpane/model/compute";
import { readBaselinePlans, saveTiersPlan } from "../../src/taskpane/model/planEditing";
import { runPipeline, type RunPhase } from "../../src/taskpane/model/runPipeline";
import { acmeExample } from "../../src/workbook/example/acme";
import { exampleRawTables } from "../../src/workbook/example/exampleTable";
import { runWorkbook } from "../../src/workbook/run";
import type { RawTable } from "../../src/workbook/types";
import { FakeModelWorker } from "../fake-excel/fakeModelWorker";
import { fakeSharedRuntime, type FakeSharedRuntime } from "../fake-excel/sharedRuntime";

/**
 * One runtime (issue 17): the pane and the COMP.* functions share one read of
 * the input tables and the pane's model worker (here the real handler behind
 * structured clones, test/fake-excel/fakeModelWorker.ts), and an edit of an
 * input table drops both the read and what the worker built on it. Reads are
 * counted at the workbook, messages at the worker.
 */

/** The example with Tiers' third row (AE · New ARR, 100–150%) paying `rate`: the cell E4. */
function withRate(rate: number): RawTable[] {
  return exampleRawTables(acmeExample()).map((t) =>
    t.name !== "Tiers"
      ? t
      : { ...t, rows: t.rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 4 ? rate : c)) : r)) },
  );
}

/** E1205's baseline net paid for the year, as the Run's Results_Statements adds it up, in cents. */
function runPay(tables: readonly RawTable[]): number {
  const run = runWorkbook(tables, { sourceName: "x", computedAt: new Date() });
  const sheet = run.sheets.find((s) => s.name === "Results_Statements")!;
  const col = (h: string) => sheet.columns.findIndex((c) => c.header === h);
  const cents = sheet.rows
    .filter((r) => r[col("Scenario")] === "Baseline" && r[col("RepID")] === "E1205")
    .reduce((sum, r) => sum + Math.round((r[col("Net paid")] as number) * 100), 0);
  return cents / 100;
}

const PAY_BEFORE = runPay(exampleRawTables(acmeExample()));
const PAY_AFTER = runPay(withRate(3));

let host: FakeSharedRuntime | null = null;
let worker: FakeModelWorker;
async function start(): Promise<FakeSharedRuntime> {
  worker = new FakeModelWorker();
  host = await fakeSharedRuntime({ compute: computeInWorker("model-worker.js", () => worker) });
  return host;
}
afterEach(() => {
  host?.dispose();
  host = null;
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

describe("the pane and the functions in one runtime", () => {
  it("a Run, then COMP.* cells: one read, the tables sent to the worker once; a tier edit: one new read, new answers", async () => {
    const { cf, runtime, at, reads } = await start();
    expect(PAY_BEFORE).toBeGreaterThan(0);
    expect(PAY_AFTER).not.toBe(PAY_BEFORE);
    const end: RunPhase = await runPipeline(runtime.port, () => undefined, undefined, { compute: compute() });
    expect(end.kind).toBe("done");
    expect(reads()).toBe(1);

    cf.type("What-if", "A1", 1.2);
    cf.type("What-if", "B1", '=COMP.PAYOUT("AE","New ARR",A1,25000)');
    cf.type("What-if", "C1", '=COMP.PAY("E1205")');
    await cf.settled();
    expect([at("B1"), at("C1")]).toEqual([35000, PAY_BEFORE]); // 1.4 × 25,000; the Run's cents
    expect(reads()).toBe(1); // the Run's read
    // The worker got the tables once (for the Run); the batch was one message about the tables it held.
    expect(worker.asked("chunk")).toHaveLength(end.kind === "done" ? end.tables.length : -1);
    expect(worker.asked("functions")).toMatchObject([{ tables: { fresh: false } }]);

    // An edit of Tiers in Excel: tables.onChanged drops the read and what the worker holds; the cells answer again.
    cf.type("Tiers", "E4", 3);
    await until(() => at("C1") === PAY_AFTER);
    expect(at("B1")).toBe(40000); // (0.25 + 0.75 + 3 × 0.2) × 25,000
    expect(reads()).toBe(2);
    expect(worker.asked("forget")).toHaveLength(1);

    // The pane's next Run takes the functions' read, and pays what the cells show.
    const again = await runPipeline(runtime.port, () => undefined, undefined, { compute: compute() });
    expect(reads()).toBe(2);
    expect(again.kind === "done" && again.result.headline).toEqual(
      runWorkbook(withRate(3), { sourceName: "x", computedAt: new Date() }).headline,
    );
    expect(worker.asked("chunk")).toHaveLength(2 * exampleRawTables(acmeExample()).length);
  });

  it("the functions read first: the Inputs check and the Run use that read; Refresh reads again", async () => {
    const { cf, runtime, at, reads } = await start();
    cf.type("What-if", "B1", '=COMP.PAYOUT("AE","New ARR",1.2)');
    await cf.settled();
    expect([at("B1"), reads()]).toEqual([1.4, 1]);
    const check = await runtime.port.readTables();
    await compute()(check, { sourceName: "", computedAt: new Date() }, { issuesOnly: true });
    await runPipeline(runtime.port, () => undefined, undefined, { compute: compute() });
    expect(reads()).toBe(1);
    expect(worker.asked("chunk")).toHaveLength(check.length);
    // The Inputs tab's Refresh reads the workbook whatever is kept, and the open cells follow that read.
    const batches = runtime.live!.batches;
    const refreshed = await runtime.port.readTables(undefined, { fresh: true });
    expect(refreshed).not.toBe(check);
    await until(() => runtime.live!.batches > batches);
    expect(reads()).toBe(2);
  });

  it("the pane's own write to an input table (the plan editor's Save) drops the read at once", async () => {
    const { cf, runtime, at, reads } = await start();
    cf.type("What-if", "B1", '=COMP.PAYOUT("AE","New ARR",1.2)');
    await cf.settled();
    const tables = await runtime.port.readTables();
    const ae = readBaselinePlans(tables).find((p) => p.name === "AE")!;
    const tiers = ae.measures[0].tiers.map((t, i) => (i === 2 ? { ...t, rate: new Decimal(3) } : t));
    const save = saveTiersPlan(tables, ae, ae.measures[0], tiers);
    if (!("patch" in save)) throw new Error(save.reason);
    await runtime.port.replaceRows(save.patch);
    // Read again at once, before the change event arrives: the saved band is in it.
    const after = await runtime.port.readTables();
    expect(after).not.toBe(tables);
    expect(
      readBaselinePlans(after)
        .find((p) => p.name === "AE")!
        .measures[0].tiers[2].rate.toNumber(),
    ).toBe(3);
    await until(() => at("B1") === 1.6);
    expect(reads()).toBeGreaterThanOrEqual(2);
  });
});

/** The pane's compute: the runtime's model worker (the same one the functions use). */
function compute() {
  return host!.runtime.compute;
}

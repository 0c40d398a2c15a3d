import { acmeExample } from "../../workbook/example/acme";
import { runWorkbook } from "../../workbook/run";
import { table } from "../../../test/workbook/tables";
import type { RawTable } from "../../workbook/types";
import type { RunOptions, RunStep } from "../../workbook/run";
import { readBaselinePlans } from "./planEditing";
import { realisticModel } from "./planRealistic";
import { answerRealistic, tierText, type RealisticQuery } from "./realisticQuery";
import { CancelledError, computeHere, computeInWorker, type Compute } from "./compute";
import { FakeModelWorker } from "../../../test/fake-excel/fakeModelWorker";
import { workerHandler, type FromWorker } from "./workerProtocol";
import { evaluateCalls, type FunctionCall } from "../../functions/comp";
import { FunctionModel } from "../../functions/functionModel";
import { rowChunks } from "./rowChunks";

/** The example as the pane reads it (values only: enough for runWorkbook). */
const tables = acmeExample().map((t) => table(t.name, t.headers, t.rows));
const options = { sourceName: "Acme.xlsx", computedAt: new Date("2026-12-31T12:00:00Z") };

/** The plan editor's question about the example's AE plan, its first measure's bands as saved. */
function aeQuery(): RealisticQuery {
  const ae = readBaselinePlans(tables).find((p) => p.name === "AE")!;
  return {
    plan: "AE",
    measure: ae.measures[0].measure,
    tiers: ae.measures[0].tiers.map(tierText),
    mean: "90",
    sd: "25",
    today: options.computedAt.getTime(),
  };
}

describe("computing on the model thread", () => {
  it("gives the same result sheets as computing here, through one worker for every call", async () => {
    let created = 0;
    const worker = new FakeModelWorker();
    const compute = computeInWorker("model-worker.js", () => (created++, worker));
    const [a, b] = await Promise.all([compute(tables, options), compute(tables, { ...options, sourceName: "B" })]);
    const here = runWorkbook(tables, options);
    expect(a.ok).toBe(true);
    expect(a.sheets).toEqual(here.sheets);
    // Nothing in a sheet is a class instance, which a structured clone would turn into a plain object.
    const classes = new Set<string>();
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== "object") return;
      const proto = Object.getPrototypeOf(v) as { constructor?: { name: string } } | null;
      if (!Array.isArray(v) && proto?.constructor?.name !== "Object") classes.add(proto?.constructor?.name ?? "null");
      Object.values(v).forEach(walk);
    };
    walk(here.sheets);
    expect([...classes]).toEqual([]);
    expect(a.headline).toEqual(here.headline);
    expect(b.sheets[0].subtitle).toContain("B");
    expect(created).toBe(1);
    // Each request's tables went over in pieces, then one run message.
    expect(new Set(worker.received.map((r) => r.id))).toEqual(new Set([0, 1]));
    expect(worker.received.filter((r) => "run" in r).map((r) => r.id)).toEqual([0, 1]);
    expect(worker.received.filter((r) => "chunk" in r && r.id === 0)).toHaveLength(tables.length);
    // Each stage is reported as it starts, from the worker, and the stages that price reps count them.
    const steps: RunStep[] = [];
    await compute(tables, options, { onStep: (s) => steps.push(s) });
    expect(steps.filter((s) => !s.reps).map((s) => `${s.done + 1}/${s.total} ${s.label}`)).toEqual([
      "1/5 reading the tables",
      "2/5 paying every line",
      "3/5 realistic earnings",
      "4/5 offers and the backtest",
      "5/5 building the result sheets",
    ]);
    // The example: 29 reps, paid under the baseline and "60/40 measure mix" (on actuals, no flat scenario to
    // price twice): 29 × 2; realistic under history and its 3 distribution scenarios: 29 × 4.
    const counted = (stage: string) => steps.filter((s) => s.reps && s.label === stage).map((s) => s.reps!);
    for (const [stage, total] of [
      ["paying every line", 29 * 2],
      ["realistic earnings", 29 * 4],
    ] as const) {
      const reps = counted(stage);
      expect(reps.every((r) => r.total === total && r.reps === 29)).toBe(true);
      expect(reps[reps.length - 1].done).toBe(total);
      // At most one report per percent, in order.
      const percents = reps.map((r) => Math.floor((r.done * 100) / r.total));
      expect(percents).toEqual([...new Set(percents)].sort((a, b) => a - b));
    }
    // Asked only for the problems: the same issues, and no sheets cross back.
    const check = await compute(tables, options, { issuesOnly: true });
    expect(check.issues).toEqual(here.issues);
    expect(check.sheets).toEqual([]);
  });

  it("falls back to this thread when the worker fails or cannot start: the run is never lost", async () => {
    const failing = new FakeModelWorker(true);
    const calls: string[] = [];
    const fallback: Compute = Object.assign(
      async (t: readonly RawTable[], o: RunOptions) => (calls.push(o.sourceName), runWorkbook(t, o)),
      { realistic: computeHere.realistic, functions: computeHere.functions, forget: computeHere.forget },
    );
    const compute = computeInWorker("model-worker.js", () => failing, fallback);
    expect((await compute(tables, options)).ok).toBe(true);
    expect(failing.terminated).toBe(true);
    // Later calls go straight to the fallback.
    const sent = failing.received.length;
    await compute(tables, { ...options, sourceName: "later" });
    expect(calls).toEqual(["Acme.xlsx", "later"]);
    expect(failing.received).toHaveLength(sent);

    const cannotStart = computeInWorker(
      "model-worker.js",
      () => {
        throw new Error("workers are blocked");
      },
      fallback,
    );
    expect((await cannotStart(tables, options)).ok).toBe(true);
  });

  it("cancels a computation in flight: it rejects as cancelled, the worker is ended, the next call starts a new one", async () => {
    const made: FakeModelWorker[] = [];
    const compute = computeInWorker("model-worker.js", () => {
      const w = new FakeModelWorker();
      made.push(w);
      return w;
    });
    // A check the pane started on its own, then a Run the user cancels: the check still completes.
    const check = compute(tables, options, { issuesOnly: true });
    const running = compute(tables, options, { cancellable: true });
    compute.cancel!();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(made[0].terminated).toBe(true);
    expect((await check).issues).toEqual(runWorkbook(tables, options).issues);
    const next = await compute(tables, options, { cancellable: true });
    expect(next.ok).toBe(true);
    expect(made).toHaveLength(2);
  });

  it("sends the tables once while they are unchanged: a Run after the check, and each plan-editor price, reuse what the worker holds", async () => {
    const made: FakeModelWorker[] = [];
    const compute = computeInWorker("model-worker.js", () => {
      const w = new FakeModelWorker();
      made.push(w);
      return w;
    });
    const chunksOf = (id: number) => made.flatMap((w) => w.received).filter((r) => "chunk" in r && r.id === id).length;
    const asked = () => made.flatMap((w) => w.received).filter((r) => !("chunk" in r));
    const check = await compute(tables, options, { issuesOnly: true });
    const run = await compute(tables, options);
    expect(run.sheets).toEqual(runWorkbook(tables, options).sheets);
    expect(check.issues).toEqual(run.issues);
    expect([chunksOf(0), chunksOf(1)]).toEqual([tables.length, 0]);

    // The plan editor: the answer is the one worked out here, on the tables the worker already holds.
    const query = aeQuery();
    const here = answerRealistic(realisticModel(tables, options.computedAt), query);
    expect(await compute.realistic(tables, query)).toEqual(here);
    expect(await compute.realistic(tables, { ...query, mean: "80" })).toEqual(
      answerRealistic(realisticModel(tables, options.computedAt), { ...query, mean: "80" }),
    );
    expect([chunksOf(2), chunksOf(3)]).toEqual([0, 0]);
    expect(asked().map((r) => ("tables" in r ? r.tables : null))).toEqual([
      { key: 0, fresh: true },
      { key: 0, fresh: false },
      { key: 0, fresh: false },
      { key: 0, fresh: false },
    ]);

    // Another read of the workbook (a new array, even with the same rows) goes over again, under a new key.
    const reread = tables.map((t) => ({ ...t }));
    await compute.realistic(reread, query);
    expect(chunksOf(4)).toBe(tables.length);
    expect(asked()[4]).toMatchObject({ tables: { key: 1, fresh: true } });

    // A cancel ends the worker, and what it held with it: the next request sends its tables to the new one.
    const running = compute(reread, options, { cancellable: true });
    compute.cancel!();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(await compute.realistic(reread, query)).toEqual(here);
    expect(made).toHaveLength(2);
    expect(made[1].received.filter((r) => "chunk" in r)).toHaveLength(tables.length);
  });

  it("prices the plan editor's bands on this thread when the worker fails, and answers a worker's error as an error", async () => {
    const compute = computeInWorker("model-worker.js", () => new FakeModelWorker(true));
    const query = aeQuery();
    expect(await compute.realistic(tables, query)).toEqual(
      answerRealistic(realisticModel(tables, options.computedAt), query),
    );
    // A request about tables the worker does not hold (a bug in the pane's bookkeeping) is refused, not priced.
    const replies: FromWorker[] = [];
    const handle = workerHandler((r) => replies.push(r));
    handle({ id: 7, tables: { key: 3, fresh: false }, realistic: query });
    expect(replies).toEqual([{ id: 7, error: "The model thread does not hold these tables: refresh and try again." }]);
  });
});

describe("the worksheet functions on the model thread", () => {
  const today = options.computedAt;
  const calls: FunctionCall[] = [
    { name: "PAYOUT", args: ["AE", "New ARR", 1.2, null, null] },
    { name: "PAYOUT", args: ["AE", "New ARR", 1.2, 25000, null] },
    { name: "CURVE", args: ["AE", "New ARR", 0, 2, 0.5, null] },
    { name: "PAY", args: ["E1205", null, null] },
    { name: "PAY", args: ["E1205", "Q1", null] },
    { name: "EXPECTED", args: ["AE", 0.9, 0.25, null] },
    { name: "OFFER", args: ["Late-stage director", "FourYear"] },
    { name: "PAYOUT", args: ["Flatt", "New ARR", 1, null, null] },
  ];
  /** E1205's net paid in the baseline, as Results_Statements gives it: the year, and 2026-Q1. */
  const runPay = () => {
    const sheet = runWorkbook(tables, options).sheets.find((s) => s.name === "Results_Statements")!;
    const col = (h: string) => sheet.columns.findIndex((c) => c.header === h);
    const rows = sheet.rows.filter((r) => r[col("Scenario")] === "Baseline" && r[col("RepID")] === "E1205");
    const cents = rows.reduce((sum, r) => sum + Math.round((r[col("Net paid")] as number) * 100), 0);
    return { year: cents / 100, q1: rows.find((r) => r[col("Period")] === "2026-Q1")![col("Net paid")] };
  };

  it("answers a batch in one message and one reply, on the tables the worker holds, as computed here", async () => {
    const worker = new FakeModelWorker();
    const compute = computeInWorker("model-worker.js", () => worker);
    await compute(tables, options, { issuesOnly: true }); // the Inputs check: the tables go over once
    const answers = await compute.functions(tables, calls, today);
    // The same answers as this thread gives, on a FunctionModel of its own.
    expect(answers).toEqual(evaluateCalls(calls, () => new FunctionModel(tables, today)));
    const pay = runPay();
    expect(pay.year).toBeGreaterThan(0);
    expect(answers.slice(0, 5)).toEqual([
      { value: 1.4 }, // 0.5 × 0.5 + 1.5 × 0.5 + 2 × 0.2
      { value: 35000 },
      {
        value: [
          [0, 0],
          [0.5, 0.25],
          [1, 1],
          [1.5, 2],
          [2, 3],
        ],
      },
      { value: pay.year }, // the Run's cents
      { value: pay.q1 },
    ]);
    expect(answers[7]).toEqual({
      error: "#N/A",
      message: 'Plan "Flatt" is not in Plans (plans: AE, AE YTD, AE New Hire, Manager, Director).',
    });
    // One message for the batch, about the tables already held (no pieces), and one reply with every answer.
    const asked = worker.asked("functions");
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ tables: { key: 0, fresh: false }, functions: { today: today.getTime() } });
    expect(worker.received.filter((m) => "chunk" in m && m.id === asked[0].id)).toHaveLength(0);
    expect(worker.replies.filter((r) => r.id === asked[0].id)).toEqual([{ id: asked[0].id, answers }]);
    // The next recalculation: one more message, one more reply.
    expect(await compute.functions(tables, calls.slice(0, 2), today)).toEqual(answers.slice(0, 2));
    expect(worker.asked("functions")).toHaveLength(2);
    expect(worker.asked("chunk")).toHaveLength(tables.length);
  });

  it("forgets what it holds when an input table changes: the next request sends its tables again", async () => {
    const worker = new FakeModelWorker();
    const compute = computeInWorker("model-worker.js", () => worker);
    await compute.functions(tables, calls.slice(0, 1), today);
    expect(worker.asked("chunk")).toHaveLength(tables.length);
    compute.forget();
    expect(worker.asked("forget")).toHaveLength(1);
    expect(await compute.functions(tables, calls.slice(0, 1), today)).toEqual([{ value: 1.4 }]);
    expect(worker.asked("chunk")).toHaveLength(2 * tables.length);
    expect(worker.asked("functions").map((m) => ("tables" in m ? m.tables.fresh : null))).toEqual([true, true]);
    // The handler's side: after a forget it holds nothing, and says so rather than answer on other tables.
    const replies: FromWorker[] = [];
    const handle = workerHandler((r) => replies.push(r));
    handle({ id: 1, chunk: [...rowChunks(tables, ["rows", "numberFormats"])][0] });
    handle({ id: 1, tables: { key: 0, fresh: true }, functions: { calls: calls.slice(0, 1), today: 0 } });
    handle({ id: 2, forget: true });
    handle({ id: 3, tables: { key: 0, fresh: false }, functions: { calls: calls.slice(0, 1), today: 0 } });
    expect(replies.map((r) => r.id)).toEqual([1, 3]);
    expect(replies[1]).toEqual({ id: 3, error: "The model thread does not hold these tables: refresh and try again." });
  });

  it("answers on this thread, the same answers, when the worker fails or cannot start", async () => {
    const failing = new FakeModelWorker(true);
    const compute = computeInWorker("model-worker.js", () => failing);
    const here = evaluateCalls(calls, () => new FunctionModel(tables, today));
    expect(await compute.functions(tables, calls, today)).toEqual(here);
    expect(failing.terminated).toBe(true);
    const blocked = computeInWorker("model-worker.js", () => {
      throw new Error("workers are blocked");
    });
    expect(await blocked.functions(tables, calls, today)).toEqual(here);
    expect(await computeHere.functions(tables, calls, today)).toEqual(here);
  });

  it("shares one parse and, once a COMP.PAY asked, one model run between the functions and the Run", async () => {
    const compute = computeInWorker("model-worker.js", () => new FakeModelWorker());
    const repsPaid = async () => {
      const steps: RunStep[] = [];
      const result = await compute(tables, options, { onStep: (s) => steps.push(s) });
      return { result, priced: steps.filter((s) => s.reps && s.label === "paying every line").length };
    };
    // A Run alone keeps nothing of what it made: the next one prices every rep again.
    expect((await repsPaid()).priced).toBeGreaterThan(0);
    expect((await repsPaid()).priced).toBeGreaterThan(0);
    // COMP.PAY asks for the model run: kept from now on, for the Run too, which prices no rep to pay again.
    const [year] = await compute.functions(tables, calls.slice(3, 4), today);
    const again = await repsPaid();
    expect(again.priced).toBe(0);
    expect(again.result.sheets).toEqual(runWorkbook(tables, options).sheets);
    expect(year).toEqual({ value: runPay().year });
  });
});

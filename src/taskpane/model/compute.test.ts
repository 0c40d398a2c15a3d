import { acmeExample } from "../../workbook/example/acme";
import { runWorkbook } from "../../workbook/run";
import { table } from "../../../test/workbook/tables";
import { CancelledError, computeInWorker, type Compute, type WorkerLike } from "./compute";
import { workerHandler, type FromWorker, type ToWorker } from "./workerProtocol";

/** The example as the pane reads it (values only: enough for runWorkbook). */
const tables = acmeExample().map((t) => table(t.name, t.headers, t.rows));
const options = { sourceName: "Acme.xlsx", computedAt: new Date("2026-12-31T12:00:00Z") };

/** dist/model-worker.js in-process: the real handler, each message a structured clone delivered a task later. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly received: ToWorker[] = [];
  terminated = false;
  private readonly handle = workerHandler((reply) =>
    setTimeout(() => this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<FromWorker>), 0),
  );
  constructor(private readonly fail = false) {}
  postMessage(message: ToWorker): void {
    this.received.push(message);
    const copy = structuredClone(message);
    setTimeout(() => (this.fail ? this.onerror?.(new Event("error")) : this.handle(copy)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("computing on the model thread", () => {
  it("gives the same result sheets as computing here, through one worker for every call", async () => {
    let created = 0;
    const worker = new FakeWorker();
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
    // Each stage is reported as it starts, from the worker.
    const steps: string[] = [];
    await compute(tables, options, { onStep: (s) => steps.push(`${s.done + 1}/${s.total} ${s.label}`) });
    expect(steps).toEqual([
      "1/5 reading the tables",
      "2/5 paying every line",
      "3/5 realistic earnings",
      "4/5 offers and the backtest",
      "5/5 building the result sheets",
    ]);
    // Asked only for the problems: the same issues, and no sheets cross back.
    const check = await compute(tables, options, { issuesOnly: true });
    expect(check.issues).toEqual(here.issues);
    expect(check.sheets).toEqual([]);
  });

  it("falls back to this thread when the worker fails or cannot start: the run is never lost", async () => {
    const failing = new FakeWorker(true);
    const calls: string[] = [];
    const fallback: Compute = async (t, o) => (calls.push(o.sourceName), runWorkbook(t, o));
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
    const made: FakeWorker[] = [];
    const compute = computeInWorker("model-worker.js", () => {
      const w = new FakeWorker();
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
});

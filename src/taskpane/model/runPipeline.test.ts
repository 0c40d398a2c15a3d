import { FakeExcel } from "../../../test/fake-excel";
import { fakeWorkbookPort } from "../../../test/fake-excel/fakeWorkbookPort";
import { acmeExample } from "../../workbook/example/acme";
import type { SpecCell } from "../../workbook/types";
import { computeHere, type Compute } from "./compute";
import { parseTraceReps, runPipeline, type RunPhase } from "./runPipeline";

describe("runPipeline", () => {
  it("reads, computes and writes, reporting each phase, and the written tables are the run's sheets", async () => {
    const fake = new FakeExcel();
    fake.state.addSheet("Sheet1");
    const port = fakeWorkbookPort(fake);
    await port.insertExample(acmeExample());
    const phases: RunPhase["kind"][] = [];
    const end = await runPipeline(
      port,
      (p) => phases.push(p.kind),
      () => new Date("2026-12-31T00:00:00Z"),
    );
    expect(end.kind).toBe("done");
    if (end.kind !== "done") return;
    expect([...new Set(phases)]).toEqual(["reading", "computing", "writing", "done"]);
    expect(end.result.ok).toBe(true);
    for (const sheet of end.result.sheets) {
      const t = fake.state.tableValues(sheet.name);
      expect(t.rows.length).toBe(Math.max(1, sheet.rows.length));
      if (sheet.rows.length) expect(t.rows[0]).toEqual(sheet.rows[0].map((c) => (c === null ? "" : c)));
    }
    expect(end.result.sheets[0].subtitle).toContain("Book1.xlsx");
    // The tables it read come back with the result, so the pane need not read the workbook a second time.
    expect(end.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Reps", "Plans", "Tiers", "Actuals"]));
    // What the Run view's "last run at … from …" line is made of.
    expect([end.source, end.at.toISOString()]).toEqual(["Book1.xlsx", "2026-12-31T00:00:00.000Z"]);
  });

  it("traces the reps typed in the pane in full, as compplan --trace does", async () => {
    expect(parseTraceReps(" E1101, E1304;E1101  E1205 ")).toEqual(["E1101", "E1304", "E1205"]);
    expect(parseTraceReps("  ")).toEqual([]);
    const fake = new FakeExcel();
    fake.state.addSheet("Sheet1");
    const port = fakeWorkbookPort(fake);
    await port.insertExample(acmeExample());
    const end = await runPipeline(port, () => undefined, undefined, { traceReps: parseTraceReps("E1304") });
    if (end.kind !== "done") throw new Error(end.kind);
    const trace = fake.state.tableValues("Results_Trace");
    const rep = trace.headers.indexOf("RepID");
    expect(new Set(trace.rows.map((r) => r[rep]))).toEqual(new Set(["E1304"]));
    const steps = new Set(trace.rows.map((r) => r[trace.headers.indexOf("Step")]));
    for (const step of ["Quota", "Target", "Attainment", "Band", "Payout", "Statement"])
      expect(steps.has(step)).toBe(true);
  });

  it("reports a failure as a phase with the host's message instead of throwing", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("Results_Summary", [["mine"]]);
    const port = fakeWorkbookPort(fake);
    await port.insertExample(acmeExample());
    const end = await runPipeline(port, () => undefined);
    expect(end).toEqual({
      kind: "failed",
      message: expect.stringContaining('sheet named "Results_Summary" that CompPlan did not create'),
    });
  });

  it("refuses results a sheet of Excel cannot hold, before writing anything", async () => {
    const fake = new FakeExcel();
    fake.state.addSheet("Sheet1");
    const port = fakeWorkbookPort(fake);
    await port.insertExample(acmeExample());
    const names = () => fake.state.sheets.map((s) => s.name);
    const before = names();
    // The run as computed, with Results_Payouts at 1,048,573 rows: title, subtitle, blank and header make it
    // 1,048,577 worksheet rows, one past Excel's last. One row fewer fits (sheetLimits.test.ts).
    const compute: Compute = Object.assign(
      async (...args: Parameters<Compute>) => {
        const result = await computeHere(...args);
        const sheets = result.sheets.map((s) =>
          s.name === "Results_Payouts" ? { ...s, rows: new Array<SpecCell[]>(1_048_573).fill([...s.rows[0]]) } : s,
        );
        return { ...result, sheets };
      },
      { realistic: computeHere.realistic, functions: computeHere.functions, forget: computeHere.forget },
    );
    const end = await runPipeline(port, () => undefined, undefined, { compute });
    expect(end).toEqual({
      kind: "failed",
      message:
        "Results_Payouts would take 1,048,577 rows, past Excel's limit of 1,048,576 rows a sheet: Excel could not " +
        "open it whole. Nothing was written: the Results sheets are as they were. The command-line tool writes " +
        "every row as CSV files: compplan model <workbook> --format csv.",
    });
    expect(names()).toEqual(before);
    expect(before.some((n) => n.startsWith("Results_"))).toBe(false);
  });
});

import * as functions from "../../src/functions/functions";
import { fakeSharedRuntime, type FakeSharedRuntime } from "../fake-excel/sharedRuntime";

/**
 * The shared runtime end to end in Node: the Acme tables in the fake Excel,
 * the functions as the build registers them (metadata and associate calls
 * from the same generator), wired as the pane's entry wires them (one shared
 * read, tables.onChanged watched; answered on this thread here, on the
 * model worker in runtime.test.ts) — formulas typed into a sheet, values
 * checked, and checked again after a tier edit.
 */
let current: FakeSharedRuntime | null = null;
async function host(attach = true) {
  current = await fakeSharedRuntime({ functions: attach });
  const { fake, cf, runtime, at, reads } = current;
  return { fake, cf, live: runtime.live!, mod: functions, at, reads };
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

afterEach(() => {
  current?.dispose();
  current = null;
});

describe("COMP.* in the shared runtime (fake host)", () => {
  it("answers typed formulas, errors with their messages, spills, and follows a tier edit", async () => {
    const { cf, at, live, reads } = await host();
    cf.type("What-if", "A1", 1.2);
    cf.type("What-if", "B1", '=COMP.PAYOUT("AE","New ARR",A1)');
    cf.type("What-if", "C1", '=COMP.PAYOUT("AE","New ARR",A1,25000)');
    cf.type("What-if", "D1", '=COMP.PAYOUT("Flatt","New ARR",A1)');
    cf.type("What-if", "E1", '=COMP.PAYOUT("AE","New ARR",-0.1)');
    cf.type("What-if", "F1", "=COMP.OTE(100000,50000)");
    cf.type("What-if", "G1", '=COMP.PAY("E1101")');
    cf.type("What-if", "A3", '=COMP.CURVE("AE","New ARR",0,2,50%)');
    await cf.settled();
    expect([at("B1"), at("C1"), at("D1"), at("E1"), at("F1")]).toEqual([1.4, 35000, "#N/A", "#VALUE!", 150000]);
    expect(cf.message("What-if", "D1")).toBe(
      'Plan "Flatt" is not in Plans (plans: AE, AE YTD, AE New Hire, Manager, Director).',
    );
    expect(cf.message("What-if", "E1")).toMatch(/^Attainment -0.1 is negative/);
    expect(typeof at("G1")).toBe("number");
    expect([0, 1, 2, 3, 4].map((i) => [at(`A${3 + i}`), at(`B${3 + i}`)])).toEqual([
      [0, 0],
      [0.5, 0.25],
      [1, 1],
      [1.5, 2],
      [2, 3],
    ]);
    expect(reads()).toBe(1); // one read for every cell
    expect(live.openCalls).toBe(6);

    // An argument changes: that cell is invoked again (the old invocation cancelled).
    cf.type("What-if", "A1", 1);
    await cf.delivered(2);
    expect([at("B1"), at("C1")]).toEqual([1, 25000]);
    expect(live.openCalls).toBe(6);

    // A tier edit: AE New ARR 100–150% from 2× to 3×. tables.onChanged drops the read; every open call answers again.
    cf.type("What-if", "A1", 1.2);
    await cf.delivered(2);
    cf.type("Tiers", "E4", 3);
    await cf.delivered(3); // B1, C1 and the curve change; the others answer the same and are not rewritten
    expect([at("B1"), at("C1")]).toEqual([1.6, 40000]); // 0.25 + 0.75 + 3 × 0.2
    expect(at("B6")).toBe(2.5); // 0.25 + 0.75 + 3 × 0.5
    expect(reads()).toBe(2);

    // A formula removed: its streaming call is cancelled.
    cf.type("What-if", "B1", 5);
    expect(live.openCalls).toBe(5);
  });

  it("recalculates a 1,000-cell payout table in one batch and one read", async () => {
    const { cf, at, live, reads } = await host();
    for (let i = 0; i < 1000; i++) {
      cf.type("What-if", `A${i + 1}`, i / 500);
      cf.type("What-if", `B${i + 1}`, `=COMP.PAYOUT("AE","New ARR",A${i + 1},$D$1)`);
    }
    cf.type("What-if", "D1", 10000);
    await cf.settled();
    expect(at("B600")).toBe(13960); // 599/500 = 1.198: 0.25 + 0.75 + 2 × 0.198 = 1.396 × 10,000
    expect(at("B1000")).toBe(30000); // 1.998: 3.245, capped at 3×
    expect(reads()).toBe(1);
    expect(live.openCalls).toBe(1000);
    const batches = live.batches;
    cf.type("Tiers", "E4", 3); // every open call again: one read, one batch
    await until(() => at("B600") === 15940); // 0.25 + 0.75 + 3 × 0.198 = 1.594
    expect([reads(), live.batches - batches]).toEqual([2, 1]);
  });

  it("without the shared runtime every function answers #N/A saying why, and the pane's port is untouched", async () => {
    const { cf, at, mod } = await host(false);
    cf.type("What-if", "B1", '=COMP.PAYOUT("AE","New ARR",1.2)');
    cf.type("What-if", "C1", "=COMP.OTE(1,2)");
    await cf.settled();
    expect([at("B1"), at("C1")]).toEqual(["#N/A", "#N/A"]);
    expect(cf.message("What-if", "B1")).toBe(mod.NO_SHARED_RUNTIME);
  });
});

import fc from "fast-check";
import { runModel } from "../../src/engine/model";
import { checkPlan } from "../../src/engine/planChecks";
import { amount, d, measure, model, plan, quarter, rep, tiers } from "../../src/engine/testing/builders";
import type { TierMode } from "../../src/engine/types";

const aeTiers = tiers([0, 0.5, 0.5], [0.5, 1, 1.5], [1, 1.5, 2], [1.5, null, 2.5]);

describe("runModel: a two-measure quarterly plan", () => {
  const ae = plan({
    measures: [
      measure({ measure: "New ARR", weight: d(0.7), tiers: aeTiers, threshold: d(0.4), capPayout: d(3) }),
      measure({ measure: "Renewals", weight: d(0.3), tiers: tiers([0, 1, 1], [1, null, 1.25]), threshold: d(0.5) }),
    ],
  });
  const input = model({
    planList: [ae],
    reps: [rep({ targetVariable: d(100000), quota: { "New ARR": "1000000", Renewals: "400000" } })],
    actuals: [
      quarter("R1", 1, 300000, "New ARR"), // 120% of 250,000
      quarter("R1", 1, 40000, "Renewals"), // 40% of 100,000: below the 50% gate
      quarter("R1", 2, 200000, "New ARR"), // 80%
      quarter("R1", 2, 110000, "Renewals"), // 110%
      // Q3 nothing; Q4 monthly rows roll up into the quarter: 3 × 100,000 = 120%
      amount("R1", "2026-10-01", "2026-10-31", 100000, "New ARR"),
      amount("R1", "2026-11-01", "2026-11-30", 100000, "New ARR"),
      amount("R1", "2026-12-01", "2026-12-31", 100000, "New ARR"),
    ],
  });
  const result = runModel(input);
  const base = result.scenarios[0];

  it("computes target incentive per measure and period", () => {
    // New ARR: 100,000 × 70% × 3/12 = 17,500; Renewals: 100,000 × 30% × 3/12 = 7,500
    const q1 = base.lines.filter((l) => l.period.key === "2026-Q1");
    expect(q1.map((l) => l.target.num.div(l.target.den).toString())).toEqual(["17500", "7500"]);
    expect(q1.map((l) => l.quota!.num.div(l.quota!.den).toString())).toEqual(["250000", "100000"]);
  });

  it("pays each line by hand", () => {
    const pays = base.lines.map((l) => `${l.period.key} ${l.measure} ${l.payout.toFixed(2)}`);
    expect(pays).toEqual([
      "2026-Q1 New ARR 24500.00", // 1.4 × 17,500
      "2026-Q1 Renewals 0.00", // gated
      "2026-Q2 New ARR 12250.00", // 0.7 × 17,500
      "2026-Q2 Renewals 8437.50", // 110%: (1 + 1.25 × 0.1) × 7,500 = 1.125 × 7,500
      "2026-Q3 New ARR 0.00",
      "2026-Q3 Renewals 0.00",
      "2026-Q4 New ARR 24500.00",
      "2026-Q4 Renewals 0.00",
    ]);
  });

  it("foots: variable pay is the sum of rounded lines", () => {
    // 24,500 + 12,250 + 8,437.50 + 24,500 = 69,687.50
    expect(base.reps[0].variablePay.toFixed(2)).toBe("69687.50");
    // year attainment: 0.7 × (800,000 / 1,000,000) + 0.3 × (150,000 / 400,000) = 0.56 + 0.1125
    expect(base.reps[0].attainment!.toString()).toBe("0.6725");
  });
});

describe("runModel: quotas, scenarios and weighted attainment", () => {
  it("uses Quotas rows over the spread annual quota", () => {
    const input = model({
      quotas: [quarter("R1", 1, 100000)],
      actuals: [quarter("R1", 1, 100000), quarter("R1", 2, 125000)],
    });
    const lines = runModel(input).scenarios[0].lines;
    // Q1 quota from Quotas: 100%, Q2 spread: 1,000,000 / 4 = 250,000 → 50%; target 25,000 at 1.0×
    expect(lines.map((l) => l.payout.toFixed(2))).toEqual(["25000.00", "12500.00", "0.00", "0.00"]);
  });

  it("runs a flat-attainment scenario with its own plan", () => {
    const richer = plan({ measures: [measure({ tiers: tiers([0, 1, 1], [1, null, 3]) })] });
    const input = model({
      scenarios: [{ name: "Rich", assumption: { kind: "Flat", attainment: d(1.1) }, description: "" }],
      scenarioPlans: new Map([["Rich", new Map([["AE", richer]])]]),
    });
    const rich = runModel(input).scenarios[1];
    expect(rich.name).toBe("Rich");
    // each quarter 110%: (1 + 3 × 0.1) × 25,000 = 32,500; × 4 = 130,000
    expect(rich.reps[0].variablePay.toFixed(2)).toBe("130000.00");
  });

  it("reports each rep as it is paid: once per scenario, and a flat scenario's baseline at its attainment counts", () => {
    const input = model({
      reps: [rep({ id: "R1" }), rep({ id: "R2" }), rep({ id: "R3" })],
      scenarios: [{ name: "Flat", assumption: { kind: "Flat", attainment: d(1.1) }, description: "" }],
    });
    const heard: [number, number][] = [];
    runModel(input, (done, total) => heard.push([done, total]));
    // 3 reps × (Baseline, Flat, and the baseline plans at Flat's 110%) = 9, counted in order up to 9 of 9.
    expect(heard.map(([done]) => done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(heard.map(([, total]) => total))).toEqual(new Set([9]));
  });

  it("pays weighted attainment on one curve", () => {
    const weighted = plan({
      combine: "WeightedAttainment",
      measures: [measure({ measure: "A", weight: d(0.6), tiers: aeTiers }), measure({ measure: "B", weight: d(0.4) })],
    });
    const input = model({
      planList: [weighted],
      reps: [rep({ quota: { A: "400000", B: "400000" } })],
      actuals: [quarter("R1", 1, 150000, "A"), quarter("R1", 1, 50000, "B")],
    });
    const line = runModel(input).scenarios[0].lines[0];
    // 0.6 × 150% + 0.4 × 50% = 1.1 → 1 + 2 × 0.1 = 1.2 × 25,000 = 30,000
    expect(line.measure).toBe("Weighted");
    expect(line.attainment!.num.div(line.attainment!.den).toString()).toBe("1.1");
    expect(line.payout.toFixed(2)).toBe("30000.00");
  });

  it("reports a missing quota and an amount straddling periods", () => {
    const monthly = plan({ period: "Month" });
    const input = model({
      planList: [monthly],
      reps: [rep({ quota: {}, row: 5 })],
      actuals: [{ ...quarter("R1", 1, 1000), source: "Actuals row 2" }],
    });
    const messages = runModel(input).issues.map((i) => `${i.severity} ${i.source} ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Error Actuals row 2 .*spans more than one payout period \(2026-01.* count from the fiscal year's start \(Settings FiscalYearStart\)\.$/,
        ),
        expect.stringMatching(/^Error Reps row 5 Rep R1 has no quota for measure "Bookings"/),
      ]),
    );
  });
});

describe("plan checks", () => {
  const messages = (p: ReturnType<typeof plan>) => checkPlan(p).map((i) => i.message);
  it("flags weights, payout at target, overlaps, gaps, falling rates and retroactive cliffs", () => {
    const p = plan({
      measures: [
        measure({
          measure: "X",
          weight: d(0.9),
          tierMode: "Retroactive",
          tiers: tiers([0, 0.6, 0.5], [0.5, 1, 1], [1.1, null, 0.8]),
        }),
      ],
    });
    const m = messages(p);
    expect(m).toEqual(
      expect.arrayContaining([
        "Plan AE: measure weights sum to 90%, not 100% — target variable is under-allocated: a rep at 100% on every measure earns 90% of target variable.",
        "Plan AE, X: bands [0%, 60%) and [50%, 100%) overlap: between 50% and 60% two rates would apply. Make each band start where the one below ends.",
        // Retroactive: the rate of [50%, 100%), 1×, carries on over the whole credit: 1× at 100%, 1.05× at 105%.
        "Plan AE, X: gap between 100% and 110%: no band's rate applies there, so the band below carries on: 1× target incentive at 100%, 1.05× half way.",
        expect.stringContaining("the rate falls from 1 to 0.8 at 110%"),
        expect.stringContaining("retroactive cliff at 50%: one more dollar of bookings there raises the payout by 25%"),
      ]),
    );
  });
  it("refuses tier tables that cannot mean one thing: overlaps, duplicates, negative rates", () => {
    const p = plan({
      measures: [measure({ measure: "X", tiers: tiers([0, 1, 1], [0, 1, 1], [1, null, -1.5]) })],
    });
    expect(
      checkPlan(p)
        .filter((i) => i.severity === "Error")
        .map((i) => [i.column, i.message]),
    ).toEqual([
      [
        "Rate",
        "Plan AE, X: band [100%, ∞) has a negative rate, -1.5: pay would fall below zero as the rep sells more. Use 0 to pay nothing there.",
      ],
      ["From", "Plan AE, X: the band [0%, 100%) is given twice: keep one row."],
    ]);
    // A falling rate that stays at or above 0 is a design choice: a warning, not an error.
    const falling = plan({ measures: [measure({ tiers: tiers([0, 1, 1], [1, null, 0.5]) })] });
    expect(checkPlan(falling).map((i) => i.severity)).toEqual(["Warning"]);
  });

  it("refuses a tier mode it does not know rather than checking it as another mode", () => {
    const stepped = plan({ measures: [measure({ tierMode: "Stepped" as TierMode, tiers: tiers([0, null, 1]) })] });
    expect(() => checkPlan(stepped)).toThrow('Unexpected value: "Stepped"');
  });

  it("does not ask pure commission measures to share target variable", () => {
    const commission = (name: string, rate: number) =>
      measure({ measure: name, weight: d(0), tierBasis: "Amount", rateType: "Percent", tiers: tiers([0, null, rate]) });
    expect(messages(plan({ measures: [commission("New", 0.1), commission("Renewal", 0.03)] }))).toEqual([]);
  });

  it("flags a plan that does not pay 100% at 100%", () => {
    const p = plan({ measures: [measure({ tiers: tiers([0, 0.5, 0.5], [0.5, null, 1]) })] });
    // 0.5 × 0.5 + 1 × 0.5 = 0.75
    expect(messages(p)).toContain(
      "Plan AE, Bookings: payout at 100% attainment is 75% of target incentive, not 100% — a rep at quota will not earn their OTE.",
    );
    expect(messages(plan({ measures: [measure({ tiers: aeTiers })] }))).toEqual([]);
  });
});

describe("property: period lines foot to the reported totals", () => {
  it("variable pay equals the sum of the rounded period lines for any actuals", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60_000_000 }), { minLength: 12, maxLength: 12 }), (cents) => {
        const input = model({
          planList: [plan({ period: "Month", measures: [measure({ tiers: aeTiers, capPayout: d(3) })] })],
          reps: [rep({ targetVariable: d("99999.99") })],
          actuals: cents.map((c, i) =>
            amount(
              "R1",
              `2026-${String(i + 1).padStart(2, "0")}-01`,
              `2026-${String(i + 1).padStart(2, "0")}-28`,
              (c / 100).toFixed(2),
            ),
          ),
        });
        const r = runModel(input).scenarios[0];
        const total = r.lines.reduce((s, l) => s.plus(l.payout), d(0));
        expect(r.reps[0].variablePay.eq(total)).toBe(true);
        expect(r.lines.every((l) => l.payout.decimalPlaces() <= 2)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

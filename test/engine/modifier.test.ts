import { buildPayoutCurve } from "../../src/engine/line/payoutCurve";
import { runModel } from "../../src/engine/model";
import { checkPlan } from "../../src/engine/planChecks";
import { explainLine } from "../../src/engine/trace";
import type { MeasurePlan, Modifier } from "../../src/engine/types";
import { d, measure, model, plan, quarter, rep } from "../../src/engine/testing/builders";

/**
 * A linked measure's modifier (src/engine/line/modifier.ts), by hand. One rep,
 * target variable 100,000 on a quarterly plan: New ARR 70% (target incentive
 * 17,500 a quarter on a 250,000 quota), Renewals 30% (7,500 on 100,000).
 */
const steps = (...rows: [number, number][]) => rows.map(([from, factor]) => ({ from: d(from), factor: d(factor) }));
const renewalsModifier = (measured: Modifier["measured"] = "Period"): Modifier => ({
  linkedMeasure: "Renewals",
  measured,
  steps: steps([0, 0.8], [0.9, 1], [1.1, 1.1]),
});

function lines(newArr: Partial<MeasurePlan>, actuals: [1 | 2 | 3 | 4, number, number][]) {
  const input = model({
    planList: [
      plan({
        measures: [
          measure({ measure: "New ARR", weight: d(0.7), ...newArr }),
          measure({ measure: "Renewals", weight: d(0.3) }),
        ],
      }),
    ],
    reps: [rep({ quota: { "New ARR": "1000000", Renewals: "400000" } })],
    actuals: actuals.flatMap(([q, arr, ren]) => [quarter("R1", q, arr, "New ARR"), quarter("R1", q, ren, "Renewals")]),
  });
  return runModel(input).scenarios[0].lines.filter((l) => l.measure === "New ARR");
}

describe("a linked measure's modifier", () => {
  it("multiplies the payout by the step the linked measure's attainment reached, this period", () => {
    // New ARR at 100% pays 17,500. Renewals 85% → × 0.8 = 14,000; 90% → × 1; 110% → × 1.1 = 19,250.
    const paid = lines({ modifier: renewalsModifier() }, [
      [1, 250_000, 85_000],
      [2, 250_000, 90_000],
      [3, 250_000, 110_000],
      [4, 250_000, 109_999],
    ]);
    expect(paid.map((l) => l.payout.toFixed(2))).toEqual(["14000.00", "17500.00", "19250.00", "17500.00"]);
  });

  it("multiplies a flat KickerAmount with the rest of what the line pays (docs/calculation.md, step 6)", () => {
    // New ARR at 100% pays 17,500, plus a flat 2,000 from 100%: 19,500; Renewals at 85% → × 0.8 = 15,600.
    const paid = lines(
      {
        modifier: renewalsModifier(),
        kicker: { rate: d(0), from: d(1), mode: "Marginal", amount: d(2000) },
      },
      [[1, 250_000, 85_000]],
    );
    expect(paid[0].payout.toFixed(2)).toBe("15600.00");
  });

  it("reads the linked attainment year to date when told", () => {
    // Q2: Renewals YTD (120,000 + 70,000) ÷ 200,000 = 95% → × 1, though Q2 alone is 70%.
    const paid = lines({ modifier: renewalsModifier("YTD") }, [
      [1, 250_000, 120_000],
      [2, 250_000, 70_000],
    ]);
    expect(paid.map((l) => l.payout.toFixed(2)).slice(0, 2)).toEqual(["19250.00", "17500.00"]);
  });

  it("is a gate on another measure as the table (0%: 0, X: 1), and comes before the payout cap", () => {
    const gate: Modifier = { linkedMeasure: "Renewals", measured: "Period", steps: steps([0, 0], [0.8, 1]) };
    const paid = lines({ modifier: gate }, [
      [1, 250_000, 79_999],
      [2, 250_000, 80_000],
    ]);
    expect(paid.slice(0, 2).map((l) => l.payout.toFixed(2))).toEqual(["0.00", "17500.00"]);
    // 200% of New ARR = 35,000 × 1.1 = 38,500, capped at 2 × 17,500 = 35,000.
    const capped = lines({ modifier: renewalsModifier(), capPayout: d(2) }, [[1, 500_000, 110_000]])[0];
    expect([capped.payout.toFixed(2), capped.capped]).toEqual(["35000.00", "Payout"]);
  });

  it("keeps the cent exact: a twelfth of target × 1.1", () => {
    // Monthly: target incentive 70,000 ÷ 12 = 5,833.333…; at 100% × 1.1 = 6,416.666… → 6,416.67.
    const input = model({
      planList: [
        plan({
          period: "Month",
          measures: [
            measure({ measure: "New ARR", weight: d(0.7), modifier: renewalsModifier() }),
            measure({ measure: "Renewals", weight: d(0.3) }),
          ],
        }),
      ],
      reps: [rep({ quota: { "New ARR": "1200000", Renewals: "120000" } })],
      actuals: [
        { repId: "R1", measure: "New ARR", start: "2026-01-01", end: "2026-01-31", amount: d(100_000) },
        { repId: "R1", measure: "Renewals", start: "2026-01-01", end: "2026-01-31", amount: d(11_000) },
      ],
    });
    const jan = runModel(input).scenarios[0].lines.find((l) => l.measure === "New ARR")!;
    expect(jan.payout.toFixed(2)).toBe("6416.67");
  });

  it("is narrated with the linked attainment and the factor", () => {
    const line = lines({ modifier: renewalsModifier() }, [[1, 250_000, 85_000]])[0];
    const step = explainLine(line).find((s) => s.step === "Modifier")!;
    expect(step.detail).toBe("Renewals at 85% this period, step from 0%: × 0.8");
    expect(step.amount!.toFixed(2)).toBe("14000.00");
  });

  it("shapes the payout curve at the same attainment (what realistic earnings integrate)", () => {
    const curve = buildPayoutCurve(measure({ modifier: renewalsModifier() }), d(1));
    const at = (a: number) => curve.evaluate(d(a)).toString();
    expect([at(0.5), at(0.9), at(1), at(1.2)]).toEqual(["0.4", "0.9", "1", "1.32"]);
  });
});

describe("the plan checks on a modifier", () => {
  it("warn when the steps start above 0% or fall as the linked measure rises", () => {
    const check = (m: Modifier) =>
      checkPlan(
        plan({
          measures: [
            measure({ measure: "New ARR", weight: d(0.7), modifier: m }),
            measure({ measure: "Renewals", weight: d(0.3) }),
          ],
        }),
      ).map((i) => `${i.column}: ${i.message}`);
    expect(check(renewalsModifier())).toEqual([]);
    expect(check({ linkedMeasure: "Renewals", measured: "Period", steps: steps([0.9, 0.8], [1.1, 0.5]) })).toEqual([
      "From: Plan AE, New ARR: the Renewals modifier starts at 90%: below it the payout is not multiplied (× 1), which pays more than the step at 90% when that step is below 1. Add a row from 0% to say what applies there.",
      "Multiplier: Plan AE, New ARR: the Renewals modifier falls from × 0.8 to × 0.5 at 110%: a rep earns less on New ARR for doing better on Renewals.",
      // The curve takes Renewals at New ARR's attainment: at 100% the × 0.8 step applies.
      "undefined: Plan AE, New ARR: payout at 100% attainment is 80% of target incentive, not 100% — a rep at quota will not earn their OTE.",
    ]);
  });
});

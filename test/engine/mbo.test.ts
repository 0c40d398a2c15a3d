import { runModel } from "../../src/engine/model";
import { explainLine } from "../../src/engine/trace";
import type { MeasurePlan, PeriodAmount } from "../../src/engine/types";
import { d, measure, model, plan, quarter, rep, tiers } from "../../src/engine/testing/builders";

/**
 * An MBO (Basis Score): no quota, its attainment is the period's score from
 * the Scores table. The default rep: target variable 100,000 on a quarterly
 * plan; the MBO's weight 20% makes its target incentive 100,000 × 20% ÷ 4 = 5,000 a quarter.
 */
const mbo = (over: Partial<MeasurePlan> = {}) => measure({ measure: "MBO", weight: d(0.2), basis: "Score", ...over });
const arr = measure({ measure: "New ARR", weight: d(0.8) });

function run(scores: PeriodAmount[], m = mbo(), cumulative = false) {
  const input = model({
    planList: [plan({ measures: [arr, m], cumulative })],
    actuals: [quarter("R1", 1, 250_000, "New ARR")],
    scores,
  });
  return runModel(input).scenarios[0];
}

describe("an MBO measure (Basis Score)", () => {
  it("pays its target incentive × the curve at the period's score, with no quota", () => {
    const s = run([quarter("R1", 1, "0.85", "MBO"), quarter("R1", 2, "1.2", "MBO")]);
    const lines = s.lines.filter((l) => l.measure === "MBO");
    // 85% × 5,000 = 4,250; 120% × 5,000 = 6,000; no score yet in Q3 and Q4: 0.
    expect(lines.map((l) => l.payout.toFixed(2))).toEqual(["4250.00", "6000.00", "0.00", "0.00"]);
    expect(lines[0].quotaSource).toBe("Score");
    // No "Quota X" column needed: an MBO raises no missing-quota error.
    expect(
      runModel(model({ planList: [plan({ measures: [mbo()] })] })).issues.filter((i) => i.severity === "Error"),
    ).toEqual([]);
  });

  it("runs its own curve: marginal tiers and an attainment cap on the score", () => {
    const m = mbo({ tiers: tiers([0, 1, 1], [1, null, 2]), capAttainment: d(1.3) });
    // 140% capped at 130%: 1 + 2 × 30% = 1.6 × 5,000 = 8,000.
    const s = run([quarter("R1", 1, "1.4", "MBO")], m);
    expect(s.lines.find((l) => l.measure === "MBO")!.payout.toFixed(2)).toBe("8000.00");
  });

  it("is traced as a score, with no quota and no BCR", () => {
    const line = run([quarter("R1", 1, "0.85", "MBO")]).lines.find((l) => l.measure === "MBO")!;
    const steps = explainLine(line);
    expect(steps.map((x) => x.step)).toEqual(["Target", "Attainment", "Band", "Payout"]);
    expect(steps[0].detail).toBe("target variable 100,000.00 × weight 20% × period share 1/4 = 5,000.00");
    expect(steps[1].detail).toBe("score 85% (Scores)");
  });

  it("enters the year's attainment as the mean of its periods' scores, an unscored period counting 0", () => {
    // New ARR 250,000 of 1,000,000 (25%) at 80%; MBO 0.85 and 1.2 in Q1–Q2, nothing in Q3–Q4: (0.85 + 1.2) ÷ 4.
    const input = model({
      planList: [plan({ measures: [arr, mbo()] })],
      reps: [rep({ quota: { "New ARR": "1000000" } })],
      actuals: [quarter("R1", 1, 250_000, "New ARR")],
      scores: [quarter("R1", 1, "0.85", "MBO"), quarter("R1", 2, "1.2", "MBO")],
    });
    const expected = d(0.8)
      .times(0.25)
      .plus(d(0.2).times(d(2.05).div(4)));
    expect(runModel(input).scenarios[0].reps[0].attainment!.eq(expected)).toBe(true);
  });

  it("is at the flat attainment in a flat scenario, as every measure is: its scores are not read", () => {
    const input = model({
      planList: [plan({ measures: [arr, mbo()] })],
      scores: [quarter("R1", 1, "0.5", "MBO")],
    });
    const flat = runModel({
      ...input,
      scenarios: [{ name: "Flat 90", assumption: { kind: "Flat", attainment: d(0.9) }, description: "" }],
    }).scenarios[1];
    // 90% × 5,000 = 4,500 in Q1, though its score there is 50%.
    expect(flat.lines.find((l) => l.measure === "MBO")!.payout.toFixed(2)).toBe("4500.00");
  });

  it("reports a second score in one payout period", () => {
    const twice = run([quarter("R1", 1, "0.85", "MBO"), quarter("R1", 1, "0.9", "MBO")]);
    const input = model({
      planList: [plan({ measures: [arr, mbo()] })],
      scores: [quarter("R1", 1, "0.85", "MBO"), quarter("R1", 1, "0.9", "MBO")],
    });
    expect(runModel(input).issues.map((i) => i.message)).toContain(
      "Scores has a second row for rep R1, MBO, in 2026-Q1: give one per payout period.",
    );
    expect(twice.lines.find((l) => l.measure === "MBO")!.payout.toFixed(2)).toBe("4250.00");
  });
});

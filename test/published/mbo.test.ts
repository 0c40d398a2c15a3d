import { runModel } from "../../src/engine/model";
import { amount, d, measure, model, plan, rep } from "../../src/engine/testing/builders";

/**
 * An MBO plan paid on scores (Basis Score and the Scores table), reproduced from a published worked example.
 *
 * Source: "The Strategic Advantage of MBO-Based Commission (Management by Objectives): A Complete Guide", SparrowGenie,
 * https://www.sparrowgenie.com/sales-commission-models/mbo-based-commission-management-by-objectives
 * "MBO Commission = Target Variable Compensation × Weighted Achievement Score Across Objectives. For example, a
 * strategic account manager might have: Annual base salary: $100,000; Target variable compensation: $80,000; MBO
 * structure: Revenue achievement (40%): 105% of target = 42 points; Strategic product sales (20%): 90% of target = 18
 * points; New logo acquisition (15%): 120% of target = 18 points; Customer satisfaction (15%): 100% of target = 15
 * points; Process compliance (10…"
 *
 * The stored copy of the page is cut off inside the fifth objective (Process compliance, weight 10%), so its score
 * and the plan's total are not reproduced: the fifth measure is in the plan with no score entered, which pays 0.
 * Mapping: each objective is a measure with Basis Score, its weight as published, on an annual plan (Period Year) with
 * 1.0× tiers (linear, uncapped, as the page's points are weight × achievement); each achievement is that objective's
 * row in Scores. An objective's "points" are its payout as a share of target variable: points × $80,000 ÷ 100.
 */
const objectives: [string, number, string | null][] = [
  ["Revenue achievement", 0.4, "1.05"],
  ["Strategic product sales", 0.2, "0.9"],
  ["New logo acquisition", 0.15, "1.2"],
  ["Customer satisfaction", 0.15, "1"],
  ["Process compliance", 0.1, null],
];

const result = runModel(
  model({
    planList: [
      plan({
        period: "Year",
        measures: objectives.map(([name, weight]) => measure({ measure: name, weight: d(weight), basis: "Score" })),
      }),
    ],
    reps: [rep({ base: d(100_000), targetVariable: d(80_000), quota: {} })],
    scores: objectives
      .filter(([, , score]) => score !== null)
      .map(([name, , score]) => amount("R1", "2026-01-01", "2026-12-31", score!, name)),
  }),
);
const payout = (name: string) => result.scenarios[0].lines.find((l) => l.measure === name)!.payout;

describe("published MBO example: SparrowGenie's strategic account manager", () => {
  it("pays each objective target variable × weight × achievement: 42, 18, 18 and 15 points of $80,000", () => {
    const points = objectives.slice(0, 4).map(([name]) => payout(name).div(80_000).times(100).toString());
    expect(points).toEqual(["42", "18", "18", "15"]);
    // In money: $33,600, $14,400, $14,400 and $12,000.
    expect(objectives.slice(0, 4).map(([name]) => payout(name).toFixed(2))).toEqual([
      "33600.00",
      "14400.00",
      "14400.00",
      "12000.00",
    ]);
  });

  it("raises no error for the quota-less objectives, and the unscored fifth pays 0", () => {
    expect(result.issues.filter((i) => i.severity === "Error")).toEqual([]);
    expect(payout("Process compliance").toFixed(2)).toBe("0.00");
  });
});

import { runModel } from "../../src/engine/model";
import { explainLine } from "../../src/engine/trace";
import type { Modifier } from "../../src/engine/types";
import { d, measure, model, plan, quarter, rep, tiers } from "../../src/engine/testing/builders";

/**
 * A linked measure's multiplier (the Modifiers table), reproduced from a
 * published worked example.
 *
 * Source: "Creating a Multiplier", Siebel Incentive Compensation Administration Guide (Oracle),
 * https://docs.oracle.com/cd/E05553_01/books/InCompAdm/InCompAdmPlanDesign23.html
 * "Multipliers allow you to create more complex compensation rules by multiplying the output of one rule by a
 * percentage factor defined in the multiplier rule. For example, you might create a compensation plan with a rule
 * that pays sales representatives 5% of each deal they close, and also ties compensation to a quota achievement. …
 * If a sales representative closes deals worth $100,000 in revenue and earns a %Quota achievement of 80%, then the
 * calculation engine multiplies the $100,000 (output of the first rule) by 90% (factor defined in the multiplier
 * rule), resulting in a compensation total of $4,500."
 * "Table 19. % Quota, Multiplying Factor, and Resulting % of Deal Payout: 0-75% | 80% | 4%; 75%-85% | 90% | 4.5%;
 * 85%-100% | 100% | 5%" — and "The two plan rules must have the same measure period."
 *
 * Mapping: the revenue rule is a commission measure (`Revenue`, 5% of credit, RateType Percent on money bands); the
 * %Quota rule is a second measure of the same plan (`Quota`, weight 0: it only supplies the attainment) whose
 * attainment picks the step, measured in the same period (a quarter). Steps: from 0% × 0.8, from 75% × 0.9, from
 * 85% × 1. The guide's bands share their edges (75%, 85%); the engine takes a From as included, so exactly 75% is in
 * the × 0.9 step. The guide's table stops at 100%; a last step has no upper end here, so above 100% stays × 1.
 */
const siebelMultiplier: Modifier = {
  linkedMeasure: "Quota",
  measured: "Period",
  steps: [
    { from: d(0), factor: d(0.8) },
    { from: d(0.75), factor: d(0.9) },
    { from: d(0.85), factor: d(1) },
  ],
};

/** Q1: revenue credited to the 5% rule, and the %Quota measure at `quotaAchieved` of its 100,000 quarter quota. */
function q1(revenue: number, quotaAchieved: number) {
  const input = model({
    planList: [
      plan({
        measures: [
          measure({
            measure: "Revenue",
            weight: d(1),
            tierBasis: "Amount",
            rateType: "Percent",
            tiers: tiers([0, null, 0.05]),
            modifier: siebelMultiplier,
          }),
          measure({ measure: "Quota", weight: d(0) }),
        ],
      }),
    ],
    reps: [rep({ quota: { Revenue: "400000", Quota: "400000" } })],
    actuals: [quarter("R1", 1, revenue, "Revenue"), quarter("R1", 1, 100_000 * quotaAchieved, "Quota")],
  });
  return runModel(input).scenarios[0].lines.find((l) => l.measure === "Revenue" && l.period.index === 0)!;
}

describe("published modifier example: Siebel's multiplier rule", () => {
  it("$100,000 of revenue at 5% with %Quota at 80% pays $5,000 × 90% = $4,500", () => {
    const line = q1(100_000, 0.8);
    expect(line.payout.toFixed(2)).toBe("4500.00");
    const step = explainLine(line).find((s) => s.step === "Modifier")!;
    expect(step.detail).toBe("Quota at 80% this period, step from 75%: × 0.9");
  });

  it("Table 19's resulting % of deal payout: 4% below 75%, 4.5% from 75% to 85%, 5% from 85%", () => {
    // On the same $100,000: 4% = 4,000, 4.5% = 4,500, 5% = 5,000.
    expect([0.7, 0.8, 0.9].map((a) => q1(100_000, a).payout.toFixed(2))).toEqual(["4000.00", "4500.00", "5000.00"]);
  });
});

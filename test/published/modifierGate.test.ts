import { cents, rows, run, sheet } from "./workbook";

/**
 * A gate on another measure (the Modifiers table: From 0% × 0, from the gate × 1), worked by hand on a published
 * rule. No published example with figures was found for a payout switched off by another measure's attainment, so
 * the rule is the source's and the figures are ours, computed in the comments.
 *
 * Source (the rule): "Creating a Hurdle", Siebel Incentive Compensation Administration Guide (Oracle),
 * https://docs.oracle.com/cd/E05553_01/books/InCompAdm/InCompAdmPlanDesign14.html
 * "When you create a hurdle, you identify the performance measures that will be used as evaluation criteria before
 * payout is made to the employee. For example, a hurdle might be the number of sales that are necessary before a bonus
 * is paid on margin. … Some objectives are so important that companies do not pay any compensation unless the
 * objectives are met. … For example, a hurdle might be that a sales representative must meet at least 25% of quota
 * before the representative is paid a bonus."
 *
 * Mapping: a quarterly plan with two measures: Margin, the bonus (weight 100%, 1.0× tiers), and Units, the number of
 * sales (weight 0%: it only supplies the hurdle's attainment), with an annual quota of 400 units (100 a quarter).
 * Modifiers: Margin linked to Units, from 0% × 0 and from 25% × 1, measured in the same period. Target variable
 * 40,000 (10,000 a quarter on Margin), Margin quota 400,000 (100,000 a quarter).
 *
 * By hand: Q1 Margin of 120,000 is 120% of its quota and earns 1.2 × 10,000 = 12,000.00 when Units reach 25% (25 of
 * 100 units; From is included), and 0.00 below it (24 units, 24%). Passing the hurdle does not scale the bonus:
 * 60 units pays the same 12,000.00.
 */
function q1(units: number) {
  const r = run([
    sheet(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "Quota Margin", "Quota Units"],
      [["R1", "AE", 100000, 40000, 400000, 400]],
    ),
    sheet(
      "Plans",
      ["Plan", "Measure", "Weight", "Period"],
      [
        ["AE", "Margin", "100%", "Quarter"],
        ["AE", "Units", "0%", "Quarter"],
      ],
    ),
    sheet(
      "Modifiers",
      ["Plan", "Measure", "LinkedMeasure", "From", "Multiplier"],
      [
        ["AE", "Margin", "Units", 0, 0],
        ["AE", "Margin", "Units", "25%", 1],
      ],
    ),
    sheet(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      [
        ["R1", "2026-Q1", "Margin", 120000],
        ["R1", "2026-Q1", "Units", units],
      ],
    ),
  ]);
  const line = rows(r.sheets, "Results_Payouts").find((p) => p.Period === "2026-Q1" && p.Measure === "Margin")!;
  const trace = rows(r.sheets, "Results_Trace").find(
    (t) => t.Period === "2026-Q1" && t.Measure === "Margin" && t.Step === "Modifier",
  );
  return { payout: cents(line.Payout), attainment: line.Attainment, modifier: trace?.Detail };
}

describe("a gate on another measure: no bonus on margin until 25% of the units quota (Siebel's hurdle)", () => {
  it("pays nothing below the hurdle and the whole bonus from it", () => {
    expect([24, 25, 60].map((u) => q1(u).payout)).toEqual(["0.00", "12000.00", "12000.00"]);
    expect(q1(25).attainment).toBe(1.2);
  });

  it("says why in the trace", () => {
    expect(q1(24).modifier).toBe("Units at 24% this period, step from 0%: × 0");
    expect(q1(25).modifier).toBe("Units at 25% this period, step from 25%: × 1");
  });
});

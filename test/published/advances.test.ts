import { runModel } from "../../src/engine/model";
import { d, measure, model, plan, quarter, tiers } from "../../src/engine/testing/builders";

/**
 * Advances paid at a percentage of what is earned and settled at the end (AdvancePct), reproduced from a published
 * worked example.
 *
 * Source: "Advance Percentage - Bonus/Commission", Infor M3 Sales Management documentation,
 * https://docs.infor.com/help_m3beud_16.x/topic/com.infor.help.slsmgmths_16.x/czz0651.html
 * "If an advance percentage is specified in a bonus/commission (b/c) agreement, only a part of the estimated b/c amount
 * is credited as stated by the percentage. The rest becomes due at a later time. … When final settlement is made, the
 * actual bonus/commission amount reached is calculated. This amount is adjusted with any previously paid advances, and
 * the recipient receives the difference. … The advance percentage for a b/c agreement is 75%. … If the calculated
 * advance is 1,025.00 the recipient receives 768.75 (0.75 x 1,025)."
 *
 * Mapping: the agreement period is the plan year paid by quarter; AdvancePct 75%; the calculated 1,025.00 is Q1's
 * earnings (a 100% commission on credit, so a quarter's credit is its earnings). Q1 pays 768.75 and holds 256.25
 * (Deferred to year end). With nothing else earned in the year, the final settlement in Q4 is the page's "difference":
 * 1,025.00 − 768.75 = 256.25.
 */
const r = runModel(
  model({
    planList: [
      plan({
        advancePct: d(0.75),
        measures: [measure({ tierBasis: "Amount", rateType: "Percent", tiers: tiers([0, null, 1]) })],
      }),
    ],
    actuals: [quarter("R1", 1, 1025)],
  }),
).scenarios[0].reps[0];

describe("published advance example: Infor M3's 75% advance percentage", () => {
  it("a calculated 1,025.00 pays 768.75 as the advance and the difference at final settlement", () => {
    const cols = r.statement.map((s) => [s.earned, s.deferredToYearEnd, s.netPaid].map((x) => x.toFixed(2)));
    expect(cols[0]).toEqual(["1025.00", "256.25", "768.75"]);
    expect(cols[cols.length - 1]).toEqual(["0.00", "-256.25", "256.25"]);
    expect(r.netPaid.toFixed(2)).toBe("1025.00");
  });
});

import { runModel } from "../../src/engine/model";
import { d, measure, model, plan, quarter, tiers } from "../../src/engine/testing/builders";

/**
 * An annual cap (AnnualCapAmount), reproduced from a published worked example of a yearly earnings limit applied
 * year to date.
 *
 * Source: "Checking the Maximum Yearly Earnings Limit", PeopleSoft Global Payroll for Australia 9.2 (Oracle),
 * https://docs.oracle.com/en/applications/peoplesoft/human-capital-management/9.2.055/peoplesoft-global-payroll-for-australia/checking-maximum-yearly-earnings-limit.html
 * "Accumulator YTD balance = 1000; Current earning amount = 50; Additional earning amount = 0; Yearly limit = 1010 …
 * 1000 + 50 + 0 = 1050 (new balance) … New balance – Limit = Excess amount: 1050 − 1010 = 40 … (CURR AMT VAL + ADDL
 * AMT VAL) − LIM VR OVER LIMIT = Amount to pay during the period: 50 − 40 = 10"
 *
 * This is a payroll product's yearly limit, not a sales plan's, but it is the rule docs/calculation.md states for
 * AnnualCap: each period pays min(YTD earned, cap) less what earlier periods paid. Mapping: the earning element is
 * the rep's incentive, earned as a 100% commission on credit (RateType Percent, money bands) so that a quarter's
 * credit is its earnings; the accumulator's 1,000 is Q1's earnings, the current 50 is Q2's; the yearly limit is
 * AnnualCapAmount 1,010. The page's "Excess amount" is the statement's Over annual cap.
 */
const r = runModel(
  model({
    planList: [
      plan({
        annualCapAmount: d(1010),
        measures: [measure({ tierBasis: "Amount", rateType: "Percent", tiers: tiers([0, null, 1]) })],
      }),
    ],
    actuals: [quarter("R1", 1, 1000), quarter("R1", 2, 50)],
  }),
).scenarios[0].reps[0];

describe("published annual cap example: PeopleSoft's maximum yearly earnings limit", () => {
  it("YTD 1,000 and a current 50 under a yearly limit of 1,010: 40 is over the limit and 10 is paid", () => {
    const [q1, q2] = r.statement;
    expect([q1.earned, q1.overCap, q1.netPaid].map((x) => x.toFixed(2))).toEqual(["1000.00", "0.00", "1000.00"]);
    expect([q2.earned, q2.overCap, q2.netPaid].map((x) => x.toFixed(2))).toEqual(["50.00", "40.00", "10.00"]);
    expect([r.netPaid.toFixed(2), r.capped]).toEqual(["1010.00", true]);
  });

  it("reports Variable pay after the cap: the lines' 1,050 less the 40 held back (docs/workbook.md, Results_Summary)", () => {
    expect(r.lines.reduce((sum, l) => sum + l.payout.toNumber(), 0)).toBe(1050);
    expect(r.variablePay.toFixed(2)).toBe("1010.00");
  });
});

import { runModel } from "../../src/engine/model";
import { checkPlan } from "../../src/engine/planChecks";
import type { Plan } from "../../src/engine/types";
import { d, measure, model, plan, quarter, rep } from "../../src/engine/testing/builders";

/**
 * An annual cap on the year's incentive across measures. The default rep:
 * target variable 100,000, annual quota 1,000,000, quarterly plan with 1.0×
 * tiers: a quarter at 200% (500,000) earns 50,000.
 */
const fourBigQuarters = [1, 2, 3, 4].map((q) => quarter("R1", q as 1 | 2 | 3 | 4, 500_000));

function year(over: Partial<Plan>, r = rep()) {
  const input = model({ planList: [plan({ measures: [measure()], ...over })], reps: [r], actuals: fourBigQuarters });
  return runModel(input).scenarios[0].reps[0];
}

describe("an annual cap", () => {
  it("pays the year to date up to AnnualCap × target variable, and shows the rest as over the cap", () => {
    // 1.5 × 100,000 = 150,000: Q1–Q3 pay 50,000 each, Q4's 50,000 is over the cap.
    const r = year({ annualCap: d(1.5) });
    expect(r.statement.map((s) => [s.earned.toFixed(2), s.overCap.toFixed(2), s.netPaid.toFixed(2)])).toEqual([
      ["50000.00", "0.00", "50000.00"],
      ["50000.00", "0.00", "50000.00"],
      ["50000.00", "0.00", "50000.00"],
      ["50000.00", "50000.00", "0.00"],
    ]);
    expect([r.variablePay.toFixed(2), r.capped]).toEqual(["150000.00", true]);
  });

  it("takes the lower of AnnualCap and AnnualCapAmount, and prorates the multiple to the part of the year employed", () => {
    expect(year({ annualCap: d(1.5), annualCapAmount: d(120_000) }).variablePay.toFixed(2)).toBe("120000.00");
    // Hired 1 July: 184 of 365 days, 1.5 × 100,000 × 184 ÷ 365 = 75,616.438… → 75,616.44. Q3 and Q4 are whole
    // quarters employed and earn 50,000 each: 100,000 earned, 75,616.44 paid, Q4's 24,383.56 over the cap.
    const hire = year({ annualCap: d(1.5) }, rep({ startDate: "2026-07-01" }));
    expect(hire.variablePay.toFixed(2)).toBe("75616.44");
    expect(hire.statement.map((s) => s.overCap.toFixed(2))).toEqual(["0.00", "24383.56"]);
  });

  it("is warned about below 100% of target variable", () => {
    expect(checkPlan(plan({ measures: [measure()], annualCap: d(0.8) })).map((i) => i.message)).toContain(
      "Plan AE: the annual cap of 80% of target variable is below 100% — a rep at 100% on every measure cannot earn their OTE.",
    );
  });
});

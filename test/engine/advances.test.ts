import { runModel } from "../../src/engine/model";
import type { Plan } from "../../src/engine/types";
import { d, measure, model, plan, quarter } from "../../src/engine/testing/builders";

/**
 * Quarterly advances and an annual gate, by hand. The default rep: target
 * variable 100,000, annual quota 1,000,000 (250,000 a quarter), 1.0× tiers:
 * a quarter at 100% earns 25,000.
 */
function year(over: Partial<Plan>, quarters: number[]) {
  const input = model({
    planList: [plan({ measures: [measure()], ...over })],
    actuals: quarters.map((a, i) => quarter("R1", (i + 1) as 1 | 2 | 3 | 4, a)),
  });
  return runModel(input).scenarios[0].reps[0];
}
const cols = (r: ReturnType<typeof year>) =>
  r.statement.map((s) => [s.earned.toFixed(2), s.deferredToYearEnd.toFixed(2), s.netPaid.toFixed(2)]);

describe("advances (AdvancePct)", () => {
  it("pay 80% of each quarter as it is earned and settle the rest in the last quarter", () => {
    const r = year({ advancePct: d(0.8) }, [250_000, 250_000, 250_000, 250_000]);
    // Q1–Q3 pay 20,000 and hold 5,000; Q4 pays its 25,000 plus the 15,000 held.
    expect(cols(r)).toEqual([
      ["25000.00", "5000.00", "20000.00"],
      ["25000.00", "5000.00", "20000.00"],
      ["25000.00", "5000.00", "20000.00"],
      ["25000.00", "-15000.00", "40000.00"],
    ]);
    expect(r.variablePay.toFixed(2)).toBe("100000.00");
  });
});

describe("an annual gate", () => {
  it("FullYear: advances are paid, and a year that misses the gate takes them back at year end", () => {
    // 80% every quarter (20,000 each) under a 90% annual gate: Q1–Q3 paid 60,000, which the year end takes back.
    const r = year({ annualGate: d(0.9) }, [200_000, 200_000, 200_000, 200_000]);
    expect(r.statement.map((s) => s.deferredToYearEnd.toFixed(2))).toEqual(["0.00", "0.00", "0.00", "80000.00"]);
    expect(r.variablePay.toFixed(2)).toBe("0.00");
    expect(r.statement[3].notes).toBe(
      "Annual gate 90% not reached (year attainment 80%): the year's incentive is not paid and its advances are taken back",
    );
    // The 60,000 paid ahead is a debit: never a negative payment unless the plan says NegativePay.
    expect(r.statement[3].netPaid.toFixed(2)).toBe("0.00");
    expect(r.clawbackOutstanding.toFixed(2)).toBe("60000.00");
    // At 90% the year clears it and is paid in full.
    expect(year({ annualGate: d(0.9) }, [225_000, 225_000, 225_000, 225_000]).variablePay.toFixed(2)).toBe("90000.00");
  });

  it("ProratedYTD: an advance waits while the year to date is below the gate; the year end settles on the full year", () => {
    // Q1 80% (YTD 80% < 90%): its 20,000 is held. Q2 120% (YTD 100%) pays 30,000; Q3 pays 25,000.
    // Q4: the year is 100% ≥ 90%, so it pays 100,000 − 55,000 = 45,000 (its own 25,000 and Q1's 20,000).
    const r = year({ annualGate: d(0.9), annualGateBasis: "ProratedYTD" }, [200_000, 300_000, 250_000, 250_000]);
    expect(cols(r)).toEqual([
      ["20000.00", "20000.00", "0.00"],
      ["30000.00", "0.00", "30000.00"],
      ["25000.00", "0.00", "25000.00"],
      ["25000.00", "-20000.00", "45000.00"],
    ]);
  });
});

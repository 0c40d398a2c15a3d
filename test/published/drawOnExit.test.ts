import { cents, rows, run, settings, sheet } from "./workbook";

/**
 * A recoverable draw's balance when the rep leaves (DrawOnExit), on published figures and a published rule.
 *
 * Source 1 (the figures): Xactly, "The Non-Recoverable Draw Against Commission",
 * https://www.xactlycorp.com/blog/non-recoverable-draw/
 * "if a sales rep is eligible for a $1,500 draw in August and ends up earning $500 in commissions, the rep earns the
 * $500 in commissions plus $1,000 from the set draw allowance. This "borrowed" $1,000 from the established draw then
 * carries over to September … If the rep ends up earning $3,000 in commissions, they must first pay back the $1,000
 * balance, bringing their earned total down to $2,000."
 *
 * Source 2 (the rule at termination): SHRM, "Commission Sales Draw Agreement",
 * https://www.shrm.org/topics-tools/tools/forms/commission-sales-draw-agreement
 * "If a salesperson's employment is terminated prior to full repayment of the draw, then the amount outstanding
 * becomes due and payable in full at the time of termination." — the engine's DrawOnExit `Owed` (the default);
 * `Forgiven` writes the balance off instead, as a non-recoverable draw would.
 *
 * Mapping: a monthly plan whose one measure pays 100% of credit (TierBasis Amount, RateType Percent, one band from 0
 * at 100%), so a month's credit is its commission; Draw 1,500, DrawType Recoverable. Plan year 2026; the rep earns
 * 1,500 in each month before August (the draw neither tops up nor recovers), 500 in August and 3,000 in September.
 *
 * Where our setup differs: the blog's example has no months before August; they are here so that August is a month
 * of a plan year, and earn exactly the draw so that they change nothing.
 */
function statement(endDate: string | null, onExit: string | null) {
  const credit = [1500, 1500, 1500, 1500, 1500, 1500, 1500, 500, 3000, 1500, 1500, 1500];
  const r = run([
    settings([["PlanYear", 2026]]),
    sheet(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "Quota", "EndDate"],
      [["R1", "AE", 0, 18000, 18000, endDate]],
    ),
    sheet(
      "Plans",
      ["Plan", "Measure", "Period", "TierBasis", "RateType", "Draw", "DrawType", "DrawOnExit"],
      [["AE", "Commission", "Month", "Amount", "Percent", 1500, "Recoverable", onExit]],
    ),
    sheet("Tiers", ["Plan", "Measure", "From", "To", "Rate"], [["AE", "Commission", 0, null, "100%"]]),
    sheet(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      credit.map((c, i) => ["R1", `2026-${String(i + 1).padStart(2, "0")}`, "Commission", c]),
    ),
  ]);
  const lines = rows(r.sheets, "Results_Statements");
  const [summary] = rows(r.sheets, "Results_Summary");
  return {
    months: lines.map((s) => [s.Period, cents(s["Net paid"]), cents(s["Draw balance"])]),
    last: lines[lines.length - 1].Notes,
    balance: cents(summary["Draw balance"]),
  };
}

describe("published draw example at exit: Xactly's $1,500 draw, $500 earned in August", () => {
  it("a rep who stays: August pays the draw, 1,500 (1,000 owed); September pays 3,000 − 1,000 = 2,000", () => {
    const s = statement(null, null);
    expect(s.months.slice(7, 9)).toEqual([
      ["2026-08", "1500.00", "1000.00"],
      ["2026-09", "2000.00", "0.00"],
    ]);
  });

  it("a rep who leaves on 31 August owes the 1,000 balance (DrawOnExit Owed: SHRM's 'due and payable in full')", () => {
    const s = statement("2026-08-31", "Owed");
    expect(s.months[s.months.length - 1]).toEqual(["2026-08", "1500.00", "1000.00"]);
    expect(s.last).toBe("Draw balance 1000.00 owed at exit (DrawOnExit Owed)");
    expect(s.balance).toBe("1000.00");
    // Owed is the default.
    expect(statement("2026-08-31", null)).toEqual(s);
  });

  it("DrawOnExit Forgiven writes the 1,000 off: the last statement says so and nothing is owed", () => {
    const s = statement("2026-08-31", "Forgiven");
    expect(s.last).toBe("Draw balance 1000.00 forgiven at exit (DrawOnExit Forgiven)");
    expect(s.balance).toBe("0.00");
  });
});

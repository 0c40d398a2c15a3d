import { cents, rows, run, settings, sheet } from "./workbook";

/**
 * An annual gate measured on the year to date, over a plan paid quarterly (AnnualGate, AnnualGateBasis ProratedYTD),
 * reproduced from a published variable compensation plan.
 *
 * Source: St. Bernard Software, Inc., "2009 Variable Compensation Plan" (Steve Yin), exhibit 10.01 to a Form 8-K filed
 * with the SEC, dated 2 April 2009,
 * https://www.sec.gov/Archives/edgar/data/1288496/000101968709001248/stbernard_8k-ex1001.htm
 * "Variable OTE | $28,750 | $28,750 | $28,750 | $28,750 | $115,000 … Minimum Hurdle for Quarter 70% | 0.70xTQ1 | …
 * Or Cumulative Annual | 0.70xTQ1 | (0.70xTQ1) + (0.70xTQ2) | … • No variable (commission) compensation shall be paid
 * if “net billing” is below 70% of the target. Variable (commission) compensation for target of between 70% to 99.9%
 * will be paid at that percentage rate against Variable OTE. By way of Example, if actual is 85% of target, then
 * variable (commission) compensation will be 85% of Variable OTE."
 *
 * Mapping: a quarterly plan (Period Quarter) on one measure, Billings, with 1.0× tiers (a quarter pays its attainment
 * × its target incentive, 115,000 ÷ 4 = 28,750); the targets TQ1…TQ4 are not published, so the annual quota is
 * 4,000,000 (1,000,000 a quarter); AnnualGate 70% with AnnualGateBasis ProratedYTD, the plan's "Cumulative Annual"
 * hurdle: the year to date against the year-to-date quota. The plan's accelerators above 100% are not reproduced (no
 * quarter here passes 100%).
 *
 * Where our rule differs: the plan lets a quarter pay when either that quarter or the cumulative year reaches 70%;
 * the engine holds a quarter's pay while the year to date is below 70% (whatever the quarter did) and settles the
 * whole year in Q4 on the full year's attainment, paying what it held when the year reaches 70%. The plan does not say
 * whether a quarter missed in Q1 is paid once the cumulative hurdle is met; the engine pays it at year end.
 */
function year(attainments: number[]) {
  const r = run([
    settings([["PlanYear", 2009]]),
    sheet("Reps", ["RepID", "Plan", "Base", "TargetVariable", "Quota"], [["R1", "AE", 100000, 115000, 4000000]]),
    sheet(
      "Plans",
      ["Plan", "Measure", "Period", "AnnualGate", "AnnualGateBasis"],
      [["AE", "Billings", "Quarter", "70%", "ProratedYTD"]],
    ),
    sheet(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      attainments.map((a, i) => ["R1", `2009-Q${i + 1}`, "Billings", a * 1_000_000]),
    ),
  ]);
  const statement = rows(r.sheets, "Results_Statements").map((s) =>
    [s.Earned, s["Deferred to year end"], s["Net paid"]].map(cents),
  );
  const [summary] = rows(r.sheets, "Results_Summary");
  return {
    statement,
    variablePaid: cents(summary["Variable paid"]),
    variablePay: cents(summary["Variable pay"]),
    notes: rows(r.sheets, "Results_Statements")[3].Notes,
  };
}

describe("published annual gate example: St. Bernard Software's 70% hurdle on a $115,000 variable OTE", () => {
  it("85% of target is paid 85% of variable OTE: 24,437.50 a quarter, 97,750.00 for the year", () => {
    const y = year([0.85, 0.85, 0.85, 0.85]);
    // 0.85 × 28,750 = 24,437.50 each quarter; the year to date is 85% from Q1 on, so nothing is held.
    expect(y.statement).toEqual(Array(4).fill(["24437.50", "0.00", "24437.50"]));
    expect(y.variablePaid).toBe("97750.00"); // 0.85 × 115,000
  });

  it("below 70% nothing is paid: a year at 65% pays 0", () => {
    const y = year([0.65, 0.65, 0.65, 0.65]);
    // Each quarter earns 0.65 × 28,750 = 18,687.50 and holds it (the year to date is 65%); Q4 forfeits the year.
    expect(y.statement).toEqual(Array(4).fill(["18687.50", "18687.50", "0.00"]));
    expect(y.variablePaid).toBe("0.00");
    // Variable pay, as docs/workbook.md says: the payout lines' 74,750.00 less what the missed gate forfeits.
    expect(y.variablePay).toBe("0.00");
    // Nothing was advanced (every quarter held), so there is nothing to take back.
    expect(y.notes).toBe("Annual gate 70% not reached (year attainment 65%): the year's incentive is not paid");
  });

  it("our rule where the plan's is silent: a missed Q1 is held and paid in Q4 once the year reaches 70%", () => {
    // Q1 60%: 17,250.00 held (YTD 60%). Q2 90%: YTD (0.6 + 0.9) ÷ 2 = 75%, paid 25,875.00. Q3 85%: 24,437.50.
    // Q4 85%: the year is (60 + 90 + 85 + 85) ÷ 4 = 80%, so Q4 pays its 24,437.50 and releases Q1's 17,250.00:
    // 41,687.50. The year pays 0.8 × 115,000 = 92,000.00.
    const y = year([0.6, 0.9, 0.85, 0.85]);
    expect(y.statement).toEqual([
      ["17250.00", "17250.00", "0.00"],
      ["25875.00", "0.00", "25875.00"],
      ["24437.50", "0.00", "24437.50"],
      ["24437.50", "-17250.00", "41687.50"],
    ]);
    expect(y.variablePaid).toBe("92000.00");
  });

  it("where our rule differs: a quarter at 80% is held while the year to date is below 70%", () => {
    // The plan would pay Q2 (the quarter passed its own 70%); the engine looks at the year to date only:
    // Q1 50% (14,375.00) and Q2 80% (23,000.00) give (50 + 80) ÷ 2 = 65%: both held. Q3 80%: YTD 70%, paid 23,000.00.
    // Q4 80%: the year is 72.5%, Q4 pays 23,000.00 + 14,375.00 + 23,000.00 = 60,375.00; the year 0.725 × 115,000.
    const y = year([0.5, 0.8, 0.8, 0.8]);
    expect(y.statement).toEqual([
      ["14375.00", "14375.00", "0.00"],
      ["23000.00", "23000.00", "0.00"],
      ["23000.00", "0.00", "23000.00"],
      ["23000.00", "-37375.00", "60375.00"],
    ]);
    expect(y.variablePaid).toBe("83375.00");
  });
});

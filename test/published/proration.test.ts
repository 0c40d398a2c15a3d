import { cents, rows, run, settings, sheet } from "./workbook";

/**
 * Proration of a partial year set in Settings (`Proration` Days, Months, FullMonths), reproduced from published
 * examples through the workbook path. Each run is one rep on one plan; the figures are read from Results_Payouts
 * (the period's Proration, Quota and Target incentive) and Results_Summary (Base earned).
 */
function prorated(planYear: number, period: string, proration: string, start: string) {
  const r = run([
    settings([
      ["PlanYear", planYear],
      ["Proration", proration],
    ]),
    sheet(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "Quota", "StartDate"],
      [["R1", "AE", 120000, 10000, 100000, start]],
    ),
    sheet("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", period]]),
  ]);
  const lines = rows(r.sheets, "Results_Payouts").map((p) => ({
    period: p.Period,
    proration: p.Proration as number,
    quota: cents(p.Quota),
    target: cents(p["Target incentive"]),
  }));
  return { lines, baseEarned: cents(rows(r.sheets, "Results_Summary")[0]["Base earned"]) };
}

describe("published proration by months: the 'Formula to Prorate a Quota' thread", () => {
  // Source: "Formula to Prorate a Quota", Nikki Walters' question and Chayce CG's answer (community forum, 12 March
  // 2019; the copy read is in the Nemotron-CC-Math corpus, huggingface.co/datasets/nvidia/Nemotron-CC-Math-v1):
  // "Plan Start Date: (variable, but always 1st of the month) … Q1, Q2, Q3 = 20% of annual Quota, Q4 = 40% of annual
  // quota … a person with a total annual quota of $100,000 for the year starting on 3/1/19 would have 1 month in Q1 …
  // Q1: ($100,000 × 20%) / 3 × 1 = $6,667, Q2: $20,000, Q3: $20,000, Q4: $40,000 … Total = $86,667".
  // Mapping: Proration Months, PlanYear 2019, a quarterly plan, annual quota 100,000, StartDate 2019-03-01.
  // Where our rule differs: the thread weights its quarters 20/20/20/40%; the engine gives each quarter 1/4 of the
  // annual quota (and Quotas rows, which could weight them, are taken as written, not prorated). What is reproduced is
  // the month count, "1 month in Q1": Q1 is prorated 1/3, the others not at all. By hand, with equal quarters:
  // Q1 = 100,000 × 1/4 × 1/3 = 8,333.33, Q2–Q4 = 25,000.00, 83,333.33 in all (the thread's weights would give its
  // 100,000 × 20% × 1/3 = 6,666.67 and 86,666.67).
  it("a start on 1 March 2019 counts one month of Q1: proration 1/3, quota 8,333.33, then whole quarters", () => {
    const { lines } = prorated(2019, "Quarter", "Months", "2019-03-01");
    expect(lines.map((l) => [l.period, l.proration, l.quota])).toEqual([
      ["2019-Q1", 1 / 3, "8333.33"],
      ["2019-Q2", 1, "25000.00"],
      ["2019-Q3", 1, "25000.00"],
      ["2019-Q4", 1, "25000.00"],
    ]);
  });
});

describe("published proration rules for a bonus: 'Rules for Pro-ration of Bonus' (by days, by months of service)", () => {
  // Source: "Rules for Pro-ration of Bonus", People Centre (15 June 2016),
  // https://peoplecentre.wordpress.com/2016/06/15/rules-for-pro-ration-of-bonus/
  // "Method 1: By Calendar Days … if the employee joined on 1 June, his pro-rated bonus would be 30 (June) + 31 (July)
  // + 31 (August) + 30 (Sept) + 31 (Oct) + 30 (Nov) + 31 (Dec) / 365 x monthly basic salary = 214 / 365 x monthly
  // basic salary. Method 2: By Month of Service … (The number of completed months of service / 12 x monthly basic
  // salary) … Round up or down as follows: February – 14 days or less round down, 15 days or more round up; any month
  // except February – 15 days or less round down, 16 days or more round up".
  // Mapping: an annual plan (Period Year) for 2015 (365 days), target variable 10,000 — the bonus of one month's basic
  // salary, Base 120,000 (10,000 a month) — and StartDate 2015-06-01. Method 1 is Proration Days; Method 2 is
  // Proration Months.
  it("Method 1, by calendar days: a 1 June joiner gets 214/365 of the bonus, 5,863.01 of 10,000", () => {
    const { lines, baseEarned } = prorated(2015, "Year", "Days", "2015-06-01");
    expect([lines[0].proration, lines[0].target]).toEqual([214 / 365, "5863.01"]);
    expect(baseEarned).toBe("70356.16"); // 120,000 × 214/365
  });

  it("Method 2, by months of service: a 1 June joiner has 7 months, 7/12 of 10,000 = 5,833.33", () => {
    const { lines } = prorated(2015, "Year", "Months", "2015-06-01");
    expect([lines[0].proration, lines[0].target]).toEqual([7 / 12, "5833.33"]);
  });

  it("the rounding of a part month, where our mid-month rule agrees with the page and where it does not", () => {
    const months = (start: string) => prorated(2015, "Year", "Months", start).lines[0].proration * 12;
    // 16 June: 15 days in June, rounded down by the page; a start after the 15th is not counted by ours. 6 months.
    expect(months("2015-06-16")).toBeCloseTo(6, 12);
    // 15 July: 17 days, rounded up; a start on the 15th counts. 6 months (July–December).
    expect(months("2015-07-15")).toBeCloseTo(6, 12);
    // Where we differ: 16 July leaves 16 days in a 31-day month, which the page rounds up (6 months); our rule counts
    // a month only when the rep started on or before its 15th, so July does not count: 5 months, 5/12 = 4,166.67.
    expect(months("2015-07-16")).toBeCloseTo(5, 12);
    expect(prorated(2015, "Year", "Months", "2015-07-16").lines[0].target).toBe("4166.67");
  });
});

describe("published proration by full months: 'Pro-rated Bonuses' (BLR HR forum)", () => {
  // Source: "Pro-rated Bonuses", BLR HR forums, http://blr-hrforums.elasticbeanstalk.com/discussion/1663861/pro-rated-bonuses
  // "We also pro-rate what the amount would be based upon the "full" months worked during the year. For example if you
  // worked 9 full months, the ee would get 9/12 of the amount."
  // Mapping: Proration FullMonths, an annual plan for 2015, target variable 10,000. A start on 1 April works April to
  // December in full: 9 months, 9/12 × 10,000 = 7,500.00. A start on 2 April does not work April in full: 8/12 =
  // 6,666.67 (the mid-month rule, Proration Months, would count April: 9/12).
  it("nine full months are 9/12 of the amount; a start on the 2nd loses that month", () => {
    expect(prorated(2015, "Year", "FullMonths", "2015-04-01").lines[0]).toMatchObject({
      proration: 0.75,
      target: "7500.00",
    });
    expect(prorated(2015, "Year", "FullMonths", "2015-04-02").lines[0]).toMatchObject({
      proration: 8 / 12,
      target: "6666.67",
    });
    expect(prorated(2015, "Year", "Months", "2015-04-02").lines[0].proration).toBe(0.75);
  });
});

import type { RawCell } from "../../src/workbook/types";
import { cents, rows, run, settings, sheet } from "./workbook";

/**
 * Week calendars set in Settings (Calendar, FiscalYearEnd), reproduced from published fiscal calendars through the
 * workbook path: bookings dated on each published period's first and last day land in that period of Results_Payouts,
 * and the days just outside the year are left out.
 */
const reps = sheet(
  "Reps",
  ["RepID", "Plan", "Base", "TargetVariable", "Quota"],
  [["R1", "AE", 100000, 120000, 1200000]],
);
const plans = (period: string) => sheet("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", period]]);
const actuals = (rows: [string, number][]) =>
  sheet(
    "Actuals",
    ["RepID", "Period", "Amount"],
    rows.map(([day, amount]): RawCell[] => ["R1", day, amount]),
  );

describe("published 4-4-5 calendar: FinancialForce's FY2010, ending on the Saturday nearest 31 December", () => {
  // Source: FinancialForce (Certinia) help, "What is a 4,4,5 Calendar?" (Revenue Management, 2024.1): a 4-4-5 year of
  // 52 weeks from 3 January 2010 to 1 January 2011, periods 001–012 as below; "The next 52-week year would start
  // January 2, 2011 and end on December 31, 2011."
  // Mapping: Calendar 4-4-5, FiscalYearEnd "Saturday nearest December 31", PlanYear 2010 (the plan year is named after
  // the calendar year of its nominal first month, January 2010), a monthly plan keyed FY2010-P01 … P12.
  const published: [string, string][] = [
    ["2010-01-03", "2010-01-30"],
    ["2010-01-31", "2010-02-27"],
    ["2010-02-28", "2010-04-03"],
    ["2010-04-04", "2010-05-01"],
    ["2010-05-02", "2010-05-29"],
    ["2010-05-30", "2010-07-03"],
    ["2010-07-04", "2010-07-31"],
    ["2010-08-01", "2010-08-28"],
    ["2010-08-29", "2010-10-02"],
    ["2010-10-03", "2010-10-30"],
    ["2010-10-31", "2010-11-27"],
    ["2010-11-28", "2011-01-01"],
  ];
  const calendar = settings([
    ["PlanYear", 2010],
    ["Calendar", "4-4-5"],
    ["FiscalYearEnd", "Saturday nearest December 31"],
  ]);

  it("places each period's first and last day in it: period n holds 1,000 × n on its first day and n on its last", () => {
    const r = run([
      calendar,
      reps,
      plans("Month"),
      actuals([
        ...published.flatMap(([first, last], i): [string, number][] => [
          [first, 1000 * (i + 1)],
          [last, i + 1],
        ]),
        ["2010-01-02", 7], // the Saturday before: FY2009's last day
        ["2011-01-02", 9], // the Sunday after: FY2011's first day
      ]),
    ]);
    const p = rows(r.sheets, "Results_Payouts");
    expect(p.map((l) => [l.Period, l.Actual])).toEqual(
      published.map((_, i) => [`FY2010-P${String(i + 1).padStart(2, "0")}`, 1001 * (i + 1)]),
    );
    expect(r.issues.map((i) => i.message)).toContain(
      "2 Actuals row(s) fall outside the plan year and were left out (first: Actuals row 26).",
    );
    // A 4-week and a 5-week period are each 1/12 of the year: quota 100,000 and target 10,000 (docs/workbook.md).
    expect([0, 2].map((i) => [p[i].Quota, p[i]["Target incentive"]])).toEqual([
      [100000, 10000],
      [100000, 10000],
    ]);
  });

  it("the 52-week FY2011 starts on 2 January 2011 and ends on 31 December 2011", () => {
    const r = run([
      settings([
        ["PlanYear", 2011],
        ["Calendar", "4-4-5"],
        ["FiscalYearEnd", "Saturday nearest December 31"],
      ]),
      reps,
      plans("Year"),
      actuals([
        ["2011-01-01", 1], // FY2010's last day
        ["2011-01-02", 20],
        ["2011-12-31", 300],
        ["2012-01-01", 4000], // FY2012
      ]),
    ]);
    expect(rows(r.sheets, "Results_Payouts").map((l) => [l.Period, l.Actual])).toEqual([["FY2011", 320]]);
  });

  it("a quarter is three periods, 13 weeks: FY2010-Q1 runs 3 January to 3 April 2010", () => {
    const r = run([
      calendar,
      reps,
      plans("Quarter"),
      actuals([
        ["2010-01-03", 1],
        ["2010-04-03", 20],
        ["2010-04-04", 300], // Q2's first day (period 004)
      ]),
    ]);
    expect(
      rows(r.sheets, "Results_Payouts")
        .slice(0, 2)
        .map((l) => [l.Period, l.Actual]),
    ).toEqual([
      ["FY2010-Q1", 21],
      ["FY2010-Q2", 300],
    ]);
  });
});

describe("published 53-week year: the NRF 4-5-4 calendar's FY2023, ending on the Saturday nearest 31 January", () => {
  // Sources: NRF, "4-5-4 Calendar" (a 53rd week "most recently occurred in FY'12 and FY'17 and will occur in FY'23");
  // Coresight Research, "The 4-5-4 US Retail Calendar, 2023–24": fiscal 2023 runs 29 January 2023 to 3 February 2024,
  // 53 weeks. Mapping: Calendar 4-5-4, FiscalYearEnd "Saturday nearest January 31" (which sets FiscalYearStart to
  // February), PlanYear 2023. The 53rd week goes to the last month of Q4 (docs/workbook.md), so Q4 has 14 weeks:
  // 29 October 2023 to 3 February 2024, and it is still 1/4 of the year.
  it("runs 29 January 2023 to 3 February 2024, the extra week in Q4", () => {
    const r = run([
      settings([
        ["PlanYear", "FY2023"],
        ["Calendar", "4-5-4"],
        ["FiscalYearEnd", "Saturday nearest January 31"],
      ]),
      reps,
      plans("Quarter"),
      actuals([
        ["2023-01-28", 1], // FY2022's last day
        ["2023-01-29", 20],
        ["2023-10-28", 300], // Q3's last day
        ["2023-10-29", 4000], // Q4's first day
        ["2024-02-03", 50000], // the 53rd week's Saturday
        ["2024-02-04", 600000], // FY2024
      ]),
    ]);
    const p = rows(r.sheets, "Results_Payouts");
    expect(p.map((l) => [l.Period, l.Actual, l["Target incentive"]])).toEqual([
      ["FY2023-Q1", 20, 30000],
      ["FY2023-Q2", 0, 30000],
      ["FY2023-Q3", 300, 30000],
      ["FY2023-Q4", 54000, 30000],
    ]);
    expect(cents(p[3].Quota)).toBe("300000.00");
  });
});

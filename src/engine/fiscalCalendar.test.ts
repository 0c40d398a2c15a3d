import { WeekCalendar } from "./fiscalCalendar";
import { planPeriods, planYearSpan } from "./periods";
import { periodIndex } from "./amounts";
import { settings2026 } from "./testing/builders";

const months = (cal: WeekCalendar, year: number) => cal.months(year).map((m) => [m.weeks, m.start, m.end]);

describe("week calendars reproduce published ones", () => {
  it("4-4-5 ending on the Saturday nearest 31 December: FinancialForce's FY2010 table", () => {
    // Source: FinancialForce (Certinia) help, "What is a 4,4,5 Calendar?" (Revenue Management, 2024.1):
    // start 3 January 2010, end 1 January 2011, 52 weeks, periods 001–012 as below.
    const cal = new WeekCalendar({ pattern: "4-4-5", weekday: 6, rule: "Nearest" }, 1);
    expect(cal.yearSpan(2010)).toEqual({ start: "2010-01-03", end: "2011-01-01" });
    expect(cal.weeks(2010)).toBe(52);
    expect(months(cal, 2010)).toEqual([
      [4, "2010-01-03", "2010-01-30"],
      [4, "2010-01-31", "2010-02-27"],
      [5, "2010-02-28", "2010-04-03"],
      [4, "2010-04-04", "2010-05-01"],
      [4, "2010-05-02", "2010-05-29"],
      [5, "2010-05-30", "2010-07-03"],
      [4, "2010-07-04", "2010-07-31"],
      [4, "2010-08-01", "2010-08-28"],
      [5, "2010-08-29", "2010-10-02"],
      [4, "2010-10-03", "2010-10-30"],
      [4, "2010-10-31", "2010-11-27"],
      [5, "2010-11-28", "2011-01-01"],
    ]);
    // "The next 52-week year would start January 2, 2011 and end on December 31, 2011."
    expect(cal.yearSpan(2011)).toEqual({ start: "2011-01-02", end: "2011-12-31" });
  });

  it("4-4-5 ending on the last Saturday of April: the FileMaker community's FY2019 table (our plan year 2018)", () => {
    // Source: FileMaker/Claris community thread "Calculations based on 4-4-5 Fiscal Calendar" (14 March 2019):
    // "The fiscal year always ends on the last Saturday in April", May 29-Apr-18 … April 24-Mar-19 to 27-Apr-19.
    // A plan year is named after the calendar year of its first month (FiscalYearStart May 2018 → 2018).
    const cal = new WeekCalendar({ pattern: "4-4-5", weekday: 6, rule: "Last" }, 5);
    expect(months(cal, 2018)).toEqual([
      [4, "2018-04-29", "2018-05-26"],
      [4, "2018-05-27", "2018-06-23"],
      [5, "2018-06-24", "2018-07-28"],
      [4, "2018-07-29", "2018-08-25"],
      [4, "2018-08-26", "2018-09-22"],
      [5, "2018-09-23", "2018-10-27"],
      [4, "2018-10-28", "2018-11-24"],
      [4, "2018-11-25", "2018-12-22"],
      [5, "2018-12-23", "2019-01-26"],
      [4, "2019-01-27", "2019-02-23"],
      [4, "2019-02-24", "2019-03-23"],
      [5, "2019-03-24", "2019-04-27"],
    ]);
  });

  it("NRF 4-5-4 (Saturday nearest 31 January): 53 weeks in FY'12, FY'17 and FY'23, the extra week in January", () => {
    // Sources: NRF, "4-5-4 Calendar" ("most recently occurred in FY'12 and FY'17 and will occur in FY'23");
    // Coresight, "The 4-5-4 US Retail Calendar, 2023–24": fiscal 2023 ends 3 February 2024 and has 53 weeks.
    const cal = new WeekCalendar({ pattern: "4-5-4", weekday: 6, rule: "Nearest" }, 2);
    const long = [];
    for (let y = 2010; y <= 2026; y++) if (cal.weeks(y) === 53) long.push(y);
    expect(long).toEqual([2012, 2017, 2023]);
    expect(cal.yearSpan(2023)).toEqual({ start: "2023-01-29", end: "2024-02-03" });
    // The 53rd week goes to the last month of Q4 (Planon: "The 53rd week is always the last month of the year").
    expect(cal.months(2023).map((m) => m.weeks)).toEqual([4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 5]);
    expect(cal.months(2023)[11]).toMatchObject({ start: "2023-12-31", end: "2024-02-03" });
  });

  it("5-4-4 puts the long month first; a date goes to the fiscal month holding it", () => {
    const cal = new WeekCalendar({ pattern: "5-4-4", weekday: 6, rule: "Last" }, 1);
    expect(
      cal
        .months(2026)
        .slice(0, 3)
        .map((m) => [m.weeks, m.start, m.end]),
    ).toEqual([
      [5, "2025-12-28", "2026-01-31"],
      [4, "2026-02-01", "2026-02-28"],
      [4, "2026-03-01", "2026-03-28"],
    ]);
    expect(cal.monthOf("2025-12-28")).toMatchObject({ year: 2026, index: 0 });
    expect(cal.monthOf("2025-12-27")).toMatchObject({ year: 2025, index: 11 });
    expect(cal.monthOf("2026-12-26")).toMatchObject({ year: 2026, index: 11 });
    expect(cal.monthOf("2026-12-27")).toMatchObject({ year: 2027, index: 0 });
  });
});

describe("periods on a week calendar", () => {
  const settings = { ...settings2026, calendar: { pattern: "4-4-5", weekday: 6, rule: "Last" } as const };

  it("are whole fiscal months keyed FY2026-P01…, FY2026-Q1…, FY2026, each an equal share", () => {
    const q = planPeriods("Quarter", settings);
    expect(q.map((p) => [p.key, p.start, p.end, `${p.share.num.toString()}/${p.share.den.toString()}`])).toEqual([
      ["FY2026-Q1", "2025-12-28", "2026-03-28", "3/12"],
      ["FY2026-Q2", "2026-03-29", "2026-06-27", "3/12"],
      ["FY2026-Q3", "2026-06-28", "2026-09-26", "3/12"],
      ["FY2026-Q4", "2026-09-27", "2026-12-26", "3/12"],
    ]);
    const m = planPeriods("Month", settings);
    expect(m.map((p) => p.key).slice(0, 3)).toEqual(["FY2026-P01", "FY2026-P02", "FY2026-P03"]);
    expect(m[2]).toMatchObject({ start: "2026-02-22", end: "2026-03-28" }); // the 5-week month
    expect(planPeriods("Year", settings).map((p) => [p.key, p.start, p.end])).toEqual([
      ["FY2026", "2025-12-28", "2026-12-26"],
    ]);
    expect(planYearSpan(settings)).toEqual({ start: "2025-12-28", end: "2026-12-26" });
  });

  it("place a date by its days, not its calendar month", () => {
    const m = planPeriods("Month", settings);
    expect(periodIndex(m, "2025-12-28")).toBe(0);
    expect(periodIndex(m, "2026-01-24")).toBe(0);
    expect(periodIndex(m, "2026-01-25")).toBe(1);
    expect(periodIndex(m, "2026-03-28")).toBe(2);
    expect(periodIndex(m, "2026-03-29")).toBe(3);
    expect(periodIndex(m, "2026-12-26")).toBe(11);
    expect(periodIndex(m, "2026-12-27")).toBe(-1);
    expect(periodIndex(m, "2025-12-27")).toBe(-1);
    expect(periodIndex(planPeriods("Quarter", settings), "2026-03-29")).toBe(1);
  });
});

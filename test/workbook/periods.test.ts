import type { Parsed } from "../../src/workbook/parse/cells/cell";
import { labelPlanYear, labelSpan, periodLabel, type PeriodLabel } from "../../src/workbook/parse/periods";

const label = (cell: string | number, format: string | null = null): PeriodLabel => {
  const p: Parsed<PeriodLabel> = periodLabel(cell, { label: "Period", format });
  if (!p.ok) throw new Error(p.message);
  return p.value;
};
/** Span of a label with FiscalYearStart = February and plan year 2026. */
const feb = (cell: string | number, format: string | null = null) => labelSpan(label(cell, format), 2, 2026);

describe("period labels with FiscalYearStart = 2 (February)", () => {
  it("places fiscal years, quarters and halves from February", () => {
    // Plan year 2026 starts 2026-02-01 and runs 12 months to 2027-01-31.
    expect(feb("2026")).toEqual({ start: "2026-02-01", end: "2027-01-31" });
    expect(feb(2026)).toEqual({ start: "2026-02-01", end: "2027-01-31" });
    expect(feb("FY2026")).toEqual({ start: "2026-02-01", end: "2027-01-31" });
    // Q1 = Feb, Mar, Apr.
    expect(feb("2026-Q1")).toEqual({ start: "2026-02-01", end: "2026-04-30" });
    expect(feb("Q1 2026")).toEqual({ start: "2026-02-01", end: "2026-04-30" });
    // Q4 = Nov, Dec, Jan of the next calendar year.
    expect(feb("2026 Q4")).toEqual({ start: "2026-11-01", end: "2027-01-31" });
    // H2 = Aug .. Jan.
    expect(feb("2026-H2")).toEqual({ start: "2026-08-01", end: "2027-01-31" });
  });

  it("places months and dates on the calendar month", () => {
    expect(feb("2026-03")).toEqual({ start: "2026-03-01", end: "2026-03-31" });
    expect(feb("2026-M03")).toEqual({ start: "2026-03-01", end: "2026-03-31" });
    expect(feb("Mar 2026")).toEqual({ start: "2026-03-01", end: "2026-03-31" });
    expect(feb("March-2026")).toEqual({ start: "2026-03-01", end: "2026-03-31" });
    expect(feb("03/2026")).toEqual({ start: "2026-03-01", end: "2026-03-31" });
    // 2028 is a leap year.
    expect(feb("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    // A dated booking: the month that holds it (serial 46068 = 2026-02-15).
    expect(feb(46068, "m/d/yyyy")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(feb(46068)).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(feb("2026-02-15")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
  });

  it("puts labels without a year in the plan year", () => {
    expect(feb("Q1")).toEqual({ start: "2026-02-01", end: "2026-04-30" });
    expect(feb("Mar")).toEqual({ start: "2026-03-01", end: "2026-03-31" });
    // January is the last month of plan year 2026, so it is January 2027.
    expect(feb("Jan")).toEqual({ start: "2027-01-01", end: "2027-01-31" });
  });

  it("says which plan year a label falls in", () => {
    expect(labelPlanYear(label("2026-Q1"), 2)).toBe(2026);
    // January 2026 is still in plan year 2025 when the year starts in February.
    expect(labelPlanYear(label("2026-01"), 2)).toBe(2025);
    expect(labelPlanYear(label("2026-02"), 2)).toBe(2026);
    expect(labelPlanYear(label("Q2"), 2)).toBeNull();
  });

  it("refuses what is not a period", () => {
    const fail = (cell: string | number) => {
      const p = periodLabel(cell, { label: "Period", format: null });
      return p.ok ? "ok" : p.message;
    };
    expect(fail("2026-13")).toBe(
      'Period "2026-13" has no month of that number; write 2026, 2026-Q1, 2026-03, Mar 2026 or a date',
    );
    expect(fail("2026-Q5")).toBe('Period "2026-Q5" is not a period; write 2026, 2026-Q1, 2026-03, Mar 2026 or a date');
    expect(fail("next month")).toBe(
      'Period "next month" is not a period; write 2026, 2026-Q1, 2026-03, Mar 2026 or a date',
    );
    expect(fail(7)).toBe("Period 7 is not a period; write 2026, 2026-Q1, 2026-03, Mar 2026 or a date");
  });
});

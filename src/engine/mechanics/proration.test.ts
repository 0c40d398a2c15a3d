import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { fromDay, toDay } from "../calendar";
import { ratioValue } from "../exact/ratio";
import { activeDays, prorationFactor } from "./proration";
import { planPeriods } from "../periods";
import type { PeriodKind } from "../types";

const periodsOf = (kind: PeriodKind, planYear = 2026, fiscalYearStartMonth = 1) =>
  planPeriods(kind, { planYear, fiscalYearStartMonth });

const q1 = periodsOf("Quarter")[0]; // 2026-01-01..2026-03-31: 31 + 28 + 31 = 90 days

const asFraction = (r: { num: { toString(): string }; den: { toString(): string } }) => `${r.num}/${r.den}`;

describe("prorationFactor", () => {
  it("counts the start day: a mid-February hire in Q1 is active 45 of 90 days", () => {
    // Feb 15..28 = 14 days, Mar 1..31 = 31 days: 45 / 90 = 0.5
    const f = prorationFactor(q1, "2026-02-15", null);
    expect(asFraction(f)).toBe("45/90");
    expect(ratioValue(f).toString()).toBe("0.5");
  });

  it("counts the end day as worked (last working day inclusive)", () => {
    // Jan 1..31 = 31, Feb 1..14 = 14: 45 / 90
    expect(asFraction(prorationFactor(q1, null, "2026-02-14"))).toBe("45/90");
    // a one-day tenure is one day, not zero
    expect(asFraction(prorationFactor(q1, "2026-03-31", "2026-03-31"))).toBe("1/90");
  });

  it("clips a tenure that starts and ends inside the period", () => {
    // February 2026 only: 28 days of 90
    expect(asFraction(prorationFactor(q1, "2026-02-01", "2026-02-28"))).toBe("28/90");
  });

  it("is 1 for a full period and 0 outside the tenure", () => {
    expect(asFraction(prorationFactor(q1, null, null))).toBe("90/90");
    expect(asFraction(prorationFactor(q1, "2025-06-01", "2027-01-31"))).toBe("90/90");
    expect(asFraction(prorationFactor(q1, "2026-04-01", null))).toBe("0/90"); // starts next quarter
    expect(asFraction(prorationFactor(q1, null, "2025-12-31"))).toBe("0/90"); // left last year
    expect(asFraction(prorationFactor(q1, "2026-03-01", "2026-02-01"))).toBe("0/90"); // end before start
  });

  it("uses the real month length, leap years included", () => {
    const feb2028 = periodsOf("Month", 2028)[1]; // 29 days
    // Feb 15..29 = 15 days of 29
    expect(asFraction(prorationFactor(feb2028, "2028-02-15", null))).toBe("15/29");
  });

  it("works on a fiscal year that starts in July", () => {
    const fy = periodsOf("Year", 2026, 7)[0]; // 2026-07-01..2027-06-30 = 365 days
    // start 2027-01-01: Jan..Jun 2027 = 31+28+31+30+31+30 = 181 days
    expect(asFraction(prorationFactor(fy, "2027-01-01", null))).toBe("181/365");
  });

  it("property: monthly active days add up to the year's, and each factor is within [0, 1]", () => {
    const months = periodsOf("Month");
    const year = periodsOf("Year")[0];
    const day = fc.integer({ min: toDay("2025-10-01"), max: toDay("2027-03-31") });
    fc.assert(
      fc.property(fc.option(day), fc.option(day), (s, e) => {
        const start = s === null ? null : fromDay(s);
        const end = e === null ? null : fromDay(e);
        const total = months.reduce((acc, m) => acc + activeDays(m, start, end), 0);
        expect(total).toBe(activeDays(year, start, end));
        for (const m of months) {
          const v = ratioValue(prorationFactor(m, start, end));
          expect(v.gte(0) && v.lte(1)).toBe(true);
        }
      }),
    );
  });
});

describe("proration by whole months (Settings Proration)", () => {
  const byMonths = (kind: PeriodKind, proration: "Months" | "FullMonths", calendar = false) =>
    planPeriods(kind, {
      planYear: 2026,
      fiscalYearStartMonth: 1,
      proration,
      ...(calendar ? { calendar: { pattern: "4-4-5", weekday: 6, rule: "Last" } as const } : {}),
    });

  it("Months: a start on or before the 15th counts the month; after it, the month does not", () => {
    const [q1m] = byMonths("Quarter", "Months");
    expect(asFraction(prorationFactor(q1m, "2026-02-15", null))).toBe("2/3"); // Feb, Mar
    expect(asFraction(prorationFactor(q1m, "2026-02-16", null))).toBe("1/3"); // Mar
    expect(asFraction(prorationFactor(q1m, "2026-01-01", null))).toBe("3/3");
    expect(asFraction(prorationFactor(q1m, "2026-04-01", null))).toBe("0/3");
    // A leaver counts the month of their last day when it is on or after the 15th.
    const q4m = byMonths("Quarter", "Months")[3];
    expect(asFraction(prorationFactor(q4m, null, "2026-11-15"))).toBe("2/3"); // Oct, Nov
    expect(asFraction(prorationFactor(q4m, null, "2026-11-14"))).toBe("1/3"); // Oct
    // Start and leave in one month: it counts when both rules hold.
    const [jan] = byMonths("Month", "Months");
    expect(asFraction(prorationFactor(jan, "2026-01-10", "2026-01-20"))).toBe("1/1");
    expect(asFraction(prorationFactor(jan, "2026-01-10", "2026-01-14"))).toBe("0/1");
  });

  it("FullMonths: only months employed from the first day to the last", () => {
    const [q1f] = byMonths("Quarter", "FullMonths");
    expect(asFraction(prorationFactor(q1f, "2026-02-01", null))).toBe("2/3");
    expect(asFraction(prorationFactor(q1f, "2026-02-02", null))).toBe("1/3");
    expect(asFraction(prorationFactor(q1f, null, "2026-02-27"))).toBe("1/3"); // February is not finished
    expect(asFraction(prorationFactor(q1f, null, "2026-02-28"))).toBe("2/3");
  });

  it("on a 4-4-5 calendar counts fiscal months, the 15th being the month's 15th day", () => {
    // FY2026 P02 runs 2026-01-25..2026-02-21: its 15th day is 2026-02-08.
    const [q1w] = byMonths("Quarter", "Months", true);
    expect(asFraction(prorationFactor(q1w, "2026-02-08", null))).toBe("2/3");
    expect(asFraction(prorationFactor(q1w, "2026-02-09", null))).toBe("1/3");
    // By days on the same quarter (2025-12-28..2026-03-28, 91 days): 2026-02-08..03-28 = 49 days.
    const [q1d] = planPeriods("Quarter", {
      planYear: 2026,
      fiscalYearStartMonth: 1,
      calendar: { pattern: "4-4-5", weekday: 6, rule: "Last" },
    });
    expect(asFraction(prorationFactor(q1d, "2026-02-08", null))).toBe("49/91");
  });

  it("reproduces a published month-based quota proration", () => {
    // Source: "Formula to Prorate a Quota", Nikki Walters' question and Chayce CG's answer (community forum,
    // 12 March 2019): annual quota $100,000, quarters weighted 20/20/20/40%, a start on 3/1/19 has 1 month in Q1:
    // Q1 = 100,000 × 20% ÷ 3 × 1 = 6,667; Q2 = Q3 = 20,000; Q4 = 40,000; total 86,667.
    // The month counts are the engine's; the quarter weights are that plan's (the engine's own are equal).
    const quarters = planPeriods("Quarter", { planYear: 2019, fiscalYearStartMonth: 1, proration: "Months" });
    const weights = ["0.2", "0.2", "0.2", "0.4"];
    const quotas = quarters.map((p, i) => {
      const f = prorationFactor(p, "2019-03-01", null);
      return ratioValue(f).times(weights[i]).times(100000);
    });
    expect(quotas.map((q) => q.toDecimalPlaces(0).toNumber())).toEqual([6667, 20000, 20000, 40000]);
    expect(
      quotas
        .reduce((a, b) => a.plus(b))
        .toDecimalPlaces(0)
        .toNumber(),
    ).toBe(86667);
    // By days the same start would give Q1 31 of 90 days, not 1 of 3 months.
    expect(asFraction(prorationFactor(periodsOf("Quarter", 2019)[0], "2019-03-01", null))).toBe("31/90");
  });
});

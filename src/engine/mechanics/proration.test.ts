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

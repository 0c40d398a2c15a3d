import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { fromDay, toDay } from "../calendar";
import { Decimal, ONE } from "../decimal";
import { planPeriods } from "../periods";
import { ratio, ratioValue, scaleRatio, type Ratio } from "../exact/ratio";
import type { PeriodKind, RampSchedule } from "../types";
import { prorationFactor } from "./proration";
import { inRamp, rampQuotaFactor, tenureMonth } from "./ramp";

const periodsOf = (kind: PeriodKind) => planPeriods(kind, { planYear: 2026, fiscalYearStartMonth: 1 });
const d = (s: string) => new Decimal(s);
const fraction = (r: Ratio) => `${r.num}/${r.den}`;

/** Exact a/b + c/d without evaluating either quotient. */
const addRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.num.times(b.den).plus(b.num.times(a.den)), a.den.times(b.den));

// Months 1–2 at 50%, months 3–4 at 75%, then 100%.
const newHire: RampSchedule = { name: "AE", quotaPct: [d("0.5"), d("0.5"), d("0.75"), d("0.75")], guarantee: null };
const annualQuota = d("1000000");

/** Σ over periods of annual × share × ramp factor × proration, summed as exact fractions. */
function rampedYearQuota(kind: PeriodKind, start: string | null, end: string | null = null): Ratio {
  return periodsOf(kind)
    .map((p) =>
      scaleRatio(
        scaleRatio(scaleRatio(ratio(annualQuota), p.share), rampQuotaFactor(newHire, start, p, end)),
        prorationFactor(p, start, end),
      ),
    )
    .reduce(addRatio);
}

describe("tenureMonth", () => {
  it("counts the start's calendar month as month 1", () => {
    expect(tenureMonth("2026-02-15", "2026-02-01")).toBe(1);
    expect(tenureMonth("2026-02-15", "2026-03-01")).toBe(2);
    expect(tenureMonth("2025-11-30", "2026-01-01")).toBe(3); // Nov, Dec, Jan
    expect(tenureMonth("2026-02-15", "2026-01-01")).toBe(0); // before the start
  });

  it("counts from the first full month when the plan says so, ramping the stub month as month 1", () => {
    const first = (start: string, month: string) => tenureMonth(start, month, "FirstFullMonth");
    expect(first("2026-02-15", "2026-02-01")).toBe(1); // the stub: ramped as month 1
    expect(first("2026-02-15", "2026-03-01")).toBe(1); // the first full month
    expect(first("2026-02-15", "2026-04-01")).toBe(2);
    expect(first("2026-02-01", "2026-03-01")).toBe(2); // a start on the 1st: February is already full
    expect(first("2026-02-15", "2026-01-01")).toBe(0); // before the start
  });
});

describe("rampQuotaFactor", () => {
  it("monthly: each month gets its tenure month's QuotaPct", () => {
    const f = periodsOf("Month").map((p) => ratioValue(rampQuotaFactor(newHire, "2026-01-01", p)).toString());
    expect(f).toEqual(["0.5", "0.5", "0.75", "0.75", "1", "1", "1", "1", "1", "1", "1", "1"]);
  });

  it("year-one quota on a $1M annual quota is exactly $875,000, monthly, quarterly or yearly", () => {
    // 1,000,000 × (0.5 + 0.5 + 0.75 + 0.75 + 8 × 1) / 12 = 1,000,000 × 10.5 / 12 = 875,000
    for (const kind of ["Month", "Quarter", "Year"] as const) {
      expect(ratioValue(rampedYearQuota(kind, "2026-01-01")).toString()).toBe("875000");
    }
  });

  it("quarterly: the plain average of the quarter's months for a rep employed all quarter", () => {
    const [q1, q2, q3] = periodsOf("Quarter");
    // Q1 months are tenure 1, 2, 3: (0.5 + 0.5 + 0.75) / 3
    expect(fraction(rampQuotaFactor(newHire, "2026-01-01", q1))).toBe("1.75/3");
    // Q2 months are tenure 4, 5, 6: (0.75 + 1 + 1) / 3
    expect(fraction(rampQuotaFactor(newHire, "2026-01-01", q2))).toBe("2.75/3");
    expect(ratioValue(rampQuotaFactor(newHire, "2026-01-01", q3)).toString()).toBe("1");
  });

  it("a mid-quarter hire: months before the start carry no weight", () => {
    const q1 = periodsOf("Quarter")[0];
    // Jan: tenure 0, 0 days → weight 0; Feb: tenure 1 (50%), 14 of 28 days → ½; Mar: tenure 2 (50%), weight 1
    // (0.5 × ½ + 0.5 × 1) / (½ + 1) = 0.75 / 1.5 = 0.5
    expect(ratioValue(rampQuotaFactor(newHire, "2026-02-15", q1)).toString()).toBe("0.5");
    // Q1 quota: 250,000 × 0.5 × 45/90 = 62,500 — the same as a monthly plan:
    // Feb 83,333.33… × 0.5 × 14/28 = 20,833.33…, Mar 83,333.33… × 0.5 = 41,666.66…; sum 62,500
    const quarterly = scaleRatio(
      scaleRatio(ratio(d("250000")), rampQuotaFactor(newHire, "2026-02-15", q1)),
      prorationFactor(q1, "2026-02-15", null),
    );
    expect(ratioValue(quarterly).toString()).toBe("62500");
    const monthly = periodsOf("Month")
      .slice(0, 3)
      .map((p) =>
        scaleRatio(
          scaleRatio(scaleRatio(ratio(annualQuota), p.share), rampQuotaFactor(newHire, "2026-02-15", p)),
          prorationFactor(p, "2026-02-15", null),
        ),
      )
      .reduce(addRatio);
    expect(ratioValue(monthly).toString()).toBe("62500");
  });

  it("weights a leaver's last month by the days worked", () => {
    const q1 = periodsOf("Quarter")[0];
    const short: RampSchedule = { name: "S", quotaPct: [d("0.5")], guarantee: null };
    // Jan tenure 1 at 50%, weight 1; Feb at 100%, Feb 1..14 = 14/28 → ½; Mar weight 0
    // (0.5 × 1 + 1 × ½) / 1.5 = 2/3
    const f = rampQuotaFactor(short, "2026-01-01", q1, "2026-02-14");
    expect(ratioValue(f).toDecimalPlaces(20).toString()).toBe("0.66666666666666666667");
    expect(f.num.times(3).eq(f.den.times(2))).toBe(true); // exactly 2/3
  });

  it("is 1 with no start date, an empty schedule, a tenure past the ramp, or no days in the period", () => {
    const [q1, , , q4] = periodsOf("Quarter");
    expect(fraction(rampQuotaFactor(newHire, null, q1))).toBe("1/1");
    expect(fraction(rampQuotaFactor({ name: "none", quotaPct: [], guarantee: null }, "2026-01-01", q1))).toBe("1/1");
    expect(ratioValue(rampQuotaFactor(newHire, "2025-01-01", q1)).toString()).toBe("1"); // tenure 13..15
    expect(fraction(rampQuotaFactor(newHire, "2026-04-01", q1))).toBe("1/1"); // not yet started: prorated to 0 anyway
    expect(ratioValue(rampQuotaFactor(newHire, "2026-10-01", q4)).toString()).toBe(d("1.75").div(3).toString());
  });

  it("property: the factor lies between the smallest and largest QuotaPct it averages (and 100%)", () => {
    const year = periodsOf("Quarter");
    const pct = fc.integer({ min: 0, max: 150 }).map((n) => new Decimal(n).div(100));
    fc.assert(
      fc.property(
        fc.array(pct, { maxLength: 8 }),
        fc.integer({ min: toDay("2025-06-01"), max: toDay("2026-12-31") }),
        (pcts, startDay) => {
          const schedule: RampSchedule = { name: "R", quotaPct: pcts, guarantee: null };
          const lo = Decimal.min(ONE, ...pcts);
          const hi = Decimal.max(ONE, ...pcts);
          for (const p of year) {
            const v = ratioValue(rampQuotaFactor(schedule, fromDay(startDay), p));
            expect(v.gte(lo) && v.lte(hi)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("inRamp", () => {
  it("is true while any month of the period is inside the schedule", () => {
    const q = periodsOf("Quarter");
    expect(q.map((p) => inRamp(newHire, "2026-01-01", p))).toEqual([true, true, false, false]); // months 1–4
    expect(q.map((p) => inRamp(newHire, "2026-03-20", p))).toEqual([true, true, false, false]); // Mar..Jun
    expect(q.map((p) => inRamp(newHire, "2026-05-01", p))).toEqual([false, true, true, false]); // May..Aug
    expect(q.map((p) => inRamp(newHire, null, p))).toEqual([false, false, false, false]);
  });
});

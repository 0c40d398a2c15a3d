import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Decimal, ZERO, sum } from "../decimal";
import { planPeriods } from "../periods";
import type { Adjustment } from "../types";
import { adjustmentsByPeriod, applyAdjustments, type PeriodAdjustments } from "./adjustments";

const d = (s: string) => new Decimal(s);
const adj = (additions: string, clawbacks: string): PeriodAdjustments => ({
  additions: d(additions),
  clawbacks: d(clawbacks),
});
const strs = (xs: readonly Decimal[]) => xs.map(String);

describe("applyAdjustments", () => {
  it("adds SPIFs and bonuses and nets a clawback that fits", () => {
    // p1: 5,000 + SPIF 1,000 = 6,000; p2: 5,000 − clawback 2,000 = 3,000
    const r = applyAdjustments([d("5000"), d("5000")], [adj("1000", "0"), adj("0", "2000")]);
    expect(strs(r.lines.map((l) => l.adjustments))).toEqual(["1000", "-2000"]);
    expect(strs(r.lines.map((l) => l.netPaid))).toEqual(["6000", "3000"]);
    expect(r.outstanding.toString()).toBe("0");
  });

  it("a clawback larger than the period's pay pays 0 and carries the rest", () => {
    // p1: pay 3,000 + SPIF 500 = 3,500 available; clawback 8,000 → take 3,500, carry 4,500, net 0
    // p2: pay 2,000, carried 4,500 → take 2,000, carry 2,500, net 0
    // p3: pay 10,000, carried 2,500 + new clawback 1,000 = 3,500 → take 3,500, net 6,500
    const r = applyAdjustments(
      [d("3000"), d("2000"), d("10000")],
      [adj("500", "8000"), adj("0", "0"), adj("0", "1000")],
    );
    expect(strs(r.lines.map((l) => l.clawbackApplied))).toEqual(["3500", "2000", "3500"]);
    expect(strs(r.lines.map((l) => l.clawbackCarried))).toEqual(["4500", "2500", "0"]);
    expect(strs(r.lines.map((l) => l.adjustments))).toEqual(["-3000", "-2000", "-3500"]);
    expect(strs(r.lines.map((l) => l.netPaid))).toEqual(["0", "0", "6500"]);
    expect(r.outstanding.toString()).toBe("0");
  });

  it("reports what is still owed at year end as outstanding", () => {
    // p1: 1,000 available, clawback 2,500.50 → take 1,000, carry 1,500.50; p2: 400 → carry 1,100.50
    const r = applyAdjustments([d("1000"), d("400")], [adj("0", "2500.50"), adj("0", "0")]);
    expect(strs(r.lines.map((l) => l.netPaid))).toEqual(["0", "0"]);
    expect(r.outstanding.toString()).toBe("1100.5");
  });

  it("recovers nothing from a period already negative (a clawed-back true-up), and leaves that pay as it is", () => {
    // pay −700 + SPIF 200 = −500 < 0: nothing available, clawback 300 carried; net −700 + 200 = −500
    const r = applyAdjustments([d("-700")], [adj("200", "300")]);
    expect(r.lines[0].netPaid.toString()).toBe("-500");
    expect(r.outstanding.toString()).toBe("300");
  });

  it("defers a negative true-up as a debit recovered from later pay, before a clawback, when negative pay is not allowed", () => {
    // p1 −700 + SPIF 200: pays 0, debit 700 deferred, 200 of it recovered from the SPIF at once → carried 500 + the
    // clawback 300 = 800. p2 1,000: the debit 500 first, then the clawback 300: pays 200. p3 −100: deferred, owed.
    const r = applyAdjustments([d("-700"), d("1000"), d("-100")], [adj("200", "300"), adj("0", "0")], false);
    expect(strs(r.lines.map((l) => l.deferred))).toEqual(["700", "0", "100"]);
    expect(strs(r.lines.map((l) => l.debitRecovered))).toEqual(["200", "500", "0"]);
    expect(strs(r.lines.map((l) => l.adjustments))).toEqual(["200", "-300", "0"]);
    expect(strs(r.lines.map((l) => l.clawbackCarried))).toEqual(["800", "0", "100"]);
    expect(strs(r.lines.map((l) => l.netPaid))).toEqual(["0", "200", "0"]);
    expect(r.outstanding.toString()).toBe("100");
  });

  it("property: without negative pay, nothing is paid below 0 and Σ net = Σ pay + Σ additions − Σ clawbacks + outstanding", () => {
    const cents = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => new Decimal(n).div(100));
    const row = fc.record({
      pay: cents(-500_000, 1_000_000),
      additions: cents(0, 200_000),
      clawbacks: cents(0, 1_500_000),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const r = applyAdjustments(
          rows.map((x) => x.pay),
          rows.map((x) => ({ additions: x.additions, clawbacks: x.clawbacks })),
          false,
        );
        for (const l of r.lines) expect(l.netPaid.isNeg() || l.clawbackCarried.isNeg()).toBe(false);
        const lhs = sum(r.lines.map((l) => l.netPaid));
        const rhs = sum(rows.map((x) => x.pay.plus(x.additions).minus(x.clawbacks))).plus(r.outstanding);
        expect(lhs.eq(rhs)).toBe(true);
      }),
    );
  });

  it("treats missing period entries as no adjustments", () => {
    const r = applyAdjustments([d("100"), d("200")], []);
    expect(strs(r.lines.map((l) => l.netPaid))).toEqual(["100", "200"]);
  });

  it("property: pay is never pushed below 0; Σ net = Σ pay + Σ additions − Σ clawbacks + outstanding", () => {
    const cents = (hi: number) => fc.integer({ min: 0, max: hi }).map((n) => new Decimal(n).div(100));
    const row = fc.record({ pay: cents(1_000_000), additions: cents(200_000), clawbacks: cents(1_500_000) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const r = applyAdjustments(
          rows.map((x) => x.pay),
          rows.map((x) => ({ additions: x.additions, clawbacks: x.clawbacks })),
        );
        for (const l of r.lines) {
          expect(l.netPaid.isNeg()).toBe(false);
          expect(l.clawbackCarried.isNeg()).toBe(false);
        }
        const lhs = sum(r.lines.map((l) => l.netPaid));
        const rhs = sum(rows.map((x) => x.pay.plus(x.additions).minus(x.clawbacks))).plus(r.outstanding);
        expect(lhs.eq(rhs)).toBe(true);
        // something is still owed only if the last period paid nothing
        if (r.outstanding.gt(ZERO)) expect(r.lines[r.lines.length - 1].netPaid.isZero()).toBe(true);
      }),
    );
  });
});

describe("adjustmentsByPeriod", () => {
  const quarters = planPeriods("Quarter", { planYear: 2026, fiscalYearStartMonth: 1 });
  const a = (start: string, end: string, type: Adjustment["type"], amount: string): Adjustment => ({
    repId: "R1",
    start,
    end,
    type,
    amount: d(amount),
    note: "",
  });

  it("puts each adjustment in the period containing its last day and sums by kind", () => {
    const { perPeriod, outside } = adjustmentsByPeriod(
      [
        a("2026-02-01", "2026-02-28", "SPIF", "1000"), // Q1
        a("2026-03-01", "2026-03-31", "Bonus", "250.25"), // Q1
        a("2026-01-01", "2026-03-31", "Clawback", "400"), // Q1
        a("2026-05-01", "2026-05-31", "Clawback", "100"), // Q2
        a("2026-01-01", "2026-12-31", "Bonus", "5000"), // the whole year: paid with Q4
        a("2027-01-01", "2027-01-31", "SPIF", "75"), // next year: reported
      ],
      quarters,
    );
    // Q1 additions 1,000 + 250.25 = 1,250.25; clawbacks 400. Q2 clawback 100. Q4 bonus 5,000.
    expect(perPeriod.map((p) => `${p.additions}/${p.clawbacks}`)).toEqual(["1250.25/400", "0/100", "0/0", "5000/0"]);
    expect(outside.map((x) => x.amount.toString())).toEqual(["75"]);
  });

  it("refuses a type it does not know rather than paying it as a SPIF", () => {
    const unknown = a("2026-02-01", "2026-02-28", "Refund" as Adjustment["type"], "1000");
    expect(() => adjustmentsByPeriod([unknown], quarters)).toThrow('Unexpected value: "Refund"');
  });
});

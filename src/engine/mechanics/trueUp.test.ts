import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Decimal, ZERO, sum } from "../decimal";
import { trueUps } from "./trueUp";

const d = (s: string) => new Decimal(s);
const strs = (xs: readonly Decimal[]) => xs.map((x) => x.toString());

// YTD earned by quarter: 10,000, then a weak Q2 drags YTD to 8,000, then 9,000, then 15,000.
const ytd = ["10000", "8000", "9000", "15000"].map(d);

describe("trueUps", () => {
  it("Clawback pays the negative true-up as a negative payment", () => {
    // 10,000; 8,000 − 10,000 = −2,000; 9,000 − 8,000 = 1,000; 15,000 − 9,000 = 6,000
    const r = trueUps(ytd, "Clawback");
    expect(strs(r.paid)).toEqual(["10000", "-2000", "1000", "6000"]);
    expect(strs(r.heldBack)).toEqual(["0", "0", "0", "0"]);
  });

  it("Hold pays 0 and recovers the shortfall from later true-ups first", () => {
    // Q1 10,000 (paid to date 10,000). Q2 due 8,000 − 10,000 = −2,000 → pay 0, held 2,000.
    // Q3 due 9,000 − 10,000 = −1,000 → pay 0, held 1,000. Q4 due 15,000 − 10,000 = 5,000 → pay 5,000.
    const r = trueUps(ytd, "Hold");
    expect(strs(r.paid)).toEqual(["10000", "0", "0", "5000"]);
    expect(strs(r.heldBack)).toEqual(["0", "2000", "1000", "0"]);
  });

  it("Hold leaves an outstanding shortfall when the year ends below its peak", () => {
    // YTD 5,000 → 12,000 → 7,000: pays 5,000, 7,000, 0; held 5,000 at year end = 12,000 paid − 7,000 earned
    const r = trueUps(["5000", "12000", "7000"].map(d), "Hold");
    expect(strs(r.paid)).toEqual(["5000", "7000", "0"]);
    expect(strs(r.heldBack)).toEqual(["0", "0", "5000"]);
  });

  it("a non-decreasing YTD pays the same under both rules", () => {
    const rising = ["100.10", "100.10", "250.25"].map(d);
    expect(strs(trueUps(rising, "Hold").paid)).toEqual(["100.1", "0", "150.15"]);
    expect(strs(trueUps(rising, "Clawback").paid)).toEqual(["100.1", "0", "150.15"]);
  });

  const cents = fc.integer({ min: -5_000_000, max: 5_000_000 }).map((n) => new Decimal(n).div(100));
  const series = fc.array(cents, { minLength: 1, maxLength: 12 });

  it("property: under Clawback Σ paid = final YTD earned", () => {
    fc.assert(
      fc.property(series, (ys) => {
        expect(sum(trueUps(ys, "Clawback").paid).eq(ys[ys.length - 1])).toBe(true);
      }),
    );
  });

  it("property: under Hold Σ paid = max(0, max YTD) = final YTD + final heldBack, and no payment is negative", () => {
    fc.assert(
      fc.property(series, (ys) => {
        const r = trueUps(ys, "Hold");
        const total = sum(r.paid);
        expect(total.eq(Decimal.max(ZERO, ...ys))).toBe(true);
        expect(total.eq(ys[ys.length - 1].plus(r.heldBack[r.heldBack.length - 1]))).toBe(true);
        // after each period, paid to date = running max and the held shortfall = running max − YTD
        let toDate = ZERO;
        let peak = ZERO;
        r.paid.forEach((p, k) => {
          expect(p.isNeg()).toBe(false);
          toDate = toDate.plus(p);
          peak = Decimal.max(peak, ys[k]);
          expect(toDate.eq(peak)).toBe(true);
          expect(r.heldBack[k].eq(peak.minus(ys[k]))).toBe(true);
        });
      }),
    );
  });
});

import fc from "fast-check";
import { Decimal } from "../decimal";
import { fixedOf, FixedSum, quotientDecimal, toDecimal, wholePercentShare } from "./fixed";
import { toMinor } from "./minor";

// Decimals of every shape decimal.js stores: 1 to 5 digit words, negative, tiny and huge exponents.
const decimalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 33n), max: 10n ** 33n }), fc.integer({ min: -20, max: 20 }))
  .map(([int, exp]) => new Decimal(`${int.toString()}e${exp}`));

describe("fixed-point reads of Decimals", () => {
  it("reads cent amounts at scale 2 and integers at scale 0", () => {
    expect(fixedOf(new Decimal("123456.78"))).toEqual({ int: 12345678n, scale: 2 });
    expect(fixedOf(new Decimal("1500000000"))).toEqual({ int: 1500000000n, scale: 0 });
    expect(fixedOf(new Decimal("-0.5"))).toEqual({ int: -5n, scale: 1 });
    expect(fixedOf(new Decimal("0"))).toEqual({ int: 0n, scale: 0 });
    // 20 digits: three words, read word by word (trailing zeros of the last word stay).
    expect(fixedOf(new Decimal("12345678901234.567891"))).toEqual({ int: 123456789012345678910n, scale: 7 });
  });

  it("round-trips every Decimal exactly", () => {
    fc.assert(
      fc.property(decimalArb, (x) => {
        const f = fixedOf(x);
        expect(toDecimal(f.int, f.scale).eq(x)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives minor units of a rounded payout, and refuses an unrounded one", () => {
    expect(toMinor(new Decimal("1234.5"), 2)).toBe(123450n);
    expect(toMinor(new Decimal("-0.01"), 2)).toBe(-1n);
    expect(() => toMinor(new Decimal("0.005"), 2)).toThrow(/more than 2 decimal places/);
  });

  it("sums at the largest scale", () => {
    const s = new FixedSum();
    for (const v of ["100", "0.25", "-3.125", "7"]) s.add(fixedOf(new Decimal(v)));
    expect(s.value).toEqual({ int: 104125n, scale: 3 });
  });
});

describe("wholePercentShare", () => {
  it("is a ÷ (a + b) × 100 to a whole percent, halves away from zero, as decimal.js gives it", () => {
    // 1 of 8 is 12.5%: up to 13. 1 of 3 is 33.3…%: 33. 2 of 3: 67. 0.005 of 1: 0.5% up to 1. −1 of 8: −12.5% to −13.
    expect(wholePercentShare(new Decimal(1), new Decimal(7))).toBe(13);
    expect(wholePercentShare(new Decimal(1), new Decimal(2))).toBe(33);
    expect(wholePercentShare(new Decimal(2), new Decimal(1))).toBe(67);
    expect(wholePercentShare(new Decimal("0.005"), new Decimal("0.995"))).toBe(1);
    expect(wholePercentShare(new Decimal(-1), new Decimal(9))).toBe(-13);
    expect(wholePercentShare(new Decimal(10), new Decimal(-20))).toBe(-100);
    expect(wholePercentShare(new Decimal(0), new Decimal(0))).toBeNull();
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }))
      .map(([int, scale]) => new Decimal(`${int.toString()}e-${scale}`));
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const whole = a.plus(b);
        const expected = whole.isZero() ? null : a.div(whole).times(100).toDecimalPlaces(0).toNumber();
        // −0 and 0 are one share here (both write "0").
        const got = wholePercentShare(a, b);
        expect(got === null ? null : got + 0).toBe(expected === null ? null : expected + 0);
      }),
    );
  });
});

describe("quotientDecimal", () => {
  it("is decimal.js's division at 34 digits, half up", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (n, d) => {
        fc.pre(!d.isZero());
        const q = quotientDecimal(fixedOf(n), fixedOf(d));
        expect(q.toString()).toBe(n.div(d).toString());
      }),
      { numRuns: 3000 },
    );
  });

  it("rounds a dropped exact half up and a twelfth to 34 digits", () => {
    // (10^34 + 5) ÷ 10 = 1000…000.5: 35 significant digits, the last an exact half.
    expect(quotientDecimal({ int: 10n ** 34n + 5n, scale: 0 }, { int: 10n, scale: 0 }).toFixed()).toBe(
      "1000000000000000000000000000000001",
    );
    expect(quotientDecimal({ int: 1n, scale: 0 }, { int: 12n, scale: 0 }).toString()).toBe(
      "0.08333333333333333333333333333333333",
    );
  });
});

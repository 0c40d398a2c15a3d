import fc from "fast-check";
import { compactDecimal, Decimal, toNumber } from "./decimal";

const words = (x: Decimal) => (x as unknown as { d: number[] }).d;

describe("compactDecimal", () => {
  it("keeps the value and its digit words, in an array of its own", () => {
    for (const text of ["1234.56", "-0.01", "449118.5", "1e-30", "123456789012345678901234.5678"]) {
      const parsed = new Decimal(text);
      const before = [...words(parsed)];
      const compacted = compactDecimal(parsed);
      expect(compacted).toBe(parsed);
      expect(compacted.toString()).toBe(new Decimal(text).toString());
      expect(words(compacted)).toEqual(before);
    }
  });

  it("a compacted value computes as before: 1234.56 × 3 = 3703.68", () => {
    const x = compactDecimal(new Decimal(1234.56));
    expect(x.times(3).toString()).toBe("3703.68");
    expect(x.plus("0.44").toString()).toBe("1235");
  });
});

describe("toNumber", () => {
  const same = (x: Decimal) => expect(Object.is(toNumber(x), x.toNumber())).toBe(true);

  it("gives the double toNumber gives, for amounts, fractions, large and tiny values, and their signs", () => {
    for (const text of [
      "0",
      "-0",
      "1234.56",
      "-0.01",
      "0.1",
      "0.3",
      "449118.5",
      "9007199254740993",
      "123456789012345678901234.5678",
      "1e-30",
      "1e22",
      "1e23",
      "5e-324",
      "1.7976931348623157e308",
      "1e400",
      "0.333333333333333333333333333333333",
      "2.675",
      "1e13",
      "-9999999999999.99",
    ])
      same(new Decimal(text));
    same(new Decimal(1).div(3));
    same(new Decimal(2).sqrt());
    same(new Decimal(NaN));
    same(new Decimal(Infinity));
    same(new Decimal(-Infinity));
  });

  it("agrees with toNumber on random cents, rates and quotients", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: -30, max: 30 }), (m, k) => {
        const x = new Decimal(m.toString()).times(new Decimal(10).pow(k));
        same(x);
        same(x.div(7));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (n) => same(new Decimal(n))),
      { numRuns: 5000 },
    );
  });
});

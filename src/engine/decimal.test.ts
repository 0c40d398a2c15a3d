import fc from "fast-check";
import { compactDecimal, Decimal, fromDouble, sortDecimals, sq, toNumber } from "./decimal";

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

describe("sq", () => {
  it("(−1.5)² = 2.25; a 34-digit square rounds once: 0.1234567890123456789012345678901234² to 34 digits", () => {
    expect(sq(new Decimal("-1.5")).toString()).toBe("2.25");
    expect(sq(new Decimal("0.1234567890123456789012345678901234")).toString()).toBe(
      "0.01524157875323883675049535156256667", // exact square: …256666792…
    );
  });

  it("gives pow(2)'s digits for any 34-digit value (it replaces pow(2) in the realistic model)", () => {
    const digits = fc.stringMatching(/^[1-9][0-9]{0,33}$/);
    fc.assert(
      fc.property(digits, fc.integer({ min: -40, max: 40 }), fc.boolean(), (d, e, negative) => {
        const x = new Decimal(`${negative ? "-" : ""}${d}e${e}`);
        expect(sq(x).toString()).toBe(x.pow(2).toString());
      }),
      { numRuns: 2000 },
    );
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

describe("fromDouble", () => {
  const fields = (x: Decimal) => {
    const f = x as unknown as { s: number; e: number; d: number[] | null };
    return { s: f.s, e: f.e, d: f.d === null ? null : [...f.d] };
  };
  const same = (n: number) => {
    const fast = fromDouble(n);
    const slow = new Decimal(n);
    expect(fields(fast)).toEqual(fields(slow));
    expect(fast.toString()).toBe(slow.toString());
    expect(Object.keys(fast)).toEqual(Object.keys(slow));
  };

  it("gives new Decimal(n)'s sign, exponent and digit words: cents, whole amounts, tiny and large ones", () => {
    for (const n of [
      0.01,
      0.1,
      0.5,
      1,
      7,
      10,
      100,
      1200,
      1200.5,
      1234.56,
      89163.8,
      449118.5,
      9999999,
      10000000,
      12345678.9,
      0.07,
      0.3,
      0.1 + 0.2,
      1e13,
      9999999999999.99,
      1e13 + 0.5,
      2e13,
      123456789012.34,
      1000000.01,
      0.001,
      1e-7,
      5e-324,
      -0.01,
      -1234.56,
      -1e13,
      0,
      -0,
      1e21,
      1e300,
      Number.MAX_SAFE_INTEGER,
      4503599627370495.5,
    ]) {
      same(n);
      same(-n);
    }
  });

  it("agrees with new Decimal(n) on random cents and random doubles", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 4 }), (m, k) =>
        same(m / 10 ** k),
      ),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => same(n)),
      { numRuns: 5000 },
    );
  });

  it("computes as the constructor's value does", () => {
    expect(fromDouble(1234.56).times(3).toString()).toBe("3703.68");
    expect(fromDouble(0.07).plus(fromDouble(0.01)).toString()).toBe("0.08");
    expect(compactDecimal(fromDouble(-12345678.91)).div(7).eq(new Decimal("-12345678.91").div(7))).toBe(true);
  });
});

describe("sortDecimals", () => {
  it("orders as comparedTo does, values equal as doubles included, ties kept in their order", () => {
    // 34-digit values a 1e-30 apart read as the same double; integers, cents, negatives, zeros.
    const value = fc.oneof(
      fc
        .integer({ min: -5, max: 5 })
        .map((k) => new Decimal(`1.000000000000000000000000000000${Math.abs(k)}`).times(Math.sign(k) || 1)),
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => new Decimal(c).div(100)),
      fc.constantFrom(new Decimal(0), new Decimal("-0"), new Decimal(1), new Decimal("1.0")),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 300 }), (values) => {
        const expected = [...values].sort((a, b) => a.comparedTo(b));
        const got = sortDecimals([...values]);
        // The same objects in the same order (equal values keep their order, as a stable sort does).
        expect(got.length).toBe(expected.length);
        got.forEach((v, i) => expect(v).toBe(expected[i]));
      }),
    );
  });
});

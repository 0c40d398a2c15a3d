import fc from "fast-check";
import { compactDecimal, Decimal, sq } from "./decimal";

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

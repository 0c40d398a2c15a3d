import { compactDecimal, Decimal } from "./decimal";

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

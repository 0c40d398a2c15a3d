import { d } from "../testing/builders";
import { fixedOf } from "./fixed";
import { ratio } from "./ratio";
import { weightedFraction, weightedQuotient } from "./weightedSum";

describe("weightedFraction", () => {
  it("keeps Σ weight × attainment exact: 48% × 4/3 is 64%, on the edge", () => {
    const f = weightedFraction([
      { weight: d(0.48), fraction: ratio(d(4), d(3)) },
      { weight: d(0.52), fraction: null },
    ]);
    expect(f.num.div(f.den).eq(d(0.64))).toBe(true);
    expect(f.num.minus(d(0.64).times(f.den)).isZero()).toBe(true);
  });
});

describe("weightedQuotient", () => {
  it("is Σ weight × credit ÷ quota, a negative credit counting as 0, and null without a quota", () => {
    const year = (credit: string, quota: number, weight: number) => ({
      weight: d(weight),
      credit: fixedOf(d(credit)),
      quota: ratio(d(quota)),
    });
    // 70% × 90/100 + 30% × 150/120 = 0.63 + 0.375.
    expect(weightedQuotient([year("90", 100, 0.7), year("150", 120, 0.3)])!.toString()).toBe("1.005");
    expect(weightedQuotient([year("-5", 100, 0.7), year("150", 120, 0.3)])!.toString()).toBe("0.375");
    expect(weightedQuotient([year("90", 0, 1)])).toBeNull();
  });

  it("leaves out a measure of weight 0 (a commission measure), quota or not; null when no measure has weight", () => {
    const year = (credit: string, quota: number, weight: number) => ({
      weight: d(weight),
      credit: fixedOf(d(credit)),
      quota: ratio(d(quota)),
    });
    // Found by an independent recalculation: a Services commission without weight or quota blanked the year.
    expect(weightedQuotient([year("92", 100, 1), year("5000", 0, 0)])!.toString()).toBe("0.92");
    expect(weightedQuotient([year("92", 100, 1), year("5000", 20000, 0)])!.toString()).toBe("0.92");
    expect(weightedQuotient([year("5000", 20000, 0)])).toBeNull();
  });
});

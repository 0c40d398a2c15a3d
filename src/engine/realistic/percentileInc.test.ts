import { ZERO } from "../decimal";
import type { Decimal } from "../decimal";
import { percentileInc } from "./percentileInc";
import { d } from "./testing/fixtures";

const cum = (weights: readonly string[]): Decimal[] =>
  weights.reduce((acc, w) => [...acc, acc[acc.length - 1].plus(w)], [ZERO]);

describe("percentileInc (Excel PERCENTILE.INC)", () => {
  it("matches Excel on {1, 2, 3, 4}", () => {
    const values = ["1", "2", "3", "4"].map(d);
    const w = cum(["1", "1", "1", "1"]);
    // h = q(n − 1): 0.1 × 3 = 0.3 → 1 + 0.3 × (2 − 1) = 1.3;  0.9 × 3 = 2.7 → 3 + 0.7 = 3.7;  0.5 × 3 = 1.5 → 2.5
    expect(percentileInc(values, w, d("0.1")).toString()).toBe("1.3");
    expect(percentileInc(values, w, d("0.9")).toString()).toBe("3.7");
    expect(percentileInc(values, w, d("0.5")).toString()).toBe("2.5");
    expect(percentileInc(values, w, d("0")).toString()).toBe("1");
    expect(percentileInc(values, w, d("1")).toString()).toBe("4");
  });

  it("places weighted points at S_k / (T − w_last)", () => {
    // values 1, 2, 3 with weights 1, 2, 1: positions 0/3, 1/3, 3/3. q = 0.5 → 1.5 of 3:
    // between 2 (at 1) and 3 (at 3): 2 + (1.5 − 1)/2 × (3 − 2) = 2.25
    expect(percentileInc(["1", "2", "3"].map(d), cum(["1", "2", "1"]), d("0.5")).toString()).toBe("2.25");
    expect(percentileInc(["5"].map(d), cum(["3"]), d("0.9")).toString()).toBe("5");
  });
});

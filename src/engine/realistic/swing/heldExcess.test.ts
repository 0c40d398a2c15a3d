import type { CurveSegment } from "../../line/segments";
import { Decimal } from "../../decimal";
import { evalCurve, floatCurve } from "./floatCurve";
import { heldExcessCurve } from "./heldExcess";
import { swingVectors } from "./periodSwing";

const seg = (from: string, to: string | null, intercept: string, slope: string): CurveSegment => ({
  from: new Decimal(from),
  to: to === null ? null : new Decimal(to),
  intercept: new Decimal(intercept),
  slope: new Decimal(slope),
});
/** A 50% gate, 1× per 100% to quota, 2× above, capped at 2× target from 150%: the YTD curve of every quarter. */
const gateCap = floatCurve(
  [seg("0", "0.5", "0", "0"), seg("0.5", "1", "0", "1"), seg("1", "1.5", "-1", "2"), seg("1.5", null, "2", "0")],
  true,
);
const ytd = [gateCap, gateCap, gateCap, gateCap];

/** e(L) on each path, the long way: the most the YTD payout reached, less the year-end payout, averaged. */
function bruteForce(swings: Float64Array, n: number, level: number): number {
  const K = swings.length / n;
  let total = 0;
  for (let k = 0; k < K; k++) {
    let cum = 0;
    let best = -Infinity;
    for (let p = 0; p < n; p++) {
      cum += swings[k * n + p];
      const f = p === n - 1 ? 1 : 1 + cum / (p + 1);
      best = Math.max(best, ((p + 1) / n) * evalCurve(ytd[p], Math.max(0, level * f)));
    }
    total += best - evalCurve(ytd[n - 1], level);
  }
  return total / K;
}

describe("what holding adds, averaged over the swing paths: G(L)", () => {
  const swings = swingVectors(4, { spread: new Decimal("0.25"), correlation: new Decimal("0.4") }, 2048);
  const g = heldExcessCurve(ytd, swings, 4);

  it("is, at every level, the paths' average of the most the YTD payout reached less the year-end payout", () => {
    // Below, at and above the gate, at quota, across the accelerator and at the cap (each a knot of c).
    for (const level of [0, 0.3, 0.4999, 0.5, 0.62, 0.9, 1, 1.2, 1.4999, 1.5, 1.8, 3])
      expect(g.at(level)).toBeCloseTo(bruteForce(swings, 4, level), 12);
  });

  it("adds nothing where no quarter can pay more than the year: at 0, and far above the cap", () => {
    expect(g.at(0)).toBe(0);
    expect(g.at(10)).toBe(0);
    // Just under the year-end gate a quarter that swung above it was paid and kept: holding adds.
    expect(g.at(0.49)).toBeGreaterThan(0);
  });
});

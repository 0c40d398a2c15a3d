import { Decimal, ONE } from "../decimal";
import type { CurveSegment } from "../line/segments";
import { payRange } from "./curveView";
import type { MassModel } from "./massModel";
import { payProbability } from "./payProbability";

/**
 * The q-quantile of pay for a curve that is NOT non-decreasing (a
 * decelerating retroactive table, a clawback band), where pay percentiles
 * are no longer the curve at attainment percentiles. G(y) = P(pay ≤ y) is
 * computed exactly (payProbability); we return the least y with G(y) ≥ q,
 * found by bisection on y to TOLERANCE. When the bracket ends up holding a
 * value that pay takes with positive probability (a flat band, the cap, a
 * point mass), that exact value is returned instead of a bisection point.
 * Used for the Normal and LogNormal; samples take percentiles of their pays.
 */
const TOLERANCE = new Decimal("1e-12");

export function payQuantileBySearch(segments: readonly CurveSegment[], model: MassModel, q: Decimal): Decimal {
  const G = (y: Decimal): Decimal => payProbability(segments, model, y, "atMost");
  const range = payRange(segments);
  let lo: Decimal;
  if (range.min !== null) {
    if (G(range.min).gte(q)) return range.min;
    lo = range.min;
  } else {
    lo = new Decimal(-1);
    while (G(lo).gte(q)) lo = lo.times(2);
  }
  let hi: Decimal;
  if (range.max !== null) {
    hi = range.max;
  } else {
    hi = lo.abs().plus(ONE);
    while (G(hi).lt(q)) hi = hi.times(2);
  }
  // Invariant: G(lo) < q ≤ G(hi).
  while (hi.minus(lo).gt(TOLERANCE)) {
    const mid = lo.plus(hi).div(2);
    if (G(mid).gte(q)) hi = mid;
    else lo = mid;
  }
  for (const y of payAtoms(segments, model)) {
    if (y.gt(lo) && y.lte(hi) && G(y).gte(q)) return y;
  }
  return hi;
}

/** Pay values that can carry positive probability: flat segments, and the pay at each point mass. */
function payAtoms(segments: readonly CurveSegment[], model: MassModel): Decimal[] {
  const values = segments.filter((s) => s.slope.isZero()).map((s) => s.intercept);
  if (model.atoms !== null) {
    for (const a of model.atoms.values) {
      const s = segments.find((seg) => a.gte(seg.from) && (seg.to === null || a.lt(seg.to)));
      if (s !== undefined) values.push(s.intercept.plus(s.slope.times(a)));
    }
  }
  return values.sort((a, b) => a.comparedTo(b));
}

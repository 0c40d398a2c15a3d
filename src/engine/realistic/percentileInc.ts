import type { Decimal } from "../decimal";

/**
 * The q-th percentile of a sorted sample, by Excel's PERCENTILE.INC
 * convention, generalised to weights: with cumulative weights S and total T,
 * point k (0-based) sits at position S_k / (T − w_last) — for equal weights
 * k/(n − 1), exactly PERCENTILE.INC — and the percentile interpolates
 * linearly between the two points around q. So with equal weights
 * =PERCENTILE.INC(range, q) in Excel gives the same number.
 *
 * Positions are compared as q·(T − w_last) against S_k (no division), so an
 * equal-weight sample interpolates with exact fractions like h − ⌊h⌋,
 * h = q·(n − 1).
 */
export function percentileInc(values: readonly Decimal[], cumWeight: readonly Decimal[], q: Decimal): Decimal {
  const n = values.length;
  if (n === 0) throw new RangeError("Percentile of an empty sample");
  if (q.isNeg() || q.gt(1)) throw new RangeError(`Percentile needs 0 ≤ q ≤ 1, got ${q.toString()}`);
  if (n === 1) return values[0];
  const target = q.times(cumWeight[n - 1]);
  // Last k with cumWeight[k] ≤ target, k in [0, n − 1].
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (cumWeight[mid].lte(target)) lo = mid;
    else hi = mid - 1;
  }
  if (lo === n - 1) return values[n - 1];
  const fraction = target.minus(cumWeight[lo]).div(cumWeight[lo + 1].minus(cumWeight[lo]));
  return values[lo].plus(fraction.times(values[lo + 1].minus(values[lo])));
}

import type { CurveSegment } from "../../line/segments";

/** A payout curve in doubles: segment starts, intercepts and slopes (the last segment is open-ended). */
export interface FloatCurve {
  readonly from: Float64Array;
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
  readonly nonDecreasing: boolean;
}

export function floatCurve(segments: readonly CurveSegment[], nonDecreasing: boolean): FloatCurve {
  return {
    from: Float64Array.from(segments, (s) => s.from.toNumber()),
    intercept: Float64Array.from(segments, (s) => s.intercept.toNumber()),
    slope: Float64Array.from(segments, (s) => s.slope.toNumber()),
    nonDecreasing,
  };
}

/** The curve at attainment a ≥ 0. */
export function evalCurve(c: FloatCurve, a: number): number {
  let k = c.from.length - 1;
  while (k > 0 && a < c.from[k]) k--;
  return c.intercept[k] + c.slope[k] * a;
}

/**
 * The curve at f·v for ascending v (f > 0), written into out[0..v.length):
 * one pass, the segment pointer only moving up. `scale` multiplies each value.
 */
export function evalAscending(
  c: FloatCurve,
  v: Float64Array,
  f: number,
  scale: number,
  out: Float64Array,
  add: boolean,
): void {
  const last = c.from.length - 1;
  let k = 0;
  for (let j = 0; j < v.length; j++) {
    const a = v[j] * f;
    while (k < last && a >= c.from[k + 1]) k++;
    const y = scale * (c.intercept[k] + c.slope[k] * a);
    if (add) out[j] += y;
    else out[j] = y;
  }
}

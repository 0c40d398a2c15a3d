import { Decimal, ZERO } from "../decimal";
import { makeCurve, valueBelow, type CurveSegment } from "../line/segments";

/**
 * What the realistic model needs of a payout curve: its segments (checked to
 * tile [0, ∞)), evaluation, whether it is non-decreasing, and the range of
 * payout multiples it can take.
 */
export interface CurveView {
  readonly segments: readonly CurveSegment[];
  evaluate(attainment: Decimal): Decimal;
  readonly nonDecreasing: boolean;
}

export function curveView(curve: { readonly segments: readonly CurveSegment[] }): CurveView {
  const segments = curve.segments;
  checkTiling(segments);
  const c = makeCurve("", segments);
  return { segments, evaluate: c.evaluate, nonDecreasing: c.nonDecreasing };
}

/** Least and greatest payout multiple (null when the last segment runs off to −∞ or +∞). */
export function payRange(segments: readonly CurveSegment[]): {
  readonly min: Decimal | null;
  readonly max: Decimal | null;
} {
  let min: Decimal | null = null;
  let max: Decimal | null = null;
  let unboundedBelow = false;
  let unboundedAbove = false;
  for (const s of segments) {
    const ends = [s.intercept.plus(s.slope.times(s.from))];
    if (s.to !== null) ends.push(valueBelow(segments, s.to));
    else if (s.slope.gt(ZERO)) unboundedAbove = true;
    else if (s.slope.isNeg()) unboundedBelow = true;
    for (const v of ends) {
      if (min === null || v.lt(min)) min = v;
      if (max === null || v.gt(max)) max = v;
    }
  }
  return { min: unboundedBelow ? null : min, max: unboundedAbove ? null : max };
}

function checkTiling(segments: readonly CurveSegment[]): void {
  const fail = (why: string): never => {
    throw new Error(`Payout curve segments must tile [0, ∞): ${why}`);
  };
  if (segments.length === 0) fail("no segments");
  if (!segments[0].from.isZero()) fail(`first segment starts at ${segments[0].from.toString()}`);
  segments.forEach((s, k) => {
    const next = segments[k + 1];
    if (next === undefined) {
      if (s.to !== null) fail("last segment must be open-ended");
    } else if (s.to === null || !s.to.eq(next.from) || !s.to.gt(s.from)) {
      fail(`segment ${k + 1} [${s.from.toString()}, ${String(s.to)}) does not meet the next one`);
    }
  });
}

/**
 * A payout curve as segments: attainment → payout as a multiple of target
 * incentive. Piecewise linear (with jumps where a retroactive table or a gate
 * has them), so it can be evaluated anywhere, rendered, and integrated exactly
 * against attainment distributions. Line mechanics reshape these segments
 * (their `curve` step); payoutCurve.ts builds a measure's curve from them.
 */

import { Decimal, ZERO } from "../decimal";

/** How far a curve may dip at a joint and still count as non-decreasing (see `isNonDecreasing`). */
const WOBBLE = new Decimal("1e-24");

/**
 * Holds on [from, to): multiple = intercept + slope × attainment. A curve's
 * segments are contiguous from 0; the last has to = null.
 */
export interface CurveSegment {
  readonly from: Decimal;
  readonly to: Decimal | null;
  readonly intercept: Decimal;
  readonly slope: Decimal;
}

export interface PayoutCurve {
  readonly measure: string;
  readonly segments: readonly CurveSegment[];
  /** Payout multiple of target at an attainment (negative attainment pays as 0). */
  evaluate(attainment: Decimal): Decimal;
  /** Attainments where the curve changes slope or jumps (band edges, threshold, caps). */
  readonly breakpoints: readonly Decimal[];
  /** True when the curve never falls as attainment rises. */
  readonly nonDecreasing: boolean;
}

export function makeCurve(measure: string, segments: readonly CurveSegment[]): PayoutCurve {
  const breakpoints = segments.slice(1).map((s) => s.from);
  return {
    measure,
    segments,
    breakpoints,
    nonDecreasing: isNonDecreasing(segments),
    evaluate: (attainment) => valueAt(segments, attainment.isNeg() ? ZERO : attainment),
  };
}

export function valueAt(segments: readonly CurveSegment[], a: Decimal): Decimal {
  const s = segmentAt(segments, a);
  return s.intercept.plus(s.slope.times(a));
}

/** Value just below `a` (the left limit), to see jumps. */
export function valueBelow(segments: readonly CurveSegment[], a: Decimal): Decimal {
  let s = segments[0];
  for (let i = segments.length - 1; i > 0; i--) {
    if (a.gt(segments[i].from)) {
      s = segments[i];
      break;
    }
  }
  return s.intercept.plus(s.slope.times(a));
}

/** Drops empty segments and joins neighbours on one line. */
export function simplify(segments: readonly CurveSegment[]): CurveSegment[] {
  const out: CurveSegment[] = [];
  for (const s of segments) {
    if (s.to !== null && s.to.lte(s.from)) continue;
    const prev = out[out.length - 1];
    if (prev && prev.slope.eq(s.slope) && prev.intercept.eq(s.intercept)) out[out.length - 1] = { ...prev, to: s.to };
    else out.push(s);
  }
  return out;
}

function isNonDecreasing(segments: readonly CurveSegment[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.slope.isNeg()) return false;
    // A payout cap crossing lands on a rounded attainment: allow that last-digit wobble.
    if (i > 0 && valueAt(segments, s.from).lt(valueBelow(segments, s.from).minus(WOBBLE))) return false;
  }
  return true;
}

/** The sum of two curves (rate-stage mechanics add their money): breakpoints of both, slopes and intercepts added. */
export function addCurves(a: readonly CurveSegment[], b: readonly CurveSegment[]): CurveSegment[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const edges = [...a, ...b].map((s) => s.from).sort((x, y) => x.comparedTo(y));
  const froms = edges.filter((e, i) => i === 0 || !e.eq(edges[i - 1]));
  return froms.map((from, i) => {
    const sa = segmentAt(a, from);
    const sb = segmentAt(b, from);
    return {
      from,
      to: i + 1 < froms.length ? froms[i + 1] : null,
      intercept: sa.intercept.plus(sb.intercept),
      slope: sa.slope.plus(sb.slope),
    };
  });
}

function segmentAt(segments: readonly CurveSegment[], a: Decimal): CurveSegment {
  for (let i = segments.length - 1; i > 0; i--) if (a.gte(segments[i].from)) return segments[i];
  return segments[0];
}

/** The curve never above `cap`: flat at the cap wherever it would pass it (a payout cap, an annual cap). */
export function capCurve(segments: readonly CurveSegment[], cap: Decimal): CurveSegment[] {
  const out: CurveSegment[] = [];
  const flat = (from: Decimal, to: Decimal | null): CurveSegment => ({ from, to, intercept: cap, slope: ZERO });
  for (const s of segments) {
    const atFrom = s.intercept.plus(s.slope.times(s.from));
    const atTo = s.to === null ? null : s.intercept.plus(s.slope.times(s.to));
    const startsAbove = atFrom.gt(cap);
    const endsAbove = atTo === null ? s.slope.gt(ZERO) || (s.slope.isZero() && startsAbove) : atTo.gt(cap);
    if (!startsAbove && !endsAbove) out.push(s);
    else if (startsAbove && endsAbove) out.push(flat(s.from, s.to));
    else {
      const cross = cap.minus(s.intercept).div(s.slope);
      if (startsAbove) out.push(flat(s.from, cross), { ...s, from: cross });
      else out.push({ ...s, to: cross }, flat(cross, s.to));
    }
  }
  return out;
}

/** The curve at 0 below `threshold` and as it was from there up (a gate, an annual gate). */
export function gateCurve(segments: readonly CurveSegment[], threshold: Decimal): CurveSegment[] {
  if (!threshold.gt(ZERO)) return [...segments];
  const out: CurveSegment[] = [{ from: ZERO, to: threshold, intercept: ZERO, slope: ZERO }];
  for (const s of segments) {
    if (s.to !== null && s.to.lte(threshold)) continue;
    out.push(s.from.lt(threshold) ? { ...s, from: threshold } : s);
  }
  return out;
}

/**
 * A payout curve: attainment → payout as a multiple of target incentive, with
 * threshold and caps folded in. Piecewise linear (with jumps where a
 * retroactive table or a gate has them), so it can be evaluated anywhere,
 * rendered, and integrated exactly against attainment distributions.
 */

import { Decimal, ONE, ZERO } from "./decimal";
import { compileMeasureRule, type MeasureRule } from "./measureRule";
import type { MeasurePlan } from "./types";

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

/**
 * The curve of one measure for a rep-like context. Multiplier rates on
 * attainment need no context; Percent rates need the base commission rate
 * (BCR = target ÷ quota); Amount-basis bands also need the quota they are
 * measured against (default 1 keeps a curve per unit of quota).
 */
export function buildPayoutCurve(measure: MeasurePlan, bcr: Decimal, quota: Decimal = ONE): PayoutCurve {
  const rule = compileMeasureRule(measure);
  let segments = toAttainmentSpace(rule, bcr, quota);
  // Same order as a payout line: the gate looks at true attainment, so it is
  // applied after the attainment cap has flattened the top of the curve.
  if (measure.capAttainment !== null) segments = applyAttainmentCap(segments, measure.capAttainment);
  if (measure.threshold !== null && measure.threshold.gt(ZERO)) segments = applyGate(segments, measure.threshold);
  if (measure.capPayout !== null) segments = applyPayoutCap(segments, measure.capPayout);
  return makeCurve(measure.measure, simplify(segments));
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
  let s = segments[0];
  for (let i = segments.length - 1; i > 0; i--) {
    if (a.gte(segments[i].from)) {
      s = segments[i];
      break;
    }
  }
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

function toAttainmentSpace(rule: MeasureRule, bcr: Decimal, quota: Decimal): CurveSegment[] {
  // multiple(a) = k × y(c × a): see moneyAt in measureRule.ts for the four cases.
  const target = bcr.times(quota);
  const amountAxis = rule.axis === "Amount";
  const c = amountAxis ? quota : ONE;
  let k: Decimal;
  if (!amountAxis) k = rule.rateType === "Multiplier" ? ONE : ONE.div(bcr);
  else k = rule.rateType === "Multiplier" ? ONE.div(quota) : ONE.div(target);
  return rule.schedule.map((p) => ({
    from: p.from.div(c),
    to: p.to === null ? null : p.to.div(c),
    intercept: k.times(p.intercept),
    slope: k.times(p.slope).times(c),
  }));
}

function applyGate(segments: readonly CurveSegment[], threshold: Decimal): CurveSegment[] {
  const out: CurveSegment[] = [{ from: ZERO, to: threshold, intercept: ZERO, slope: ZERO }];
  for (const s of segments) {
    if (s.to !== null && s.to.lte(threshold)) continue;
    out.push(s.from.lt(threshold) ? { ...s, from: threshold } : s);
  }
  return out;
}

function applyAttainmentCap(segments: readonly CurveSegment[], cap: Decimal): CurveSegment[] {
  const out: CurveSegment[] = [];
  for (const s of segments) {
    if (s.from.gte(cap)) break;
    out.push(s.to === null || s.to.gt(cap) ? { ...s, to: cap } : s);
  }
  out.push({ from: cap, to: null, intercept: valueAt(segments, cap), slope: ZERO });
  return out;
}

function applyPayoutCap(segments: readonly CurveSegment[], cap: Decimal): CurveSegment[] {
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

function simplify(segments: readonly CurveSegment[]): CurveSegment[] {
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

import type { CurveSegment } from "../line/segments";
import { Decimal, ONE, ZERO } from "../decimal";
import { combineCurves } from "../realistic";

/** Break-evens are searched over this attainment range: 0% to 300%. */
export const BREAK_EVEN_LIMIT = new Decimal(3);

/**
 * Annual cash at a flat attainment a, as a piecewise-linear line in money:
 *   fixed + scale × curve(a)
 * with fixed = base + equity per year and scale = target variable (both
 * already in the currency the offers are compared in).
 */
export function cashLine(curve: readonly CurveSegment[], fixed: Decimal, scale: Decimal): CurveSegment[] {
  return curve.map((s) => ({ ...s, intercept: fixed.plus(scale.times(s.intercept)), slope: scale.times(s.slope) }));
}

export interface Crossing {
  readonly kind: "cross" | "none" | "identical";
  /** Attainments where the better offer changes, ascending. */
  readonly at: readonly Decimal[];
  /** Sign of (first − second) below the first crossing (or throughout): 1, −1, or 0 when identical. */
  readonly firstAhead: 1 | -1 | 0;
}

/**
 * Where two cash lines cross on [0, limit], exactly. Their difference is again
 * piecewise linear (combineCurves with weights 1 and −1), possibly with jumps
 * at gates and retroactive bands. Walking it left to right, a break-even is
 * where the sign changes: inside a segment at −intercept ÷ slope, or at a jump.
 * When the two are equal over a stretch before the sign changes, the
 * break-even is where the stretch begins. Touching without changing sides is
 * not a break-even: the same offer stays ahead.
 */
export function crossings(
  first: readonly CurveSegment[],
  second: readonly CurveSegment[],
  limit = BREAK_EVEN_LIMIT,
): Crossing {
  const diff = combineCurves([
    { weight: ONE, segments: first },
    { weight: ONE.neg(), segments: second },
  ]);
  const at: Decimal[] = [];
  let lastSign = 0;
  let firstSign = 0;
  let zeroFrom: Decimal | null = null;
  const visit = (x: Decimal, value: Decimal): void => {
    const sign = value.isZero() ? 0 : value.isNeg() ? -1 : 1;
    if (sign === 0) {
      zeroFrom ??= x;
      return;
    }
    if (lastSign !== 0 && sign !== lastSign) at.push(zeroFrom ?? x);
    if (firstSign === 0) firstSign = sign;
    lastSign = sign;
    zeroFrom = null;
  };
  for (const s of diff) {
    if (s.from.gt(limit)) break;
    const to = s.to === null || s.to.gt(limit) ? limit : s.to;
    visit(s.from, s.intercept.plus(s.slope.times(s.from)));
    if (s.slope.isZero()) continue;
    const root = s.intercept.neg().div(s.slope);
    if (root.gt(s.from) && root.lt(to)) visit(root, ZERO);
    // The value just below `to`: a jump at `to` is then seen against the next segment's start.
    visit(to, s.intercept.plus(s.slope.times(to)));
  }
  if (firstSign === 0) return { kind: "identical", at: [], firstAhead: 0 };
  return { kind: at.length > 0 ? "cross" : "none", at, firstAhead: firstSign as 1 | -1 };
}

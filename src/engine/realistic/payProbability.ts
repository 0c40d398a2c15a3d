import { Decimal, ONE, ZERO, max, min } from "../decimal";
import type { CurveSegment } from "../line/segments";
import { curveView } from "./curveView";
import type { AttainmentDistribution } from "./distribution";
import { lowerBound, massModel, type MassModel } from "./massModel";
import { normalAtLeastModel } from "./normalAtLeast";

/**
 * Probabilities about pay, computed exactly from the segments: on a segment
 * [a, b) paying i + s·x, the attainments where pay ≥ y (or ≤ y) form one
 * interval — all or nothing when s = 0, [x*, b) or [a, x*] with
 * x* = (y − i)/s otherwise — and its probability is a difference of masses.
 * Point masses (a sample, a Flat attainment, the Normal's censored mass at 0)
 * are tested by evaluating the pay itself, never through x*, so a rep exactly
 * at a boundary is never misplaced by rounding in the division.
 */
export type PaySide = "atLeast" | "atMost";

/** P(curve(A) ≥ y): with y = 1, the chance of reaching target incentive (OTE). */
export function probAtLeast(
  curve: { readonly segments: readonly CurveSegment[] },
  dist: AttainmentDistribution,
  y: Decimal,
): Decimal {
  return payProbability(curveView(curve).segments, massModel(dist), y, "atLeast");
}

const ATTAINMENT = { segments: [{ from: ZERO, to: null, intercept: ZERO, slope: ONE }] };

/** P(A ≥ x) for attainment itself: the share at or above quota (x = 1), or at a cap's start. */
export function probAttainmentAtLeast(dist: AttainmentDistribution, x: Decimal): Decimal {
  // A Normal's share above x > 0 needs its censored mass at 0 only to decide two roundings (normalAtLeast.ts).
  const fast = dist.kind === "Normal" && x.gt(ZERO) ? normalAtLeastModel(dist, x) : null;
  if (fast !== null) return payProbability(curveView(ATTAINMENT).segments, fast, x, "atLeast");
  return probAtLeast(ATTAINMENT, dist, x);
}

/** G(y) = P(curve(A) ≤ y), the distribution function of the payout multiple. */
export function probAtMost(
  curve: { readonly segments: readonly CurveSegment[] },
  dist: AttainmentDistribution,
  y: Decimal,
): Decimal {
  return payProbability(curveView(curve).segments, massModel(dist), y, "atMost");
}

export function payProbability(
  segments: readonly CurveSegment[],
  model: MassModel,
  y: Decimal,
  side: PaySide,
): Decimal {
  const holds = (s: CurveSegment, x: Decimal): boolean => {
    const pay = s.intercept.plus(s.slope.times(x));
    return side === "atLeast" ? pay.gte(y) : pay.lte(y);
  };
  let total = ZERO;
  const c = model.continuous;
  if (c !== null) {
    const massIn = (lo: Decimal, hi: Decimal | null): Decimal => c.mass(hi).minus(c.mass(lo));
    for (const s of segments) {
      if (s.slope.isZero()) {
        if (holds(s, s.from)) total = total.plus(massIn(s.from, s.to));
        continue;
      }
      const cross = y.minus(s.intercept).div(s.slope);
      // Pay rises with attainment on this segment iff slope > 0; "at least" then holds above the crossing.
      if (s.slope.gt(ZERO) === (side === "atLeast")) {
        const lo = max(s.from, cross);
        if (s.to === null || lo.lt(s.to)) total = total.plus(massIn(lo, s.to));
      } else {
        const hi = s.to === null ? cross : min(s.to, cross);
        if (hi.gt(s.from)) total = total.plus(massIn(s.from, hi));
      }
    }
  }
  const atoms = model.atoms;
  if (atoms !== null) {
    let weight = ZERO;
    for (const s of segments) {
      const lo = lowerBound(atoms.values, s.from);
      const hi = lowerBound(atoms.values, s.to);
      if (lo === hi) continue;
      // Within a segment the condition is monotone in x: it holds on a prefix or a suffix.
      const suffix = s.slope.isZero() ? null : s.slope.gt(ZERO) === (side === "atLeast");
      if (suffix === null) {
        if (holds(s, atoms.values[lo])) weight = weight.plus(atoms.cumWeight[hi].minus(atoms.cumWeight[lo]));
      } else if (suffix) {
        const k = firstIndex(lo, hi, (j) => holds(s, atoms.values[j]));
        weight = weight.plus(atoms.cumWeight[hi].minus(atoms.cumWeight[k]));
      } else {
        const k = firstIndex(lo, hi, (j) => !holds(s, atoms.values[j]));
        weight = weight.plus(atoms.cumWeight[k].minus(atoms.cumWeight[lo]));
      }
    }
    total = total.plus(weight.div(atoms.total));
  }
  // Differences of Φ values can stray 1e−34 outside [0, 1].
  return total.isNeg() ? ZERO : total.gt(ONE) ? ONE : total;
}

/** First j in [lo, hi) where `test` holds, for a test that is false then true; hi when never. */
function firstIndex(lo: number, hi: number, test: (j: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

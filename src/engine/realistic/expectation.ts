import { Decimal, ZERO } from "../decimal";
import type { CurveSegment } from "../line/segments";
import { curveView } from "./curveView";
import type { AttainmentDistribution } from "./distribution";
import { lowerBound, massModel, type MassModel } from "./massModel";

/**
 * E[curve(A)], the expected payout multiple of target incentive, exactly:
 * on each segment [a, b) the curve is i + s·x, so
 *   ∫_a^b (i + s·x) dP(x) = i·P(a ≤ A < b) + s·E[A · 1{a ≤ A < b}],
 * a mass and a partial first moment, both closed forms:
 *   Normal:    P = Φ(β) − Φ(α),  E = μ(Φ(β) − Φ(α)) − σ(φ(β) − φ(α)),  α, β = (a − μ)/σ, (b − μ)/σ
 *   LogNormal: P = Φ(β) − Φ(α) on ln-space,  E = e^(μ+σ²/2)[Φ((ln b − μ − σ²)/σ) − Φ((ln a − μ − σ²)/σ)]
 *   Empirical / Flat: exact weighted sums, from prefix sums over the sorted sample.
 */
export function expectedMultiple(
  curve: { readonly segments: readonly CurveSegment[] },
  dist: AttainmentDistribution,
): Decimal {
  return expectedMultipleOf(curveView(curve).segments, massModel(dist));
}

/** The expected attainment itself (the identity curve): censored at 0 as the distribution documents. */
export function expectedAttainment(dist: AttainmentDistribution): Decimal {
  return expectedAttainmentOf(massModel(dist));
}

export function expectedMultipleOf(segments: readonly CurveSegment[], model: MassModel): Decimal {
  let total = ZERO;
  const c = model.continuous;
  if (c !== null) {
    for (const s of segments) {
      const mass = c.mass(s.to).minus(c.mass(s.from));
      const moment = c.moment(s.to).minus(c.moment(s.from));
      total = total.plus(s.intercept.times(mass)).plus(s.slope.times(moment));
    }
  }
  const atoms = model.atoms;
  if (atoms !== null) {
    let weighted = ZERO;
    for (const s of segments) {
      const lo = lowerBound(atoms.values, s.from);
      const hi = lowerBound(atoms.values, s.to);
      if (lo === hi) continue;
      const weight = atoms.cumWeight[hi].minus(atoms.cumWeight[lo]);
      const moment = atoms.cumMoment[hi].minus(atoms.cumMoment[lo]);
      weighted = weighted.plus(s.intercept.times(weight)).plus(s.slope.times(moment));
    }
    // One division, last: an equal-weight sample averages exactly like Excel's AVERAGE.
    total = total.plus(weighted.div(atoms.total));
  }
  return total;
}

export function expectedAttainmentOf(model: MassModel): Decimal {
  let total = model.continuous === null ? ZERO : model.continuous.moment(null);
  const atoms = model.atoms;
  if (atoms !== null) total = total.plus(atoms.cumMoment[atoms.values.length].div(atoms.total));
  return total;
}

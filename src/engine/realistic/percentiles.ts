import { Decimal, ZERO } from "../decimal";
import type { CurveSegment } from "../line/segments";
import { curveView, type CurveView } from "./curveView";
import type { AttainmentDistribution, EmpiricalDistribution } from "./distribution";
import { massModel, type MassModel } from "./massModel";
import { quantileW } from "./normalQuantile";
import { payQuantileBySearch } from "./payQuantileSearch";
import { percentileInc } from "./percentileInc";
import { fromW, toW } from "./workingPrecision";
import { assertNever } from "../assertNever";

/**
 * Percentiles of attainment and of pay (P10/P50/P90 use q = 0.1/0.5/0.9).
 *
 * Attainment:
 *  - Normal (censored at 0): 0 while q ≤ Φ(−μ/σ), else μ + σ·Φ⁻¹(q).
 *  - LogNormal: exp(μ + σ·Φ⁻¹(q)).
 *  - Empirical: PERCENTILE.INC interpolation (see percentileInc.ts).
 * Pay, when the curve is non-decreasing: the curve at the attainment
 * percentile (a monotone map carries quantiles over). Otherwise:
 *  - Empirical: PERCENTILE.INC over the pay each sample point earns;
 *  - Normal / LogNormal: the least y with P(pay ≤ y) ≥ q, by bisection on the
 *    exact pay CDF (payQuantileSearch.ts).
 * For Normal and LogNormal, q must lie strictly between 0 and 1.
 */
export function attainmentPercentile(dist: AttainmentDistribution, q: Decimal): Decimal {
  return attainmentPercentileOf(dist, massModel(dist), q);
}

export function attainmentPercentileOf(dist: AttainmentDistribution, model: MassModel, q: Decimal): Decimal {
  switch (dist.kind) {
    case "Flat":
      return dist.attainment;
    case "Empirical":
      return percentileInc(dist.values, dist.cumWeight, q);
    case "Normal": {
      // The model holds the censored mass Φ(−μ/σ) as its one point mass, at 0.
      const censored = model.atoms === null ? ZERO : model.atoms.cumWeight[1];
      if (q.lte(censored)) return ZERO;
      return fromW(toW(dist.mu).plus(toW(dist.sigma).times(quantileW(toW(q)))));
    }
    case "LogNormal":
      return fromW(
        toW(dist.mu)
          .plus(toW(dist.sigma).times(quantileW(toW(q))))
          .exp(),
      );
    default:
      return assertNever(dist);
  }
}

export function payPercentile(
  curve: { readonly segments: readonly CurveSegment[] },
  dist: AttainmentDistribution,
  q: Decimal,
): Decimal {
  return payPercentileOf(curveView(curve), dist, massModel(dist), q);
}

export function payPercentileOf(curve: CurveView, dist: AttainmentDistribution, model: MassModel, q: Decimal): Decimal {
  if (curve.nonDecreasing || dist.kind === "Flat") return curve.evaluate(attainmentPercentileOf(dist, model, q));
  if (dist.kind === "Empirical") return samplePayPercentile(curve, dist, q);
  return payQuantileBySearch(curve.segments, model, q);
}

function samplePayPercentile(curve: CurveView, dist: EmpiricalDistribution, q: Decimal): Decimal {
  const pays = dist.values
    .map((v, k) => ({ pay: curve.evaluate(v), weight: dist.weights[k] }))
    .sort((a, b) => a.pay.comparedTo(b.pay));
  const cumWeight: Decimal[] = [ZERO];
  for (const p of pays) cumWeight.push(cumWeight[cumWeight.length - 1].plus(p.weight));
  return percentileInc(
    pays.map((p) => p.pay),
    cumWeight,
    q,
  );
}

import type { CurveSegment } from "../line/segments";
import type { AttainmentDistribution } from "./distribution";
import { assertNever } from "../assertNever";

/**
 * A string that is equal for two (curve, distribution) pairs exactly when
 * realisticOutcome gives the same result for them, so callers can compute
 * each unique pair once (10,000 reps × 5 scenarios share a handful of plan
 * curves and scenario distributions). Decimal toString is exact.
 * A large sample (the org's history) makes a long key: callers holding one
 * per scope may prefer to key on the scope instead.
 */
export function realisticKey(
  curve: { readonly segments: readonly CurveSegment[] },
  dist: AttainmentDistribution,
): string {
  return `${curveKey(curve.segments)}|${distributionKey(dist)}`;
}

export function curveKey(segments: readonly CurveSegment[]): string {
  return segments.map((s) => `${s.from.toString()}:${s.intercept.toString()}:${s.slope.toString()}`).join(";");
}

export function distributionKey(dist: AttainmentDistribution): string {
  switch (dist.kind) {
    case "Flat":
      return `F:${dist.attainment.toString()}`;
    case "Normal":
      return `N:${dist.mu.toString()}:${dist.sigma.toString()}`;
    case "LogNormal":
      return `L:${dist.mean.toString()}:${dist.sigma.toString()}`;
    case "Empirical":
      return `E:${dist.values.map((v, k) => `${v.toString()}*${dist.weights[k].toString()}`).join(",")}`;
    default:
      return assertNever(dist);
  }
}

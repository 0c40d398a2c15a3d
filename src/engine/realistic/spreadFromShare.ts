import { Decimal, ONE, ZERO } from "../decimal";
import { DistributionError, pct } from "./distributionError";
import { quantileW } from "./normalQuantile";
import { cdfW } from "./standardNormal";
import { fromW, toW } from "./workingPrecision";

/**
 * The spread that makes a given share of reps reach quota (attainment ≥ 1)
 * at a given mean — how comp teams usually state their spread ("mean 85%,
 * 30% of reps at plan"). Both solutions are closed forms, so there is no
 * iteration to fail; every impossible combination gets its own message.
 */

/**
 * Normal: share = 1 − Φ((1 − m)/σ)  ⇒  σ = (1 − m) / Φ⁻¹(1 − share).
 * Censoring at 0 leaves P(A ≥ 1) alone, so this holds exactly.
 */
export function normalSigmaFromShare(mean: Decimal, share: Decimal): Decimal {
  requireShare(share);
  const gap = ONE.minus(mean);
  if (gap.isZero()) {
    throw new DistributionError(
      "ShareAtQuota",
      "With mean attainment 100%, every Normal has exactly 50% of reps at quota: give StdDev instead of ShareAtQuota.",
    );
  }
  const z = quantileW(toW(ONE.minus(share)));
  if (z.isZero() || z.isNeg() !== gap.isNeg()) {
    throw new DistributionError(
      "ShareAtQuota",
      gap.gt(ZERO)
        ? `With mean attainment ${pct(mean)} (below quota), a Normal has fewer than 50% of reps at quota, so ShareAtQuota ${pct(share)} is impossible: lower the share or raise the mean.`
        : `With mean attainment ${pct(mean)} (above quota), a Normal has more than 50% of reps at quota, so ShareAtQuota ${pct(share)} is impossible: raise the share or lower the mean.`,
    );
  }
  return fromW(toW(gap).div(z));
}

/**
 * LogNormal with mean m: ln A ~ N(ln m − σ²/2, σ²), so
 *   share = P(A ≥ 1) = Φ(ln m / σ − σ / 2).
 * With z = Φ⁻¹(share) that is σ² + 2zσ − 2 ln m = 0, σ = −z ± √(z² + 2 ln m):
 *  - m > 1: the roots have opposite signs; the positive one always exists.
 *  - m = 1: σ = −2z, which needs share < 50%.
 *  - m < 1: share can be at most Φ(−√(−2 ln m)) (at σ = √(−2 ln m)); below
 *    that two spreads fit and we take the NARROWER one: the wider puts most
 *    reps near 0 with a runaway tail (mean 70%, 10% at quota: σ = 0.318,
 *    attainment sd ≈ 23%, versus σ = 2.25, sd ≈ 870%).
 * Roots are written as 2 ln m / (…) where the textbook form would cancel.
 */
export function logNormalSigmaFromShare(mean: Decimal, share: Decimal): Decimal {
  requireShare(share);
  const z = quantileW(toW(share));
  const lnM = toW(mean).ln();
  if (lnM.isZero()) {
    if (!z.isNeg()) {
      throw new DistributionError(
        "ShareAtQuota",
        `With mean attainment 100%, a LogNormal has fewer than 50% of reps at quota, so ShareAtQuota ${pct(share)} is impossible: use a Normal or raise the mean.`,
      );
    }
    return fromW(z.times(-2));
  }
  const discriminant = z.times(z).plus(lnM.times(2));
  if (lnM.gt(0)) return fromW(lnM.times(2).div(z.plus(discriminant.sqrt())));
  if (discriminant.isNeg() || !z.isNeg()) {
    const most = cdfW(lnM.times(-2).sqrt().neg());
    throw new DistributionError(
      "ShareAtQuota",
      `With mean attainment ${pct(mean)}, a LogNormal has at most ${pct(fromW(most))} of reps at quota, so ShareAtQuota ${pct(share)} is impossible: lower the share, raise the mean, or use a Normal.`,
    );
  }
  return fromW(lnM.times(-2).div(z.neg().plus(discriminant.sqrt())));
}

function requireShare(share: Decimal): void {
  if (!(share.gt(ZERO) && share.lt(ONE))) {
    throw new DistributionError(
      "ShareAtQuota",
      `ShareAtQuota must be strictly between 0% and 100%, got ${pct(share)}.`,
    );
  }
}

import { Decimal, ONE, ZERO } from "../decimal";
import { DistributionError, pct } from "./distributionError";
import { fromW, toW } from "./workingPrecision";

/**
 * An attainment distribution: what share of reps (or of a rep's periods)
 * lands at each attainment. Attainment is a fraction (1 = 100% of quota).
 *
 * ATTAINMENT IS NEVER NEGATIVE. Each kind keeps to that its own way:
 *  - Normal(μ, σ) is CENSORED at 0: the latent normal's mass below 0,
 *    P(X < 0) = Φ(−μ/σ), sits as a point mass at attainment 0 (which pays
 *    curve(0), like any rep with nothing credited). Above 0 nothing changes,
 *    so "share of reps at or above quota" = P(X ≥ 1) = 1 − Φ((1 − μ)/σ)
 *    exactly, and the spread fitted from that share keeps its meaning. The
 *    realised mean is E[max(X, 0)] = μ·Φ(μ/σ) + σ·φ(μ/σ), a hair above μ
 *    (under 1e−5 above it while μ/σ ≥ 3.5).
 *  - Empirical values below 0 (net clawbacks in a period) count as 0, for
 *    pay and for the expected attainment alike.
 *  - A Flat attainment below 0 is refused; LogNormal lives on (0, ∞).
 *
 * Values are plain readonly data so that callers can key caches on them.
 */
export type AttainmentDistribution =
  FlatDistribution | EmpiricalDistribution | NormalDistribution | LogNormalDistribution;

export interface FlatDistribution {
  readonly kind: "Flat";
  readonly attainment: Decimal;
}

/**
 * A weighted sample (equal weights for history: one point per rep × period).
 * Values are sorted ascending with zero weights dropped; the prefix sums make
 * the mass and first moment of any attainment interval two look-ups.
 */
export interface EmpiricalDistribution {
  readonly kind: "Empirical";
  readonly values: readonly Decimal[];
  readonly weights: readonly Decimal[];
  /** cumWeight[k] = Σ_{j<k} weights[j]; length n + 1. */
  readonly cumWeight: readonly Decimal[];
  /** cumMoment[k] = Σ_{j<k} weights[j] × values[j]; length n + 1. */
  readonly cumMoment: readonly Decimal[];
}

/** Latent normal N(μ, σ²), censored at 0 (see above). */
export interface NormalDistribution {
  readonly kind: "Normal";
  readonly mu: Decimal;
  readonly sigma: Decimal;
}

/** ln A ~ N(μ, σ²). `mean` = e^(μ + σ²/2), kept as given so it round-trips exactly. */
export interface LogNormalDistribution {
  readonly kind: "LogNormal";
  readonly mean: Decimal;
  readonly mu: Decimal;
  readonly sigma: Decimal;
}

export function flat(attainment: Decimal): FlatDistribution {
  if (attainment.isNeg()) {
    throw new DistributionError(
      "Attainment",
      `Attainment ${pct(attainment)} is negative; attainment cannot be below 0%.`,
    );
  }
  return { kind: "Flat", attainment };
}

/** A sample with equal weights, or with the given non-negative weights (same length). */
export function empirical(values: readonly Decimal[], weights?: readonly Decimal[]): EmpiricalDistribution {
  if (weights !== undefined && weights.length !== values.length) {
    throw new DistributionError("Weight", `Got ${weights.length} weights for ${values.length} attainments.`);
  }
  const points: { value: Decimal; weight: Decimal }[] = [];
  values.forEach((v, k) => {
    const weight = weights === undefined ? ONE : weights[k];
    if (weight.isNeg()) throw new DistributionError("Weight", `Weight ${weight.toString()} is negative.`);
    if (!weight.isZero()) points.push({ value: v.isNeg() ? ZERO : v, weight });
  });
  if (points.length === 0) {
    throw new DistributionError("AttainmentHistory", "No attainment history to build the distribution from.");
  }
  points.sort((a, b) => a.value.comparedTo(b.value));
  const cumWeight: Decimal[] = [ZERO];
  const cumMoment: Decimal[] = [ZERO];
  for (const p of points) {
    cumWeight.push(cumWeight[cumWeight.length - 1].plus(p.weight));
    cumMoment.push(cumMoment[cumMoment.length - 1].plus(p.weight.eq(ONE) ? p.value : p.weight.times(p.value)));
  }
  return {
    kind: "Empirical",
    values: points.map((p) => p.value),
    weights: points.map((p) => p.weight),
    cumWeight,
    cumMoment,
  };
}

export function normal(mu: Decimal, sigma: Decimal): NormalDistribution {
  if (!sigma.gt(ZERO)) throw new DistributionError("StdDev", `Standard deviation must be above 0, got ${pct(sigma)}.`);
  return { kind: "Normal", mu, sigma };
}

/**
 * LogNormal from the mean m and standard deviation s of attainment itself,
 * by moments: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
 */
export function logNormalFromMoments(mean: Decimal, sd: Decimal): LogNormalDistribution {
  requirePositiveMean(mean);
  if (!sd.gt(ZERO)) throw new DistributionError("StdDev", `Standard deviation must be above 0, got ${pct(sd)}.`);
  const cv = toW(sd).div(toW(mean));
  const sigma2 = cv.times(cv).plus(1).ln();
  return logNormalFromSigma(mean, fromW(sigma2.sqrt()));
}

/** LogNormal with mean m and log-space spread σ: μ = ln m − σ²/2. */
export function logNormalFromSigma(mean: Decimal, sigma: Decimal): LogNormalDistribution {
  requirePositiveMean(mean);
  if (!sigma.gt(ZERO))
    throw new DistributionError("StdDev", `Log-space spread must be above 0, got ${sigma.toString()}.`);
  const s = toW(sigma);
  const mu = toW(mean).ln().minus(s.times(s).div(2));
  return { kind: "LogNormal", mean, mu: fromW(mu), sigma };
}

/** Standard deviation of attainment under a LogNormal: m·√(e^(σ²) − 1). */
export function logNormalStdDev(d: LogNormalDistribution): Decimal {
  const s = toW(d.sigma);
  return fromW(toW(d.mean).times(s.times(s).exp().minus(1).sqrt()));
}

export function requirePositiveMean(mean: Decimal): void {
  if (!mean.gt(ZERO)) throw new DistributionError("Mean", `Mean attainment must be above 0%, got ${pct(mean)}.`);
}

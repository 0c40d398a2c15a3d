import type { AttainmentDistribution } from "../distribution";
import { detCdf, detExp, detLog, detNormal, detPdf, detQuantile } from "./detMath";
import { assertNever } from "../../assertNever";

/**
 * The year-level attainment distribution in doubles, for the period-swing
 * integration: point masses (a sample, a flat attainment, a Normal's mass
 * censored at 0) plus a density part on (0, ∞) with its CDF, partial first
 * moment and quantile. Mirrors massModel.ts, which does the same in exact
 * decimals for the closed forms.
 */
export interface FloatLevel {
  readonly atomValues: Float64Array;
  readonly atomProbs: Float64Array;
  readonly continuous: FloatDensity | null;
}

export interface FloatDensity {
  /** Total probability of the density part. */
  readonly mass: number;
  /** P(0 < L ≤ x) for x ≥ 0 (+∞ allowed). */
  cdf(x: number): number;
  /** E[L · 1{0 < L ≤ x}]. */
  moment(x: number): number;
  /** cdf(x) into out[0] and moment(x) into out[1] (the same numbers, their shared work done once). */
  cdfMoment(x: number, out: Float64Array): void;
  /** The u-quantile of the density part alone, 0 < u < 1. */
  quantile(u: number): number;
}

/** floatLevel once per distribution (shared objects; read only): a history's rep-years serve every plan. */
const levels = new WeakMap<AttainmentDistribution, FloatLevel>();

export function floatLevelOf(dist: AttainmentDistribution): FloatLevel {
  let level = levels.get(dist);
  if (!level) levels.set(dist, (level = floatLevel(dist)));
  return level;
}

/** A distribution built in doubles (a team's) hands its own level over, rather than be read back from its decimals. */
export function withFloatLevel<D extends AttainmentDistribution>(dist: D, level: FloatLevel): D {
  levels.set(dist, level);
  return dist;
}

/** P(L ≥ x) for x > 0: the point masses at or above x and the density's part above it. */
export function levelAtLeast(level: FloatLevel, x: number): number {
  let p = 0;
  for (let i = 0; i < level.atomValues.length; i++) if (level.atomValues[i] >= x) p += level.atomProbs[i];
  const d = level.continuous;
  // Masses that add up to 1 in exact arithmetic may pass it by an ulp in doubles.
  return Math.min(1, d === null ? p : p + Math.max(0, d.mass - d.cdf(x)));
}

export function floatLevel(dist: AttainmentDistribution): FloatLevel {
  switch (dist.kind) {
    case "Flat":
      return {
        atomValues: Float64Array.of(dist.attainment.toNumber()),
        atomProbs: Float64Array.of(1),
        continuous: null,
      };
    case "Empirical": {
      const total = dist.cumWeight[dist.values.length].toNumber();
      return {
        atomValues: Float64Array.from(dist.values, (v) => v.toNumber()),
        atomProbs: Float64Array.from(dist.weights, (w) => w.toNumber() / total),
        continuous: null,
      };
    }
    case "Normal": {
      const mu = dist.mu.toNumber();
      const sigma = dist.sigma.toNumber();
      const z0 = -mu / sigma;
      const p0 = detCdf(z0);
      const m0 = mu * p0 - sigma * detPdf(z0);
      const normalAt = new Float64Array(2);
      const continuous: FloatDensity = {
        mass: 1 - p0,
        cdf: (x) => (x === Infinity ? 1 - p0 : detCdf((x - mu) / sigma) - p0),
        moment: (x) => {
          if (x === Infinity) return mu - m0;
          const z = (x - mu) / sigma;
          return mu * detCdf(z) - sigma * detPdf(z) - m0;
        },
        cdfMoment: (x, out) => {
          if (x === Infinity) {
            out[0] = 1 - p0;
            out[1] = mu - m0;
            return;
          }
          detNormal((x - mu) / sigma, normalAt);
          out[0] = normalAt[0] - p0;
          out[1] = mu * normalAt[0] - sigma * normalAt[1] - m0;
        },
        quantile: (u) => mu + sigma * detQuantile(p0 + u * (1 - p0)),
      };
      return { atomValues: Float64Array.of(0), atomProbs: Float64Array.of(p0), continuous };
    }
    case "LogNormal": {
      const mu = dist.mu.toNumber();
      const sigma = dist.sigma.toNumber();
      const mean = dist.mean.toNumber();
      const continuous: FloatDensity = {
        mass: 1,
        cdf: (x) => (x === Infinity ? 1 : x <= 0 ? 0 : detCdf((detLog(x) - mu) / sigma)),
        moment: (x) => (x === Infinity ? mean : x <= 0 ? 0 : mean * detCdf((detLog(x) - mu - sigma * sigma) / sigma)),
        cdfMoment: (x, out) => {
          if (x === Infinity) {
            out[0] = 1;
            out[1] = mean;
          } else if (x <= 0) {
            out[0] = 0;
            out[1] = 0;
          } else {
            const log = detLog(x);
            out[0] = detCdf((log - mu) / sigma);
            out[1] = mean * detCdf((log - mu - sigma * sigma) / sigma);
          }
        },
        quantile: (u) => detExp(mu + sigma * detQuantile(u)),
      };
      return { atomValues: new Float64Array(0), atomProbs: new Float64Array(0), continuous };
    }
    default:
      return assertNever(dist);
  }
}

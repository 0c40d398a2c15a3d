import type { CurveSegment } from "../../line/segments";
import type { AttainmentDistribution } from "../distribution";
import { assertNever } from "../../assertNever";

/**
 * A Monte Carlo simulation of the same model in plain JS floats — what
 * competitors ship. It exists only as an independent oracle for tests and
 * for bench/realistic.ts; the engine never calls it (money never passes
 * through a JS number there). Seeded, so every run draws the same numbers.
 */

// Bound once: global look-ups are slow inside jest's vm sandbox, and these run millions of times.
const { cos, exp, imul, log, max, sin, sqrt, PI } = Math;

/** mulberry32: a small, fast 32-bit PRNG; uniforms in (0, 1). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller, both values of each pair used. */
export function seededNormal(seed: number): () => number {
  const u = seededUniform(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const r = sqrt(-2 * log(u()));
    const t = 2 * PI * u();
    spare = r * sin(t);
    return r * cos(t);
  };
}

/** Attainment draws, with the same conventions as the exact model (Normal censored at 0). */
export function attainmentSampler(dist: AttainmentDistribution, seed: number): () => number {
  const z = seededNormal(seed);
  const { floor } = Math;
  switch (dist.kind) {
    case "Flat": {
      const a = dist.attainment.toNumber();
      return () => a;
    }
    case "Normal": {
      const mu = dist.mu.toNumber();
      const sigma = dist.sigma.toNumber();
      return () => max(0, mu + sigma * z());
    }
    case "LogNormal": {
      const mu = dist.mu.toNumber();
      const sigma = dist.sigma.toNumber();
      return () => exp(mu + sigma * z());
    }
    case "Empirical": {
      const u = seededUniform(seed);
      const values = dist.values.map((v) => v.toNumber());
      if (dist.weights.every((w) => w.eq(dist.weights[0]))) return () => values[floor(u() * values.length)];
      const total = dist.cumWeight[values.length].toNumber();
      const cum = dist.cumWeight.slice(1).map((w) => w.toNumber() / total);
      return () => {
        const r = u();
        let lo = 0;
        let hi = values.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cum[mid] < r) lo = mid + 1;
          else hi = mid;
        }
        return values[lo];
      };
    }
    default:
      return assertNever(dist);
  }
}

/** The payout curve in floats. */
export function floatCurve(segments: readonly CurveSegment[]): (a: number) => number {
  const from = segments.map((s) => s.from.toNumber());
  const intercept = segments.map((s) => s.intercept.toNumber());
  const slope = segments.map((s) => s.slope.toNumber());
  return (a) => {
    let k = from.length - 1;
    while (k > 0 && a < from[k]) k--;
    return intercept[k] + slope[k] * a;
  };
}

export interface MonteCarloResult {
  readonly mean: number;
  /** Standard deviation of the payout multiple across draws. */
  readonly sd: number;
  /** Share of draws paying at least 1× target. */
  readonly probAtOrAboveTarget: number;
}

export function monteCarlo(
  segments: readonly CurveSegment[],
  dist: AttainmentDistribution,
  draws: number,
  seed: number,
): MonteCarloResult {
  const pay = floatCurve(segments);
  const sample = attainmentSampler(dist, seed);
  let sum = 0;
  let sumSq = 0;
  let hits = 0;
  for (let k = 0; k < draws; k++) {
    const y = pay(sample());
    sum += y;
    sumSq += y * y;
    if (y >= 1) hits++;
  }
  const mean = sum / draws;
  return { mean, sd: sqrt(max(0, sumSq / draws - mean * mean)), probAtOrAboveTarget: hits / draws };
}

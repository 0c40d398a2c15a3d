import type { CurveSegment } from "../../curve";
import type { AttainmentDistribution } from "../distribution";
import { swingScale, type PeriodSwing } from "../swing/periodSwing";
import type { YearPay } from "../swing/swingOutcome";
import { attainmentSampler, floatCurve, seededNormal } from "./monteCarlo";

/**
 * A plain Monte Carlo of the two-level realistic model, in JS floats, written
 * from the model's description alone — an independent oracle for tests and
 * for bench/realistic.ts (the engine never calls it). Per draw:
 *  - the year level L from the distribution (attainmentSampler: Normal
 *    censored at 0, LogNormal, Empirical by weight, Flat);
 *  - a Gaussian AR(1) path x (x₁ = z₁, x_p = ρx_{p−1} + √(1 − ρ²)z_p),
 *    centred and scaled, d = σ(x − x̄), σ from swingScale(n, swing);
 *  - period attainments A_p = max(0, L(1 + d_p));
 *  - the pay multiple M:
 *      per-period plan      (1/n) Σ_p c(A_p), c = the period curve;
 *      cumulative, hold     max_k (k/n)·c_k(max(0, L(1 + mean(d₁..d_k)))) —
 *                           negative true-ups are kept, so the year pays the
 *                           most the YTD payout ever reached;
 *      cumulative, clawback c_n(L) — the year-end YTD payout (Σ d = 0).
 * "Capped" is some period's attainment at or above capStart for a per-period
 * plan, and the year's attainment L at or above it for a cumulative one.
 *
 * Quantiles are read off the sorted draws (a Float64Array: 8 bytes a draw,
 * 80 MB for 10,000,000), the least draw with at least a share q of the draws
 * at or below it — exact for the sample, no histogram.
 *
 * The plain mean's standard error is sd/√N, about 1e−4 of target at 10⁷ draws:
 * most of the spread of M is the spread of L, which the closed forms integrate
 * exactly. To resolve a cent-level difference, `control` takes a function of
 * L alone with its exact mean — c(L), the plan paid on the year's level, whose
 * E is the exact closed form — and returns the control-variate estimate
 * mean(M) − β(mean(X) − E[X]), β by least squares; its standard error
 * sd(M − βX)/√N only carries the swing's own effect.
 */
export interface SwingMonteCarloOptions {
  readonly draws: number;
  readonly seed: number;
  /** Keep the draws for P10/P50/P90 (8 bytes a draw); false streams and returns NaN for them. Default true. */
  readonly quantiles?: boolean;
  /** Control variate X = c(L) for a curve c of the year level, with its exact mean. */
  readonly control?: { readonly segments: readonly CurveSegment[]; readonly mean: number };
}

export interface SwingMonteCarloResult {
  readonly draws: number;
  /** Mean payout multiple (of target variable) and its standard error, sd/√draws. */
  readonly mean: number;
  readonly stdError: number;
  /** Standard deviation of the multiple across draws. */
  readonly sd: number;
  /** Share of draws paying at least 1× target (reaching OTE). */
  readonly probAtOrAboveTarget: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Share of draws capped (see above); null when capStart is null. */
  readonly probCapped: number | null;
  /** The control-variate estimate of the mean, when a control was given. */
  readonly controlled: { readonly mean: number; readonly stdError: number; readonly beta: number } | null;
}

/** Bound once: global look-ups are slow inside jest's vm sandbox. */
const { ceil, max, sqrt } = Math;

export function swingMonteCarlo(
  pay: YearPay,
  dist: AttainmentDistribution,
  swing: PeriodSwing,
  capStart: number | null,
  options: SwingMonteCarloOptions,
): SwingMonteCarloResult {
  const { draws, seed } = options;
  const n = pay.periods;
  const keep = options.quantiles ?? true;
  const out = keep ? new Float64Array(draws) : null;
  const level = attainmentSampler(dist, seed);
  const z = seededNormal((seed ^ 0x5bd1e995) >>> 0);
  const rho = swing.correlation.toNumber();
  const innovation = sqrt(1 - rho * rho);
  const sigma = n > 1 ? swingScale(n, swing).sigma : 0;
  const swung = sigma > 0;
  const period = floatCurve(pay.periodCurve);
  const ytd = pay.ytd;
  const ytdCurves = ytd?.curves.map((c) => floatCurve(c)) ?? null;
  const hold = ytd !== null && ytd.hold;
  const yearEnd = ytdCurves === null ? period : ytdCurves[n - 1];
  const control = options.control ? floatCurve(options.control.segments) : null;
  const cap = capStart ?? Infinity;
  const x = new Float64Array(n);

  let sum = 0;
  let sumSq = 0;
  let hits = 0;
  let capped = 0;
  // Control-variate sums, centred on the first draw's values for stability.
  let sx = 0;
  let sxx = 0;
  let sxy = 0;
  let shiftX = NaN;
  let shiftY = NaN;
  for (let k = 0; k < draws; k++) {
    const L = level();
    let m: number;
    let top = L;
    if (swung && (ytd === null || hold)) {
      let xs = 0;
      for (let p = 0; p < n; p++) {
        x[p] = p === 0 ? z() : rho * x[p - 1] + innovation * z();
        xs += x[p];
      }
      const xbar = xs / n;
      if (ytd === null) {
        m = 0;
        top = 0;
        for (let p = 0; p < n; p++) {
          const a = max(0, L * (1 + sigma * (x[p] - xbar)));
          if (a > top) top = a;
          m += period(a);
        }
        m /= n;
      } else {
        m = -Infinity;
        let cum = 0;
        for (let p = 0; p < n; p++) {
          cum += sigma * (x[p] - xbar);
          const a = max(0, L * (1 + cum / (p + 1)));
          const v = (((p + 1) / n) * (ytdCurves as ((a: number) => number)[])[p](a)) as number;
          if (v > m) m = v;
        }
      }
    } else {
      // No swing reaches the pay: one period, no spread, or a clawed-back cumulative plan.
      m = yearEnd(L);
    }
    if (out !== null) out[k] = m;
    sum += m;
    sumSq += m * m;
    if (m >= 1 - 1e-12) hits++;
    if (top >= cap) capped++;
    if (control !== null) {
      const cx = control(L);
      if (k === 0) {
        shiftX = cx;
        shiftY = m;
      }
      const u = cx - shiftX;
      sx += u;
      sxx += u * u;
      sxy += u * (m - shiftY);
    }
  }
  const mean = sum / draws;
  const variance = max(0, sumSq / draws - mean * mean);
  const sd = sqrt(variance);
  let p10 = NaN;
  let p50 = NaN;
  let p90 = NaN;
  if (out !== null) {
    out.sort();
    const q = (share: number) => out[max(0, ceil(share * draws - 1e-9) - 1)];
    p10 = q(0.1);
    p50 = q(0.5);
    p90 = q(0.9);
  }
  let controlled: SwingMonteCarloResult["controlled"] = null;
  if (options.control) {
    const mx = sx / draws;
    const vx = max(0, sxx / draws - mx * mx);
    const my = mean - shiftY;
    const cxy = sxy / draws - mx * my;
    const beta = vx > 0 ? cxy / vx : 0;
    const residual = max(0, variance - 2 * beta * cxy + beta * beta * vx);
    controlled = {
      mean: mean - beta * (mx + shiftX - options.control.mean),
      stdError: sqrt(residual / draws),
      beta,
    };
  }
  return {
    draws,
    mean,
    stdError: sd / sqrt(draws),
    sd,
    probAtOrAboveTarget: hits / draws,
    p10,
    p50,
    p90,
    probCapped: capStart === null ? null : capped / draws,
    controlled,
  };
}

// ---------------------------------------------------------------------------------------------
// PROTOTYPE conditional estimator
const { exp, log } = Math;
const LOG_SQRT_2PI = 0.91893853320467274178;

/** Φ(x) by Marsaglia's series (2004): absolute error about 1e−15. */
export function phiCdf(x: number): number {
  if (x < -12) return 0;
  if (x > 12) return 1;
  const q = x * x;
  let s = x;
  let t = 0;
  let b = x;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return 0.5 + s * exp(-0.5 * q - LOG_SQRT_2PI);
}

/** P(L < x) and E[L; L < x] written into out[0], out[1]. */
type Below = (x: number, out: Float64Array) => void;

export function levelBelow(dist: AttainmentDistribution): { below: Below; mean: number } {
  switch (dist.kind) {
    case "Flat": {
      const v = dist.attainment.toNumber();
      return {
        mean: v,
        below: (x, out) => {
          out[0] = v < x ? 1 : 0;
          out[1] = v < x ? v : 0;
        },
      };
    }
    case "Empirical": {
      const m = dist.values.length;
      const total = dist.cumWeight[m].toNumber();
      const values = Float64Array.from(dist.values, (v) => v.toNumber());
      const cw = new Float64Array(m + 1);
      const cm = new Float64Array(m + 1);
      for (let k = 0; k < m; k++) {
        const w = dist.weights[k].toNumber() / total;
        cw[k + 1] = cw[k] + w;
        cm[k + 1] = cm[k] + w * values[k];
      }
      return {
        mean: cm[m],
        below: (x, out) => {
          let lo = 0;
          let hi = m;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (values[mid] < x) lo = mid + 1;
            else hi = mid;
          }
          out[0] = cw[lo];
          out[1] = cm[lo];
        },
      };
    }
    case "Normal": {
      const mu = dist.mu.toNumber();
      const s = dist.sigma.toNumber();
      const z0 = -mu / s;
      const g0 = mu * phiCdf(z0) - s * exp(-0.5 * z0 * z0 - LOG_SQRT_2PI);
      const mean = mu - g0;
      return {
        mean,
        below: (x, out) => {
          if (x <= 0) {
            out[0] = 0;
            out[1] = 0;
          } else if (x === Infinity) {
            out[0] = 1;
            out[1] = mean;
          } else {
            const z = (x - mu) / s;
            const c = phiCdf(z);
            out[0] = c;
            out[1] = mu * c - s * exp(-0.5 * z * z - LOG_SQRT_2PI) - g0;
          }
        },
      };
    }
    case "LogNormal": {
      const mu = dist.mu.toNumber();
      const s = dist.sigma.toNumber();
      const mean = exp(mu + 0.5 * s * s);
      return {
        mean,
        below: (x, out) => {
          if (x <= 0) {
            out[0] = 0;
            out[1] = 0;
          } else if (x === Infinity) {
            out[0] = 1;
            out[1] = mean;
          } else {
            const z = (log(x) - mu) / s;
            out[0] = phiCdf(z);
            out[1] = mean * phiCdf(z - s);
          }
        },
      };
    }
  }
}

interface Piecewise {
  readonly from: Float64Array;
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
}
function piecewise(segments: readonly CurveSegment[]): Piecewise {
  return {
    from: Float64Array.from(segments, (s) => s.from.toNumber()),
    intercept: Float64Array.from(segments, (s) => s.intercept.toNumber()),
    slope: Float64Array.from(segments, (s) => s.slope.toNumber()),
  };
}

export function conditionalPaths(
  pay: YearPay,
  dist: AttainmentDistribution,
  swing: PeriodSwing,
  paths: number,
  seed: number,
): { h: Float64Array; q: Float64Array; qMean: number } {
  const n = pay.periods;
  const z = seededNormal(seed);
  const rho = swing.correlation.toNumber();
  const innovation = sqrt(1 - rho * rho);
  const sigma = swingScale(n, swing).sigma;
  const { below } = levelBelow(dist);
  const out = new Float64Array(2);
  const c = piecewise(pay.periodCurve);
  const S = c.from.length;
  const x = new Float64Array(n);
  const dd = new Float64Array(n);
  const h = new Float64Array(paths);
  const qv = new Float64Array(paths);
  // E[mean_p d_p²] = σ²(1 − Σ_ij ρ^|i−j| / n²)
  let sumR = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sumR += rho ** Math.abs(i - j);
  const qMean = sigma * sigma * (1 - sumR / (n * n));
  const hOf = (f: number): number => {
    if (f <= 0) return c.intercept[0];
    let total = 0;
    let pF = 0;
    let pG = 0;
    for (let j = 0; j < S; j++) {
      below(j + 1 < S ? c.from[j + 1] / f : Infinity, out);
      total += c.intercept[j] * (out[0] - pF) + c.slope[j] * f * (out[1] - pG);
      pF = out[0];
      pG = out[1];
    }
    return total;
  };
  for (let k = 0; k < paths; k++) {
    let xs = 0;
    for (let p = 0; p < n; p++) {
      x[p] = p === 0 ? z() : rho * x[p - 1] + innovation * z();
      xs += x[p];
    }
    const xbar = xs / n;
    let qq = 0;
    for (let p = 0; p < n; p++) {
      dd[p] = sigma * (x[p] - xbar);
      qq += dd[p] * dd[p];
    }
    qv[k] = qq / n;
    if (pay.ytd === null) {
      let m = 0;
      for (let p = 0; p < n; p++) m += hOf(1 + dd[p]);
      h[k] = m / n;
    } else {
      h[k] = holdMean(pay, below, out, dd, n);
    }
  }
  return { h, q: qv, qMean };
}

const holdCurves = new WeakMap<YearPay, Piecewise[]>();
function holdMean(pay: YearPay, below: Below, out: Float64Array, dd: Float64Array, n: number): number {
  let curves = holdCurves.get(pay);
  if (!curves) {
    curves = pay.ytd!.curves.map(piecewise);
    holdCurves.set(pay, curves);
  }
  const g = new Float64Array(n);
  let cum = 0;
  const xs: number[] = [0];
  for (let k = 0; k < n; k++) {
    cum += dd[k];
    g[k] = max(0, 1 + cum / (k + 1));
    if (g[k] > 0) for (let j = 1; j < curves[k].from.length; j++) xs.push(curves[k].from[j] / g[k]);
  }
  xs.sort((a, b) => a - b);
  xs.push(Infinity);
  const alpha = new Float64Array(n);
  const beta = new Float64Array(n);
  let total = 0;
  below(0, out);
  let pF = out[0];
  let pG = out[1];
  for (let i = 0; i + 1 < xs.length; i++) {
    const lo = xs[i];
    const hi = xs[i + 1];
    if (!(hi > lo)) continue;
    const mid = hi === Infinity ? lo + 1 : 0.5 * (lo + hi);
    for (let k = 0; k < n; k++) {
      const c = curves[k];
      const a = mid * g[k];
      let j = c.from.length - 1;
      while (j > 0 && a < c.from[j]) j--;
      alpha[k] = ((k + 1) / n) * c.intercept[j];
      beta[k] = ((k + 1) / n) * c.slope[j] * g[k];
    }
    const ts: number[] = [lo];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        if (beta[a] === beta[b]) continue;
        const t = (alpha[b] - alpha[a]) / (beta[a] - beta[b]);
        if (t > lo && t < hi) ts.push(t);
      }
    ts.sort((a, b) => a - b);
    ts.push(hi);
    for (let s = 0; s + 1 < ts.length; s++) {
      const a0 = ts[s];
      const a1 = ts[s + 1];
      const m = a1 === Infinity ? a0 + 1 : 0.5 * (a0 + a1);
      let best = 0;
      let bv = -Infinity;
      for (let k = 0; k < n; k++) {
        const v = alpha[k] + beta[k] * m;
        if (v > bv) {
          bv = v;
          best = k;
        }
      }
      below(a1, out);
      total += alpha[best] * (out[0] - pF) + beta[best] * (out[1] - pG);
      pF = out[0];
      pG = out[1];
    }
  }
  return total;
}

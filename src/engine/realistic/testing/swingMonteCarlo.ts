import type { CurveSegment } from "../../line/segments";
import type { AttainmentDistribution } from "../distribution";
import { swingScale, type PeriodSwing } from "../swing/periodSwing";
import type { YearPay } from "../swing/swingOutcome";
import { attainmentSampler, floatCurve, seededNormal, seededUniform } from "./monteCarlo";
import { assertNever } from "../../assertNever";

/**
 * Monte Carlo of the two-level realistic model in JS floats, written from the
 * model's description alone — an independent oracle for tests and for
 * bench/realistic.ts; the engine never calls it. Only σ comes from the engine
 * (swingScale). The model, per rep-year:
 *  - the year level L from the distribution (Normal censored at 0, LogNormal,
 *    Empirical by weight, Flat);
 *  - a Gaussian AR(1) path x (x₁ = z₁, x_p = ρx_{p−1} + √(1 − ρ²)z_p), centred
 *    and scaled: d = σ(x − x̄);
 *  - period attainments A_p = max(0, L(1 + d_p));
 *  - the pay multiple M (of target variable):
 *      per-period plan       (1/n) Σ_p c(A_p), c the period curve;
 *      cumulative, hold      max_k (k/n)·c_k(max(0, L(1 + mean(d₁..d_k)))): negative
 *                            true-ups are kept, so the year pays the most its YTD payout reached;
 *      cumulative, clawback  c_n(L), the year-end YTD payout (the swings sum to 0).
 *
 * Two estimators:
 *
 * swingMonteCarlo — plain: draws (L, x) and records M. Mean, P(M ≥ 1),
 * P10/P50/P90 read off the sorted draws (a Float64Array, 8 bytes a draw: 80 MB
 * at 10,000,000; exact order statistics, no histogram), P(capped): some
 * period's attainment at or above capStart for a per-period plan, the year's
 * level for a cumulative one. Its mean carries sd/√N ≈ 1e−4 of target at 10⁷
 * draws — most of M's spread is L's.
 *
 * swingMeanMonteCarlo — the mean alone, to a few cents per 100,000 of target:
 * the year level is integrated exactly (closed forms in floats: Φ by
 * Marsaglia's series, sums over a sample's values) and only the swing is
 * sampled:
 *  - per-period plan: the expectation is linear in the periods, so each
 *    period's swing enters only through its marginal d_p ~ N(0, s_p²)
 *    (s_p from the AR(1) covariance, worked out here); that one-dimensional
 *    normal is sampled by stratification (two uniform points in each of N
 *    equal cells of z ∈ [−8.5, 8.5], weighted by the normal density), whose
 *    standard error is estimated from the pairs;
 *  - cumulative with hold: N whole paths; for each, E over L of the max of
 *    the YTD lines is integrated exactly (the upper envelope of piecewise
 *    linear functions of L), and the path-to-path noise is cut by control
 *    variates with exact means: max(0, m_k) and m_k² for the YTD mean swings
 *    m_k, and the mean squared swing;
 *  - no swing (one period, no spread, clawback): E[c(L)], no sampling.
 */

/** Bound once: global look-ups are slow inside jest's vm sandbox, and these run many millions of times. */
const { abs, ceil, exp, log, max, min, sqrt, PI } = Math;

export interface SwingMonteCarloResult {
  readonly draws: number;
  /** Mean payout multiple of target variable, its standard error sd/√draws, and the sd. */
  readonly mean: number;
  readonly stdError: number;
  readonly sd: number;
  /** Share of draws paying at least 1× target (reaching OTE). */
  readonly probAtOrAboveTarget: number;
  /** NaN when the draws were not kept. */
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Standard errors of P10/P50/P90 from the order statistics around them (±1 sd of the rank). */
  readonly quantileStdError: { readonly p10: number; readonly p50: number; readonly p90: number };
  /** Null when capStart is null. */
  readonly probCapped: number | null;
}

export interface SwingMonteCarloOptions {
  readonly draws: number;
  readonly seed: number;
  /** Keep the draws for P10/P50/P90 (8 bytes a draw). Default true. */
  readonly quantiles?: boolean;
}

/** Is any swing felt by the pay? (One period, no spread, or clawed-back YTD: no.) */
function swingFelt(pay: YearPay, sigma: number): boolean {
  return pay.periods > 1 && sigma > 0 && (pay.ytd === null || pay.ytd.hold);
}

function sigmaOf(n: number, swing: PeriodSwing): number {
  return n > 1 ? swingScale(n, swing).sigma : 0;
}

export function swingMonteCarlo(
  pay: YearPay,
  dist: AttainmentDistribution,
  swing: PeriodSwing,
  capStart: number | null,
  options: SwingMonteCarloOptions,
): SwingMonteCarloResult {
  const { draws, seed } = options;
  const n = pay.periods;
  const out = (options.quantiles ?? true) ? new Float64Array(draws) : null;
  const level = attainmentSampler(dist, seed);
  const z = seededNormal((seed ^ 0x5bd1e995) >>> 0);
  const rho = swing.correlation.toNumber();
  const innovation = sqrt(1 - rho * rho);
  const sigma = sigmaOf(n, swing);
  const swung = swingFelt(pay, sigma);
  const period = floatCurve(pay.periodCurve);
  const ytd = pay.ytd === null ? null : pay.ytd.curves.map((c) => floatCurve(c));
  const yearEnd = ytd === null ? period : ytd[n - 1];
  const cap = capStart ?? Infinity;
  const x = new Float64Array(n);

  // Sums of m − (the first draw), for a variance free of cancellation.
  let shift = 0;
  let sum = 0;
  let sumSq = 0;
  let hits = 0;
  let capped = 0;
  for (let k = 0; k < draws; k++) {
    const L = level();
    let m: number;
    let top = L;
    if (swung) {
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
          const v = ((p + 1) / n) * ytd[p](max(0, L * (1 + cum / (p + 1))));
          if (v > m) m = v;
        }
      }
    } else {
      m = yearEnd(L);
    }
    if (out !== null) out[k] = m;
    if (k === 0) shift = m;
    sum += m - shift;
    sumSq += (m - shift) * (m - shift);
    if (m >= 1 - 1e-12) hits++;
    if (top >= cap) capped++;
  }
  const shifted = sum / draws;
  const mean = shift + shifted;
  const sd = sqrt(max(0, sumSq / draws - shifted * shifted));
  const quantile = (q: number): { value: number; se: number } => {
    if (out === null) return { value: NaN, se: NaN };
    const k = max(0, ceil(q * draws - 1e-9) - 1);
    const spread = ceil(sqrt(draws * q * (1 - q)));
    return { value: out[k], se: (out[min(draws - 1, k + spread)] - out[max(0, k - spread)]) / 2 };
  };
  if (out !== null) out.sort();
  const [q10, q50, q90] = [quantile(0.1), quantile(0.5), quantile(0.9)];
  return {
    draws,
    mean,
    stdError: sd / sqrt(draws),
    sd,
    probAtOrAboveTarget: hits / draws,
    p10: q10.value,
    p50: q50.value,
    p90: q90.value,
    quantileStdError: { p10: q10.se, p50: q50.se, p90: q90.se },
    probCapped: capStart === null ? null : capped / draws,
  };
}

// ---------------------------------------------------------------------------------------------
// The mean, with the year level integrated exactly.

export interface SwingMeanResult {
  readonly mean: number;
  readonly stdError: number;
  /** "exact": no swing reaches the pay; "stratified": per-period; "conditional": YTD with hold. */
  readonly method: "exact" | "stratified" | "conditional";
  /** Normal cells per distinct period swing (stratified) or swing paths (conditional); 0 for exact. */
  readonly samples: number;
}

export interface SwingMeanOptions {
  readonly seed: number;
  /** Cells per distinct period swing (per-period plans). Default 100,000. */
  readonly cells?: number;
  /** Swing paths (cumulative plans with hold). Default 1,000,000. */
  readonly paths?: number;
}

export function swingMeanMonteCarlo(
  pay: YearPay,
  dist: AttainmentDistribution,
  swing: PeriodSwing,
  options: SwingMeanOptions,
): SwingMeanResult {
  const n = pay.periods;
  const sigma = sigmaOf(n, swing);
  const levels = levelMeasure(dist);
  if (!swingFelt(pay, sigma)) {
    const yearEnd = piecewise(pay.ytd === null ? pay.periodCurve : pay.ytd.curves[n - 1]);
    return { mean: scaledExpectation(yearEnd, levels, 1), stdError: 0, method: "exact", samples: 0 };
  }
  const rho = swing.correlation.toNumber();
  if (pay.ytd === null) return perPeriodMean(pay, levels, sigma, rho, options.cells ?? 100_000, options.seed);
  return holdMean(pay, levels, sigma, rho, options.paths ?? 1_000_000, options.seed);
}

/** Φ(x), Marsaglia (2004): ½ + φ(x)·Σ x^(2k+1)/(2k+1)!!, absolute error about 1e−15. */
export function normalCdfFloat(x: number): number {
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

const LOG_SQRT_2PI = 0.9189385332046727;
const INV_SQRT_2PI = 0.3989422804014327;

/** The year level as a measure: below(x) = [P(L < x), E[L; L < x]] for x ≥ 0 (x may be ∞). */
interface LevelMeasure {
  below(x: number, out: Float64Array): void;
  /** The values of a sample or a flat level; null for a density. */
  readonly atoms: Float64Array | null;
}

function levelMeasure(dist: AttainmentDistribution): LevelMeasure {
  switch (dist.kind) {
    case "Flat": {
      const v = dist.attainment.toNumber();
      return {
        atoms: Float64Array.of(v),
        below(x, out) {
          out[0] = v < x ? 1 : 0;
          out[1] = v < x ? v : 0;
        },
      };
    }
    case "Empirical": {
      const m = dist.values.length;
      const total = dist.cumWeight[m].toNumber();
      const values = Float64Array.from(dist.values, (v) => max(0, v.toNumber()));
      const cumW = new Float64Array(m + 1);
      const cumM = new Float64Array(m + 1);
      for (let k = 0; k < m; k++) {
        const w = dist.weights[k].toNumber() / total;
        cumW[k + 1] = cumW[k] + w;
        cumM[k + 1] = cumM[k] + w * values[k];
      }
      return {
        atoms: values,
        below(x, out) {
          let lo = 0;
          let hi = m;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (values[mid] < x) lo = mid + 1;
            else hi = mid;
          }
          out[0] = cumW[lo];
          out[1] = cumM[lo];
        },
      };
    }
    case "Normal": {
      // L = max(0, X), X ~ N(μ, s²): P(L < x) = Φ((x − μ)/s) for x > 0 (the mass at 0 included),
      // E[L; L < x] = E[X; 0 < X < x] = μ(Φ(z) − Φ(z₀)) − s(φ(z) − φ(z₀)).
      const mu = dist.mu.toNumber();
      const s = dist.sigma.toNumber();
      const z0 = -mu / s;
      const m0 = mu * normalCdfFloat(z0) - s * INV_SQRT_2PI * exp(-0.5 * z0 * z0);
      return {
        atoms: null,
        below(x, out) {
          if (x <= 0) {
            out[0] = 0;
            out[1] = 0;
          } else if (x === Infinity) {
            out[0] = 1;
            out[1] = mu - m0;
          } else {
            const z = (x - mu) / s;
            const c = normalCdfFloat(z);
            out[0] = c;
            out[1] = mu * c - s * INV_SQRT_2PI * exp(-0.5 * z * z) - m0;
          }
        },
      };
    }
    case "LogNormal": {
      // ln L ~ N(μ, s²): P(L < x) = Φ(z), E[L; L < x] = e^(μ + s²/2)·Φ(z − s), z = (ln x − μ)/s.
      const mu = dist.mu.toNumber();
      const s = dist.sigma.toNumber();
      const mean = exp(mu + 0.5 * s * s);
      return {
        atoms: null,
        below(x, out) {
          if (x <= 0) {
            out[0] = 0;
            out[1] = 0;
          } else if (x === Infinity) {
            out[0] = 1;
            out[1] = mean;
          } else {
            const z = (log(x) - mu) / s;
            out[0] = normalCdfFloat(z);
            out[1] = mean * normalCdfFloat(z - s);
          }
        },
      };
    }
    default:
      return assertNever(dist);
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

const scratch = new Float64Array(2);

/** E_L[c(max(0, f)·L)]: segment j of c holds for L in [from_j/f, from_{j+1}/f). */
function scaledExpectation(c: Piecewise, levels: LevelMeasure, f: number): number {
  if (f <= 0) return c.intercept[0];
  const S = c.from.length;
  let total = 0;
  let prevP = 0;
  let prevM = 0;
  for (let j = 0; j < S; j++) {
    levels.below(j + 1 < S ? c.from[j + 1] / f : Infinity, scratch);
    total += c.intercept[j] * (scratch[0] - prevP) + c.slope[j] * f * (scratch[1] - prevM);
    prevP = scratch[0];
    prevM = scratch[1];
  }
  return total;
}

/** Cov(x_i, x_j) = ρ^|i−j| for the stationary AR(1) path (x₁ = z₁ has variance 1). */
function pathCovariance(n: number, rho: number): Float64Array {
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[i * n + j] = rho ** abs(i - j);
  return r;
}

/** Var(σ·wᵀx). */
function quadratic(r: Float64Array, w: Float64Array, sigma: number): number {
  const n = w.length;
  let v = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += w[i] * r[i * n + j] * w[j];
  return sigma * sigma * v;
}

const CELL_RANGE = 8.5;

function perPeriodMean(
  pay: YearPay,
  levels: LevelMeasure,
  sigma: number,
  rho: number,
  cells: number,
  seed: number,
): SwingMeanResult {
  const n = pay.periods;
  const c = piecewise(pay.periodCurve);
  const r = pathCovariance(n, rho);
  // d_p = σ·wᵀx with w = e_p − 1/n: its variance, period by period; equal ones sampled once.
  const bySd = new Map<number, number>();
  const w = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < n; i++) w[i] = (i === p ? 1 : 0) - 1 / n;
    const sd = sqrt(quadratic(r, w, sigma));
    bySd.set(sd, (bySd.get(sd) ?? 0) + 1);
  }
  const u = seededUniform(seed);
  let mean = 0;
  let variance = 0;
  bySd.forEach((count, sd) => {
    const edges = cellEdges(c, levels.atoms, sd, cells);
    const g = (z: number) => INV_SQRT_2PI * exp(-0.5 * z * z) * scaledExpectation(c, levels, 1 + sd * z);
    let est = 0;
    let v = 0;
    for (let i = 0; i + 1 < edges.length; i++) {
      const lo = edges[i];
      const width = edges[i + 1] - lo;
      if (!(width > 0)) continue;
      const y1 = g(lo + u() * width);
      const y2 = g(lo + u() * width);
      est += 0.5 * (y1 + y2) * width;
      v += (y1 - y2) * (y1 - y2) * width * width;
    }
    const share = count / n;
    mean += share * est;
    variance += (share * share * v) / 4;
  });
  return { mean, stdError: sqrt(variance), method: "stratified", samples: cells };
}

/**
 * Cell edges in z: `cells` equal cells on [−8.5, 8.5], split further where the
 * integrand jumps — for a sample's (or a flat) level, where some value v meets a
 * curve breakpoint b: 1 + s·z = b/v. Within a cell the integrand is then smooth.
 */
function cellEdges(c: Piecewise, atoms: Float64Array | null, sd: number, cells: number): Float64Array {
  const cuts: number[] = [];
  if (atoms !== null)
    for (const v of atoms) {
      if (!(v > 0)) continue;
      for (let j = 1; j < c.from.length; j++) {
        const zc = (c.from[j] / v - 1) / sd;
        if (zc > -CELL_RANGE && zc < CELL_RANGE) cuts.push(zc);
      }
    }
  const edges = new Float64Array(cells + 1 + cuts.length);
  const width = (2 * CELL_RANGE) / cells;
  for (let i = 0; i <= cells; i++) edges[i] = -CELL_RANGE + i * width;
  edges.set(cuts, cells + 1);
  return edges.sort();
}

function holdMean(
  pay: YearPay,
  levels: LevelMeasure,
  sigma: number,
  rho: number,
  paths: number,
  seed: number,
): SwingMeanResult {
  const n = pay.periods;
  const curves = (pay.ytd as NonNullable<YearPay["ytd"]>).curves.map(piecewise);
  const r = pathCovariance(n, rho);
  // Controls with exact means: max(0, m_k) and m_k² for k < n (m_k = mean(d₁..d_k) = σ·wᵀx,
  // w_i = 1{i ≤ k}/k − 1/n, normal with variance v_k), and the mean squared swing.
  const K = 2 * (n - 1) + 1;
  const controlMean = new Float64Array(K);
  const w = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    for (let i = 0; i < n; i++) w[i] = (i < k ? 1 / k : 0) - 1 / n;
    const v = quadratic(r, w, sigma);
    controlMean[k - 1] = sqrt(v / (2 * PI));
    controlMean[n - 1 + k - 1] = v;
  }
  let meanSquare = 0;
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < n; i++) w[i] = (i === p ? 1 : 0) - 1 / n;
    meanSquare += quadratic(r, w, sigma) / n;
  }
  controlMean[K - 1] = meanSquare;

  const z = seededNormal(seed);
  const innovation = sqrt(1 - rho * rho);
  const x = new Float64Array(n);
  const d = new Float64Array(n);
  const xc = new Float64Array(K);
  const envelope = holdEnvelope(curves, levels);
  // Sums shifted by the first path's values, for a stable variance.
  const shiftX = new Float64Array(K);
  let shiftY = 0;
  let sy = 0;
  let syy = 0;
  const sx = new Float64Array(K);
  const sxy = new Float64Array(K);
  const sxx = new Float64Array(K * K);
  for (let t = 0; t < paths; t++) {
    let xs = 0;
    for (let p = 0; p < n; p++) {
      x[p] = p === 0 ? z() : rho * x[p - 1] + innovation * z();
      xs += x[p];
    }
    const xbar = xs / n;
    let cum = 0;
    let sq = 0;
    for (let p = 0; p < n; p++) {
      d[p] = sigma * (x[p] - xbar);
      cum += d[p];
      sq += d[p] * d[p];
      if (p < n - 1) {
        const m = cum / (p + 1);
        xc[p] = max(0, m);
        xc[n - 1 + p] = m * m;
      }
    }
    xc[K - 1] = sq / n;
    const y = envelope(d);
    if (t === 0) {
      shiftY = y;
      shiftX.set(xc);
    }
    const yy = y - shiftY;
    sy += yy;
    syy += yy * yy;
    for (let i = 0; i < K; i++) {
      const a = xc[i] - shiftX[i];
      sx[i] += a;
      sxy[i] += a * yy;
      for (let j = 0; j <= i; j++) sxx[i * K + j] += a * (xc[j] - shiftX[j]);
    }
  }
  // Least squares β: Cov(X) β = Cov(X, Y); estimate mean(Y) − βᵀ(mean(X) − E[X]).
  const my = sy / paths;
  const vy = syy / paths - my * my;
  const cov = new Float64Array(K * K);
  const cxy = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    cxy[i] = sxy[i] / paths - (sx[i] / paths) * my;
    for (let j = 0; j <= i; j++) {
      const v = sxx[i * K + j] / paths - (sx[i] / paths) * (sx[j] / paths);
      cov[i * K + j] = v;
      cov[j * K + i] = v;
    }
  }
  const beta = solveSymmetric(cov, cxy, K);
  let mean = my + shiftY;
  let explained = 0;
  for (let i = 0; i < K; i++) {
    mean -= beta[i] * (sx[i] / paths + shiftX[i] - controlMean[i]);
    explained += beta[i] * cxy[i];
  }
  return { mean, stdError: sqrt(max(0, vy - explained) / paths), method: "conditional", samples: paths };
}

/**
 * For a swing path d, E over L of max_k (k/n)·c_k(L·g_k), g_k = max(0, 1 + mean(d₁..d_k)):
 * between consecutive breakpoints from/g_k every YTD line is linear in L; within that
 * interval the max of the lines changes only where two of them cross.
 */
function holdEnvelope(curves: readonly Piecewise[], levels: LevelMeasure): (d: Float64Array) => number {
  const n = curves.length;
  const g = new Float64Array(n);
  const alpha = new Float64Array(n);
  const beta = new Float64Array(n);
  const edges = new Float64Array(2 + curves.reduce((s, c) => s + c.from.length, 0));
  const cuts = new Float64Array(2 + (n * (n - 1)) / 2);
  const out = new Float64Array(2);
  return (d) => {
    let cum = 0;
    let ne = 0;
    edges[ne++] = 0;
    for (let k = 0; k < n; k++) {
      cum += d[k];
      g[k] = max(0, 1 + cum / (k + 1));
      if (g[k] > 0) for (let j = 1; j < curves[k].from.length; j++) edges[ne++] = curves[k].from[j] / g[k];
    }
    edges[ne++] = Infinity;
    const sorted = edges.subarray(0, ne).sort();
    let total = 0;
    let prevP = 0;
    let prevM = 0;
    for (let e = 0; e + 1 < ne; e++) {
      const lo = sorted[e];
      const hi = sorted[e + 1];
      if (!(hi > lo)) continue;
      const inside = hi === Infinity ? lo + 1 : 0.5 * (lo + hi);
      for (let k = 0; k < n; k++) {
        const c = curves[k];
        const a = inside * g[k];
        let j = c.from.length - 1;
        while (j > 0 && a < c.from[j]) j--;
        alpha[k] = ((k + 1) / n) * c.intercept[j];
        beta[k] = ((k + 1) / n) * c.slope[j] * g[k];
      }
      let nc = 0;
      cuts[nc++] = lo;
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) {
          if (beta[a] === beta[b]) continue;
          const t = (alpha[b] - alpha[a]) / (beta[a] - beta[b]);
          if (t > lo && t < hi) cuts[nc++] = t;
        }
      cuts[nc++] = hi;
      const pieces = cuts.subarray(0, nc).sort();
      for (let s = 0; s + 1 < nc; s++) {
        const a0 = pieces[s];
        const a1 = pieces[s + 1];
        if (!(a1 > a0)) continue;
        const at = a1 === Infinity ? a0 + 1 : 0.5 * (a0 + a1);
        let best = 0;
        let top = -Infinity;
        for (let k = 0; k < n; k++) {
          const v = alpha[k] + beta[k] * at;
          if (v > top) {
            top = v;
            best = k;
          }
        }
        levels.below(a1, out);
        total += alpha[best] * (out[0] - prevP) + beta[best] * (out[1] - prevM);
        prevP = out[0];
        prevM = out[1];
      }
    }
    return total;
  };
}

/** Solves A β = b for a small symmetric A (Gaussian elimination, partial pivoting; singular directions get 0). */
function solveSymmetric(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const m = Float64Array.from(a);
  const rhs = Float64Array.from(b);
  const scale = max(1e-300, ...Array.from({ length: k }, (_, i) => abs(m[i * k + i])));
  const singular = new Array<boolean>(k).fill(false);
  for (let col = 0; col < k; col++) {
    let p = col;
    for (let row = col + 1; row < k; row++) if (abs(m[row * k + col]) > abs(m[p * k + col])) p = row;
    if (abs(m[p * k + col]) <= 1e-12 * scale) {
      singular[col] = true;
      continue;
    }
    if (p !== col) {
      for (let j = 0; j < k; j++) {
        const t = m[col * k + j];
        m[col * k + j] = m[p * k + j];
        m[p * k + j] = t;
      }
      const t = rhs[col];
      rhs[col] = rhs[p];
      rhs[p] = t;
    }
    for (let row = 0; row < k; row++) {
      if (row === col) continue;
      const f = m[row * k + col] / m[col * k + col];
      if (f === 0) continue;
      for (let j = col; j < k; j++) m[row * k + j] -= f * m[col * k + j];
      rhs[row] -= f * rhs[col];
    }
  }
  const beta = new Float64Array(k);
  for (let col = 0; col < k; col++) beta[col] = singular[col] ? 0 : rhs[col] / m[col * k + col];
  return beta;
}

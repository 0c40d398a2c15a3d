import { Decimal, ZERO } from "../../decimal";
import { detQuantile, detSqrt } from "./detMath";
import { scrambledHalton } from "./lowDiscrepancy";

/**
 * How a rep's periods swing around their level for the year.
 *
 * Period p's attainment is A_p = L × (1 + d_p): L is the year's level (drawn
 * from the scenario's distribution), d the period swings. The swings are a
 * Gaussian AR(1) path x (lag-one correlation ρ between consecutive periods),
 * centred on its own mean and scaled: d = σ(x − x̄). Centring makes the
 * quota-weighted mean of a year's periods exactly L (equal period quotas), so
 * the year-level distribution keeps its meaning and an annual plan is paid
 * on L alone. σ is set so that the mean of the periods' variances is
 * spread²: `spread` is the standard deviation of a period's attainment
 * around the year's level, relative to it (0.25: a quarter typically lands
 * within ±25% of the year's level).
 */
export interface PeriodSwing {
  readonly spread: Decimal;
  readonly correlation: Decimal;
}

export const NO_SWING: PeriodSwing = { spread: ZERO, correlation: ZERO };

/** A stated spread when neither the scenario nor AttainmentHistory gives one: a quarter at ±25%. */
export const DEFAULT_QUARTER_SPREAD = new Decimal("0.25");
export const DEFAULT_PERIOD_CORRELATION = ZERO;

/**
 * A spread measured on periods of one length, carried to another: periods
 * n times as long average n shorter ones, so their spread shrinks by √n
 * (independent sub-periods; an approximation when they are correlated).
 */
export function spreadForPeriods(spread: Decimal, fromPerYear: number, toPerYear: number): Decimal {
  if (fromPerYear === toPerYear) return spread;
  return spread.times(new Decimal(toPerYear).div(fromPerYear).sqrt());
}

/** Covariance of the centred path x − x̄ for unit σ (n × n, row-major). */
export function centredCovariance(n: number, rho: number): Float64Array {
  // ρ^|i−j| by repeated multiplication: ** is left to each engine to approximate.
  const power = new Float64Array(n);
  power[0] = 1;
  for (let k = 1; k < n; k++) power[k] = power[k - 1] * rho;
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = power[i > j ? i - j : j - i];
  // C = (I − J/n) S (I − J/n) = S − row means − column means + grand mean.
  const row = new Float64Array(n);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[i] += s[i * n + j];
    row[i] /= n;
    grand += row[i];
  }
  grand /= n;
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i * n + j] = s[i * n + j] - row[i] - row[j] + grand;
  return c;
}

/** σ that makes the mean period variance spread², and each period's own standard deviation. */
export function swingScale(n: number, swing: PeriodSwing): { sigma: number; periodSd: number[] } {
  return scaleOf(n, swing.correlation.toNumber(), swing.spread.toNumber());
}

function scaleOf(n: number, rho: number, spread: number): { sigma: number; periodSd: number[] } {
  const c = centredCovariance(n, rho);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += c[i * n + i];
  const sigma = trace > 0 ? spread / detSqrt(trace / n) : 0;
  return { sigma, periodSd: Array.from({ length: n }, (_, i) => sigma * detSqrt(c[i * n + i])) };
}

/** A swing read once for a plan of n periods: its numbers, its scale and its cache keys (Decimal reads cost). */
export interface PreparedSwing {
  readonly n: number;
  readonly spread: number;
  readonly rho: number;
  readonly sigma: number;
  readonly periodSd: readonly number[];
  readonly key: string;
  readonly unitKey: string;
}

export function prepareSwing(n: number, swing: PeriodSwing): PreparedSwing {
  const spreadText = swing.spread.toString();
  const rhoText = swing.correlation.toString();
  const spread = Number(spreadText);
  const rho = Number(rhoText);
  const { sigma, periodSd } = scaleOf(n, rho, spread);
  return { n, spread, rho, sigma, periodSd, key: `${n}|${spreadText}|${rhoText}`, unitKey: `${n}|${rhoText}` };
}

/**
 * E[Σ d_p d_{p+1}] ÷ E[Σ d_p²] under the model: what the pooled lag-one
 * ratio of centred history residuals estimates, as a function of ρ.
 */
export function centredLagRatio(n: number, rho: number): number {
  const c = centredCovariance(n, rho);
  let lag = 0;
  let trace = 0;
  for (let i = 0; i < n; i++) {
    trace += c[i * n + i];
    if (i + 1 < n) lag += c[i * n + i + 1];
  }
  return trace > 0 ? lag / trace : 0;
}

/** The ρ whose centred lag ratio matches an observed one (bisection; clamped to [−0.9, 0.95]). */
export function correlationFromLagRatio(n: number, observed: number): number {
  let lo = -0.9;
  let hi = 0.95;
  if (observed <= centredLagRatio(n, lo)) return lo;
  if (observed >= centredLagRatio(n, hi)) return hi;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (centredLagRatio(n, mid) < observed) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Rows of swing vectors made so far for one key: `data` holds `count` rows of n. */
interface Rows {
  data: Float64Array;
  count: number;
}

/**
 * `count` swing vectors d (row-major, count × n) from the fixed scrambled
 * Halton set: deterministic, so two runs give the same bits. The centred
 * paths for a unit spread are made once per (n, correlation) and scaled: d is
 * linear in the spread, and every leader's team has its own. Path k depends
 * on k alone (Halton point k + 1), so fewer paths are the first rows of more:
 * each key keeps the most asked for and hands out its first rows.
 */
export function swingVectors(n: number, swing: PeriodSwing, count: number): Float64Array {
  return swingRows(prepareSwing(n, swing), count);
}

/** swingVectors for a prepared swing. */
export function swingRows(swing: PreparedSwing, count: number): Float64Array {
  // The last few scaled sets are kept, the most recently used last: every rep on one swing (the AEs of a run)
  // shares them; a leader's own swing is used once, so only a handful are held at a time. Callers only read them.
  const { n, key, sigma } = swing;
  let rows = scaledCache.get(key);
  if (rows) {
    scaledCache.delete(key);
    scaledCache.set(key, rows);
    if (rows.count >= count) return rows.data.subarray(0, count * n);
  }
  const unit = unitRows(swing, count);
  const out = new Float64Array(count * n);
  const have = rows ? rows.count * n : 0;
  if (rows) out.set(rows.data.subarray(0, have));
  for (let i = have; i < out.length; i++) out[i] = sigma * unit[i];
  rows = { data: out, count };
  if (!scaledCache.has(key) && scaledCache.size >= 8) scaledCache.delete(scaledCache.keys().next().value!);
  scaledCache.set(key, rows);
  return out;
}

const scaledCache = new Map<string, Rows>();
const unitCache = new Map<string, Rows>();

/**
 * The unit-spread rows behind swingRows: row k of swingRows is σ times row k
 * of these, so a reader that multiplies as it goes (σ·u, the same double)
 * needs no scaled copy — a leader's own swing then costs no rows of its own.
 */
export function unitRows(swing: PreparedSwing, count: number): Float64Array {
  const { n, rho, unitKey: key } = swing;
  const hit = unitCache.get(key);
  if (hit && hit.count >= count) return hit.data.subarray(0, count * n);
  const have = hit ? hit.count : 0;
  const innovation = detSqrt(1 - rho * rho);
  const u = scrambledHalton(count, n, have);
  const out = new Float64Array(count * n);
  if (hit) out.set(hit.data.subarray(0, have * n));
  const x = new Float64Array(n);
  for (let k = have; k < count; k++) {
    const row = (k - have) * n;
    let mean = 0;
    for (let p = 0; p < n; p++) {
      const z = detQuantile(u[row + p]);
      x[p] = p === 0 ? z : rho * x[p - 1] + innovation * z;
      mean += x[p];
    }
    mean /= n;
    for (let p = 0; p < n; p++) out[k * n + p] = x[p] - mean;
  }
  if (!hit && unitCache.size >= 16) unitCache.clear();
  unitCache.set(key, { data: out, count });
  return out;
}

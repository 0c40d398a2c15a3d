import type { CurveSegment } from "../../curve";
import { Decimal, ONE, ZERO } from "../../decimal";
import { curveView } from "../curveView";
import type { AttainmentDistribution } from "../distribution";
import { expectedAttainment } from "../expectation";
import { realisticOutcome, type RealisticOutcome } from "../outcome";
import { probAtLeast } from "../payProbability";
import { detCdf, detPdf } from "./detMath";
import { evalAscending, evalCurve, floatCurve, type FloatCurve } from "./floatCurve";
import { floatLevel, type FloatDensity, type FloatLevel } from "./floatLevel";
import { swingScale, swingVectors, type PeriodSwing } from "./periodSwing";

/**
 * What a plan pays over one year, as the realistic model sees it: n periods
 * of equal quota and target, each paid on the period's own curve (gates and
 * caps per period), or — for a cumulative plan — on the year-to-date curve
 * after each period, trued up.
 */
export interface YearPay {
  readonly periods: number;
  /** Payout multiple of the period's target incentive, measures combined, as a function of the period's attainment. */
  readonly periodCurve: readonly CurveSegment[];
  /**
   * Cumulative (YTD) plans: curves[k − 1] is the YTD curve after k periods.
   * `hold`: negative true-ups are held (what was paid is kept, so the year
   * pays the most the YTD payout ever reached); otherwise clawed back (the
   * year pays the year-end YTD payout).
   */
  readonly ytd: { readonly curves: readonly (readonly CurveSegment[])[]; readonly hold: boolean } | null;
}

/** Realistic figures plus P(some period is paid at its payout or attainment cap). */
export interface SwingOutcome extends RealisticOutcome {
  /** Null when the plan has no cap. */
  readonly probCapped: Decimal | null;
  /** "exact" (closed forms; no swing applies) or "numerical" (see docs/calculation.md for the error). */
  readonly method: "exact" | "numerical";
}

const IDENTITY = { segments: [{ from: ZERO, to: null, intercept: ZERO, slope: ONE }] };

/** Swing vectors per key, and year-level nodes of a density part: fixed sizes, so results are reproducible. */
export const SWING_POINTS = 1024;
export const LEVEL_NODES = 64;
/** An Empirical sample larger than this is grouped into this many equal-probability nodes for the percentiles. */
const MAX_ATOMS = 256;
/** Gauss–Legendre panels over the swing's standard normal on [−8, 8] for the expected pay. */
const PANELS = 24;
const GL_X = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526];
const GL_W = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538];

/**
 * Realistic outcome of one plan year under a year-level distribution and a
 * period swing. Where no swing can matter (one period, a zero spread, or a
 * cumulative plan whose negative true-ups are clawed back) it is the exact
 * closed form on the year's curve. Otherwise:
 *  - expected pay of a per-period plan is Σ_p E[c(L(1 + d_p))] / n, linear in
 *    the periods, so only each period's marginal swing matters: for a point
 *    mass v the period's attainment is Normal(v, (v·s_p)²) censored at 0, a
 *    closed form; for a density part, Gauss–Legendre over the swing of the
 *    closed form in L (a smooth integrand): error far below a cent;
 *  - the distribution of pay (P10/P50/P90, P(reach OTE), P(capped)), and the
 *    expected pay of a held-true-up cumulative plan, come from a fixed grid:
 *    the year level at its atoms and at LEVEL_NODES stratified quantiles,
 *    times SWING_POINTS low-discrepancy swing paths. Deterministic; its error
 *    against a 10-million-draw Monte Carlo is printed by `npm run bench`.
 */
export function swingOutcome(
  pay: YearPay,
  dist: AttainmentDistribution,
  swing: PeriodSwing,
  capStart: Decimal | null,
): SwingOutcome {
  const n = pay.periods;
  const yearCurve = pay.ytd ? pay.ytd.curves[pay.ytd.curves.length - 1] : pay.periodCurve;
  if (n <= 1 || swing.spread.isZero() || (pay.ytd !== null && !pay.ytd.hold)) {
    // Every period sits on the year's level, so a period is capped exactly when the year is.
    const probCapped = capStart === null ? null : probAtLeast(IDENTITY, dist, capStart);
    return { ...realisticOutcome({ segments: yearCurve }, dist), probCapped, method: "exact" };
  }
  const level = floatLevel(dist);
  const { periodSd } = swingScale(n, swing);
  const curve = floatCurve(pay.periodCurve, curveView({ segments: pay.periodCurve }).nonDecreasing);
  const ytdCurves = pay.ytd?.curves.map((c) => floatCurve(c, curveView({ segments: c }).nonDecreasing)) ?? null;
  const grid = payGrid(n, curve, ytdCurves, level, swingVectors(n, swing, SWING_POINTS), capStart?.toNumber() ?? null);
  const mean = ytdCurves === null ? expectedPerPeriod(curve, level, periodSd) : grid.mean;
  return {
    expectedMultiple: new Decimal(mean),
    p10: new Decimal(grid.quantile(0.1)),
    p50: new Decimal(grid.quantile(0.5)),
    p90: new Decimal(grid.quantile(0.9)),
    probAtOrAboveTarget: new Decimal(grid.probAtLeast(1)),
    expectedAttainment: expectedAttainment(dist),
    probCapped: capStart === null ? null : new Decimal(grid.probCapped),
    method: "numerical",
  };
}

/** Σ_p E[c(L(1 + d_p))] / n, periods grouped by their swing's standard deviation. */
function expectedPerPeriod(curve: FloatCurve, level: FloatLevel, periodSd: readonly number[]): number {
  const n = periodSd.length;
  const bySd = new Map<number, number>();
  for (const s of periodSd) bySd.set(s, (bySd.get(s) ?? 0) + 1);
  let total = 0;
  bySd.forEach((count, s) => {
    let e = 0;
    for (let i = 0; i < level.atomValues.length; i++) e += level.atomProbs[i] * atomExpectation(curve, level.atomValues[i], s);
    if (level.continuous) e += densityExpectation(curve, level.continuous, s);
    total += (count / n) * e;
  });
  return total;
}

/** E[c(max(0, A))], A ~ Normal(v, (v·s)²): per segment a mass and a partial moment. */
function atomExpectation(c: FloatCurve, v: number, s: number): number {
  if (v <= 0 || s <= 0) return evalCurve(c, v > 0 ? v : 0);
  const sd = v * s;
  const k = c.from.length;
  let total = 0;
  let prevCdf = 0; // the first segment takes the mass censored at 0, paid c(0)…
  let prevPdf = 0;
  for (let j = 0; j < k; j++) {
    const to = j + 1 < k ? c.from[j + 1] : Infinity;
    const z = to === Infinity ? Infinity : (to - v) / sd;
    const cdf = z === Infinity ? 1 : detCdf(z);
    const pdf = z === Infinity ? 0 : detPdf(z);
    let mass = cdf - prevCdf;
    let moment = v * (cdf - prevCdf) - sd * (pdf - prevPdf);
    if (j === 0) {
      // …and its moment counts A only above 0 (max(0, A)).
      const z0 = -v / sd;
      moment = v * (cdf - detCdf(z0)) - sd * (pdf - detPdf(z0));
      mass = cdf;
    }
    total += c.intercept[j] * mass + c.slope[j] * moment;
    prevCdf = cdf;
    prevPdf = pdf;
  }
  return total;
}

/** E over the swing δ ~ N(0, s²) of E_L[c(L(1 + δ))] on the density part: Gauss–Legendre in z = δ/s. */
function densityExpectation(c: FloatCurve, d: FloatDensity, s: number): number {
  let total = 0;
  const h = 16 / PANELS;
  for (let panel = 0; panel < PANELS; panel++) {
    const mid = -8 + (panel + 0.5) * h;
    for (let q = 0; q < 4; q++) {
      const z = mid + (GL_X[q] * h) / 2;
      const weight = (GL_W[q] * h) / 2 * detPdf(z);
      total += weight * scaledExpectation(c, d, 1 + s * z);
    }
  }
  return total;
}

/** E[c(f·L); L in the density part] for a scale f: the curve's breakpoints divided by f. */
function scaledExpectation(c: FloatCurve, d: FloatDensity, f: number): number {
  if (f <= 0) return evalCurve(c, 0) * d.mass;
  const k = c.from.length;
  let total = 0;
  let prevCdf = 0;
  let prevMoment = 0;
  for (let j = 0; j < k; j++) {
    const x = j + 1 < k ? c.from[j + 1] / f : Infinity;
    const cdf = d.cdf(x);
    const moment = d.moment(x);
    total += c.intercept[j] * (cdf - prevCdf) + c.slope[j] * f * (moment - prevMoment);
    prevCdf = cdf;
    prevMoment = moment;
  }
  return total;
}

interface PayGrid {
  readonly mean: number;
  readonly probCapped: number;
  quantile(q: number): number;
  probAtLeast(t: number): number;
}

/** Year-level nodes: the atoms (grouped when many) and stratified quantiles of the density part, ascending. */
function levelNodes(level: FloatLevel): { values: Float64Array; weights: Float64Array } {
  const nodes: { v: number; w: number }[] = [];
  const m = level.atomValues.length;
  if (m > MAX_ATOMS) {
    const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => level.atomValues[a] - level.atomValues[b]);
    let mass = 0;
    for (const i of order) mass += level.atomProbs[i];
    let bin = 0;
    let w = 0;
    let moment = 0;
    let acc = 0;
    for (const i of order) {
      const p = level.atomProbs[i];
      w += p;
      moment += p * level.atomValues[i];
      acc += p;
      if (acc >= ((bin + 1) * mass) / MAX_ATOMS - 1e-15) {
        nodes.push({ v: moment / w, w });
        bin++;
        w = 0;
        moment = 0;
      }
    }
    if (w > 0) nodes.push({ v: moment / w, w });
  } else {
    for (let i = 0; i < m; i++) if (level.atomProbs[i] > 0) nodes.push({ v: level.atomValues[i], w: level.atomProbs[i] });
  }
  const d = level.continuous;
  if (d && d.mass > 0) {
    for (let j = 0; j < LEVEL_NODES; j++) nodes.push({ v: Math.max(0, d.quantile((j + 0.5) / LEVEL_NODES)), w: d.mass / LEVEL_NODES });
  }
  nodes.sort((a, b) => a.v - b.v);
  return { values: Float64Array.from(nodes, (x) => x.v), weights: Float64Array.from(nodes, (x) => x.w) };
}

function payGrid(
  n: number,
  curve: FloatCurve,
  ytd: readonly FloatCurve[] | null,
  level: FloatLevel,
  swings: Float64Array,
  capStart: number | null,
): PayGrid {
  const { values, weights } = levelNodes(level);
  const J = values.length;
  const K = swings.length / n;
  const pay = new Float64Array(K * J);
  const row = new Float64Array(J);
  let capped = 0;
  const zeroPay = evalCurve(curve, 0);
  // Weight of the nodes from j up: a path's capped share is one suffix (values ascend).
  const suffix = new Float64Array(J + 1);
  for (let j = J - 1; j >= 0; j--) suffix[j] = suffix[j + 1] + weights[j];
  const cappedFrom = (factor: number) => {
    if (capStart === null) return 0;
    let a = 0;
    let b = J;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (values[mid] * factor >= capStart) b = mid;
      else a = mid + 1;
    }
    return suffix[a];
  };
  for (let k = 0; k < K; k++) {
    const off = k * n;
    if (ytd === null) {
      row.fill(0);
      let maxFactor = 0;
      for (let p = 0; p < n; p++) {
        const f = 1 + swings[off + p];
        if (f > maxFactor) maxFactor = f;
        if (f <= 0) for (let j = 0; j < J; j++) row[j] += zeroPay / n;
        else evalAscending(curve, values, f, 1 / n, row, true);
      }
      // Some period reaches the cap when the largest period attainment does.
      capped += cappedFrom(maxFactor);
    } else {
      row.fill(-Infinity);
      const tmp = new Float64Array(J);
      let cum = 0;
      for (let p = 0; p < n; p++) {
        cum += swings[off + p];
        // The swings of a year add up to 0: the year-end YTD attainment is the level itself, exactly.
        const f = p === n - 1 ? 1 : 1 + cum / (p + 1);
        const c = ytd[p];
        if (f <= 0) tmp.fill(((p + 1) / n) * evalCurve(c, 0));
        else evalAscending(c, values, f, (p + 1) / n, tmp, false);
        for (let j = 0; j < J; j++) if (tmp[j] > row[j]) row[j] = tmp[j];
      }
      capped += cappedFrom(1);
    }
    pay.set(row, k * J);
  }
  const total = weights.reduce((a, w) => a + w, 0) * K;
  let mean = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < K; k++)
    for (let j = 0; j < J; j++) {
      const y = pay[k * J + j];
      mean += weights[j] * y;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  mean /= total;

  // Quantiles from a histogram of the grid's pay (one pass), then the one bin that holds the
  // quantile sorted exactly: the answer is the least grid pay whose cumulative weight reaches q,
  // a property of the grid alone — so a plan that pays at least as much at every grid point has
  // percentiles at least as high (like-for-like comparisons never cross).
  const bins = 4096;
  const scale = hi > lo ? bins / (hi - lo) : 0;
  const bin = new Uint16Array(K * J);
  const hist = new Float64Array(bins);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < J; j++) {
      const i = k * J + j;
      const b = Math.min(bins - 1, Math.floor((pay[i] - lo) * scale));
      bin[i] = b;
      hist[b] += weights[j];
    }

  return {
    mean,
    probCapped: Math.min(1, capped / total),
    probAtLeast: (t) => {
      let sum = 0;
      for (let k = 0; k < K; k++) for (let j = 0; j < J; j++) if (pay[k * J + j] >= t - 1e-12) sum += weights[j];
      // Float sums of weights may land a hair outside [0, 1].
      return Math.min(1, Math.max(0, sum / total));
    },
    quantile: (q) => {
      const target = q * total;
      let before = 0;
      let b = 0;
      while (b < bins - 1 && before + hist[b] < target) before += hist[b++];
      const inBin: { y: number; w: number }[] = [];
      for (let i = 0; i < bin.length; i++) if (bin[i] === b) inBin.push({ y: pay[i], w: weights[i % J] });
      inBin.sort((x, z) => x.y - z.y);
      let acc = before;
      for (const p of inBin) {
        acc += p.w;
        if (acc >= target) return p.y;
      }
      return inBin.length ? inBin[inBin.length - 1].y : hi;
    },
  };
}

import { capCurve, gateCurve, simplify, type CurveSegment } from "../../line/segments";
import { Decimal } from "../../decimal";
import { curveView } from "../curveView";
import type { AttainmentDistribution } from "../distribution";
import { expectedMultiple } from "../expectation";
import { realisticOutcome, type RealisticOutcome } from "../outcome";
import { probAttainmentAtLeast } from "../payProbability";
import { detCdf, detNormal, detPdf } from "./detMath";
import { evalCurve, floatCurve, type FloatCurve } from "./floatCurve";
import { floatLevelOf, type FloatDensity, type FloatLevel } from "./floatLevel";
import { heldExcessCurve, heldExcessOverDensity, type HeldExcessCurve } from "./heldExcess";
import { prepareSwing, swingRows, unitRows, type PeriodSwing, type PreparedSwing } from "./periodSwing";

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
  /** The plan's annual cap as a multiple of the year's target variable (AnnualCap, AnnualCapAmount); null = none. */
  readonly cap?: Decimal | null;
  /** The plan's annual gate on the year's attainment (the level: the swings of a year add up to 0); null = none. */
  readonly gate?: Decimal | null;
}

/** Realistic figures plus P(some period is paid at its payout or attainment cap). */
export interface SwingOutcome extends RealisticOutcome {
  /** Null when the plan has no cap. */
  readonly probCapped: Decimal | null;
  /** "exact" (closed forms; no swing applies) or "numerical" (see docs/calculation.md for the error). */
  readonly method: "exact" | "numerical";
}

/**
 * Swing paths for the density part of the year level: more for a wider swing,
 * whose path-to-path differences carry more of the pay's spread (a leader's
 * averaged swing needs fewer). Point masses get paths enough that each is
 * seen on about ATOM_PATH_POINTS (level, path) pairs in all, and at least 256.
 * (128 paths for a narrow swing were tried and measured: a leader whose level
 * is no wider than the team's 15% swing had P(reach OTE) 0.61 pp off, past
 * the 0.5 pp bound, against 0.19 pp on 256.)
 */
export function densityPaths(spread: number): number {
  return spread <= NARROW_SWING ? 256 : 512;
}
const MIN_ATOM_PATHS = 256;
const NARROW_SWING = 0.15;
export const ATOM_PATH_POINTS = 8192;
/**
 * A held YTD plan's pay distribution turns on the year-to-date path, not
 * only on each period: its point masses get this many times their paths,
 * and its density this many times the nodes, for the percentiles. (Its
 * expected pay comes from heldExcess.ts, on HOLD_DENSITY_PATHS paths.)
 */
export const HOLD_PATH_FACTOR = 2;
export const HOLD_NODE_FACTOR = 8;
/** Swing paths on which what holding adds is integrated exactly in the level's density. */
export const HOLD_DENSITY_PATHS = 65536;
export const LEVEL_NODES = 48;
/** An Empirical sample larger than this is grouped into this many equal-probability nodes for the percentiles. */
const MAX_ATOMS = 128;
/** Gauss–Legendre panels over the swing's standard normal on [−8, 8] for the expected pay. */
const PANELS = 16;
/** For a narrow swing (a leader's): 12 panels keep the error under 1e-7 of target variable (3e-8 measured on the bench's leaders). */
const NARROW_PANELS = 12;
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
 *  - expected pay of a held-true-up cumulative plan is the exact year-end
 *    payout plus what holding adds (heldExcess);
 *  - the distribution of pay (P10/P50/P90, P(reach OTE), P(capped)) comes
 *    from a fixed grid: the year level at its atoms and at LEVEL_NODES
 *    stratified quantiles, times low-discrepancy swing paths (densityPaths,
 *    ATOM_PATH_POINTS). Deterministic; its error against a 10-million-draw
 *    Monte Carlo is printed by `npm run bench`.
 */
export function swingOutcome(
  pay: YearPay,
  dist: AttainmentDistribution,
  swing: PeriodSwing,
  capStart: Decimal | null,
): SwingOutcome {
  const n = pay.periods;
  const cap = pay.cap ?? null;
  const gate = pay.gate ?? null;
  const uncapped = pay.ytd ? pay.ytd.curves[pay.ytd.curves.length - 1] : pay.periodCurve;
  // Every period on the year's level: the year pays the year's curve, gated and capped by the annual terms.
  const yearCurve =
    cap === null && gate === null
      ? uncapped
      : simplify(gateCurve(cap === null ? uncapped : capCurve(uncapped, cap), gate ?? new Decimal(0)));
  if (n <= 1 || swing.spread.isZero() || (pay.ytd !== null && !pay.ytd.hold)) {
    // Every period sits on the year's level, so a period is capped exactly when the year is.
    const probCapped = capStart === null ? null : probAttainmentAtLeast(dist, capStart);
    return { ...realisticOutcome({ segments: yearCurve }, dist), probCapped, method: "exact" };
  }
  const level = floatLevelOf(dist);
  const prepared = prepareSwing(n, swing);
  const { periodSd } = prepared;
  const curve = floatCurve(pay.periodCurve, curveView({ segments: pay.periodCurve }).nonDecreasing);
  const ytdCurves = pay.ytd?.curves.map((c) => floatCurve(c, curveView({ segments: c }).nonDecreasing)) ?? null;
  const atoms = atomNodesOf(level);
  const atomCount = atoms.values.length;
  // At least ATOM_PATH_POINTS (level, path) pairs, in whole blocks of 64 paths, from MIN_ATOM_PATHS up (integers
  // only, the same count on every machine). A held plan's expected pay does not come from these.
  const atomPaths = Math.max(MIN_ATOM_PATHS, Math.ceil(ATOM_PATH_POINTS / Math.max(1, atomCount) / 64) * 64);
  const grid = payGrid(
    n,
    curve,
    ytdCurves,
    level,
    atoms,
    // Without point masses the atoms' one path is never read (no levels to pay on it).
    atomCount === 0
      ? new Float64Array(n)
      : unitRows(prepared, ytdCurves === null ? atomPaths : atomPaths * HOLD_PATH_FACTOR),
    unitRows(prepared, densityPaths(prepared.spread)),
    prepared.sigma,
    capStart?.toNumber() ?? null,
    cap?.toNumber() ?? null,
    gate?.toNumber() ?? null,
    // The annual terms' jump and kink are where the level needs nodes.
    cap === null && gate === null ? null : floatCurve(yearCurve, curveView({ segments: yearCurve }).nonDecreasing),
  );
  // Held YTD: the year-end payout c(L) exactly, plus what holding adds — on each swing path, exactly in
  // the level (the envelope of the YTD lines less c(L), integrated against the density in closed form).
  // An annual cap makes the year's pay min(Σ periods, cap), not a sum: its expectation is the grid's.
  const mean =
    cap !== null || gate !== null
      ? grid.mean
      : ytdCurves === null
        ? expectedPerPeriod(curve, level, periodSd)
        : expectedMultiple({ segments: yearCurve }, dist).toNumber() + heldExcessOf(pay, ytdCurves, level, prepared);
  return {
    expectedMultiple: new Decimal(mean),
    p10: new Decimal(grid.quantile(0.1)),
    p50: new Decimal(grid.quantile(0.5)),
    p90: new Decimal(grid.quantile(0.9)),
    probAtOrAboveTarget: new Decimal(grid.probAtLeast(1)),
    expectedAttainment: new Decimal(levelMean(level)),
    probCapped: capStart === null ? null : new Decimal(grid.probCapped),
    method: "numerical",
  };
}

/**
 * What holding adds to the year-end payout, over the level: its density
 * integrated exactly on each swing path, its point masses (every rep-year of
 * a history, not grouped) on the same paths through the paths' average G(L),
 * built once per plan and swing and shared by every rep and scenario on them.
 */
function heldExcessOf(pay: YearPay, ytd: readonly FloatCurve[], level: FloatLevel, swing: PreparedSwing): number {
  const n = pay.periods;
  const swings = () => swingRows(swing, HOLD_DENSITY_PATHS);
  let atoms = 0;
  let mass = level.continuous?.mass ?? 0;
  if (level.atomValues.length > 0) {
    const key = swing.key;
    let curves = heldCurves.get(pay);
    if (!curves) heldCurves.set(pay, (curves = new Map()));
    let g = curves.get(key);
    if (!g) curves.set(key, (g = heldExcessCurve(ytd, swings(), n)));
    for (let i = 0; i < level.atomValues.length; i++) {
      atoms += level.atomProbs[i] * g.at(level.atomValues[i]);
      mass += level.atomProbs[i];
    }
  }
  // The density's part is already weighted by its mass; the point masses' is taken over the whole level.
  const density = level.continuous ? heldExcessOverDensity(ytd, level.continuous, swings(), n) : 0;
  return (mass > 0 ? atoms / mass : 0) + density;
}

const heldCurves = new WeakMap<YearPay, Map<string, HeldExcessCurve>>();

/** E[L] in doubles (the swings leave it unchanged): the point masses' and the density's first moments. */
function levelMean(level: FloatLevel): number {
  let m = level.continuous ? level.continuous.moment(Infinity) : 0;
  for (let i = 0; i < level.atomValues.length; i++) m += level.atomProbs[i] * level.atomValues[i];
  return m;
}

/** Σ_p E[c(L(1 + d_p))] / n, periods grouped by their swing's standard deviation. */
function expectedPerPeriod(curve: FloatCurve, level: FloatLevel, periodSd: readonly number[]): number {
  const n = periodSd.length;
  const bySd = new Map<number, number>();
  for (const s of periodSd) bySd.set(s, (bySd.get(s) ?? 0) + 1);
  let total = 0;
  bySd.forEach((count, s) => {
    let e = 0;
    for (let i = 0; i < level.atomValues.length; i++)
      e += level.atomProbs[i] * atomExpectation(curve, level.atomValues[i], s);
    if (level.continuous) e += densityExpectation(curve, level.continuous, s);
    total += (count / n) * e;
  });
  return total;
}

/** Scratch for detNormal and cdfMoment (single-threaded; read before the next call). */
const normalScratch = new Float64Array(2);

/** E[c(max(0, A))], A ~ Normal(v, (v·s)²): per segment a mass and a partial moment. */
function atomExpectation(c: FloatCurve, v: number, s: number): number {
  if (v <= 0 || s <= 0) return evalCurve(c, v > 0 ? v : 0);
  const sd = v * s;
  const k = c.from.length;
  let total = 0;
  let prevCdf = 0; // the first segment takes the mass censored at 0, paid c(0)…
  let prevPdf = 0;
  const at = normalScratch;
  for (let j = 0; j < k; j++) {
    const to = j + 1 < k ? c.from[j + 1] : Infinity;
    const z = to === Infinity ? Infinity : (to - v) / sd;
    let cdf = 1;
    let pdf = 0;
    if (z !== Infinity) {
      detNormal(z, at);
      cdf = at[0];
      pdf = at[1];
    }
    let mass = cdf - prevCdf;
    let moment = v * (cdf - prevCdf) - sd * (pdf - prevPdf);
    if (j === 0) {
      // …and its moment counts A only above 0 (max(0, A)).
      detNormal(-v / sd, at);
      moment = v * (cdf - at[0]) - sd * (pdf - at[1]);
      mass = cdf;
    }
    total += c.intercept[j] * mass + c.slope[j] * moment;
    prevCdf = cdf;
    prevPdf = pdf;
  }
  return total;
}

/**
 * E over the swing δ ~ N(0, s²) of E_L[c(L(1 + δ))] on the density part:
 * Gauss–Legendre in z = δ/s on [−1/s, 8], where the integrand is smooth; below
 * −1/s the period's attainment is 0 whatever L, which pays c(0) — a closed form.
 */
function densityExpectation(c: FloatCurve, d: FloatDensity, s: number): number {
  const lower = Math.max(-8, -1 / s);
  let total = evalCurve(c, 0) * d.mass * detCdf(lower);
  const panels = s <= NARROW_SWING ? NARROW_PANELS : PANELS;
  const h = (8 - lower) / panels;
  for (let panel = 0; panel < panels; panel++) {
    const mid = lower + (panel + 0.5) * h;
    for (let q = 0; q < 4; q++) {
      const z = mid + (GL_X[q] * h) / 2;
      const weight = ((GL_W[q] * h) / 2) * detPdf(z);
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
  const at = normalScratch;
  for (let j = 0; j < k; j++) {
    const x = j + 1 < k ? c.from[j + 1] / f : Infinity;
    d.cdfMoment(x, at);
    const cdf = at[0];
    const moment = at[1];
    total += c.intercept[j] * (cdf - prevCdf) + c.slope[j] * f * (moment - prevMoment);
    prevCdf = cdf;
    prevMoment = moment;
  }
  return total;
}

/** Read it before the next payGrid: its rows are the shared scratch grids. */
interface PayGrid {
  readonly probCapped: number;
  /** The grid's mean pay (read only under an annual cap, where the year's pay is not a sum of periods). */
  readonly mean: number;
  quantile(q: number): number;
  probAtLeast(t: number): number;
}

/** atomNodes once per level (shared objects; read only). */
const nodesOf = new WeakMap<FloatLevel, { values: Float64Array; weights: Float64Array }>();

function atomNodesOf(level: FloatLevel): { values: Float64Array; weights: Float64Array } {
  let nodes = nodesOf.get(level);
  if (!nodes) nodesOf.set(level, (nodes = atomNodes(level)));
  return nodes;
}

/** The year level's point masses, ascending (a sample larger than MAX_ATOMS grouped into equal-probability nodes). */
function atomNodes(level: FloatLevel): { values: Float64Array; weights: Float64Array } {
  const m = level.atomValues.length;
  const order = Array.from({ length: m }, (_, i) => i)
    .filter((i) => level.atomProbs[i] > 1e-15) // a Normal's mass at 0 far in its tail is left out
    .sort((a, b) => level.atomValues[a] - level.atomValues[b]);
  const nodes: { v: number; w: number }[] = [];
  if (order.length > MAX_ATOMS) {
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
    for (const i of order) nodes.push({ v: level.atomValues[i], w: level.atomProbs[i] });
  }
  return { values: Float64Array.from(nodes, (x) => x.v), weights: Float64Array.from(nodes, (x) => x.w) };
}

/**
 * Two zero-filled grids reused from one outcome to the next (the point
 * masses' and the density's): a grid is read only inside the swingOutcome
 * call that made it, and a fresh 100–200 KB array per grid was most of the
 * realistic run's garbage.
 */
const scratch: Float64Array[] = [new Float64Array(0), new Float64Array(0)];

function scratchRows(slot: 0 | 1, size: number): Float64Array {
  if (scratch[slot].length < size) scratch[slot] = new Float64Array(Math.max(size, 2 * scratch[slot].length));
  const rows = scratch[slot].subarray(0, size);
  rows.fill(0);
  return rows;
}

/** The pay histogram's bins, reused from one grid to the next (read only inside the swingOutcome call that filled it). */
const histogram = new Float64Array(1025);

/**
 * The pay of every (path, level) pair: row k holds the pay on swing path k
 * at each level in `values` (ascending), and the weight of the levels on
 * which some period reaches `capStart`. `swings` are unit-spread rows
 * (unitRows), scaled by `sigma` as they are read.
 */
function payRows(
  n: number,
  curve: FloatCurve,
  ytd: readonly FloatCurve[] | null,
  values: Float64Array,
  weights: Float64Array,
  swings: Float64Array,
  sigma: number,
  capStart: number | null,
  yearCap: number | null,
  yearGate: number | null,
  slot: 0 | 1,
): { pay: Float64Array; capped: number } {
  const J = values.length;
  const K = swings.length / n;
  // Zeros: each per-period row is a sum from 0.
  const pay = scratchRows(slot, K * J);
  const zeroPay = evalCurve(curve, 0);
  // Weight of the levels from j up: a path's capped share is one suffix (values ascend).
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
  let capped = 0;
  const rowCapped = new Float64Array(K);
  if (ytd === null) {
    // Row k: Σ_p (1/n)·c(v_j·f_p), added period by period (the curve walked once per period, levels ascending).
    const from = curve.from;
    const intercept = curve.intercept;
    const slope = curve.slope;
    const last = from.length - 1;
    const scale = 1 / n;
    const zero = zeroPay / n;
    for (let k = 0; k < K; k++) {
      const off = k * n;
      const base = k * J;
      let maxFactor = 0;
      for (let p = 0; p < n; p++) {
        const f = 1 + sigma * swings[off + p];
        if (f > maxFactor) maxFactor = f;
        if (f <= 0) {
          for (let j = 0; j < J; j++) pay[base + j] += zero;
          continue;
        }
        // On segment s the period adds (1/n)·(intercept + slope·v·f): a line in the level v, A + B·v.
        let s = 0;
        let A = scale * intercept[0];
        let B = scale * slope[0] * f;
        for (let j = 0; j < J; j++) {
          const v = values[j];
          const a = v * f;
          if (s < last && a >= from[s + 1]) {
            do s++;
            while (s < last && a >= from[s + 1]);
            A = scale * intercept[s];
            B = scale * slope[s] * f;
          }
          pay[base + j] += A + B * v;
        }
      }
      // Some period reaches the cap when the largest period attainment does.
      rowCapped[k] = cappedFrom(maxFactor);
      capped += rowCapped[k];
    }
  } else {
    // Row k: the most the YTD payout reached, max_p ((p + 1)/n)·c_p(v_j·f_p).
    pay.fill(-Infinity);
    for (let k = 0; k < K; k++) {
      const off = k * n;
      const base = k * J;
      let cum = 0;
      for (let p = 0; p < n; p++) {
        cum += sigma * swings[off + p];
        // The swings of a year add up to 0: the year-end YTD attainment is the level itself, exactly.
        const f = p === n - 1 ? 1 : 1 + cum / (p + 1);
        const c = ytd[p];
        const scale = (p + 1) / n;
        if (f <= 0) {
          const y = scale * evalCurve(c, 0);
          for (let j = 0; j < J; j++) if (y > pay[base + j]) pay[base + j] = y;
          continue;
        }
        const from = c.from;
        const intercept = c.intercept;
        const slope = c.slope;
        const last = from.length - 1;
        let s = 0;
        for (let j = 0; j < J; j++) {
          const a = values[j] * f;
          while (s < last && a >= from[s + 1]) s++;
          const y = scale * (intercept[s] + slope[s] * a);
          if (y > pay[base + j]) pay[base + j] = y;
        }
      }
      rowCapped[k] = cappedFrom(1);
      capped += rowCapped[k];
    }
  }
  if (yearCap !== null) {
    // An annual cap: the year pays at most the cap. Rows ascend, so the levels it binds on are a suffix,
    // counted as capped unless a period's cap already counted them.
    capped = 0;
    for (let k = 0; k < K; k++) {
      const base = k * J;
      let first = J;
      for (let j = 0; j < J; j++) {
        if (pay[base + j] >= yearCap) {
          pay[base + j] = yearCap;
          if (first === J) first = j;
        }
      }
      capped += Math.max(rowCapped[k], suffix[first]);
    }
  }
  if (yearGate !== null) {
    // An annual gate on the year's attainment (the level): below it the year pays nothing, on every path.
    for (let j = 0; j < J && values[j] < yearGate; j++) for (let k = 0; k < K; k++) pay[k * J + j] = 0;
  }
  return { pay, capped };
}

/**
 * Where the density part is taken: its stratified quantiles u = (j + ½)/J,
 * plus, at each breakpoint b of the year-end curve, two nodes at the same u
 * (just below b and at b). Pay jumps there on every path at once (a held YTD
 * plan's year-end gate), and interpolating across the jump would smear it.
 */
function densityNodes(d: FloatDensity, c: FloatCurve, count: number): { u: Float64Array; values: Float64Array } {
  const nodes: { u: number; v: number }[] = [];
  for (let j = 0; j < count; j++) {
    const u = (j + 0.5) / count;
    nodes.push({ u, v: Math.max(0, d.quantile(u)) });
  }
  for (let i = 1; i < c.from.length; i++) {
    const b = c.from[i];
    const u = d.cdf(b) / d.mass;
    if (!(u > 0 && u < 1)) continue;
    nodes.push({ u, v: b * (1 - 1e-12) }, { u, v: b });
  }
  nodes.sort((x, y) => x.u - y.u || x.v - y.v);
  return { u: Float64Array.from(nodes, (x) => x.u), values: Float64Array.from(nodes, (x) => x.v) };
}

/**
 * Each swing path's steps in pay between the density's level nodes: where a
 * period's attainment L·f crosses a jump g of the period curve (a gate, a
 * retroactive tier), at the level L = g / f, pay rises by the jump ÷ n. Kept
 * per path as (u, size), sorted: u the level's place among the nodes (their
 * u, linear in the level between two), as the grid reads the density.
 */
interface PathJumps {
  /** The u in [u0, u1] where pay reaches t on path k, between nodes paying y0 ≤ t < y1. */
  u(k: number, t: number, u0: number, u1: number, y0: number, y1: number): number;
}

const jumpScratch = { start: new Int32Array(0), U: new Float64Array(0), size: new Float64Array(0) };

function pathJumps(
  n: number,
  curve: FloatCurve,
  nodeValues: Float64Array,
  nodeU: Float64Array,
  swings: Float64Array,
  sigma: number,
): PathJumps | null {
  const gates: number[] = [];
  const sizes: number[] = [];
  for (let s = 1; s < curve.from.length; s++) {
    const g = curve.from[s];
    const size = curve.intercept[s] + curve.slope[s] * g - (curve.intercept[s - 1] + curve.slope[s - 1] * g);
    if (size > 1e-12 && g > 0) {
      gates.push(g);
      sizes.push(size / n);
    }
  }
  const J = nodeValues.length;
  if (gates.length === 0 || J < 2) return null;
  const K = swings.length / n;
  // Reused from one grid to the next, like the pay rows (read only inside the swingOutcome call that made them).
  const start = jumpScratch.start.length >= K + 1 ? jumpScratch.start : (jumpScratch.start = new Int32Array(K + 1));
  const cells = K * n * gates.length;
  if (jumpScratch.U.length < cells) {
    jumpScratch.U = new Float64Array(cells);
    jumpScratch.size = new Float64Array(cells);
  }
  const U = jumpScratch.U;
  const size = jumpScratch.size;
  start[0] = 0;
  let count = 0;
  for (let k = 0; k < K; k++) {
    const first = count;
    for (let p = 0; p < n; p++) {
      const f = 1 + sigma * swings[k * n + p];
      if (f <= 0) continue;
      for (let i = 0; i < gates.length; i++) {
        // The crossing level's place among the nodes, linear in the level between two of them.
        const level = gates[i] / f;
        if (!(level > nodeValues[0] && level < nodeValues[J - 1])) continue;
        let a = 0;
        let b = J - 1;
        while (b - a > 1) {
          const mid = (a + b) >>> 1;
          if (nodeValues[mid] <= level) a = mid;
          else b = mid;
        }
        const span = nodeValues[b] - nodeValues[a];
        const u = span > 0 ? nodeU[a] + ((level - nodeValues[a]) / span) * (nodeU[b] - nodeU[a]) : nodeU[a];
        // Insertion into the path's sorted run (a handful of entries).
        let at = count++;
        while (at > first && U[at - 1] > u) {
          U[at] = U[at - 1];
          size[at] = size[at - 1];
          at--;
        }
        U[at] = u;
        size[at] = sizes[i];
      }
    }
    start[k + 1] = count;
  }
  return {
    u(k, t, u0, u1, y0, y1) {
      if (!(u1 > u0)) return u0;
      // The path's steps inside (u0, u1].
      let first = start[k];
      const end = start[k + 1];
      while (first < end && U[first] <= u0) first++;
      let last = first;
      let stepped = 0;
      while (last < end && U[last] <= u1) stepped += size[last++];
      if (first === last) return linearU(t, u0, u1, y0, y1);
      // Between the steps pay rises linearly by what the steps leave of y1 − y0.
      const slope = Math.max(0, y1 - y0 - stepped) / (u1 - u0);
      let pos = u0;
      let level = y0;
      for (let i = first; i < last; i++) {
        const before = level + slope * (U[i] - pos);
        if (t < before) return slope > 0 ? pos + (t - level) / slope : pos;
        if (t < before + size[i]) return U[i];
        pos = U[i];
        level = before + size[i];
      }
      return slope > 0 ? Math.min(u1, pos + (t - level) / slope) : pos;
    },
  };
}

/** Where pay reaches t between two nodes (u0 paying y0 ≤ t, u1 paying y1 > t), pay linear in u between them. */
function linearU(t: number, u0: number, u1: number, y0: number, y1: number): number {
  return u0 + (y1 > y0 ? ((t - y0) / (y1 - y0)) * (u1 - u0) : 0);
}

/**
 * The weight at which a running sum of point weights has reached the q-th
 * share of `total`. Equal weights that reach it exactly (12 of 24 rep-years at
 * the median) may add up in doubles to an ulp short of it: a hair's tolerance
 * keeps the lower of the two pays such a tie lies between, as exact arithmetic
 * does, rather than leap across the gap between them.
 */
function reached(q: number, total: number): number {
  return q * total * (1 - 1e-12);
}

/** Largest index i in [0, len) of row `base` with pay[base + i] ≤ t (or < t when strict), −1 when none. */
function lastAtMost(pay: Float64Array, base: number, len: number, t: number, strict: boolean): number {
  let a = 0;
  let b = len;
  while (a < b) {
    const mid = (a + b) >>> 1;
    const y = pay[base + mid];
    if (strict ? y < t : y <= t) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/**
 * The distribution of pay on the grid. Point masses of the year level are
 * counted as they are; the density part is taken at LEVEL_NODES stratified
 * quantiles uₖ = (k + ½)/J and, on each path, pay is interpolated linearly in
 * u between them, so the pay CDF is continuous where the model's is and
 * exact in the year level up to that interpolation.
 */
function payGrid(
  n: number,
  curve: FloatCurve,
  ytd: readonly FloatCurve[] | null,
  level: FloatLevel,
  atoms: { values: Float64Array; weights: Float64Array },
  atomSwings: Float64Array,
  densitySwings: Float64Array,
  sigma: number,
  capStart: number | null,
  yearCap: number | null,
  yearGate: number | null,
  nodeCurve: FloatCurve | null,
): PayGrid {
  const Ka = atomSwings.length / n;
  const Kc = densitySwings.length / n;
  const d = level.continuous && level.continuous.mass > 0 ? level.continuous : null;
  const nodes = d
    ? densityNodes(
        d,
        nodeCurve ?? (ytd ? ytd[ytd.length - 1] : curve),
        ytd ? LEVEL_NODES * HOLD_NODE_FACTOR : LEVEL_NODES,
      )
    : { u: new Float64Array(0), values: new Float64Array(0) };
  const J = nodes.values.length;
  const U = nodes.u;
  const cont = nodes.values;
  const contMass = d ? d.mass : 0;
  // Trapezoid weights in u with flat ends: Σ w·pay is the integral of the interpolated pay.
  const contWeights = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    const left = j === 0 ? U[0] : (U[j] - U[j - 1]) / 2;
    const right = j === J - 1 ? 1 - U[J - 1] : (U[j + 1] - U[j]) / 2;
    contWeights[j] = contMass * (left + right);
  }
  const A = payRows(n, curve, ytd, atoms.values, atoms.weights, atomSwings, sigma, capStart, yearCap, yearGate, 0);
  const C = payRows(n, curve, ytd, cont, contWeights, densitySwings, sigma, capStart, yearCap, yearGate, 1);
  const m = atoms.values.length;
  const cumA = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) cumA[i + 1] = cumA[i] + atoms.weights[i];
  const total = cumA[m] + contMass;

  // The largest pay on the grid (each row ascends; its last).
  let hi = 0;
  if (m > 0) for (let k = 0; k < Ka; k++) hi = Math.max(hi, A.pay[k * m + m - 1]);
  if (J > 0) for (let k = 0; k < Kc; k++) hi = Math.max(hi, C.pay[k * J + J - 1]);
  const cappedShare = ((m > 0 ? A.capped / Ka : 0) + (J > 0 ? C.capped / Kc : 0)) / total;
  let weighted = 0;
  // Only an annual cap or gate reads the mean: the grid is walked for it then alone.
  const annual = yearCap !== null || yearGate !== null;
  if (annual)
    for (let k = 0; k < Ka; k++) for (let i = 0; i < m; i++) weighted += (atoms.weights[i] / Ka) * A.pay[k * m + i];
  if (annual)
    for (let k = 0; k < Kc; k++) for (let j = 0; j < J; j++) weighted += (contWeights[j] / Kc) * C.pay[k * J + j];
  const mean = total > 0 ? weighted / total : 0;
  const monotone = curve.nonDecreasing && (ytd === null || ytd.every((c) => c.nonDecreasing));
  if (!monotone)
    return { ...histogramGrid(A.pay, atoms.weights, Ka, C.pay, contWeights, Kc, cappedShare, total), mean };

  // Where a period crosses a jump of the curve (a gate) between two level nodes, pay steps there: counted as a step
  // at its own level, not spread over the interval (which put P10 inside the gap the step leaves).
  const jumps =
    d && ytd === null && yearCap === null && yearGate === null
      ? pathJumps(n, curve, cont, U, densitySwings, sigma)
      : null;
  /** P(pay ≤ t), or P(pay < t) when strict. */
  // The same points are asked for by several percentiles (0 and the top of every search): each is counted once.
  const known = new Map<number, number>();
  const cdf = (t: number, strict: boolean): number => {
    if (strict) return count(t, true);
    let c = known.get(t);
    if (c === undefined) known.set(t, (c = count(t, false)));
    return c;
  };
  const count = (t: number, strict: boolean): number => {
    let atomsBelow = 0;
    if (m > 0) for (let k = 0; k < Ka; k++) atomsBelow += cumA[lastAtMost(A.pay, k * m, m, t, strict) + 1];
    let sum = 0;
    if (J > 0)
      for (let k = 0; k < Kc; k++) {
        const base = k * J;
        const j = lastAtMost(C.pay, base, J, t, strict);
        let u: number;
        if (j < 0) u = 0;
        else if (j === J - 1) u = 1;
        else {
          const y0 = C.pay[base + j];
          const y1 = C.pay[base + j + 1];
          u = jumps === null ? linearU(t, U[j], U[j + 1], y0, y1) : jumps.u(k, t, U[j], U[j + 1], y0, y1);
        }
        sum += contMass * u;
      }
    return ((m > 0 ? atomsBelow / Ka : 0) + (J > 0 ? sum / Kc : 0)) / total;
  };
  // A histogram of the grid's pay gives each percentile a bracket of a few bins to start from (checked
  // against the CDF before use), so the search takes a handful of steps instead of walking in from [0, max].
  const bins = 1024;
  const width = hi > 0 ? hi / bins : 1;
  histogram.fill(0);
  const hist = histogram;
  // A point's weight on the grid: its level's, shared among its part's paths.
  const atomShare = new Float64Array(m);
  for (let i = 0; i < m; i++) atomShare[i] = atoms.weights[i] / Ka;
  const contShare = new Float64Array(J);
  for (let j = 0; j < J; j++) contShare[j] = contWeights[j] / Kc;
  const perWidth = 1 / width;
  const fill = (pay: Float64Array, share: Float64Array, K: number) => {
    const L = share.length;
    for (let k = 0; k < K; k++)
      for (let i = 0; i < L; i++) {
        // Pays lie in [0, hi]: the bin is the integer part, the top pay in the last bin.
        let b = (pay[k * L + i] * perWidth) | 0;
        if (b > bins) b = bins;
        else if (b < 0) b = 0;
        hist[b] += share[i];
      }
  };
  fill(A.pay, atomShare, Ka);
  fill(C.pay, contShare, Kc);
  const bracketOf = (q: number): [number, number] | null => {
    let acc = 0;
    for (let i = 0; i <= bins; i++) {
      acc += hist[i];
      if (acc >= reached(q, total)) return [Math.max(0, (i - 2) * width), Math.min(hi, (i + 3) * width)];
    }
    return null;
  };
  return {
    mean,
    probCapped: Math.min(1, cappedShare),
    probAtLeast: (t) => Math.min(1, Math.max(0, 1 - cdf(t - 1e-12, true))),
    quantile: (q) => {
      const start = bracketOf(q);
      if (J === 0 && start !== null) {
        // Point masses only: pay is a weighted sample, and its percentile is one of its values. Walk the
        // sorted pays inside the bracket from the CDF at its low end (each path's row ascends: two searches).
        const [lo, up] = start;
        // Each path's pays at or below lo and up (rows ascend: two searches a path), which also give the CDF at both
        // ends, added in the same order as count() adds them, so the same numbers.
        const firsts = new Int32Array(Ka);
        const lasts = new Int32Array(Ka);
        let below = 0;
        let upTo = 0;
        for (let k = 0; k < Ka; k++) {
          const base = k * m;
          firsts[k] = lastAtMost(A.pay, base, m, lo, false) + 1;
          lasts[k] = lastAtMost(A.pay, base, m, up, false);
          below += cumA[firsts[k]];
          upTo += cumA[lasts[k] + 1];
        }
        let acc = (below / Ka / total) * total;
        if (acc < reached(q, total) && (upTo / Ka / total) * total >= reached(q, total)) {
          // The pays in (lo, up], path by path, then in ascending order (ties in that order, as a stable sort).
          let count = 0;
          for (let k = 0; k < Ka; k++) if (lasts[k] >= firsts[k]) count += lasts[k] - firsts[k] + 1;
          const ys = new Float64Array(count);
          const atom = new Int32Array(count);
          count = 0;
          for (let k = 0; k < Ka; k++)
            for (let i = firsts[k]; i <= lasts[k]; i++) {
              ys[count] = A.pay[k * m + i];
              atom[count++] = i;
            }
          sortByPay(ys, atom, 0, count - 1);
          for (let o = 0; o < count; o++) {
            acc += atomShare[atom[o]];
            if (acc >= reached(q, total)) return ys[o];
          }
        }
      }
      const [a, b] = quantileOf(cdf, q, hi, start);
      // A point mass of pay (a level on a flat stretch of the curve) makes a jump in the CDF: the
      // percentile is then that pay exactly, the least pay of an atom in the last bracket.
      let least = Infinity;
      for (let k = 0; k < Ka; k++) {
        // The row's first pay above a (rows ascend): the least of this path's pays in (a, b], if it is ≤ b.
        const i = lastAtMost(A.pay, k * m, m, a, false) + 1;
        if (i < m) {
          const y = A.pay[k * m + i];
          if (y <= b && y < least) least = y;
        }
      }
      return least < Infinity ? least : b;
    },
  };
}

/**
 * Sorts ys[lo..hi] ascending, moving each pay's atom with it (quicksort on the
 * two typed arrays, insertion sort for short runs: no comparator calls). Tied
 * pays may end in any order: the pay returned at a share is the same.
 */
function sortByPay(ys: Float64Array, atom: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const pivot = ys[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ys[i] < pivot) i++;
      while (ys[j] > pivot) j--;
      if (i <= j) {
        const y = ys[i];
        ys[i] = ys[j];
        ys[j] = y;
        const a = atom[i];
        atom[i] = atom[j];
        atom[j] = a;
        i++;
        j--;
      }
    }
    // The shorter side by recursion, the longer by the loop: the stack stays logarithmic.
    if (j - lo < hi - i) {
      sortByPay(ys, atom, lo, j);
      lo = i;
    } else {
      sortByPay(ys, atom, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const y = ys[i];
    const a = atom[i];
    let j = i - 1;
    while (j >= lo && ys[j] > y) {
      ys[j + 1] = ys[j];
      atom[j + 1] = atom[j];
      j--;
    }
    ys[j + 1] = y;
    atom[j + 1] = a;
  }
}

/**
 * A bracket (a, b] around the least t with cdf(t) ≥ q on [0, hi], for a non-decreasing cdf:
 * regula falsi with the Illinois step (a handful of evaluations where the
 * CDF is smooth), falling back to bisection when a side stalls; stops at a
 * bracket of 1e-10 of the range (a hundred-thousandth of a cent on 100,000 of target). Deterministic: the same steps every run.
 */
function quantileOf(
  cdf: (t: number, strict: boolean) => number,
  q: number,
  hi: number,
  start: readonly [number, number] | null,
): [number, number] {
  let a = 0;
  let fa = cdf(0, false) - q;
  if (fa >= 0) return [-1, 0];
  let b = hi;
  let fb = cdf(b, false) - q;
  if (fb < 0) return [hi, hi];
  // A narrower first bracket, when the one offered holds the answer.
  if (start !== null && start[0] > a && start[1] < b) {
    const fs0 = cdf(start[0], false) - q;
    const fs1 = cdf(start[1], false) - q;
    if (fs0 < 0 && fs1 >= 0) {
      a = start[0];
      fa = fs0;
      b = start[1];
      fb = fs1;
    }
  }
  let side = 0;
  for (let i = 0; i < 100 && b - a > 1e-10 * Math.max(1, hi); i++) {
    let t = fb - fa > 0 ? (a * fb - b * fa) / (fb - fa) : (a + b) / 2;
    if (!(t > a && t < b) || i % 8 === 7) t = (a + b) / 2;
    const ft = cdf(t, false) - q;
    if (ft >= 0) {
      b = t;
      fb = ft;
      if (side === 1) fa /= 2;
      side = 1;
    } else {
      a = t;
      fa = ft;
      if (side === -1) fb /= 2;
      side = -1;
    }
  }
  return [a, b];
}

/** For a curve that falls somewhere: every grid point a weighted sample, quantiles from a histogram and one sorted bin. */
function histogramGrid(
  payA: Float64Array,
  weightsA: Float64Array,
  Ka: number,
  payC: Float64Array,
  weightsC: Float64Array,
  Kc: number,
  probCapped: number,
  total: number,
): Omit<PayGrid, "mean"> {
  const points: { y: number; w: number }[] = [];
  const m = weightsA.length;
  const J = weightsC.length;
  for (let k = 0; k < Ka; k++) for (let i = 0; i < m; i++) points.push({ y: payA[k * m + i], w: weightsA[i] / Ka });
  for (let k = 0; k < Kc; k++) for (let j = 0; j < J; j++) points.push({ y: payC[k * J + j], w: weightsC[j] / Kc });
  points.sort((x, z) => x.y - z.y);
  const mass = total;
  return {
    probCapped: Math.min(1, probCapped),
    probAtLeast: (t) => {
      let sum = 0;
      for (const p of points) if (p.y >= t - 1e-12) sum += p.w;
      return Math.min(1, Math.max(0, sum / mass));
    },
    quantile: (q) => {
      let acc = 0;
      for (const p of points) {
        acc += p.w;
        if (acc >= reached(q, mass)) return p.y;
      }
      return points.length ? points[points.length - 1].y : 0;
    },
  };
}

import { evalCurve, type FloatCurve } from "./floatCurve";
import type { FloatDensity } from "./floatLevel";

/**
 * What holding adds on a cumulative (YTD) plan whose negative true-ups are
 * held: on one swing path, with f_k = 1 + mean(d_1..d_k) the year-to-date
 * attainment over the level after period k (f_n = 1), the year pays the most
 * the YTD payout ever reached, max_k (k/n)·c_k(L·f_k), so it adds
 * e(L) = max(0, max_{k<n} (k/n)·c_k(L·f_k) − c_n(L)) to the year-end payout.
 * Between the breakpoints of all the YTD lines each line is linear in L, so
 * e is piecewise linear, cut where the lines cross.
 */

/** The growth factors f_1..f_n of path k (the swings of a year add up to 0: f_n is 1 exactly). */
function pathFactors(swings: Float64Array, k: number, n: number, f: Float64Array): void {
  let cum = 0;
  for (let p = 0; p < n; p++) {
    cum += swings[k * n + p];
    f[p] = p === n - 1 ? 1 : 1 + cum / (p + 1);
  }
}

/** Scratch space for forEachPiece, sized once per set of YTD curves (no allocation per path). */
interface PieceScratch {
  readonly cuts: Float64Array;
  readonly points: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
}

function pieceScratch(ytd: readonly FloatCurve[], n: number): PieceScratch {
  let cuts = 2;
  for (let p = 0; p < n; p++) cuts += ytd[p].from.length - 1;
  return {
    cuts: new Float64Array(cuts),
    points: new Float64Array(2 + (n - 1) + ((n - 1) * (n - 2)) / 2),
    alpha: new Float64Array(n),
    beta: new Float64Array(n),
  };
}

/**
 * Sorts xs[0..len) ascending in place, stably, equal values (0 and −0 among
 * them) kept in their order: exactly what Array.prototype.sort((a, b) => a − b)
 * gives, on the short lists here without its cost.
 */
function sortAscending(xs: Float64Array, len: number): void {
  for (let i = 1; i < len; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

/**
 * e on one path as consecutive pieces [y0, y1) of [0, ∞), each the line
 * A + B·L (A = B = 0 where holding adds nothing), in ascending order.
 */
function forEachPiece(
  ytd: readonly FloatCurve[],
  f: Float64Array,
  n: number,
  scratch: PieceScratch,
  piece: (y0: number, y1: number, a: number, b: number) => void,
): void {
  const { cuts, points, alpha, beta } = scratch;
  cuts[0] = 0;
  cuts[1] = Infinity;
  let cutCount = 2;
  for (let p = 0; p < n; p++) {
    const fp = f[p];
    if (fp > 0) {
      const from = ytd[p].from;
      for (let i = 1; i < from.length; i++) cuts[cutCount++] = from[i] / fp;
    }
  }
  sortAscending(cuts, cutCount);
  for (let c = 0; c + 1 < cutCount; c++) {
    const x0 = cuts[c];
    const x1 = cuts[c + 1];
    if (!(x1 > x0)) continue;
    const probe = x1 === Infinity ? x0 + 1 : (x0 + x1) / 2;
    // Each YTD line on this interval: α_p + β_p·L.
    for (let p = 0; p < n; p++) {
      const share = (p + 1) / n;
      const curve = ytd[p];
      if (f[p] <= 0) {
        alpha[p] = share * evalCurve(curve, 0);
        beta[p] = 0;
        continue;
      }
      let j = curve.from.length - 1;
      while (j > 0 && probe * f[p] < curve.from[j]) j--;
      alpha[p] = share * curve.intercept[j];
      beta[p] = share * curve.slope[j] * f[p];
    }
    const a0 = alpha[n - 1];
    const b0 = beta[n - 1];
    // Candidate points where the maximum of {0, line_p − line_n} may change hands, those inside [x0, x1] kept.
    points[0] = x0;
    points[1] = x1;
    let count = 2;
    for (let p = 0; p < n - 1; p++) {
      const ap = alpha[p] - a0;
      const bp = beta[p] - b0;
      if (bp !== 0) {
        const x = -ap / bp;
        if (x >= x0 && x <= x1) points[count++] = x;
      }
      for (let q = p + 1; q < n - 1; q++) {
        const db = bp - (beta[q] - b0);
        if (db !== 0) {
          const x = (alpha[q] - a0 - ap) / db;
          if (x >= x0 && x <= x1) points[count++] = x;
        }
      }
    }
    sortAscending(points, count);
    for (let i = 0; i + 1 < count; i++) {
      const y0 = points[i];
      const y1 = points[i + 1];
      if (!(y1 > y0)) continue;
      const mid = y1 === Infinity ? y0 + 1 : (y0 + y1) / 2;
      let bestA = 0;
      let bestB = 0;
      let best = 0;
      for (let p = 0; p < n - 1; p++) {
        const v = alpha[p] - a0 + (beta[p] - b0) * mid;
        if (v > best) {
          best = v;
          bestA = alpha[p] - a0;
          bestB = beta[p] - b0;
        }
      }
      piece(y0, y1, bestA, bestB);
    }
  }
}

/**
 * E over the density part of the level of e(L), averaged over the swing
 * paths: each piece is a mass and a partial first moment of the density.
 */
export function heldExcessOverDensity(
  ytd: readonly FloatCurve[],
  d: FloatDensity,
  swings: Float64Array,
  n: number,
): number {
  const K = swings.length / n;
  const f = new Float64Array(n);
  const scratch = pieceScratch(ytd, n);
  // The density's mass and first moment below x, for the last two points asked (a piece's end is the next one's start).
  const massAt = new Float64Array(2);
  const momentAt = new Float64Array(2);
  const pointAt = Float64Array.of(NaN, NaN);
  let newest = 0;
  const both = new Float64Array(2);
  const at = (x: number): number => {
    if (Object.is(pointAt[newest], x)) return newest;
    if (Object.is(pointAt[1 - newest], x)) return 1 - newest;
    newest = 1 - newest;
    pointAt[newest] = x;
    if (x === Infinity) {
      massAt[newest] = d.mass;
      momentAt[newest] = d.moment(Infinity);
    } else {
      d.cdfMoment(x, both);
      massAt[newest] = both[0];
      momentAt[newest] = both[1];
    }
    return newest;
  };
  let total = 0;
  let pathTotal = 0;
  const piece = (y0: number, y1: number, a: number, b: number) => {
    if (a === 0 && b === 0) return;
    const lo = at(y0);
    const loP = massAt[lo];
    const loM = momentAt[lo];
    const hi = at(y1);
    pathTotal += a * (massAt[hi] - loP) + b * (momentAt[hi] - loM);
  };
  for (let k = 0; k < K; k++) {
    pathFactors(swings, k, n, f);
    pathTotal = 0;
    forEachPiece(ytd, f, n, scratch, piece);
    total += pathTotal;
  }
  return total / K;
}

/**
 * G(L) = e(L) averaged over the swing paths, exactly: the sum of the paths'
 * piecewise-linear functions is piecewise linear, with a knot wherever a path
 * has one. Built once per plan and swing, it prices any point mass of the
 * level in a binary search — a history's rep-years on as many paths as the
 * density gets, where pricing each (level, path) pair would cost paths × levels.
 */
export interface HeldExcessCurve {
  /** G at level L ≥ 0 (right-continuous: a gate's jump counts at the gate). */
  at(level: number): number;
}

export function heldExcessCurve(ytd: readonly FloatCurve[], swings: Float64Array, n: number): HeldExcessCurve {
  const K = swings.length / n;
  const f = new Float64Array(n);
  const scratch = pieceScratch(ytd, n);
  // Each path adds, at each knot, the change of its line: ΔA (intercept) and ΔB (slope).
  const xs: number[] = [];
  const dA: number[] = [];
  const dB: number[] = [];
  for (let k = 0; k < K; k++) {
    pathFactors(swings, k, n, f);
    let a0 = 0;
    let b0 = 0;
    forEachPiece(ytd, f, n, scratch, (y0, _y1, a, b) => {
      if (a === a0 && b === b0) return;
      xs.push(y0);
      dA.push(a - a0);
      dB.push(b - b0);
      a0 = a;
      b0 = b;
    });
  }
  const knots = uniqueSorted(Float64Array.from(xs).sort());
  // Summed per knot in the paths' order, then cumulated in the knots': the same bits on every run.
  const sumA = new Float64Array(knots.length);
  const sumB = new Float64Array(knots.length);
  for (let i = 0; i < xs.length; i++) {
    const j = lastAtOrBelow(knots, xs[i]);
    sumA[j] += dA[i];
    sumB[j] += dB[i];
  }
  for (let j = 1; j < knots.length; j++) {
    sumA[j] += sumA[j - 1];
    sumB[j] += sumB[j - 1];
  }
  return {
    at: (level) => {
      const j = lastAtOrBelow(knots, level);
      return j < 0 ? 0 : Math.max(0, (sumA[j] + sumB[j] * level) / K);
    },
  };
}

function uniqueSorted(sorted: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i];
  return sorted.subarray(0, m);
}

/** The largest j with xs[j] ≤ x, −1 when none (xs ascending). */
function lastAtOrBelow(xs: Float64Array, x: number): number {
  let a = 0;
  let b = xs.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (xs[mid] <= x) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

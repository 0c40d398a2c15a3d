import { Decimal, ZERO, ONE } from "../decimal";
import type { MeasurePlan, Tier, TierMode } from "../types";
import { assertNever } from "../assertNever";

/**
 * A tier table turned into a piecewise-linear schedule y(x) on x ≥ 0, where x is
 * attainment or credited amount (TierBasis) and y is in the plan's rate unit
 * (multiple of target for Multiplier rates at attainment basis; see `moneyAt` in
 * measureRule.ts for how y becomes money). Breakpoints are exact Decimals straight
 * from the tiers.
 *
 * Each piece holds on [from, to): y = intercept + slope × x. `rate` is the rate of
 * the band that x falls in (what statements call "the rate reached").
 */
export interface SchedulePiece {
  readonly from: Decimal;
  readonly to: Decimal | null;
  readonly intercept: Decimal;
  readonly slope: Decimal;
  readonly rate: Decimal;
  /**
   * The piece as exact finite decimals over a denominator, y = (intercept + slope × x) ÷ den,
   * where intercept and slope above are a 34-digit quotient (a curve's slope between two
   * points: 0.6 ÷ 0.37 has no finite decimal). The kernel prices on this; absent = den 1.
   */
  readonly exact?: { readonly intercept: Decimal; readonly slope: Decimal; readonly den: Decimal };
}

export type TierSchedule = readonly SchedulePiece[];

/** No Tiers rows: 1.0× from 0, uncapped. */
export const DEFAULT_TIERS: readonly Tier[] = [{ from: ZERO, to: null, rate: ONE }];

export function tiersOf(measure: MeasurePlan): readonly Tier[] {
  return measure.tiers.length > 0 ? measure.tiers : DEFAULT_TIERS;
}

export function buildSchedule(mode: TierMode, tiers: readonly Tier[]): TierSchedule {
  const sorted = [...tiers].sort((a, b) => a.from.comparedTo(b.from));
  switch (mode) {
    case "Marginal":
      return marginal(sorted);
    case "Retroactive":
      return retroactive(sorted);
    case "Curve":
      return curvePoints(sorted);
    default:
      return assertNever(mode);
  }
}

/** Value of a marginal tier table at x: each band pays its rate on the slice of x inside it. */
export function marginalValue(tiers: readonly Tier[], x: Decimal): Decimal {
  let y = ZERO;
  for (const t of tiers) {
    if (x.lte(t.from)) continue;
    const top = t.to !== null && t.to.lt(x) ? t.to : x;
    y = y.plus(t.rate.times(top.minus(t.from)));
  }
  return y;
}

function marginal(tiers: readonly Tier[]): TierSchedule {
  // Every band edge is a breakpoint; between two, the slope is the sum of the
  // rates of the bands covering that interval (gaps pay 0, overlaps add up).
  const edges = uniqueSorted([ZERO, ...tiers.flatMap((t) => (t.to === null ? [t.from] : [t.from, t.to]))]).filter((e) =>
    e.gte(ZERO),
  );
  const pieces: SchedulePiece[] = [];
  for (let i = 0; i < edges.length; i++) {
    const from = edges[i];
    const to = i + 1 < edges.length ? edges[i + 1] : null;
    let slope = ZERO;
    for (const t of tiers) {
      if (t.from.lte(from) && (t.to === null || (to !== null && t.to.gte(to)))) slope = slope.plus(t.rate);
    }
    const yAtFrom = marginalValue(tiers, from);
    pieces.push({ from, to, intercept: yAtFrom.minus(slope.times(from)), slope, rate: rateAt(tiers, from) });
  }
  return mergeAdjacent(pieces);
}

function retroactive(tiers: readonly Tier[]): TierSchedule {
  // Everything at the rate of the band reached: the band with the greatest From ≤ x.
  const pieces: SchedulePiece[] = [];
  if (tiers.length === 0 || tiers[0].from.gt(ZERO)) {
    pieces.push({ from: ZERO, to: tiers.length ? tiers[0].from : null, intercept: ZERO, slope: ZERO, rate: ZERO });
  }
  tiers.forEach((t, i) => {
    const to = i + 1 < tiers.length ? tiers[i + 1].from : null;
    if (to !== null && to.lte(t.from)) return;
    const from = t.from.lt(ZERO) ? ZERO : t.from;
    pieces.push({ from, to, intercept: ZERO, slope: t.rate, rate: t.rate });
  });
  return pieces;
}

function curvePoints(points: readonly Tier[]): TierSchedule {
  // Points (From = attainment, Rate = payout multiple), linear between them,
  // 0 below the first, flat after the last.
  const pieces: SchedulePiece[] = [];
  if (points.length === 0) return [{ from: ZERO, to: null, intercept: ZERO, slope: ZERO, rate: ZERO }];
  if (points[0].from.gt(ZERO)) {
    pieces.push({ from: ZERO, to: points[0].from, intercept: ZERO, slope: ZERO, rate: ZERO });
  }
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i];
    const q = points[i + 1];
    if (q.from.eq(p.from)) continue;
    // y = [p.rate × (q.from − x) + q.rate × (x − p.from)] ÷ (q.from − p.from): exact over its denominator.
    const den = q.from.minus(p.from);
    const rise = q.rate.minus(p.rate);
    const slope = rise.div(den);
    const exact = { intercept: p.rate.times(q.from).minus(q.rate.times(p.from)), slope: rise, den };
    pieces.push({ from: p.from, to: q.from, intercept: p.rate.minus(slope.times(p.from)), slope, rate: slope, exact });
  }
  const last = points[points.length - 1];
  pieces.push({ from: last.from, to: null, intercept: last.rate, slope: ZERO, rate: ZERO });
  return pieces.filter((p) => p.to === null || p.to.gt(ZERO)).map((p) => (p.from.lt(ZERO) ? { ...p, from: ZERO } : p));
}

/** Rate of the band containing x (From ≤ x < To); 0 in a gap. */
export function rateAt(tiers: readonly Tier[], x: Decimal): Decimal {
  let rate = ZERO;
  for (const t of tiers) {
    if (t.from.lte(x) && (t.to === null || x.lt(t.to))) rate = t.rate;
  }
  return rate;
}

/** Index of the piece containing x (x below the first piece maps to the first). */
export function pieceIndex(schedule: TierSchedule, x: Decimal): number {
  // Linear scan: tier tables have a handful of bands, and this beats a binary search there.
  for (let i = schedule.length - 1; i > 0; i--) {
    if (x.gte(schedule[i].from)) return i;
  }
  return 0;
}

function uniqueSorted(values: readonly Decimal[]): Decimal[] {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return sorted.filter((v, i) => i === 0 || !v.eq(sorted[i - 1]));
}

function mergeAdjacent(pieces: readonly SchedulePiece[]): SchedulePiece[] {
  const out: SchedulePiece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev && prev.slope.eq(p.slope) && prev.intercept.eq(p.intercept) && prev.rate.eq(p.rate)) {
      out[out.length - 1] = { ...prev, to: p.to };
    } else {
      out.push(p);
    }
  }
  return out;
}

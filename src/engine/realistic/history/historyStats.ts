import { Decimal, ZERO, sq } from "../../decimal";
import type { PeriodsPerYear } from "../../types";
import {
  correlationFromLagRatio,
  DEFAULT_PERIOD_CORRELATION,
  DEFAULT_QUARTER_SPREAD,
  spreadForPeriods,
  type PeriodSwing,
} from "../swing/periodSwing";
import { detSqrt } from "../swing/detMath";
import type { RepYear } from "./repYears";

/**
 * What AttainmentHistory says about period swings: the spread of period
 * attainment around each rep-year's level (relative deviations d = A/level − 1,
 * which average to 0 inside a rep-year by construction, as in the model), and
 * the lag-one correlation of the underlying swing path, matched to the pooled
 * ratio Σ d_p·d_{p+1} ÷ Σ d_p² of the centred deviations.
 */
export interface HistorySwing {
  /** Standard deviation of period attainment around the year's level, relative, at `periodsPerYear`. */
  readonly spread: Decimal;
  readonly correlation: Decimal;
  readonly periodsPerYear: PeriodsPerYear;
  /** Rep-years it was measured on. */
  readonly repYears: number;
}

/** Null when no rep-year has two or more periods. Uses the most common grain when grains are mixed. */
export function historySwing(years: readonly RepYear[]): HistorySwing | null {
  const byGrain = new Map<PeriodsPerYear, RepYear[]>();
  for (const y of years) {
    if (y.periods.length < 2 || !y.level.gt(ZERO)) continue;
    const list = byGrain.get(y.periodsPerYear) ?? [];
    list.push(y);
    byGrain.set(y.periodsPerYear, list);
  }
  let grain: PeriodsPerYear | null = null;
  byGrain.forEach((list, g) => {
    if (
      grain === null ||
      list.length > byGrain.get(grain)!.length ||
      (list.length === byGrain.get(grain)!.length && g < grain)
    )
      grain = g;
  });
  if (grain === null) return null;
  const used = byGrain.get(grain)!;
  // A statistic of the data, summed in doubles (120,000 quarters at 10,000 reps): far inside what it estimates.
  let squares = 0;
  let lagged = 0;
  let count = 0;
  for (const y of used) {
    const level = y.level.toNumber();
    let before = 0;
    y.periods.forEach((a, p) => {
      const x = a.toNumber() / level - 1;
      squares += x * x;
      if (p > 0) lagged += before * x;
      before = x;
    });
    count += y.periods.length;
  }
  // To 12 significant digits: what the sum in doubles carries (a spread of exactly 20% reads 0.2, not 0.19999999999999996).
  const spread = new Decimal(detSqrt(squares / count).toPrecision(12));
  const ratio = squares === 0 ? 0 : lagged / squares;
  const correlation = squares === 0 ? ZERO : new Decimal(correlationFromLagRatio(grain, ratio).toFixed(4));
  return { spread, correlation, periodsPerYear: grain, repYears: used.length };
}

/**
 * The swing for a plan of `periods` periods a year when no scenario states
 * one: the history's, else the default, carried to that period length; none
 * for an annual plan.
 */
export function swingFromHistory(measured: HistorySwing | null, periods: number): PeriodSwing {
  if (periods <= 1) return { spread: ZERO, correlation: ZERO };
  if (measured === null)
    return { spread: spreadForPeriods(DEFAULT_QUARTER_SPREAD, 4, periods), correlation: DEFAULT_PERIOD_CORRELATION };
  return {
    spread: spreadForPeriods(measured.spread, measured.periodsPerYear, periods),
    correlation: measured.correlation,
  };
}

/** One year of the org: its attainment and the spread of its reps around it. */
export interface OrgYear {
  readonly year: number;
  /** Σ quota × level ÷ Σ quota when every rep-year has a quota, else the mean level. */
  readonly attainment: Decimal;
  readonly reps: number;
  /** Variance of rep levels within the year (n − 1 divisor). */
  readonly repVariance: Decimal;
  /** Effective number of independent members, (Σq)² ÷ Σq² (the rep count with equal quotas). */
  readonly effectiveReps: Decimal;
}

export function orgYears(years: readonly RepYear[]): OrgYear[] {
  const byYear = new Map<number, RepYear[]>();
  for (const y of years) {
    if (y.year === null) continue;
    const list = byYear.get(y.year) ?? [];
    list.push(y);
    byYear.set(y.year, list);
  }
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, list]) => {
      const weighted = list.every((y) => y.quota !== null && y.quota.gt(ZERO));
      const w = list.map((y) => (weighted ? y.quota! : new Decimal(1)));
      const total = w.reduce((s, x) => s.plus(x), ZERO);
      const attainment = list.reduce((s, y, k) => s.plus(w[k].times(y.level)), ZERO).div(total);
      const mean = list.reduce((s, y) => s.plus(y.level), ZERO).div(list.length);
      const repVariance =
        list.length < 2 ? ZERO : list.reduce((s, y) => s.plus(sq(y.level.minus(mean))), ZERO).div(list.length - 1);
      const squares = w.reduce((s, x) => s.plus(x.times(x)), ZERO);
      return { year, attainment, reps: list.length, repVariance, effectiveReps: total.times(total).div(squares) };
    });
}

/** Fewest years of org history from which a correlation between members is estimated. */
export const MIN_YEARS_FOR_CORRELATION = 3;

/**
 * Correlation between members' year levels, from how much the org's year
 * attainment moves from year to year beyond what independent reps explain:
 * Var(org) = σ²/n_eff · (1 + (n_eff − 1)ρ)  ⇒  ρ = (n_eff·Var(org)/σ² − 1)/(n_eff − 1),
 * with σ² the mean within-year variance of rep levels. Clamped to [0, 1];
 * null with fewer than MIN_YEARS_FOR_CORRELATION years.
 */
export function teamCorrelationFromHistory(years: readonly OrgYear[]): Decimal | null {
  const usable = years.filter((y) => y.reps >= 2);
  if (usable.length < MIN_YEARS_FOR_CORRELATION) return null;
  const mean = usable.reduce((s, y) => s.plus(y.attainment), ZERO).div(usable.length);
  const orgVariance = usable.reduce((s, y) => s.plus(sq(y.attainment.minus(mean))), ZERO).div(usable.length - 1);
  const repVariance = usable.reduce((s, y) => s.plus(y.repVariance), ZERO).div(usable.length);
  const n = usable.reduce((s, y) => s.plus(y.effectiveReps), ZERO).div(usable.length);
  if (repVariance.isZero() || n.lte(1)) return null;
  const rho = n.times(orgVariance).div(repVariance).minus(1).div(n.minus(1));
  const clamped = Decimal.min(1, Decimal.max(0, rho));
  return clamped.toDecimalPlaces(4);
}

/** Standard deviation of the org's year attainment across years (n − 1 divisor); null with fewer than 2 years. */
export function orgYearSpread(years: readonly OrgYear[]): Decimal | null {
  if (years.length < 2) return null;
  const mean = years.reduce((s, y) => s.plus(y.attainment), ZERO).div(years.length);
  return years
    .reduce((s, y) => s.plus(sq(y.attainment.minus(mean))), ZERO)
    .div(years.length - 1)
    .sqrt();
}

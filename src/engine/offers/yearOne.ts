import { toDay, fromDay } from "../calendar";
import { Decimal, ONE, max, sum } from "../decimal";
import type { IsoDate } from "../types";

const TWELVE = new Decimal(12);

/** What shapes the variable pay of the first 12 months, in the offer's currency. */
export interface YearOneTerms {
  readonly targetVariable: Decimal;
  /** Steady-state expected annual variable (a full year at the expected attainment). */
  readonly expectedVariable: Decimal;
  /** Ramp months at the start, 0–12. */
  readonly rampMonths: number;
  /** Share of monthly target variable guaranteed in each ramp month (non-recoverable); null = none. */
  readonly rampGuarantee: Decimal | null;
  /** Non-recoverable monthly draw over year one; null = none (a recoverable draw only moves pay earlier). */
  readonly nonRecoverableDraw: Decimal | null;
}

/**
 * Ramp factor of tenure month k: a linear ramp over R months reaches full
 * productivity in month R + 1, so month k (k ≤ R) earns k ÷ (R + 1) of a
 * full month's expected variable (R = 3: 25%, 50%, 75%, then 100%).
 */
export function rampFactor(month: number, rampMonths: number): Decimal {
  return month <= rampMonths ? new Decimal(month).div(rampMonths + 1) : ONE;
}

/**
 * Expected variable of each of the 12 months of year one, month 1 first:
 *   max(ramped expected, ramp guarantee (ramp months only), non-recoverable draw)
 * where ramped expected = rampFactor(k) × expected annual variable ÷ 12 and the
 * guarantee is RampGuarantee × target variable ÷ 12. The floors are applied to
 * the month's expected pay (not outcome by outcome), which is exact whenever a
 * floor is either above or below every likely outcome — the usual case for a
 * ramp guarantee — and otherwise slightly understates the floor's value.
 */
export function yearOneMonths(terms: YearOneTerms): Decimal[] {
  const monthlyExpected = terms.expectedVariable.div(TWELVE);
  const guarantee = terms.rampGuarantee === null ? null : terms.rampGuarantee.times(terms.targetVariable).div(TWELVE);
  return Array.from({ length: 12 }, (_, i) => {
    const k = i + 1;
    let pay = monthlyExpected.times(rampFactor(k, terms.rampMonths));
    if (guarantee !== null && k <= terms.rampMonths) pay = max(pay, guarantee);
    if (terms.nonRecoverableDraw !== null) pay = max(pay, terms.nonRecoverableDraw);
    return pay;
  });
}

/** Expected variable over year one (unrounded; the caller rounds once). */
export function yearOneVariable(terms: YearOneTerms): Decimal {
  return sum(yearOneMonths(terms));
}

/** The last day of the 12th month of tenure: the day before the first anniversary (29 Feb → 28 Feb). */
export function yearOneEnd(start: IsoDate): IsoDate {
  const y = Number(start.slice(0, 4)) + 1;
  const md = start.slice(5);
  const anniversary = md === "02-29" ? `${String(y).padStart(4, "0")}-03-01` : `${String(y).padStart(4, "0")}-${md}`;
  return fromDay(toDay(anniversary) - 1);
}

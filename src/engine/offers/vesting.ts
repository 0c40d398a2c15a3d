import { Decimal, ZERO } from "../decimal";
import { roundMoney } from "../exact/rounding";
import type { VestingFrequency } from "./types";

const STEP_MONTHS: Readonly<Record<VestingFrequency, number>> = { Monthly: 1, Quarterly: 3, Annual: 12 };

export interface VestingSchedule {
  readonly vestingYears: number;
  readonly cliffMonths: number;
  readonly frequency: VestingFrequency;
}

/**
 * Months of the straight-line schedule vested by the end of tenure month m.
 * Nothing before the cliff; at the cliff, everything accrued so far vests at
 * once; after it, vesting happens on each frequency date (every 1, 3 or 12
 * months of tenure). Tenure months count from the start date, so a start in
 * mid-year moves the calendar dates, not the amount per year of tenure.
 */
export function vestedMonths(m: number, s: VestingSchedule): number {
  const total = s.vestingYears * 12;
  if (m < s.cliffMonths) return 0;
  const step = STEP_MONTHS[s.frequency];
  return Math.min(total, Math.max(s.cliffMonths, step * Math.floor(m / step)));
}

/**
 * Equity vesting in each tenure year 1..vestingYears. The cumulative vested
 * value is rounded to the currency's minor unit and each year is the
 * difference, so the years add up to the grant to the cent.
 */
export function vestingByYear(value: Decimal, s: VestingSchedule, currency: string): Decimal[] {
  const total = s.vestingYears * 12;
  const cumulative = (m: number): Decimal => roundMoney(value.times(vestedMonths(m, s)).div(total), currency);
  const years: Decimal[] = [];
  let before = ZERO;
  for (let y = 1; y <= s.vestingYears; y++) {
    const now = cumulative(12 * y);
    years.push(now.minus(before));
    before = now;
  }
  return years;
}

/** Equity vesting in tenure years 1..n (years past the schedule vest nothing). */
export function vestedInFirstYears(byYear: readonly Decimal[], n: number): Decimal {
  return byYear.slice(0, n).reduce((a, b) => a.plus(b), new Decimal(0));
}

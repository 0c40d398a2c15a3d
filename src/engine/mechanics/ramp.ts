import { daysBetween, monthEnd } from "../calendar";
import { Decimal, ONE, ZERO } from "../decimal";
import type { DaySpan } from "../fiscalCalendar";
import { monthsOf, type Period } from "../periods";
import { ratio, type Ratio } from "../exact/ratio";
import type { IsoDate, RampMonthOne, RampSchedule } from "../types";
import { monthCounts, overlapDays } from "./proration";

/**
 * Ramped quota for new hires.
 *
 * Tenure month 1 is, by default, the calendar month that contains StartDate:
 * a rep who starts on 2026-02-15 is in tenure month 1 for February and month 2
 * for March. (Ramps are budgeted by calendar month, and a half month at the
 * start is already cut by proration, so it should not also push the whole
 * schedule back a month.) Many plans instead count from the first full month
 * (Settings `RampMonth1` = `FirstFullMonth`): March is then month 1, and the
 * February stub is ramped at month 1's percent as well.
 */

const FULL: Ratio = ratio(ONE);

/**
 * Month of tenure of the calendar month containing `date`; ≤ 0 before the
 * start month. With `FirstFullMonth`, a start after the 1st makes the next
 * month tenure month 1, and the stub month before it is ramped as month 1.
 */
export function tenureMonth(start: IsoDate, date: IsoDate, monthOne: RampMonthOne = "StartMonth"): number {
  const t = monthIndex(date) - monthIndex(start) + 1;
  if (monthOne === "StartMonth" || start.slice(8, 10) === "01" || t < 1) return t;
  return Math.max(1, t - 1);
}

/** Quota percent of a tenure month: past the schedule (or before the start) it is 100%. */
export function rampPct(schedule: RampSchedule, tenure: number): Decimal {
  return tenure >= 1 && tenure <= schedule.quotaPct.length ? schedule.quotaPct[tenure - 1] : ONE;
}

/**
 * The factor on a period's quota: the mean of the ramp QuotaPct over the
 * period's months, each month weighted by the share of its days the rep was
 * employed.
 *
 * For a rep employed all period every weight is 1, and this is the plain
 * average: months 1–2 at 50% and month 3 at 75% make a Q1 factor of
 * (0.5 + 0.5 + 0.75) / 3.
 *
 * Months before the start (tenure ≤ 0) count as 100% but carry weight 0, since
 * the rep has no days in them; proration already removes them from the quota.
 * Weighting them equally instead would let that 100% leak into a mid-quarter
 * hire's ramped quota: a 2026-02-15 start with months 1–2 at 50% would get a
 * Q1 factor of (1 + 0.5 + 0.5) / 3 = 2/3, a third more quota than the same rep
 * on a monthly plan; weighted it is (0 × 1 + ½ × 0.5 + 1 × 0.5) / 1.5 = 0.5.
 * A period with no employed days gets factor 1: its prorated quota is 0 anyway.
 *
 * `end` (the last working day) weights a leaver's final months the same way.
 * The result is exact: weights are whole days scaled to a common month length.
 */
export function rampQuotaFactor(
  schedule: RampSchedule,
  start: IsoDate | null,
  period: Period,
  end: IsoDate | null = null,
): Ratio {
  if (start === null || schedule.quotaPct.length === 0) return FULL;
  const months = periodMonths(period);
  let weights: number[];
  if (period.prorateBy !== undefined) {
    // Proration by whole months: a month weighs 1 when it counts, 0 when it does not.
    const rule = period.prorateBy;
    weights = months.map((m) => (monthCounts(m, start, end, rule) ? 1 : 0));
  } else {
    // Weight of a month = active days / days in month; scaled by the lcm of the month lengths to stay whole.
    const common = months.reduce((l, m) => lcm(l, m.days), 1);
    weights = months.map((m) => overlapDays(m.start, m.end, start, end) * (common / m.days));
  }
  const g = weights.reduce(gcd, 0);
  if (g === 0) return FULL;
  let num = ZERO;
  let den = 0;
  months.forEach((m, i) => {
    const w = weights[i] / g;
    if (w === 0) return;
    num = num.plus(rampPct(schedule, periodTenure(period, start, m.start, schedule.monthOne)).times(w));
    den += w;
  });
  return ratio(num, new Decimal(den));
}

/** True when any month of the period falls inside the ramp schedule (tenure months 1..length). */
export function inRamp(schedule: RampSchedule, start: IsoDate | null, period: Period): boolean {
  if (start === null) return false;
  return periodMonths(period).some((m) => {
    const t = periodTenure(period, start, m.start, schedule.monthOne);
    return t >= 1 && t <= schedule.quotaPct.length;
  });
}

/**
 * Tenure month of the period's month starting `monthStart`. On calendar months with proration by days it is
 * `tenureMonth`. On a week calendar months are fiscal months. With proration by whole months, tenure month 1 is the
 * first month that counts: a start month that does not count (a start after the 15th, or after the 1st under
 * FullMonths) is a stub, as under FirstFullMonth.
 */
function periodTenure(
  period: Period,
  start: IsoDate,
  monthStart: IsoDate,
  monthOne: RampMonthOne = "StartMonth",
): number {
  const cal = period.calendar;
  if (cal === undefined && period.prorateBy === undefined) return tenureMonth(start, monthStart, monthOne);
  const t = cal
    ? cal.monthOrdinal(monthStart) - cal.monthOrdinal(start) + 1
    : monthIndex(monthStart) - monthIndex(start) + 1;
  if (t < 1) return t;
  const startMonth: DaySpan = cal ? cal.monthOf(start) : { start: `${start.slice(0, 7)}-01`, end: monthEndOf(start) };
  const firstDay = start === startMonth.start;
  const counts =
    monthOne === "FirstFullMonth" || period.prorateBy === "FullMonths"
      ? firstDay
      : period.prorateBy === "Months"
        ? monthCounts(startMonth, start, null, "Months")
        : true;
  return counts ? t : Math.max(1, t - 1);
}

interface Month {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly days: number;
}

function periodMonths(period: Period): Month[] {
  return monthsOf(period).map((m) => ({ start: m.start, end: m.end, days: daysBetween(m.start, m.end) }));
}

function monthEndOf(date: IsoDate): IsoDate {
  return monthEnd(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

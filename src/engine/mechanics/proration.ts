import { daysBetween, fromDay, toDay } from "../calendar";
import { Decimal } from "../decimal";
import type { DaySpan } from "../fiscalCalendar";
import { monthsOf, type Period } from "../periods";
import { ratio, type Ratio } from "../exact/ratio";
import type { IsoDate, MonthProration } from "../types";

/**
 * Days of [spanStart, spanEnd] on which the rep was employed. StartDate and
 * EndDate are both inclusive (EndDate is the last working day); null means
 * open-ended.
 */
export function overlapDays(spanStart: IsoDate, spanEnd: IsoDate, start: IsoDate | null, end: IsoDate | null): number {
  const from = start !== null && start > spanStart ? start : spanStart;
  const to = end !== null && end < spanEnd ? end : spanEnd;
  return to < from ? 0 : daysBetween(from, to);
}

export function activeDays(period: Period, start: IsoDate | null, end: IsoDate | null): number {
  return overlapDays(period.start, period.end, start, end);
}

/**
 * Share of the period's quota and target incentive a partial-tenure rep gets:
 * active days ÷ days in the period, kept as an exact fraction so the payout
 * line still does its one division last. 0/days when not active at all. With
 * proration by whole months (Settings `Proration`), months counted ÷ months in
 * the period instead (see `monthCounts`).
 */
export function prorationFactor(period: Period, start: IsoDate | null, end: IsoDate | null): Ratio {
  if (period.prorateBy !== undefined) return monthFactor(monthsOf(period), start, end, period.prorateBy);
  return ratio(new Decimal(activeDays(period, start, end)), new Decimal(daysBetween(period.start, period.end)));
}

/** Months counted ÷ months, exactly (2/3 stays 2/3). */
export function monthFactor(
  months: readonly DaySpan[],
  start: IsoDate | null,
  end: IsoDate | null,
  rule: MonthProration,
): Ratio {
  let counted = 0;
  for (const m of months) if (monthCounts(m, start, end, rule)) counted++;
  return ratio(new Decimal(counted), new Decimal(months.length));
}

/**
 * Whether a month (a calendar month, or a fiscal month of a week calendar)
 * counts for a partial-tenure rep under proration by whole months:
 * - `Months` (the mid-month rule): the rep started on or before the month's
 *   15th day and was still employed on it (a last working day on or after the
 *   15th). A 15 March start counts March; a 16 March start counts from April;
 *   a leaver whose last day is 15 June counts June.
 * - `FullMonths`: only months employed from their first day to their last.
 * A month before the start or after the last day never counts.
 */
export function monthCounts(month: DaySpan, start: IsoDate | null, end: IsoDate | null, rule: MonthProration): boolean {
  if ((start !== null && start > month.end) || (end !== null && end < month.start)) return false;
  if (rule === "FullMonths") return (start === null || start <= month.start) && (end === null || end >= month.end);
  const fifteenth = fromDay(toDay(month.start) + 14);
  return (start === null || start <= fifteenth) && (end === null || end >= fifteenth);
}

/**
 * The proration's basis in words for the trace: "46 of 91 days employed", or
 * by months "2 of 3 months, mid-month rule: 2026-02, 2026-03".
 */
export function prorationBasis(period: Period, start: IsoDate | null, end: IsoDate | null): string {
  if (period.prorateBy === undefined)
    return `${activeDays(period, start, end)} of ${daysBetween(period.start, period.end)} days employed`;
  const months = monthsOf(period);
  const counted = months.filter((m) => monthCounts(m, start, end, period.prorateBy!));
  const names = counted.map((m) => monthName(period, m)).join(", ");
  const rule = period.prorateBy === "Months" ? "mid-month rule" : "full months only";
  return `${counted.length} of ${months.length} months, ${rule}${names ? `: ${names}` : ""}`;
}

function monthName(period: Period, m: DaySpan): string {
  const fiscal = period.fiscalMonths?.find((f) => f.start === m.start);
  return fiscal ? `P${String(fiscal.index + 1).padStart(2, "0")}` : m.start.slice(0, 7);
}

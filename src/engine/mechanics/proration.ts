import { daysBetween } from "../calendar";
import { Decimal } from "../decimal";
import type { Period } from "../periods";
import { ratio, type Ratio } from "../exact/ratio";
import type { IsoDate } from "../types";

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
 * line still does its one division last. 0/days when not active at all.
 */
export function prorationFactor(period: Period, start: IsoDate | null, end: IsoDate | null): Ratio {
  return ratio(new Decimal(activeDays(period, start, end)), new Decimal(daysBetween(period.start, period.end)));
}

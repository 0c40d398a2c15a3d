import type { IsoDate } from "./types";

/**
 * Calendar arithmetic on ISO day strings. Days are counted as integers since
 * 1970-01-01 (UTC): dates are not money, so plain numbers are right here.
 */

export function toDay(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDay(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** First day of the month `offset` months after (year, month); month is 1-based. */
export function monthStart(year: number, month: number, offset = 0): IsoDate {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
}

/** Last day of the month `offset` months after (year, month). */
export function monthEnd(year: number, month: number, offset = 0): IsoDate {
  const next = monthStart(year, month, offset + 1);
  return fromDay(toDay(next) - 1);
}

/** Inclusive day count of [start, end]. */
export function daysBetween(start: IsoDate, end: IsoDate): number {
  return toDay(end) - toDay(start) + 1;
}

export function within(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return date >= start && date <= end;
}

/** English month names, January first (labels, messages and the pane's month pickers). */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

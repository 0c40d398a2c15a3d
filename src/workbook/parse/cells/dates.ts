import type { IsoDate } from "../../../engine";
import { fail, ok, show, type CellParser, type Parsed } from "./cell";

const DAY_MS = 86_400_000;
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;
/** Excel's 1900 date system counts a 29 February 1900 that never existed (kept for Lotus 1-2-3). */
const FAKE_LEAP_DAY = 60;

/** "YYYY-MM-DD" for a real calendar day, else null. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** Parts of an IsoDate. */
export function dateParts(iso: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
}

/**
 * An Excel serial date (1900 system) as an ISO day. The time of day, if any,
 * is dropped. Serial 60 is refused: it is the fake 1900-02-29.
 */
export function serialToIso(serial: number): Parsed<IsoDate> {
  if (!Number.isFinite(serial)) return fail(`${serial} is not a date`);
  const days = Math.floor(serial);
  if (days < 1 || days > MAX_SERIAL) return fail(`${serial} is not a date Excel can show`);
  if (days === FAKE_LEAP_DAY)
    return fail(`${serial} is Excel's 29 February 1900, a day that never existed; enter the real date`);
  // Before the fake leap day serial 1 is 1900-01-01; after it, one day is skipped.
  const epoch = days < FAKE_LEAP_DAY ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return ok(new Date(epoch + days * DAY_MS).toISOString().slice(0, 10));
}

const ISO_TEXT =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `2026-02-15` or `2026/02/15` (a time after the day is ignored). Null when the text is not shaped like that. */
export function parseIsoText(text: string): Parsed<IsoDate> | null {
  const m = ISO_TEXT.exec(text.trim());
  if (!m) return null;
  const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? ok(iso) : fail(`"${text.trim()}" is not a real date`);
}

/** A date: an Excel serial date cell, or ISO text. Day-first/month-first text is refused as ambiguous. */
export const date: CellParser<IsoDate> = (cell, { label }) => {
  if (typeof cell === "number") {
    const r = serialToIso(cell);
    return r.ok ? r : fail(`${label} ${r.message}`);
  }
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is not a date`);
  const r = parseIsoText(cell);
  if (r) return r.ok ? r : fail(`${label} ${r.message}`);
  return fail(`${label} ${show(cell)} is not a date; enter an Excel date or write it as 2026-02-15`);
};

/** Adds months to the first day of a month: (2026, 11) + 3 -> 2027-02. */
export function addMonths(year: number, month: number, count: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The first and last day of `count` months starting at (year, month). */
export function monthSpan(year: number, month: number, count: number): { start: IsoDate; end: IsoDate } {
  const last = addMonths(year, month, count - 1);
  return {
    start: isoDate(year, month, 1)!,
    end: isoDate(last.year, last.month, daysInMonth(last.year, last.month))!,
  };
}

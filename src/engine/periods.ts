import { monthEnd, monthStart } from "./calendar";
import { Decimal } from "./decimal";
import { ratio, type Ratio } from "./exact/ratio";
import { WeekCalendar, type DaySpan, type FiscalMonth } from "./fiscalCalendar";
import type { IsoDate, MonthProration, PeriodKind, Settings } from "./types";

/** A payout period inside the plan year. */
export interface Period {
  /**
   * Label as users write it: "2026" (plan year), "2026-Q1" (fiscal quarter), "2026-03" (calendar month); on a
   * week calendar "FY2026", "FY2026-Q1", "FY2026-P03" (fiscal month 3).
   */
  readonly key: string;
  /** 0-based position in the plan year. */
  readonly index: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Months in the period (fiscal months on a week calendar). */
  readonly months: number;
  /** Share of the year: months ÷ 12, kept as an exact fraction (a 4-week and a 5-week month are each 1/12). */
  readonly share: Ratio;
  /** A week calendar's fiscal months in the period; absent on calendar months. */
  readonly fiscalMonths?: readonly FiscalMonth[];
  /** The week calendar the period is on (to place a start date on it); absent on calendar months. */
  readonly calendar?: WeekCalendar;
  /** Partial tenure is prorated by whole months under this rule; absent = by days. */
  readonly prorateBy?: MonthProration;
}

type CalendarSettings = Pick<Settings, "planYear" | "fiscalYearStartMonth" | "calendar" | "proration">;

const MONTHS_PER: Readonly<Record<PeriodKind, number>> = { Month: 1, Quarter: 3, Year: 12 };

const calendars = new WeakMap<object, WeekCalendar>();

/** The week calendar the settings name (one per settings object), or null on calendar months. */
export function weekCalendarOf(settings: Pick<Settings, "fiscalYearStartMonth" | "calendar">): WeekCalendar | null {
  const spec = settings.calendar;
  if (!spec) return null;
  let cal = calendars.get(settings);
  if (!cal || cal.spec !== spec || cal.fiscalYearStartMonth !== settings.fiscalYearStartMonth) {
    cal = new WeekCalendar(spec, settings.fiscalYearStartMonth);
    calendars.set(settings, cal);
  }
  return cal;
}

/** The payout periods of a plan year that starts in `fiscalYearStartMonth` of `planYear`. */
export function planPeriods(kind: PeriodKind, settings: CalendarSettings): Period[] {
  const cal = weekCalendarOf(settings);
  if (cal) return weekPeriods(kind, settings, cal);
  const { planYear: year, fiscalYearStartMonth: month } = settings;
  const length = MONTHS_PER[kind];
  const periods: Period[] = [];
  for (let index = 0; index < 12 / length; index++) {
    const offset = index * length;
    periods.push({
      key: periodKey(kind, year, month, index),
      index,
      start: monthStart(year, month, offset),
      end: monthEnd(year, month, offset + length - 1),
      months: length,
      share: ratio(new Decimal(length), new Decimal(12)),
      ...(settings.proration ? { prorateBy: settings.proration } : {}),
    });
  }
  return periods;
}

/** Periods of whole fiscal months on a week calendar: each month, quarter or the year an equal share. */
function weekPeriods(kind: PeriodKind, settings: CalendarSettings, cal: WeekCalendar): Period[] {
  const year = settings.planYear;
  const length = MONTHS_PER[kind];
  const all = cal.months(year);
  const periods: Period[] = [];
  for (let index = 0; index < 12 / length; index++) {
    const months = all.slice(index * length, (index + 1) * length);
    periods.push({
      key:
        kind === "Year"
          ? `FY${year}`
          : kind === "Quarter"
            ? `FY${year}-Q${index + 1}`
            : `FY${year}-P${String(index + 1).padStart(2, "0")}`,
      index,
      start: months[0].start,
      end: months[months.length - 1].end,
      months: length,
      share: ratio(new Decimal(length), new Decimal(12)),
      fiscalMonths: months,
      calendar: cal,
      ...(settings.proration ? { prorateBy: settings.proration } : {}),
    });
  }
  return periods;
}

function periodKey(kind: PeriodKind, year: number, month: number, index: number): string {
  if (kind === "Year") return String(year);
  if (kind === "Quarter") return `${year}-Q${index + 1}`;
  return monthStart(year, month, index).slice(0, 7);
}

/** The months of a period, first to last: its fiscal months on a week calendar, else calendar months. */
export function monthsOf(period: Period): readonly DaySpan[] {
  if (period.fiscalMonths) return period.fiscalMonths;
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  const months: DaySpan[] = [];
  for (let i = 0; i < period.months; i++)
    months.push({ start: monthStart(year, month, i), end: monthEnd(year, month, i) });
  return months;
}

/** The plan year as one span. */
export function planYearSpan(settings: Pick<Settings, "planYear" | "fiscalYearStartMonth" | "calendar">): {
  start: IsoDate;
  end: IsoDate;
} {
  const cal = weekCalendarOf(settings);
  if (cal) return cal.yearSpan(settings.planYear);
  return {
    start: monthStart(settings.planYear, settings.fiscalYearStartMonth),
    end: monthEnd(settings.planYear, settings.fiscalYearStartMonth, 11),
  };
}

/** The plan year's months (fiscal months on a week calendar), for proration by whole months. */
export function planYearMonths(
  settings: Pick<Settings, "planYear" | "fiscalYearStartMonth" | "calendar">,
): readonly DaySpan[] {
  const cal = weekCalendarOf(settings);
  if (cal) return cal.months(settings.planYear);
  const months: DaySpan[] = [];
  for (let i = 0; i < 12; i++)
    months.push({
      start: monthStart(settings.planYear, settings.fiscalYearStartMonth, i),
      end: monthEnd(settings.planYear, settings.fiscalYearStartMonth, i),
    });
  return months;
}

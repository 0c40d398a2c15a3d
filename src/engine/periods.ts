import { monthEnd, monthStart } from "./calendar";
import { Decimal } from "./decimal";
import { ratio, type Ratio } from "./exact/ratio";
import type { IsoDate, PeriodKind, Settings } from "./types";

/** A payout period inside the plan year. */
export interface Period {
  /** Label as users write it: "2026" (plan year), "2026-Q1" (fiscal quarter), "2026-03" (calendar month). */
  readonly key: string;
  /** 0-based position in the plan year. */
  readonly index: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly months: number;
  /** Share of the year: months ÷ 12, kept as an exact fraction. */
  readonly share: Ratio;
}

const MONTHS_PER: Readonly<Record<PeriodKind, number>> = { Month: 1, Quarter: 3, Year: 12 };

/** The payout periods of a plan year that starts in `fiscalYearStartMonth` of `planYear`. */
export function planPeriods(kind: PeriodKind, settings: Pick<Settings, "planYear" | "fiscalYearStartMonth">): Period[] {
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
    });
  }
  return periods;
}

function periodKey(kind: PeriodKind, year: number, month: number, index: number): string {
  if (kind === "Year") return String(year);
  if (kind === "Quarter") return `${year}-Q${index + 1}`;
  return monthStart(year, month, index).slice(0, 7);
}

/** The plan year as one span. */
export function planYearSpan(settings: Pick<Settings, "planYear" | "fiscalYearStartMonth">): {
  start: IsoDate;
  end: IsoDate;
} {
  return {
    start: monthStart(settings.planYear, settings.fiscalYearStartMonth),
    end: monthEnd(settings.planYear, settings.fiscalYearStartMonth, 11),
  };
}

import { fromDay, MONTH_NAMES, monthEnd, toDay } from "./calendar";
import type { IsoDate } from "./types";

/**
 * Week-based fiscal calendars (4-4-5, 4-5-4, 5-4-4) on a 52/53-week year.
 *
 * The year ends on one weekday: the last such weekday of its year-end month,
 * or the one nearest that month's last day (the two rules of IRS Reg.
 * 1.441-2 and US GAAP). The year-end month is the month before
 * FiscalYearStart, so plan year N keeps the name it has on the month calendar:
 * it ends on the anchor day in the last month of months-calendar plan year N
 * (FiscalYearStart January: December of N; February: January of N + 1) and
 * starts the day after plan year N − 1 ends. Every fiscal month is whole weeks
 * (4 or 5 by the pattern, each quarter 13); a 53-week year adds its extra week
 * to the last month of Q4 (4-4-6, 4-5-5, 5-4-5).
 */

export type WeekPattern = "4-4-5" | "4-5-4" | "5-4-4";
export type YearEndRule = "Last" | "Nearest";

export interface WeekCalendarSpec {
  readonly pattern: WeekPattern;
  /** 0 = Sunday … 6 = Saturday: the day every fiscal week, month and year ends on. */
  readonly weekday: number;
  readonly rule: YearEndRule;
}

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const PATTERN_WEEKS: Readonly<Record<WeekPattern, readonly number[]>> = {
  "4-4-5": [4, 4, 5],
  "4-5-4": [4, 5, 4],
  "5-4-4": [5, 4, 4],
};

/** First and last day of a span, inclusive. */
export interface DaySpan {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** A fiscal month: its plan year, 0-based index in the year, and days. */
export interface FiscalMonth extends DaySpan {
  readonly year: number;
  readonly index: number;
  readonly weeks: number;
}

interface WeekYear {
  readonly start: number;
  readonly end: number;
  readonly months: readonly FiscalMonth[];
}

/** Day of the week of a day number (days since 1970-01-01, a Thursday): 0 = Sunday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** "the last Saturday of December", "the Saturday nearest the end of January": the rule in words. */
export function describeYearEnd(spec: WeekCalendarSpec, endMonth: number): string {
  const day = WEEKDAY_NAMES[spec.weekday];
  const month = MONTH_NAMES[endMonth - 1];
  return spec.rule === "Last" ? `the last ${day} of ${month}` : `the ${day} nearest the end of ${month}`;
}

export class WeekCalendar {
  private readonly years = new Map<number, WeekYear>();

  constructor(
    readonly spec: WeekCalendarSpec,
    /** 1 = January: the month plan years are named by; the year ends in the month before it. */
    readonly fiscalYearStartMonth: number,
  ) {}

  /** The month (1–12) the fiscal year ends in. */
  get endMonth(): number {
    return ((this.fiscalYearStartMonth + 10) % 12) + 1;
  }

  /** Day number of the last day of plan year `year`. */
  private yearEndDay(year: number): number {
    const index = year * 12 + (this.fiscalYearStartMonth - 1) + 11;
    const last = toDay(monthEnd(Math.floor(index / 12), (index % 12) + 1));
    const back = (weekdayOf(last) - this.spec.weekday + 7) % 7;
    if (this.spec.rule === "Last" || back <= 3) return last - back;
    return last + (7 - back);
  }

  private year(year: number): WeekYear {
    let y = this.years.get(year);
    if (!y) {
      const start = this.yearEndDay(year - 1) + 1;
      const end = this.yearEndDay(year);
      const weeks = (end - start + 1) / 7;
      const pattern = PATTERN_WEEKS[this.spec.pattern];
      const months: FiscalMonth[] = [];
      let day = start;
      for (let index = 0; index < 12; index++) {
        const w = pattern[index % 3] + (index === 11 ? weeks - 52 : 0);
        months.push({ year, index, weeks: w, start: fromDay(day), end: fromDay(day + w * 7 - 1) });
        day += w * 7;
      }
      y = { start, end, months };
      this.years.set(year, y);
    }
    return y;
  }

  /** Weeks in plan year `year`: 52 or 53. */
  weeks(year: number): number {
    const y = this.year(year);
    return (y.end - y.start + 1) / 7;
  }

  yearSpan(year: number): DaySpan {
    const y = this.year(year);
    return { start: fromDay(y.start), end: fromDay(y.end) };
  }

  /** The fiscal months of plan year `year`, in order. */
  months(year: number): readonly FiscalMonth[] {
    return this.year(year).months;
  }

  /** Fiscal months `from`..`to` (0-based, inclusive) of plan year `year` as one span. */
  span(year: number, from: number, to: number): DaySpan {
    const months = this.months(year);
    return { start: months[from].start, end: months[to].end };
  }

  /** The plan year holding a day. */
  yearOf(date: IsoDate): number {
    const day = toDay(date);
    // Plan year N ends in calendar year N or N + 1, so the day's plan year is its calendar year, one before or one after.
    const calendarYear = Number(date.slice(0, 4));
    for (const year of [calendarYear, calendarYear - 1, calendarYear + 1]) {
      const y = this.year(year);
      if (day >= y.start && day <= y.end) return year;
    }
    return calendarYear;
  }

  /** The fiscal month holding a day. */
  monthOf(date: IsoDate): FiscalMonth {
    const months = this.months(this.yearOf(date));
    for (const m of months) if (date <= m.end) return m;
    return months[months.length - 1];
  }

  /** A fiscal month's place on a running count of months (plan year × 12 + index), for tenure. */
  monthOrdinal(date: IsoDate): number {
    const m = this.monthOf(date);
    return m.year * 12 + m.index;
  }
}

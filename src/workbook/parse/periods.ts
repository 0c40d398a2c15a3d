import { assertNever, type IsoDate, type WeekCalendar } from "../../engine";
import { fail, isDateFormat, ok, show, type CellParser, type FilledCell } from "./cells/cell";
import { dateParts, monthSpan, parseIsoText, serialToIso } from "./cells/dates";
import { monthFromName } from "./cells/months";

/**
 * A period label as written in Quotas, Actuals and Adjustments, before it is
 * placed on the calendar. Years, halves and quarters are fiscal (they start
 * at FiscalYearStart); months and dates are calendar months, and `P03` is
 * the plan year's third month. A label without a year ("Q1", "Mar") belongs
 * to the plan year. On a week calendar (4-4-5, …) every label is fiscal: a
 * month names the fiscal month nominally that month ("2026-03" on a year
 * starting in January is P03), and a date the fiscal month holding it.
 */
export type PeriodLabel =
  | { readonly kind: "Year"; readonly year: number }
  | { readonly kind: "Half"; readonly year: number | null; readonly half: number }
  | { readonly kind: "Quarter"; readonly year: number | null; readonly quarter: number }
  | { readonly kind: "Month"; readonly year: number | null; readonly month: number }
  | { readonly kind: "FiscalMonth"; readonly year: number | null; readonly period: number }
  | { readonly kind: "Day"; readonly date: IsoDate };

export interface Span {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const FY = String.raw`(?:FY\s*)?`;
const SEP = String.raw`\s*[-/ ]?\s*`;
const YEAR = new RegExp(`^${FY}(\\d{4})$`);
const YEAR_PART = new RegExp(`^${FY}(\\d{4})${SEP}([QH])(\\d)$`);
const PART_YEAR = new RegExp(`^([QH])(\\d)${SEP}${FY}(\\d{4})$`);
const PART_ONLY = /^([QH])(\d)$/;
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]\s*M?|M)(\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})\s*[-/]\s*(\d{4})$/;
const NAME_YEAR = /^([A-Z]+)\.?\s*[-/ ,]?\s*(\d{4})$/;
const YEAR_NAME = /^(\d{4})\s*[-/ ]?\s*([A-Z]+)$/;
const YEAR_P = new RegExp(`^${FY}(\\d{4})${SEP}P(\\d{1,2})$`);
const P_YEAR = new RegExp(`^P(\\d{1,2})${SEP}${FY}(\\d{4})$`);
const P_ONLY = /^P(\d{1,2})$/;
const HINT = "write 2026, 2026-Q1, 2026-03, Mar 2026 or a date";

/** Reads a period label: text, a year number (2026), or an Excel date (the calendar month holding it). */
export const periodLabel: CellParser<PeriodLabel> = (cell, { label, format }) => {
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is not a period; ${HINT}`);
  if (typeof cell === "number") {
    if (!isDateFormat(format) && Number.isInteger(cell) && cell >= 1900 && cell <= 9999)
      return ok({ kind: "Year", year: cell });
    if (isDateFormat(format) || cell >= 10000) {
      const d = serialToIso(cell);
      return d.ok ? ok({ kind: "Day", date: d.value }) : fail(`${label} ${d.message}`);
    }
    return fail(`${label} ${show(cell)} is not a period; ${HINT}`);
  }
  const t = cell.trim().toUpperCase().replace(/\s+/g, " ");
  const bad = (why = "is not a period") => fail(`${label} ${show(cell)} ${why}; ${HINT}`);
  const iso = parseIsoText(t);
  if (iso) return iso.ok ? ok({ kind: "Day", date: iso.value }) : fail(`${label} ${iso.message}`);

  let m = YEAR.exec(t);
  if (m) return ok({ kind: "Year", year: Number(m[1]) });
  m = YEAR_PART.exec(t);
  if (m) return part(m[2], Number(m[3]), Number(m[1])) ?? bad();
  m = PART_YEAR.exec(t);
  if (m) return part(m[1], Number(m[2]), Number(m[3])) ?? bad();
  m = PART_ONLY.exec(t);
  if (m) return part(m[1], Number(m[2]), null) ?? bad();
  m = YEAR_P.exec(t);
  if (m) return fiscalMonth(Number(m[2]), Number(m[1])) ?? bad("has no fiscal month of that number (P01–P12)");
  m = P_YEAR.exec(t);
  if (m) return fiscalMonth(Number(m[1]), Number(m[2])) ?? bad("has no fiscal month of that number (P01–P12)");
  m = P_ONLY.exec(t);
  if (m) return fiscalMonth(Number(m[1]), null) ?? bad("has no fiscal month of that number (P01–P12)");
  m = YEAR_MONTH.exec(t);
  if (m) return month(Number(m[2]), Number(m[1])) ?? bad("has no month of that number");
  m = MONTH_YEAR.exec(t);
  if (m) return month(Number(m[1]), Number(m[2])) ?? bad("has no month of that number");
  m = NAME_YEAR.exec(t);
  if (m && monthFromName(m[1])) return ok({ kind: "Month", year: Number(m[2]), month: monthFromName(m[1])! });
  m = YEAR_NAME.exec(t);
  if (m && monthFromName(m[2])) return ok({ kind: "Month", year: Number(m[1]), month: monthFromName(m[2])! });
  const alone = monthFromName(t);
  if (alone) return ok({ kind: "Month", year: null, month: alone });
  return bad();
};

function part(letter: string, n: number, year: number | null) {
  if (letter === "Q" && n >= 1 && n <= 4) return ok<PeriodLabel>({ kind: "Quarter", year, quarter: n });
  if (letter === "H" && n >= 1 && n <= 2) return ok<PeriodLabel>({ kind: "Half", year, half: n });
  return null;
}

function month(n: number, year: number) {
  return n >= 1 && n <= 12 ? ok<PeriodLabel>({ kind: "Month", year, month: n }) : null;
}

function fiscalMonth(n: number, year: number | null) {
  return n >= 1 && n <= 12 ? ok<PeriodLabel>({ kind: "FiscalMonth", year, period: n }) : null;
}

/** A short identity for a label (for caching its span). */
export function labelKey(label: PeriodLabel): string {
  switch (label.kind) {
    case "Year":
      return `Y${label.year}`;
    case "Half":
      return `H${label.year}-${label.half}`;
    case "Quarter":
      return `Q${label.year}-${label.quarter}`;
    case "Month":
      return `M${label.year}-${label.month}`;
    case "FiscalMonth":
      return `P${label.year}-${label.period}`;
    case "Day":
      return `D${label.date}`;
    default:
      return assertNever(label);
  }
}

/**
 * periodLabel with a per-table memory: large Quotas/Actuals tables repeat a
 * dozen labels hundreds of thousands of times.
 */
export function cachedPeriodLabel(): CellParser<PeriodLabel> {
  // Per number format and header (a column's cells share both), then by the cell itself: a Map tells 1 from "1".
  const byContext = new Map<string, Map<FilledCell, ReturnType<typeof periodLabel>>>();
  let last: { format: string | null; label: string; cache: Map<FilledCell, ReturnType<typeof periodLabel>> } | null =
    null;
  return (cell, ctx) => {
    if (last === null || last.format !== ctx.format || last.label !== ctx.label) {
      const key = `${ctx.format ?? ""}\u0000${ctx.label}`;
      let cache = byContext.get(key);
      if (!cache) byContext.set(key, (cache = new Map()));
      last = { format: ctx.format, label: ctx.label, cache };
    }
    let parsed = last.cache.get(cell);
    if (!parsed) last.cache.set(cell, (parsed = periodLabel(cell, ctx)));
    return parsed;
  };
}

/**
 * The plan year a label falls in (plan year N starts at FiscalYearStart of calendar year N); null when it names none.
 * On a week calendar a date falls in the fiscal year whose weeks hold it.
 */
export function labelPlanYear(
  label: PeriodLabel,
  fiscalYearStart: number,
  calendar: WeekCalendar | null = null,
): number | null {
  switch (label.kind) {
    case "Year":
      return label.year;
    case "Half":
    case "Quarter":
    case "FiscalMonth":
      return label.year;
    case "Month":
      return label.year === null ? null : label.month >= fiscalYearStart ? label.year : label.year - 1;
    case "Day": {
      if (calendar) return calendar.yearOf(label.date);
      const { year, month: m } = dateParts(label.date);
      return m >= fiscalYearStart ? year : year - 1;
    }
    default:
      return assertNever(label);
  }
}

/** The 0-based fiscal month of a calendar month in a year starting at FiscalYearStart. */
export function fiscalMonthIndex(month: number, fiscalYearStart: number): number {
  return (month - fiscalYearStart + 12) % 12;
}

/** The calendar days a label covers, first and last inclusive (on a week calendar, whole fiscal months). */
export function labelSpan(
  label: PeriodLabel,
  fiscalYearStart: number,
  planYear: number,
  calendar: WeekCalendar | null = null,
): Span {
  if (calendar) return weekSpan(label, fiscalYearStart, planYear, calendar);
  switch (label.kind) {
    case "Year":
      return monthSpan(label.year, fiscalYearStart, 12);
    case "Half":
      return fiscalSpan(label.year ?? planYear, fiscalYearStart, (label.half - 1) * 6, 6);
    case "Quarter":
      return fiscalSpan(label.year ?? planYear, fiscalYearStart, (label.quarter - 1) * 3, 3);
    case "Month": {
      const year = label.year ?? (label.month >= fiscalYearStart ? planYear : planYear + 1);
      return monthSpan(year, label.month, 1);
    }
    case "FiscalMonth":
      return fiscalSpan(label.year ?? planYear, fiscalYearStart, label.period - 1, 1);
    case "Day": {
      const { year, month: m } = dateParts(label.date);
      return monthSpan(year, m, 1);
    }
    default:
      return assertNever(label);
  }
}

/** A label on a week calendar: years, halves, quarters and months are runs of fiscal months; a day, its month. */
function weekSpan(label: PeriodLabel, fiscalYearStart: number, planYear: number, calendar: WeekCalendar): Span {
  switch (label.kind) {
    case "Year":
      return calendar.yearSpan(label.year);
    case "Half":
      return calendar.span(label.year ?? planYear, (label.half - 1) * 6, label.half * 6 - 1);
    case "Quarter":
      return calendar.span(label.year ?? planYear, (label.quarter - 1) * 3, label.quarter * 3 - 1);
    case "Month": {
      const index = fiscalMonthIndex(label.month, fiscalYearStart);
      const year = labelPlanYear(label, fiscalYearStart) ?? planYear;
      return calendar.span(year, index, index);
    }
    case "FiscalMonth":
      return calendar.span(label.year ?? planYear, label.period - 1, label.period - 1);
    case "Day": {
      const { start, end } = calendar.monthOf(label.date);
      return { start, end };
    }
    default:
      return assertNever(label);
  }
}

function fiscalSpan(planYear: number, fiscalYearStart: number, offsetMonths: number, months: number): Span {
  const index = planYear * 12 + (fiscalYearStart - 1) + offsetMonths;
  return monthSpan(Math.floor(index / 12), (index % 12) + 1, months);
}

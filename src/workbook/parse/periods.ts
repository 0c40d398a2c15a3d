import { assertNever, type IsoDate } from "../../engine";
import { fail, isDateFormat, ok, show, type CellParser, type FilledCell } from "./cells/cell";
import { dateParts, monthSpan, parseIsoText, serialToIso } from "./cells/dates";
import { monthFromName } from "./cells/months";

/**
 * A period label as written in Quotas, Actuals and Adjustments, before it is
 * placed on the calendar. Years, halves and quarters are fiscal (they start
 * at FiscalYearStart); months and dates are calendar months. A label without
 * a year ("Q1", "Mar") belongs to the plan year.
 */
export type PeriodLabel =
  | { readonly kind: "Year"; readonly year: number }
  | { readonly kind: "Half"; readonly year: number | null; readonly half: number }
  | { readonly kind: "Quarter"; readonly year: number | null; readonly quarter: number }
  | { readonly kind: "Month"; readonly year: number | null; readonly month: number }
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

/** The plan year a label falls in (plan year N starts at FiscalYearStart of calendar year N); null when it names none. */
export function labelPlanYear(label: PeriodLabel, fiscalYearStart: number): number | null {
  switch (label.kind) {
    case "Year":
      return label.year;
    case "Half":
    case "Quarter":
      return label.year;
    case "Month":
      return label.year === null ? null : label.month >= fiscalYearStart ? label.year : label.year - 1;
    case "Day": {
      const { year, month: m } = dateParts(label.date);
      return m >= fiscalYearStart ? year : year - 1;
    }
    default:
      return assertNever(label);
  }
}

/** The calendar days a label covers, first and last inclusive. */
export function labelSpan(label: PeriodLabel, fiscalYearStart: number, planYear: number): Span {
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
    case "Day": {
      const { year, month: m } = dateParts(label.date);
      return monthSpan(year, m, 1);
    }
    default:
      return assertNever(label);
  }
}

function fiscalSpan(planYear: number, fiscalYearStart: number, offsetMonths: number, months: number): Span {
  const index = planYear * 12 + (fiscalYearStart - 1) + offsetMonths;
  return monthSpan(Math.floor(index / 12), (index % 12) + 1, months);
}

import {
  Decimal,
  MONTH_NAMES,
  ONE,
  describeYearEnd,
  type MonthProration,
  type RampMonthOne,
  type WeekCalendarSpec,
  type WeekPattern,
  type YearEndRule,
} from "../../engine";
import { cellIssue, headerIssue, tableIssue } from "../issues";
import type { Issue, RawCell, RawTable, Severity } from "../types";
import { excelErrorOf, fail, isDateFormat, isEmptyCell, normalizeKey, ok, show, type CellParser } from "./cells/cell";
import { currencyCode } from "./cells/text";
import { isCurrencyCode } from "./cells/currencies";
import { dateParts, parseIsoText, serialToIso } from "./cells/dates";
import { monthFromName } from "./cells/months";
import { integer, plainNumber } from "./cells/numbers";

/** What the Settings table says; planYear null = not set (derived later from the data). */
export interface SettingsRead {
  readonly reportingCurrency: string;
  readonly fiscalYearStartMonth: number;
  readonly planYear: number | null;
  readonly fxRates: ReadonlyMap<string, Decimal>;
  /** Which month is ramp tenure month 1 (`RampMonth1`); the month of the start date unless stated. */
  readonly rampMonthOne: RampMonthOne;
  /** A week calendar (`Calendar` 4-4-5, 4-5-4, 5-4-4, anchored by `FiscalYearEnd`); absent = calendar months. */
  readonly calendar?: WeekCalendarSpec;
  /** Proration by whole months (`Proration` Months or FullMonths); absent = by days. */
  readonly proration?: MonthProration;
  /**
   * Currencies whose FX setting is there but was refused (not a number, or 0): the Settings error says so, and
   * reps or offers in them are not told the rate is missing on top.
   */
  readonly refusedFx?: ReadonlySet<string>;
}

export const DEFAULT_SETTINGS: SettingsRead = {
  reportingCurrency: "USD",
  fiscalYearStartMonth: 1,
  planYear: null,
  fxRates: new Map([["USD", ONE]]),
  rampMonthOne: "StartMonth",
};

/** The headers of the column that holds setting names in a Setting/Value table. */
export const KEY_COLUMNS = ["setting", "key", "name", "parameter", "item"];
const REPORTING_CURRENCY = ["reportingcurrency", "currency", "basecurrency"];
const FISCAL_YEAR_START = ["fiscalyearstart", "fiscalyearstartmonth", "fystart", "fystartmonth", "fiscalstart"];
const PLAN_YEAR = ["planyear", "year", "fiscalyear"];
const RAMP_MONTH_ONE = ["rampmonth1", "rampmonthone", "rampstart", "ramptenure"];
const CALENDAR = ["calendar", "fiscalcalendar", "periodcalendar", "calendartype", "weekcalendar", "retailcalendar"];
const FISCAL_YEAR_END = ["fiscalyearend", "yearend", "fyend", "fiscalyearends", "yearends", "fiscalyearendson"];
const PRORATION = ["proration", "prorateby", "prorationbasis", "prorationmethod", "prorationrule"];

/**
 * The keys each setting is read under, normalized (see normalizeKey), the documented spelling first: what an editor
 * writing Settings must look for so that it updates the row a user already has rather than adding a second one.
 */
export const SETTING_KEYS = {
  ReportingCurrency: REPORTING_CURRENCY,
  FiscalYearStart: FISCAL_YEAR_START,
  FiscalYearEnd: FISCAL_YEAR_END,
  PlanYear: PLAN_YEAR,
  Calendar: CALENDAR,
  Proration: PRORATION,
  RampMonth1: RAMP_MONTH_ONE,
} as const;

/**
 * FiscalYearEnd as this parser reads it back: "Last Saturday of December" or "Saturday nearest December 31" for a
 * week calendar, the month alone ("December") on the months calendar. `endMonth` is the month before FiscalYearStart.
 */
export function yearEndSetting(spec: Pick<WeekCalendarSpec, "weekday" | "rule"> | null, endMonth: number): string {
  const month = MONTH_NAMES[endMonth - 1];
  if (spec === null) return month;
  const day = cap(WEEKDAYS[spec.weekday]);
  return spec.rule === "Last" ? `Last ${day} of ${month}` : `${day} nearest ${month} ${lastDayOf(endMonth)}`;
}

/** One setting as found: its key text and where its value sits. */
interface Entry {
  readonly key: string;
  readonly value: RawCell;
  readonly rowIndex: number;
  readonly valueCol: number;
  /** Where the setting's name is: a Setting column's cell in its row, or (one row, a column per setting) its header. */
  readonly keyCol: number | "header";
  readonly format: string | null;
}

/**
 * Reads Settings, either as key/value rows (columns Setting and Value) or as
 * one row with a column per setting. FX rates are keyed `FX:EUR`, `FX EUR`,
 * `EUR` or as a pair `EURUSD` (= USD per EUR; `USDEUR` is inverted) and mean
 * units of the reporting currency per one unit of the keyed currency.
 */
export function readSettings(table: RawTable | undefined, issues: Issue[]): SettingsRead {
  if (!table) return DEFAULT_SETTINGS;
  const entries = settingEntries(table, issues);
  const report = (e: Entry, severity: Severity, message: string) =>
    issues.push(cellIssue(table, e.rowIndex, e.valueCol, severity, message));
  // A setting the add-in does not read: the problem is its name, so its name's cell.
  const reportName = (e: Entry, severity: Severity, message: string) =>
    issues.push(
      e.keyCol === "header"
        ? headerIssue(table, e.valueCol, severity, message)
        : cellIssue(table, e.rowIndex, e.keyCol, severity, message),
    );

  const seen = new Map<string, Entry>();
  const unique: Entry[] = [];
  for (const e of entries) {
    const k = normalizeKey(e.key);
    const first = seen.get(k);
    if (first) {
      report(
        e,
        "Error",
        `Setting ${e.key} is given twice (rows ${table.headerRow + 1 + first.rowIndex} and ${table.headerRow + 1 + e.rowIndex}); keep one`,
      );
      continue;
    }
    seen.set(k, e);
    unique.push(e);
  }

  const read = <T>(e: Entry, parser: CellParser<T>): T | null => {
    if (isEmptyCell(e.value)) return null;
    const excelError = excelErrorOf(e.value);
    if (excelError) {
      report(e, "Error", `Setting ${e.key} shows the Excel error ${excelError}`);
      return null;
    }
    const parsed = parser(e.value!, { label: e.key, format: e.format });
    if (parsed.ok) return parsed.value;
    report(e, "Error", parsed.message);
    return null;
  };

  let reportingCurrency = DEFAULT_SETTINGS.reportingCurrency;
  let fiscalYearStartMonth = DEFAULT_SETTINGS.fiscalYearStartMonth;
  let planYear: number | null = null;
  let rampMonthOne = DEFAULT_SETTINGS.rampMonthOne;
  let calendar: { entry: Entry; pattern: WeekPattern | null } | null = null;
  let yearEnd: { entry: Entry; value: YearEndText } | null = null;
  let fiscalStartEntry: Entry | null = null;
  let proration: MonthProration | null = null;
  const fxEntries: Entry[] = [];
  for (const e of unique) {
    const k = normalizeKey(e.key);
    if (REPORTING_CURRENCY.includes(k)) reportingCurrency = read(e, currencyCode) ?? reportingCurrency;
    else if (FISCAL_YEAR_START.includes(k)) {
      const month = read(e, fiscalMonth);
      if (month !== null) [fiscalYearStartMonth, fiscalStartEntry] = [month, e];
    } else if (PLAN_YEAR.includes(k)) planYear = read(e, planYearParser) ?? planYear;
    else if (RAMP_MONTH_ONE.includes(k)) rampMonthOne = read(e, rampMonthOneParser) ?? rampMonthOne;
    else if (CALENDAR.includes(k)) {
      const pattern = read(e, calendarParser);
      if (pattern !== null) calendar = { entry: e, pattern: pattern === "Months" ? null : pattern };
    } else if (FISCAL_YEAR_END.includes(k)) {
      const value = read(e, yearEndParser);
      if (value !== null) yearEnd = { entry: e, value };
    } else if (PRORATION.includes(k)) {
      const basis = read(e, prorationParser);
      if (basis !== null) proration = basis === "Days" ? null : basis;
    } else if (k === "rounding")
      report(
        e,
        "Info",
        "Rounding is not a setting: payouts round to the currency's minor unit (cents), half away from zero",
      );
    else if (fxTarget(e.key) !== null) fxEntries.push(e);
    else
      reportName(
        e,
        "Info",
        `Setting ${e.key} is not used (settings read: ReportingCurrency, FiscalYearStart, FiscalYearEnd, PlanYear, Calendar, Proration, RampMonth1, and FX rates like FX:EUR)`,
      );
  }

  // FX rates are read after the reporting currency is known, since pairs are quoted against it.
  const fxRates = new Map<string, Decimal>([[reportingCurrency, ONE]]);
  const fxRow = new Map<string, Entry>();
  const refusedFx = new Set<string>();
  for (const e of fxEntries) {
    const target = fxTarget(e.key)!;
    const named =
      target.quote === null || target.quote === reportingCurrency
        ? target.base
        : target.base === reportingCurrency
          ? target.quote
          : null;
    const rate = read(e, plainNumber);
    if (rate === null) {
      // Refused (not a number) or left empty: either way one error here, not a missing rate on every rep.
      if (isEmptyCell(e.value))
        report(
          e,
          "Error",
          `FX rate ${e.key} is empty: enter how many ${reportingCurrency} one ${named ?? target.base} is worth`,
        );
      if (named) refusedFx.add(named);
      continue;
    }
    if (!rate.gt(0)) {
      report(e, "Error", `FX rate ${e.key} must be more than 0`);
      if (named) refusedFx.add(named);
      continue;
    }
    let currency: string;
    let perUnit: Decimal;
    if (target.quote === null || target.quote === reportingCurrency) [currency, perUnit] = [target.base, rate];
    else if (target.base === reportingCurrency) [currency, perUnit] = [target.quote, new Decimal(1).div(rate)];
    else {
      report(
        e,
        "Warning",
        `FX rate ${e.key} is not used: rates are read against the reporting currency ${reportingCurrency} (e.g. ${target.base}${reportingCurrency} or FX:${target.base})`,
      );
      continue;
    }
    if (currency === reportingCurrency) {
      if (!perUnit.eq(ONE))
        report(e, "Error", `FX rate ${e.key} is for the reporting currency ${reportingCurrency} itself and must be 1`);
      continue;
    }
    const earlier = fxRow.get(currency);
    if (earlier) {
      report(e, "Error", `FX rate for ${currency} is given twice (${earlier.key} and ${e.key}); keep one`);
      continue;
    }
    fxRow.set(currency, e);
    fxRates.set(currency, perUnit);
  }
  // The year end names the month before FiscalYearStart; on a week calendar it also says which weekday ends the year.
  let weekCalendar: WeekCalendarSpec | undefined;
  if (yearEnd !== null) {
    const { entry, value } = yearEnd;
    const start = (value.month % 12) + 1;
    if (fiscalStartEntry !== null && start !== fiscalYearStartMonth)
      report(
        entry,
        "Error",
        `${entry.key} ${show(entry.value!)} ends the year in ${MONTH_NAMES[value.month - 1]}, but FiscalYearStart is ${MONTH_NAMES[fiscalYearStartMonth - 1]} (a year starting in ${MONTH_NAMES[fiscalYearStartMonth - 1]} ends in ${MONTH_NAMES[(fiscalYearStartMonth + 10) % 12]}); make them agree or keep one`,
      );
    else fiscalYearStartMonth = start;
  }
  if (calendar !== null && calendar.pattern !== null) {
    if (yearEnd === null) {
      weekCalendar = { pattern: calendar.pattern, weekday: 6, rule: "Last" };
      report(
        calendar.entry,
        "Info",
        `Calendar ${calendar.pattern}: the fiscal year ends on ${describeYearEnd(weekCalendar, ((fiscalYearStartMonth + 10) % 12) + 1)} (set FiscalYearEnd to choose, e.g. Last Saturday of December or Saturday nearest December 31)`,
      );
    } else if (yearEnd.value.weekday === null || yearEnd.value.rule === null)
      report(
        yearEnd.entry,
        "Error",
        `${yearEnd.entry.key} ${show(yearEnd.entry.value!)} names no weekday: a ${calendar.pattern} year ends on a weekday; write e.g. Last Saturday of ${MONTH_NAMES[yearEnd.value.month - 1]} or Saturday nearest ${MONTH_NAMES[yearEnd.value.month - 1]} ${lastDayOf(yearEnd.value.month)}`,
      );
    else weekCalendar = { pattern: calendar.pattern, weekday: yearEnd.value.weekday, rule: yearEnd.value.rule };
  } else if (yearEnd !== null && yearEnd.value.weekday !== null)
    report(
      yearEnd.entry,
      "Warning",
      `${yearEnd.entry.key} names a weekday, but the calendar is months (the year ends on the last day of ${MONTH_NAMES[yearEnd.value.month - 1]}): set Calendar to 4-4-5, 4-5-4 or 5-4-4 for a 52/53-week year`,
    );
  return {
    reportingCurrency,
    fiscalYearStartMonth,
    planYear,
    fxRates,
    rampMonthOne,
    refusedFx,
    ...(weekCalendar ? { calendar: weekCalendar } : {}),
    ...(proration !== null ? { proration } : {}),
  };
}

function lastDayOf(month: number): number {
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Calendar: `Months` (calendar months, the default) or a week pattern, 4-4-5, 4-5-4 or 5-4-4. */
const calendarParser: CellParser<WeekPattern | "Months"> = (value, ctx) => {
  const key = typeof value === "string" ? normalizeKey(value) : typeof value === "number" ? String(value) : "";
  if (["months", "month", "monthly", "calendarmonths", "calendar", "gregorian", "standard"].includes(key))
    return ok("Months");
  for (const pattern of ["4-4-5", "4-5-4", "5-4-4"] as const) {
    const digits = pattern.replace(/-/g, "");
    if (key === digits || key === `${digits}calendar` || key === `${digits}weeks`) return ok(pattern);
  }
  const hint =
    key.startsWith("5253") || key.includes("week")
      ? ": a 52/53-week year is a week calendar; name its pattern, 4-4-5, 4-5-4 or 5-4-4"
      : "";
  return fail(`${ctx.label} ${show(value)} is not Months, 4-4-5, 4-5-4 or 5-4-4${hint}`);
};

/** Proration: `Days` (the default), `Months` (the mid-month rule) or `FullMonths`. */
const prorationParser: CellParser<MonthProration | "Days"> = (value, ctx) => {
  const key = typeof value === "string" ? normalizeKey(value) : "";
  if (["days", "day", "daily", "bydays", "calendardays"].includes(key)) return ok("Days");
  if (["months", "month", "monthly", "bymonths", "wholemonths", "midmonth", "15th", "midmonthrule"].includes(key))
    return ok("Months");
  if (["fullmonths", "fullmonth", "completemonths", "fullmonthsonly"].includes(key)) return ok("FullMonths");
  return fail(`${ctx.label} ${show(value)} is not Days, Months or FullMonths`);
};

/** FiscalYearEnd as read: the month the year ends in and, for a week calendar, the weekday and the rule. */
interface YearEndText {
  readonly month: number;
  readonly weekday: number | null;
  readonly rule: YearEndRule | null;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const FILLER = new Set(["of", "in", "the", "to", "on", "end", "day", "fiscal", "year", "ends", "at", "each"]);

function weekdayFromName(word: string): number | null {
  if (word.length < 3) return null;
  const i = WEEKDAYS.findIndex((d) => d.startsWith(word));
  return i < 0 ? null : i;
}

/**
 * FiscalYearEnd: `Last Saturday of December`, `Saturday nearest December 31` (or `… nearest the end of December`,
 * `… closest to …`), or just a month (`December`, a number 1–12) on the months calendar.
 */
const yearEndParser: CellParser<YearEndText> = (cell, { label }) => {
  const hint = `${label} ${show(cell)} is not a fiscal year end; write Last Saturday of December, Saturday nearest December 31, or a month`;
  if (typeof cell === "number")
    return Number.isInteger(cell) && cell >= 1 && cell <= 12
      ? ok({ month: cell, weekday: null, rule: null })
      : fail(hint);
  if (typeof cell !== "string") return fail(hint);
  const words = cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "" && !FILLER.has(w));
  let month: number | null = null;
  let weekday: number | null = null;
  let rule: YearEndRule | null = null;
  let day: number | null = null;
  for (const w of words) {
    if (w === "last") rule = "Last";
    else if (["nearest", "closest", "near", "close", "nearer"].includes(w)) rule = "Nearest";
    else if (/^\d{1,2}$/.test(w)) day = Number(w);
    else if (/^\d{1,2}(st|nd|rd|th)$/.test(w)) day = Number(w.replace(/\D/g, ""));
    else if (weekdayFromName(w) !== null && weekday === null) weekday = weekdayFromName(w);
    else if (monthFromName(w) !== null && month === null) month = monthFromName(w);
    else return fail(hint);
  }
  if (month === null) return fail(hint);
  if (day !== null && !(day === lastDayOf(month) || (month === 2 && day === 29)))
    return fail(
      `${label} ${show(cell)}: a fiscal year ends at the end of a month; write ${MONTH_NAMES[month - 1]} ${lastDayOf(month)}`,
    );
  if (weekday !== null && rule === null)
    return fail(
      `${label} ${show(cell)} does not say which ${cap(WEEKDAYS[weekday])}: write Last ${cap(WEEKDAYS[weekday])} of ${MONTH_NAMES[month - 1]} or ${cap(WEEKDAYS[weekday])} nearest ${MONTH_NAMES[month - 1]} ${lastDayOf(month)}`,
    );
  if (weekday === null && rule !== null) return fail(hint);
  if (rule === "Last" && day !== null) return fail(hint);
  return ok({ month, weekday, rule });
};

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** RampMonth1: `StartMonth` (the month of the start date) or `FirstFullMonth`. */
const rampMonthOneParser: CellParser<RampMonthOne> = (value, ctx) => {
  const key = typeof value === "string" ? normalizeKey(value) : "";
  if (key === "startmonth" || key === "monthofstart") return ok("StartMonth");
  if (key === "firstfullmonth" || key === "fullmonth") return ok("FirstFullMonth");
  return fail(`${ctx.label} ${show(value)} is not StartMonth or FirstFullMonth`);
};

/** `FX:EUR`, `FX EUR`, `EUR` -> {base EUR}; `EURUSD`, `EUR/USD`, `FX EURUSD` -> {base EUR, quote USD}. */
function fxTarget(key: string): { base: string; quote: string | null } | null {
  const letters = key.toUpperCase().replace(/[^A-Z]/g, "");
  const single = /^(?:FX)?([A-Z]{3})$/.exec(letters);
  if (single && isCurrencyCode(single[1])) return { base: single[1], quote: null };
  const pair = /^(?:FX)?([A-Z]{3})([A-Z]{3})$/.exec(letters);
  if (pair && isCurrencyCode(pair[1]) && isCurrencyCode(pair[2])) return { base: pair[1], quote: pair[2] };
  return null;
}

/** Key/value rows, or one row with a column per setting. */
function settingEntries(table: RawTable, issues: Issue[]): Entry[] {
  const norm = table.headers.map((h) => normalizeKey(String(h ?? "")));
  const keyCol = norm.findIndex((h) => KEY_COLUMNS.includes(h));
  const valueCol = norm.indexOf("value");
  const format = (r: number, c: number) => table.numberFormats?.[r]?.[c] ?? null;
  const entries: Entry[] = [];
  if (keyCol >= 0 && valueCol >= 0) {
    table.rows.forEach((row, r) => {
      const key = row[keyCol];
      if (isEmptyCell(key)) {
        if (!isEmptyCell(row[valueCol]))
          issues.push(cellIssue(table, r, keyCol, "Error", `This Settings row has a value but no setting name`));
        return;
      }
      entries.push({
        key: String(key).trim(),
        value: row[valueCol] ?? null,
        rowIndex: r,
        valueCol,
        keyCol,
        format: format(r, valueCol),
      });
    });
    return entries;
  }
  const filled = table.rows.map((row, r) => ({ row, r })).filter(({ row }) => row.some((c) => !isEmptyCell(c)));
  if (filled.length > 1) {
    issues.push(
      tableIssue(
        table,
        "Error",
        `Settings has a column per setting but ${filled.length} rows; use one row, or two columns named Setting and Value`,
      ),
    );
  }
  const first = filled[0];
  if (!first) return entries;
  table.headers.forEach((h, c) => {
    const key = String(h ?? "").trim();
    if (key !== "")
      entries.push({
        key,
        value: first.row[c] ?? null,
        rowIndex: first.r,
        valueCol: c,
        keyCol: "header",
        format: format(first.r, c),
      });
  });
  return entries;
}

/** FiscalYearStart: a month number 1–12, a month name, or a date (its month). */
const fiscalMonth: CellParser<number> = (cell, { label, format }) => {
  const hint = `${label} ${show(cell)} is not a month; write a month number 1–12 or a name like February`;
  if (typeof cell === "number") {
    if (!isDateFormat(format) && Number.isInteger(cell) && cell >= 1 && cell <= 12) return ok(cell);
    if (isDateFormat(format) || cell >= 10000) {
      const d = serialToIso(cell);
      return d.ok ? ok(dateParts(d.value).month) : fail(hint);
    }
    return fail(hint);
  }
  if (typeof cell === "boolean") return fail(hint);
  const t = cell.trim();
  if (/^\d{1,2}$/.test(t)) return Number(t) >= 1 && Number(t) <= 12 ? ok(Number(t)) : fail(hint);
  const iso = parseIsoText(t);
  if (iso) return iso.ok ? ok(dateParts(iso.value).month) : fail(hint);
  const m = monthFromName(t);
  return m ? ok(m) : fail(hint);
};

/** PlanYear: 2026 or FY2026. */
const planYearParser: CellParser<number> = (cell, ctx) => {
  const t = typeof cell === "string" ? cell.trim().replace(/^FY\s*/i, "") : cell;
  const n = integer(t, ctx);
  if (!n.ok || n.value < 1900 || n.value > 9999) return fail(`${ctx.label} ${show(cell)} is not a year like 2026`);
  return n;
};

import { Decimal, ONE, type RampMonthOne } from "../../engine";
import { cellIssue, tableIssue } from "../issues";
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

const KEY_COLUMNS = ["setting", "key", "name", "parameter", "item"];
const REPORTING_CURRENCY = ["reportingcurrency", "currency", "basecurrency"];
const FISCAL_YEAR_START = ["fiscalyearstart", "fiscalyearstartmonth", "fystart", "fystartmonth", "fiscalstart"];
const PLAN_YEAR = ["planyear", "year", "fiscalyear"];
const RAMP_MONTH_ONE = ["rampmonth1", "rampmonthone", "rampstart", "ramptenure"];

/** One setting as found: its key text and where its value sits. */
interface Entry {
  readonly key: string;
  readonly value: RawCell;
  readonly rowIndex: number;
  readonly valueCol: number;
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
  const fxEntries: Entry[] = [];
  for (const e of unique) {
    const k = normalizeKey(e.key);
    if (REPORTING_CURRENCY.includes(k)) reportingCurrency = read(e, currencyCode) ?? reportingCurrency;
    else if (FISCAL_YEAR_START.includes(k)) fiscalYearStartMonth = read(e, fiscalMonth) ?? fiscalYearStartMonth;
    else if (PLAN_YEAR.includes(k)) planYear = read(e, planYearParser) ?? planYear;
    else if (RAMP_MONTH_ONE.includes(k)) rampMonthOne = read(e, rampMonthOneParser) ?? rampMonthOne;
    else if (k === "rounding")
      report(
        e,
        "Info",
        "Rounding is not a setting: payouts round to the currency's minor unit (cents), half away from zero",
      );
    else if (fxTarget(e.key) !== null) fxEntries.push(e);
    else
      report(
        e,
        "Info",
        `Setting ${e.key} is not used (settings read: ReportingCurrency, FiscalYearStart, PlanYear, RampMonth1, and FX rates like FX:EUR)`,
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
  return { reportingCurrency, fiscalYearStartMonth, planYear, fxRates, rampMonthOne, refusedFx };
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
      entries.push({ key, value: first.row[c] ?? null, rowIndex: first.r, valueCol: c, format: format(first.r, c) });
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

import {
  Decimal,
  MONTH_NAMES,
  WEEKDAY_NAMES,
  WeekCalendar,
  type MonthProration,
  type WeekPattern,
  type YearEndRule,
} from "../../engine";
import type { SettingEntry } from "../../workbook/port";
import { parseNumberText } from "../../workbook/parse/cells/numbers";
import { canonicalNumber, entryText } from "./numberEntry";
import { normalizeKey } from "../../workbook/parse/cells/cell";
import { locateInputs } from "../../workbook/parse/locate";
import { KEY_COLUMNS, readSettings, SETTING_KEYS, yearEndSetting } from "../../workbook/parse/settings";
import type { Issue, RawTable } from "../../workbook/types";

export const MONTHS = MONTH_NAMES;
export const WEEKDAYS = WEEKDAY_NAMES;

/** How the year is cut into months (Settings `Calendar`), as written to the table. */
export type CalendarChoice = "Months" | WeekPattern;
/** How a partial-tenure rep is prorated (Settings `Proration`), as written to the table. */
export type ProrationChoice = "Days" | MonthProration;

export const CALENDARS: readonly { readonly value: CalendarChoice; readonly label: string }[] = [
  { value: "Months", label: "Calendar months" },
  { value: "4-4-5", label: "4-4-5 weeks (52/53-week year)" },
  { value: "4-5-4", label: "4-5-4 weeks (52/53-week year)" },
  { value: "5-4-4", label: "5-4-4 weeks (52/53-week year)" },
];

export const YEAR_END_RULES: readonly { readonly value: YearEndRule; readonly label: string }[] = [
  { value: "Last", label: "The last such weekday of the month" },
  { value: "Nearest", label: "The one nearest the month's last day" },
];

export const PRORATIONS: readonly { readonly value: ProrationChoice; readonly label: string }[] = [
  { value: "Days", label: "Days employed" },
  { value: "Months", label: "Whole months (mid-month rule)" },
  { value: "FullMonths", label: "Full months only" },
];

export interface SettingsDraft {
  readonly reportingCurrency: string;
  /** 1 = January. */
  readonly fiscalYearStartMonth: number;
  /**
   * One FX rate per currency the workbook uses besides the reporting one (Reps and Offers), as typed: units of
   * the reporting currency per one unit of it ("" = not set yet). Absent: the rates are left as they are.
   */
  readonly fx?: readonly FxDraft[];
  /** Calendar months or a week pattern. Absent: Calendar, FiscalYearEnd and the week rule are left as they are. */
  readonly calendar?: CalendarChoice;
  /** On a week calendar, the weekday the year ends on and which one (kept while the calendar is months). */
  readonly yearEnd?: { readonly weekday: number; readonly rule: YearEndRule };
  /** Absent: Proration is left as it is. */
  readonly proration?: ProrationChoice;
}

export interface FxDraft {
  readonly currency: string;
  readonly rate: string;
}

/** The keys the parser reads each setting under: the documented spelling (written when adding one), then the others. */
const KEYS = {
  reportingCurrency: ["ReportingCurrency", ...SETTING_KEYS.ReportingCurrency],
  fiscalYearStartMonth: ["FiscalYearStart", ...SETTING_KEYS.FiscalYearStart],
  calendar: ["Calendar", ...SETTING_KEYS.Calendar],
  fiscalYearEnd: ["FiscalYearEnd", ...SETTING_KEYS.FiscalYearEnd],
  proration: ["Proration", ...SETTING_KEYS.Proration],
} as const;

/** The year end a week calendar takes when none is set: the last Saturday of the month (as the parser assumes). */
const DEFAULT_YEAR_END = { weekday: 6, rule: "Last" } as const;

export function currentSettings(tables: readonly RawTable[]): SettingsDraft {
  const s = readSettings(locateInputs(tables).Settings, []);
  const used = usedCurrencies(tables);
  const fx = [...new Set([...used, ...s.fxRates.keys()])]
    .filter((c) => c !== s.reportingCurrency)
    .sort()
    .map((currency) => {
      const rate = s.fxRates.get(currency);
      return { currency, rate: rate === undefined ? "" : entryText(rate) };
    });
  return {
    reportingCurrency: s.reportingCurrency,
    fiscalYearStartMonth: s.fiscalYearStartMonth,
    fx,
    calendar: s.calendar?.pattern ?? "Months",
    yearEnd: s.calendar ? { weekday: s.calendar.weekday, rule: s.calendar.rule } : DEFAULT_YEAR_END,
    proration: s.proration ?? "Days",
  };
}

/** The month (1–12) a plan year starting in `fiscalYearStartMonth` ends in. */
export function endMonthOf(fiscalYearStartMonth: number): number {
  return ((fiscalYearStartMonth + 10) % 12) + 1;
}

/** FiscalYearEnd as the draft would write it ("Last Saturday of December"), or null on the months calendar. */
export function yearEndText(draft: SettingsDraft): string | null {
  if (draft.calendar === undefined || draft.calendar === "Months") return null;
  return yearEndSetting(draft.yearEnd ?? DEFAULT_YEAR_END, endMonthOf(draft.fiscalYearStartMonth));
}

/**
 * What a week calendar makes of plan year `year`, in words: "FY2026 runs 28 December 2025 to 26 December 2026:
 * 52 weeks"; a 53-week year says where its extra week goes. Null on the months calendar.
 */
export function weekYearPreview(draft: SettingsDraft, year: number): string | null {
  if (draft.calendar === undefined || draft.calendar === "Months") return null;
  const { weekday, rule } = draft.yearEnd ?? DEFAULT_YEAR_END;
  const cal = new WeekCalendar({ pattern: draft.calendar, weekday, rule }, draft.fiscalYearStartMonth);
  const { start, end } = cal.yearSpan(year);
  const weeks = cal.weeks(year);
  const extra = weeks === 53 ? ", the 53rd in the last month of Q4" : "";
  return `FY${year} runs ${longDate(start)} to ${longDate(end)}: ${weeks} weeks${extra}`;
}

function longDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** The plan year a preview is shown for: Settings' PlanYear, else this year. */
export function previewYear(tables: readonly RawTable[], today: Date): number {
  return readSettings(locateInputs(tables).Settings, []).planYear ?? today.getFullYear();
}

/** The settings the calendar fields edit, by field. */
export type CalendarField = "fiscalYearStart" | "calendar" | "fiscalYearEnd" | "proration";

const FIELD_KEYS: Readonly<Record<CalendarField, readonly string[]>> = {
  fiscalYearStart: SETTING_KEYS.FiscalYearStart,
  calendar: SETTING_KEYS.Calendar,
  fiscalYearEnd: SETTING_KEYS.FiscalYearEnd,
  proration: SETTING_KEYS.Proration,
};

/**
 * What the workbook's Settings table says is wrong with the values these fields edit, as the CLI and a Run report
 * it ("Calendar "4-4-6" is not Months, 4-4-5, 4-5-4 or 5-4-4"), by field: the pane shows each on its field, where
 * saving the value chosen there replaces the one in the table.
 */
export function calendarProblems(tables: readonly RawTable[]): Partial<Record<CalendarField, string>> {
  const table = locateInputs(tables).Settings;
  if (!table) return {};
  const issues: Issue[] = [];
  readSettings(table, issues);
  const out: Partial<Record<CalendarField, string>> = {};
  for (const issue of issues) {
    if (issue.severity === "Info") continue;
    const key = normalizeKey(keyOfIssue(table, issue) ?? "");
    const field = (Object.keys(FIELD_KEYS) as CalendarField[]).find((f) => FIELD_KEYS[f].includes(key));
    if (field !== undefined && out[field] === undefined) out[field] = issue.message;
  }
  return out;
}

/** The setting an issue is about: its column in a one-row table, its row's key in a Setting/Value table. */
function keyOfIssue(table: RawTable, issue: Issue): string | null {
  const headers = table.headers.map((h) => normalizeKey(String(h ?? "")));
  const keyCol = headers.findIndex((h) => KEY_COLUMNS.includes(h));
  if (keyCol < 0 || headers.indexOf("value") < 0) return issue.column;
  if (issue.row === null) return null;
  const key = table.rows[issue.row - table.headerRow - 1]?.[keyCol];
  return typeof key === "string" ? key : null;
}

/** Currencies the Reps and Offers tables pay in (their Currency columns). */
export function usedCurrencies(tables: readonly RawTable[]): string[] {
  const found = locateInputs(tables);
  const out = new Set<string>();
  for (const table of [found.Reps, found.Offers]) {
    if (!table) continue;
    const col = table.headers.findIndex((h) => normalizeKey(String(h ?? "")) === "currency");
    if (col < 0) continue;
    for (const row of table.rows) {
      const v = row[col];
      if (typeof v === "string" && /^[A-Za-z]{3}$/.test(v.trim())) out.add(v.trim().toUpperCase());
    }
  }
  return [...out];
}

/** A typed rate as a number (dot or the user's decimal comma); null when it is not a positive number. */
function rateOf(text: string): Decimal | null {
  const entry = canonicalNumber(text.trim());
  if (!entry.ok || entry.text.trim() === "") return null;
  const parsed = parseNumberText(entry.text);
  return parsed.ok && !parsed.value.percent && parsed.value.value.gt(0) ? parsed.value.value : null;
}

/**
 * The rates restated for a new reporting currency N, in one step: each
 * currency X was quoted in the old reporting currency R (R per X); in N it is
 * (R per X) ÷ (R per N), and R itself becomes 1 ÷ (R per N). Null when N's
 * rate in R is not known, so the rates cannot be restated.
 */
export function restateFx(draft: SettingsDraft, from: string): SettingsDraft | null {
  const to = draft.reportingCurrency.trim().toUpperCase();
  const rates = new Map((draft.fx ?? []).map((f) => [f.currency, f.rate]));
  const pivot = rateOf(rates.get(to) ?? "");
  if (pivot === null) return null;
  const currencies = [...new Set([...rates.keys(), from])].filter((c) => c !== to).sort();
  const show = (d: Decimal) => entryText(d.toSignificantDigits(10));
  const fx = currencies.map((currency) => {
    if (currency === from) return { currency, rate: show(new Decimal(1).div(pivot)) };
    const rate = rateOf(rates.get(currency) ?? "");
    return { currency, rate: rate === null ? "" : show(rate.div(pivot)) };
  });
  return { ...draft, reportingCurrency: to, fx };
}

/** What stops the draft from giving a runnable workbook: every currency in use needs a positive rate. */
export function fxProblems(draft: SettingsDraft, tables: readonly RawTable[]): string[] {
  const reporting = draft.reportingCurrency.trim().toUpperCase();
  const rates = new Map((draft.fx ?? []).map((f) => [f.currency, f.rate]));
  return usedCurrencies(tables)
    .filter((c) => c !== reporting)
    .sort()
    .filter((c) => rateOf(rates.get(c) ?? "") === null)
    .map((c) => {
      // Typed but not in the user's number format ("1.5" in de-DE): say so, as the plan editor does.
      const entry = canonicalNumber((rates.get(c) ?? "").trim());
      const ask = `Give the rate for ${c}: how many ${reporting} one ${c} is worth`;
      return entry.ok ? ask : `${ask}. ${entry.message}`;
    });
}

/** The key spelling already used in the Settings table for a setting, so an update never adds a duplicate. */
function keyInTable(tables: readonly RawTable[], names: readonly string[]): string {
  return keyFound(tables, names) ?? names[0];
}

/** The table's own spelling of any of `names`, or null when the table has none of them. */
function keyFound(tables: readonly RawTable[], names: readonly string[]): string | null {
  const wanted = new Set(names.map(normalizeKey));
  for (const row of locateInputs(tables).Settings?.rows ?? []) {
    const k = row[0];
    if (typeof k === "string" && wanted.has(normalizeKey(k))) return k;
  }
  return null;
}

export function currencyProblem(code: string): string | null {
  return /^[A-Za-z]{3}$/.test(code.trim()) ? null : "Use a three-letter ISO currency code, like USD or EUR";
}

export function settingsEntries(tables: readonly RawTable[], draft: SettingsDraft): SettingEntry[] {
  const reporting = draft.reportingCurrency.trim().toUpperCase();
  const entries: SettingEntry[] = [
    { key: keyInTable(tables, KEYS.reportingCurrency), value: reporting },
    { key: keyInTable(tables, KEYS.fiscalYearStartMonth), value: draft.fiscalYearStartMonth },
    ...calendarEntries(tables, draft),
  ];
  if (draft.fx === undefined) return entries;
  for (const f of draft.fx) {
    const rate = rateOf(f.rate);
    if (rate !== null) entries.push({ key: keyInTable(tables, fxKeys(f.currency)), value: rate.toNumber() });
  }
  // A rate the table still holds for the new reporting currency itself must read 1.
  const own = keyFound(tables, fxKeys(reporting));
  if (own !== null) entries.push({ key: own, value: 1 });
  return entries;
}

/**
 * Calendar, FiscalYearEnd and Proration as the parser reads them. A setting at its default (calendar months, by days)
 * is written only when the table already has a row for it, so saving never fills the table with defaults. A week
 * calendar writes its year end ("Last Saturday of December", the month before FiscalYearStart); on the months
 * calendar a FiscalYearEnd row the table already has is set to the month alone ("December"), which agrees with
 * FiscalYearStart, since a weekday there is warned about.
 */
function calendarEntries(tables: readonly RawTable[], draft: SettingsDraft): SettingEntry[] {
  const out: SettingEntry[] = [];
  const write = (names: readonly string[], value: string, isDefault: boolean) => {
    const key = keyFound(tables, names);
    if (key !== null || !isDefault) out.push({ key: key ?? names[0], value });
  };
  if (draft.calendar !== undefined) {
    write(KEYS.calendar, draft.calendar, draft.calendar === "Months");
    const end = yearEndText(draft) ?? MONTH_NAMES[endMonthOf(draft.fiscalYearStartMonth) - 1];
    write(KEYS.fiscalYearEnd, end, draft.calendar === "Months");
  }
  if (draft.proration !== undefined) write(KEYS.proration, draft.proration, draft.proration === "Days");
  return out;
}

/** The spellings of one currency's FX setting, the documented one first. */
function fxKeys(currency: string): string[] {
  return [`FX ${currency}`, `FX:${currency}`, `FX${currency}`, currency];
}

import { MONTH_NAMES } from "../../engine";
import { Decimal } from "../../engine";
import type { SettingEntry } from "../../workbook/port";
import { parseNumberText } from "../../workbook/parse/cells/numbers";
import { canonicalNumber } from "./numberEntry";
import { normalizeKey } from "../../workbook/parse/cells/cell";
import { locateInputs } from "../../workbook/parse/locate";
import { readSettings } from "../../workbook/parse/settings";
import type { RawTable } from "../../workbook/types";

export const MONTHS = MONTH_NAMES;

export interface SettingsDraft {
  readonly reportingCurrency: string;
  /** 1 = January. */
  readonly fiscalYearStartMonth: number;
  /**
   * One FX rate per currency the workbook uses besides the reporting one (Reps and Offers), as typed: units of
   * the reporting currency per one unit of it ("" = not set yet). Absent: the rates are left as they are.
   */
  readonly fx?: readonly FxDraft[];
}

export interface FxDraft {
  readonly currency: string;
  readonly rate: string;
}

/** The keys the contract accepts for each setting (the first is what we write when adding one). */
const KEYS = {
  reportingCurrency: ["ReportingCurrency", "Currency", "BaseCurrency"],
  fiscalYearStartMonth: ["FiscalYearStart", "FiscalYearStartMonth", "FYStart", "FYStartMonth", "FiscalStart"],
} as const;

export function currentSettings(tables: readonly RawTable[]): SettingsDraft {
  const s = readSettings(locateInputs(tables).Settings, []);
  const used = usedCurrencies(tables);
  const fx = [...new Set([...used, ...s.fxRates.keys()])]
    .filter((c) => c !== s.reportingCurrency)
    .sort()
    .map((currency) => ({ currency, rate: s.fxRates.get(currency)?.toString() ?? "" }));
  return { reportingCurrency: s.reportingCurrency, fiscalYearStartMonth: s.fiscalYearStartMonth, fx };
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
  const show = (d: Decimal) => d.toSignificantDigits(10).toString();
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
    .map((c) => `Give the rate for ${c}: how many ${reporting} one ${c} is worth`);
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

/** The spellings of one currency's FX setting, the documented one first. */
function fxKeys(currency: string): string[] {
  return [`FX ${currency}`, `FX:${currency}`, `FX${currency}`, currency];
}

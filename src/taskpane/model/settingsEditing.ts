import type { SettingEntry } from "../../excel/port";
import { normalizeKey } from "../../workbook/parse/cells/cell";
import { locateInputs } from "../../workbook/parse/locate";
import { readSettings } from "../../workbook/parse/settings";
import type { RawTable } from "../../workbook/types";

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export interface SettingsDraft {
  readonly reportingCurrency: string;
  /** 1 = January. */
  readonly fiscalYearStartMonth: number;
}

/** The keys the contract accepts for each setting (the first is what we write when adding one). */
const KEYS = {
  reportingCurrency: ["ReportingCurrency", "Currency", "BaseCurrency"],
  fiscalYearStartMonth: ["FiscalYearStart", "FiscalYearStartMonth", "FYStart", "FYStartMonth", "FiscalStart"],
} as const;

export function currentSettings(tables: readonly RawTable[]): SettingsDraft {
  const s = readSettings(locateInputs(tables).Settings, []);
  return { reportingCurrency: s.reportingCurrency, fiscalYearStartMonth: s.fiscalYearStartMonth };
}

/** The key spelling already used in the Settings table for a setting, so an update never adds a duplicate. */
function keyInTable(tables: readonly RawTable[], names: readonly string[]): string {
  const table = locateInputs(tables).Settings;
  const wanted = new Set(names.map(normalizeKey));
  for (const row of table?.rows ?? []) {
    const k = row[0];
    if (typeof k === "string" && wanted.has(normalizeKey(k))) return k;
  }
  return names[0];
}

export function currencyProblem(code: string): string | null {
  return /^[A-Za-z]{3}$/.test(code.trim()) ? null : "Use a three-letter ISO currency code, like USD or EUR";
}

export function settingsEntries(tables: readonly RawTable[], draft: SettingsDraft): SettingEntry[] {
  return [
    { key: keyInTable(tables, KEYS.reportingCurrency), value: draft.reportingCurrency.trim().toUpperCase() },
    { key: keyInTable(tables, KEYS.fiscalYearStartMonth), value: draft.fiscalYearStartMonth },
  ];
}

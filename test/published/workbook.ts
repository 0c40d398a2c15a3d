import { runWorkbook } from "../../src/workbook/run";
import type { RawCell, RawTable, SheetSpec } from "../../src/workbook/types";

/**
 * The workbook path for published examples that depend on Settings or on
 * Plans columns: tables typed as a user would type them (one sheet each,
 * header in row 1), run as the add-in and the CLI run them (runWorkbook), the
 * figures read back from the result sheets.
 */
export function sheet(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, source: "sheet", headerRow: 1, firstColumn: 1, headers, rows };
}

export const settings = (rows: RawCell[][]): RawTable => sheet("Settings", ["Setting", "Value"], rows);

/** The Settings most tests need: reporting in USD, plan year 2026. */
export const usd2026 = (): RawTable =>
  settings([
    ["ReportingCurrency", "USD"],
    ["PlanYear", 2026],
  ]);

export function run(tables: RawTable[]) {
  const r = runWorkbook(tables, { sourceName: "published.xlsx", computedAt: new Date("2026-11-22T10:00:00Z") });
  const errors = r.issues.filter((i) => i.severity === "Error").map((i) => `${i.address} ${i.message}`);
  if (errors.length > 0) throw new Error(`the workbook has errors:\n${errors.join("\n")}`);
  return r;
}

/** A result sheet's rows as objects keyed by header. */
export function rows(sheets: readonly SheetSpec[], name: string): Record<string, RawCell>[] {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s.rows.map((row) => Object.fromEntries(s.columns.map((c, i) => [c.header, row[i] as RawCell])));
}

/** A money cell as shown to the cent ("1032.26"). */
export const cents = (v: RawCell): string => (typeof v === "number" ? v.toFixed(2) : String(v));

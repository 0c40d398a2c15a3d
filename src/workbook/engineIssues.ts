import type { EngineIssue } from "../engine";
import { cellAddress } from "./issues";
import { ADJUSTMENTS_FIELDS } from "./parse/adjustments";
import { AMOUNT_FIELDS } from "./parse/amounts";
import type { FieldSpec } from "./parse/headers";
import { HISTORY_FIELDS } from "./parse/history";
import { MATRIX_FIELDS } from "./parse/matrixRows";
import { MODIFIER_FIELDS } from "./parse/modifierRows";
import { OFFER_FIELDS } from "./parse/offers";
import { PLAN_FIELDS } from "./parse/planRows";
import { RAMPS_FIELDS } from "./parse/ramps";
import { REPS_FIELDS } from "./parse/reps";
import { SCENARIOS_FIELDS } from "./parse/scenarios";
import { TIER_FIELDS } from "./parse/tierRows";
import type { Issue, RawTable } from "./types";

const SOURCE = /^(\w+) row (\d+)$/;
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Every input column's documented name and the other spellings the tables accept. */
const FIELDS: readonly FieldSpec[] = [
  ...REPS_FIELDS,
  ...PLAN_FIELDS,
  ...TIER_FIELDS,
  ...MODIFIER_FIELDS,
  ...MATRIX_FIELDS,
  ...Object.values(AMOUNT_FIELDS).flat(),
  ...ADJUSTMENTS_FIELDS,
  ...RAMPS_FIELDS,
  ...SCENARIOS_FIELDS,
  ...HISTORY_FIELDS,
  ...OFFER_FIELDS,
];

/** The spellings a column the engine names by its documented name may have in a table ("Date" for Period). */
function aliasesOf(column: string): string[] {
  const want = norm(column);
  return FIELDS.filter((f) => norm(f.name) === want).flatMap((f) => (f.aliases ?? []).map(norm));
}

/** Places an engine issue in the workbook: its "Table row N" source and column become a cell address. */
export function locateEngineIssue(issue: EngineIssue, tables: readonly RawTable[]): Issue {
  const match = issue.source ? SOURCE.exec(issue.source) : null;
  if (!match) {
    return {
      severity: issue.severity,
      table: "",
      sheet: "",
      row: null,
      column: issue.column ?? null,
      address: null,
      message: issue.message,
    };
  }
  const [, tableName, rowText] = match;
  const row = Number(rowText);
  const table =
    tables.find((t) => norm(t.name) === norm(tableName) && t.source === "table") ??
    tables.find((t) => norm(t.name) === norm(tableName));
  const colIndex = table && issue.column ? columnIndex(table.headers, issue.column) : -1;
  return {
    severity: issue.severity,
    table: table?.name ?? tableName,
    sheet: table?.sheet ?? tableName,
    row,
    column: colIndex >= 0 ? table!.headers[colIndex] : (issue.column ?? null),
    address: table && colIndex >= 0 ? cellAddress(table.sheet, row, table.firstColumn + colIndex) : null,
    message: issue.message,
  };
}

/**
 * The header an engine issue's column names: itself (ignoring case and
 * punctuation), or one of the spellings its table accepts for it; for a measure's quota also "<Measure> Quota"; for the Quota
 * column its aliases; otherwise a header it begins (an alias such as "Base
 * Salary" for Base). Never another measure's quota: "Quota" is not "Quota: Renewals".
 */
function columnIndex(headers: readonly string[], column: string): number {
  const want = norm(column);
  const exact = headers.findIndex((h) => norm(h) === want);
  if (exact >= 0) return exact;
  const aliases = aliasesOf(column);
  const alias = headers.findIndex((h) => aliases.includes(norm(h)));
  if (alias >= 0) return alias;
  const measureQuota = /^Quota (.+)$/.exec(column);
  if (measureQuota) return headers.findIndex((h) => norm(h) === `${norm(measureQuota[1])}quota`);
  if (want === "quota") return headers.findIndex((h) => norm(h) === "annualquota" || norm(h) === "quotaamount");
  return headers.findIndex((h) => norm(h).startsWith(want));
}

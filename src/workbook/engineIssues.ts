import type { EngineIssue } from "../engine";
import { cellAddress } from "./issues";
import type { Issue, RawTable } from "./types";

const SOURCE = /^(\w+) row (\d+)$/;
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

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
 * punctuation); for a measure's quota also "<Measure> Quota"; for the Quota
 * column its aliases; otherwise a header it begins (an alias such as "Base
 * Salary" for Base). Never another measure's quota: "Quota" is not "Quota: Renewals".
 */
function columnIndex(headers: readonly string[], column: string): number {
  const want = norm(column);
  const exact = headers.findIndex((h) => norm(h) === want);
  if (exact >= 0) return exact;
  const measureQuota = /^Quota (.+)$/.exec(column);
  if (measureQuota) return headers.findIndex((h) => norm(h) === `${norm(measureQuota[1])}quota`);
  if (want === "quota") return headers.findIndex((h) => norm(h) === "annualquota" || norm(h) === "quotaamount");
  return headers.findIndex((h) => norm(h).startsWith(want));
}

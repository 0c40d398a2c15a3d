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
  const colIndex = table && issue.column ? table.headers.findIndex((h) => norm(h).startsWith(norm(issue.column!))) : -1;
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

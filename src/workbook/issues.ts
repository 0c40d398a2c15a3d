import type { Issue, RawTable, Severity } from "./types";

/**
 * Builders for the Issue shape, so every problem names its place the way the
 * user sees it in Excel: table, Excel row, header text and an address like
 * `Reps!D7` or `'My Sheet'!C7`.
 */

/** 1-based column number -> Excel letters (1 -> A, 27 -> AA). */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column must be a positive integer, got ${column}`);
  let n = column;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as it must appear in a reference: quoted unless it is a plain identifier that cannot be read as a cell. */
export function sheetRef(sheet: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^R\d*C\d*$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function cellAddress(sheet: string, row: number, column: number): string {
  return `${sheetRef(sheet)}!${columnLetter(column)}${row}`;
}

/** The Excel row number of a body row (0-based index into table.rows). */
export function excelRow(table: RawTable, rowIndex: number): number {
  return table.headerRow + 1 + rowIndex;
}

/** A problem in one body cell. `colIndex` is 0-based within the table. */
export function cellIssue(
  table: RawTable,
  rowIndex: number,
  colIndex: number,
  severity: Severity,
  message: string,
): Issue {
  const row = excelRow(table, rowIndex);
  return {
    severity,
    table: table.name,
    sheet: table.sheet,
    row,
    column: table.headers[colIndex] ?? null,
    address: cellAddress(table.sheet, row, table.firstColumn + colIndex),
    message,
  };
}

/** A problem with a whole body row (no single column to blame). */
export function rowIssue(table: RawTable, rowIndex: number, severity: Severity, message: string): Issue {
  return {
    severity,
    table: table.name,
    sheet: table.sheet,
    row: excelRow(table, rowIndex),
    column: null,
    address: null,
    message,
  };
}

/** A problem with one header cell. */
export function headerIssue(table: RawTable, colIndex: number, severity: Severity, message: string): Issue {
  return {
    severity,
    table: table.name,
    sheet: table.sheet,
    row: table.headerRow,
    column: table.headers[colIndex] ?? null,
    address: cellAddress(table.sheet, table.headerRow, table.firstColumn + colIndex),
    message,
  };
}

/** A problem with a table as a whole (a missing column, no rows). */
export function tableIssue(table: RawTable, severity: Severity, message: string): Issue {
  return { severity, table: table.name, sheet: table.sheet, row: null, column: null, address: null, message };
}

/** A problem not located in any table read (a missing table: pass its name). */
export function workbookIssue(severity: Severity, message: string, table = ""): Issue {
  return { severity, table, sheet: "", row: null, column: null, address: null, message };
}

/**
 * Issues in reading order: workbook-wide first, then tables in `tableOrder`
 * (case-insensitive; unknown tables last), then by row (table-level before
 * rows), then left to right. Ties keep the order they were found in.
 */
export function sortIssues(issues: readonly Issue[], tableOrder: readonly string[]): Issue[] {
  const rank = new Map(tableOrder.map((t, i) => [t.toLowerCase(), i + 1]));
  const tableRank = (i: Issue): number =>
    i.table === "" ? 0 : (rank.get(i.table.toLowerCase()) ?? tableOrder.length + 1);
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) =>
        tableRank(a.issue) - tableRank(b.issue) ||
        a.issue.table.localeCompare(b.issue.table) ||
        (a.issue.row ?? -1) - (b.issue.row ?? -1) ||
        columnOf(a.issue) - columnOf(b.issue) ||
        a.order - b.order,
    )
    .map((x) => x.issue);
}

/** Column number from an issue's address (0 when it has none), to order a row's issues left to right. */
function columnOf(issue: Issue): number {
  const m = issue.address ? /!\$?([A-Z]+)\$?\d+$/.exec(issue.address) : null;
  if (!m) return 0;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Drops exact repeats (the same cell can be read for several scenario versions of a plan). */
export function dedupeIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = [i.severity, i.table, i.row, i.column, i.address, i.message].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "Error");
}

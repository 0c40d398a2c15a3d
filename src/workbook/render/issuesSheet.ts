import type { ColumnSpec, Issue, SheetSpec } from "../types";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Severity", format: "text" },
  { header: "Table", format: "text" },
  { header: "Row", format: "integer" },
  { header: "Column", format: "text" },
  { header: "Cell", format: "text" },
  { header: "Message", format: "text", width: 100 },
];

/** Results_Issues: every problem found, errors first. */
export function issuesSheet(issues: readonly Issue[], subtitleText: string): SheetSpec {
  const order = { Error: 0, Warning: 1, Info: 2 } as const;
  const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    name: "Results_Issues",
    title: issues.length ? `Problems found: ${issues.length}` : "No problems found",
    subtitle: subtitleText,
    columns: COLUMNS,
    rows: sorted.map((i) => [i.severity, i.table, i.row, i.column, i.address, i.message]),
  };
}

import type { Issue, Severity } from "../workbook/types";

/** What the CLI prints for a person: issue lines and the output summary. */

const SEVERITY_ORDER: readonly Severity[] = ["Error", "Warning", "Info"];
/** Wide enough for "Warning" plus a space, so messages line up. */
const SEVERITY_WIDTH = 8;

/** Errors first, then warnings, then info; the reader's order within each group. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return SEVERITY_ORDER.flatMap((severity) => issues.filter((issue) => issue.severity === severity));
}

/** "Reps row 7, column Base" — the location in words, as the user sees it in Excel. */
export function issueLocation(issue: Issue): string {
  const parts: string[] = [];
  if (issue.table) parts.push(issue.row !== null ? `${issue.table} row ${issue.row}` : issue.table);
  else if (issue.row !== null) parts.push(`row ${issue.row}`);
  if (issue.column !== null) parts.push(`column ${issue.column}`);
  return parts.join(", ");
}

/** One line per issue: `Error   Reps!D7  Reps row 7, column Base: Base is not a number`. */
export function formatIssues(issues: readonly Issue[]): string[] {
  const sorted = sortIssues(issues);
  const addressOf = (issue: Issue): string => issue.address ?? (issue.table || "(workbook)");
  const addressWidth = Math.max(0, ...sorted.map((issue) => addressOf(issue).length));
  return sorted.map((issue) => {
    const location = issueLocation(issue);
    const text = location ? `${location}: ${issue.message}` : issue.message;
    return `${issue.severity.padEnd(SEVERITY_WIDTH)}${addressOf(issue).padEnd(addressWidth)}  ${text}`;
  });
}

export function countBySeverity(issues: readonly Issue[], severity: Severity): number {
  return issues.filter((issue) => issue.severity === severity).length;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** What the output holds: the user's workbook as it was, plus the result sheets (and which of ours it replaced). */
export function formatOutputSummary(
  outputPath: string,
  sourceName: string,
  sheets: {
    readonly results: readonly string[];
    readonly replaced: readonly string[];
    readonly leftAlone: readonly string[];
  },
): string[] {
  return [
    `Wrote ${outputPath}`,
    `  ${sourceName} plus the result sheets: ${sheets.results.join(", ")}`,
    ...(sheets.replaced.length > 0 ? [`  Replaced our sheets from an earlier run: ${sheets.replaced.join(", ")}`] : []),
    ...(sheets.leftAlone.length > 0
      ? [`  Left as they were (from an earlier run, not produced this time): ${sheets.leftAlone.join(", ")}`]
      : []),
    "  Everything else in the workbook is as it was. The input file was not changed.",
  ];
}

/** What `--format csv` wrote: the folder and each file with its rows. */
export function formatCsvSummary(
  folder: string,
  files: readonly { readonly name: string; readonly rows: number }[],
  replaced: readonly string[],
): string[] {
  return [
    `Wrote ${folder}: one CSV file per result table (UTF-8, a header line, then the rows)`,
    ...files.map((f) => `  ${f.name}  ${f.rows.toLocaleString("en-US")} rows`),
    ...(replaced.length > 0 ? [`  Replaced the files of an earlier run: ${replaced.join(", ")}`] : []),
    "  The input file was not changed.",
  ];
}

export function inputErrorsLine(errorCount: number): string {
  return `compplan: ${plural(errorCount, "error")} in the input; nothing was written.`;
}

import { INPUT_NAMES } from "../../workbook/parse/locate";
import type { Issue, RawTable } from "../../workbook/types";

/** One line of the Inputs view: an input table found (or a required one missing) and its problems. */
export interface InputSummary {
  readonly name: string;
  readonly found: RawTable | null;
  readonly rows: number;
  readonly issues: readonly Issue[];
}

const REQUIRED = new Set(["Reps", "Plans"]);

/** Inputs in contract order: found ones, plus missing required ones; issues grouped by table. */
export function summarizeInputs(
  tables: readonly RawTable[],
  issues: readonly Issue[],
): { inputs: InputSummary[]; workbookIssues: Issue[] } {
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  const inputs: InputSummary[] = [];
  const claimed = new Set<Issue>();
  for (const name of INPUT_NAMES) {
    const found = byName.get(name.toLowerCase()) ?? null;
    if (!found && !REQUIRED.has(name)) continue;
    const own = issues.filter((i) => i.table.toLowerCase() === name.toLowerCase());
    own.forEach((i) => claimed.add(i));
    inputs.push({ name: found?.name ?? name, found, rows: found?.rows.length ?? 0, issues: own });
  }
  return { inputs, workbookIssues: issues.filter((i) => !claimed.has(i)) };
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: issues.filter((i) => i.severity === "Error").length,
    warnings: issues.filter((i) => i.severity === "Warning").length,
    infos: issues.filter((i) => i.severity === "Info").length,
  };
}

export function hasRepsTable(tables: readonly RawTable[]): boolean {
  return tables.some((t) => t.name.toLowerCase() === "reps");
}

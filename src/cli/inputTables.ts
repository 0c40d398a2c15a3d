import type { RawTable } from "../workbook/types";

/** The input tables of the workbook contract (docs/workbook.md); anything else in the file is not ours to copy. */
const INPUT_TABLE_NAMES = [
  "Reps",
  "Plans",
  "Tiers",
  "Quotas",
  "Actuals",
  "Adjustments",
  "Ramps",
  "Scenarios",
  "AttainmentHistory",
  "Offers",
  "Settings",
] as const;

/** Names match like headers: case, spaces, underscores and punctuation ignored. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const KNOWN = new Set(INPUT_TABLE_NAMES.map(normalizeName));

/**
 * The tables the model reads, one per name (an Excel table wins over a sheet of
 * the same name), in workbook order. These are what the output carries as
 * value copies, so a result workbook says what it was computed from.
 */
export function inputTablesUsed(tables: readonly RawTable[]): RawTable[] {
  const chosen = new Map<string, RawTable>();
  for (const table of tables) {
    const key = normalizeName(table.name);
    if (!KNOWN.has(key)) continue;
    const existing = chosen.get(key);
    if (!existing || (existing.source === "sheet" && table.source === "table")) chosen.set(key, table);
  }
  return tables.filter((table) => chosen.get(normalizeName(table.name)) === table);
}

import type { RawTable } from "../types";

/** The input tables, in the order issues are reported. */
export const INPUT_NAMES = [
  "Reps",
  "Plans",
  "Tiers",
  "Modifiers",
  "PayoutMatrix",
  "Quotas",
  "Actuals",
  "Scores",
  "Adjustments",
  "Ramps",
  "Scenarios",
  "AttainmentHistory",
  "Offers",
  "Settings",
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

export type LocatedInputs = { readonly [K in InputName]?: RawTable };

const RESULT_PREFIX = "results_";

/**
 * Picks each input: an Excel table with exactly that name (case-insensitive)
 * first, else a worksheet of that name. Everything else is ignored, and so
 * is anything on a result sheet (`Results_…`), which the add-in writes.
 */
export function locateInputs(tables: readonly RawTable[]): LocatedInputs {
  const found: { [K in InputName]?: RawTable } = {};
  const candidates = tables.filter((t) => !t.sheet.toLowerCase().startsWith(RESULT_PREFIX));
  for (const name of INPUT_NAMES) {
    const key = name.toLowerCase();
    const table = candidates.find((t) => t.source === "table" && t.name.trim().toLowerCase() === key);
    found[name] = table ?? candidates.find((t) => t.source === "sheet" && t.name.trim().toLowerCase() === key);
  }
  return found;
}

import { normalizeKey } from "../../workbook/parse/cells/cell";
import { locateInputs } from "../../workbook/parse/locate";
import { nameKey } from "../../workbook/parse/names";
import { readScenarios } from "../../workbook/parse/scenarios";
import { describeAssumption } from "../../workbook/render/realistic";
import type { RawCell, RawTable } from "../../workbook/types";

/** A row of the Scenarios table as the Scenarios view lists it. */
export interface ScenarioChoice {
  readonly name: string;
  readonly description: string;
  /** The attainment assumption in words: "Normal, mean 90%, sd 25%", or "Actual bookings". */
  readonly assumption: string;
  /** Rows of Plans and Tiers that change the baseline inside this scenario. */
  readonly planRows: number;
  readonly tierRows: number;
}

/** Headers under which Plans, Tiers and Scenarios name a scenario (the contract's aliases). */
const SCENARIO_HEADERS = {
  Scenarios: ["Scenario", "Scenario Name", "Name"],
  Plans: ["Scenario", "Scenario Name"],
  Tiers: ["Scenario", "Scenario Name"],
} as const;

type Keyed = keyof typeof SCENARIO_HEADERS;

function scenarioColumn(table: RawTable, which: Keyed): number {
  const names = SCENARIO_HEADERS[which].map(normalizeKey);
  // The first alias present wins, as the parser maps it (Scenarios: "Scenario" before "Name").
  for (const n of names) {
    const i = table.headers.findIndex((h) => normalizeKey(h) === n);
    if (i >= 0) return i;
  }
  return -1;
}

const cellKey = (c: RawCell | undefined): string => (c === null || c === undefined ? "" : nameKey(String(c)));

function rowsNaming(table: RawTable | undefined, which: Keyed, key: string): number {
  if (!table) return 0;
  const col = scenarioColumn(table, which);
  return col < 0 ? 0 : table.rows.filter((r) => cellKey(r[col]) === key).length;
}

/**
 * The scenarios of the workbook's Scenarios table, or null when there is no
 * such table (scenario names in Plans/Tiers alone are then run on actuals, but
 * there is nothing to choose from here). Problems are the Inputs view's job.
 */
export function listScenarios(tables: readonly RawTable[]): ScenarioChoice[] | null {
  const found = locateInputs(tables);
  if (!found.Scenarios) return null;
  const { scenarios } = readScenarios(found.Scenarios, []);
  return scenarios.map((s) => ({
    name: s.name,
    description: s.description,
    assumption: s.assumption ? describeAssumption(s.assumption) : "Actual bookings",
    planRows: rowsNaming(found.Plans, "Plans", nameKey(s.name)),
    tierRows: rowsNaming(found.Tiers, "Tiers", nameKey(s.name)),
  }));
}

/**
 * The tables with the left-out scenarios' rows of Scenarios, Plans and Tiers
 * blanked — in memory only, for a run of the checked scenarios; the user's
 * tables are never edited. Blanked, not removed: the parser skips empty rows,
 * and every other row keeps its Excel row number for the issues it reports.
 */
export function withoutScenarios(tables: readonly RawTable[], leftOut: readonly string[]): RawTable[] {
  if (leftOut.length === 0) return [...tables];
  const drop = new Set(leftOut.map(nameKey));
  const found = locateInputs(tables);
  const which = new Map<RawTable, Keyed>();
  for (const k of Object.keys(SCENARIO_HEADERS) as Keyed[]) {
    const t = found[k];
    if (t) which.set(t, k);
  }
  return tables.map((t) => {
    const k = which.get(t);
    const col = k ? scenarioColumn(t, k) : -1;
    if (col < 0) return t;
    const rows = t.rows.map((r) => (drop.has(cellKey(r[col])) ? r.map(() => null) : r));
    return { ...t, rows };
  });
}

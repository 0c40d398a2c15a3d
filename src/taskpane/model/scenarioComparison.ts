import type { SheetSpec, SpecCell } from "../../workbook/types";

/** One scenario's figures, exactly as written on Results_Scenarios. */
export interface ScenarioFigures {
  readonly scenario: string;
  /** "Actuals", "Flat 110%", "Expected: Normal, mean 90%, sd 25%". */
  readonly basis: string;
  readonly reps: number | null;
  readonly totalVariableCost: number | null;
  readonly totalCompCost: number | null;
  readonly variableCostOfSales: number | null;
  /** Total comp cost ÷ bookings. */
  readonly costOfSales: number | null;
  readonly avgPctOfOte: number | null;
  /** Expected numbers of reps for distribution scenarios, so possibly fractional. */
  readonly repsAtOrAboveQuota: number | null;
  readonly repsCapped: number | null;
}

export interface ScenarioComparison {
  /** Reporting currency, from the money columns' headers ("TotalVariableCostUSD"). */
  readonly currency: string;
  readonly rows: readonly ScenarioFigures[];
}

export const SCENARIOS_SHEET = "Results_Scenarios";

/** The result sheets the Scenarios view offers to open, in this order, when the run wrote them. */
export const SCENARIO_SHEETS = [
  "Results_Scenarios",
  "Results_ScenarioDeltas",
  "Results_Realistic",
  "Results_PayoutCurve",
] as const;

const numberOr = (c: SpecCell | undefined): number | null => (typeof c === "number" ? c : null);

/**
 * Reads the comparison from the Results_Scenarios sheet spec the run wrote,
 * so the pane shows the same figures as the sheet. Null when the run wrote no
 * such sheet (a single scenario without any attainment assumption).
 */
export function scenarioComparison(sheets: readonly SheetSpec[]): ScenarioComparison | null {
  const sheet = sheets.find((s) => s.name === SCENARIOS_SHEET);
  if (!sheet) return null;
  const headers = sheet.columns.map((c) => c.header);
  const at = (prefix: string, exact = true) => headers.findIndex((h) => (exact ? h === prefix : h.startsWith(prefix)));
  const variable = at("TotalVariableCost", false);
  const currency = variable >= 0 ? headers[variable].slice("TotalVariableCost".length) : "";
  const col = {
    scenario: at("Scenario"),
    basis: at("Basis"),
    reps: at("Reps"),
    variable,
    total: at("TotalCompCost", false),
    variableCos: at("VariableCostOfSales"),
    cos: at("TotalCostOfSales"),
    pct: at("AvgPctOfOTE"),
    atQuota: at("RepsAtOrAboveQuota"),
    capped: at("RepsCapped"),
  };
  const rows = sheet.rows.map((r): ScenarioFigures => ({
    scenario: String(r[col.scenario] ?? ""),
    basis: String(r[col.basis] ?? ""),
    reps: numberOr(r[col.reps]),
    totalVariableCost: numberOr(r[col.variable]),
    totalCompCost: numberOr(r[col.total]),
    variableCostOfSales: numberOr(r[col.variableCos]),
    costOfSales: numberOr(r[col.cos]),
    avgPctOfOte: numberOr(r[col.pct]),
    repsAtOrAboveQuota: numberOr(r[col.atQuota]),
    repsCapped: numberOr(r[col.capped]),
  }));
  return { currency: currency || "USD", rows };
}

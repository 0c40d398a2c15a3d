import type { SheetSpec, SpecCell } from "../../workbook/types";
import { SCENARIO_HEADERS } from "../../workbook/render/scenarios";
import { formatMoneyDelta } from "./format";

/** One scenario's figures, exactly as written on Results_Scenarios. */
export interface ScenarioFigures {
  readonly scenario: string;
  /** "Actuals", "Flat 110%", "Expected: Normal, mean 90%, sd 25%". */
  readonly basis: string;
  readonly reps: number | null;
  /** Payout lines (or expected variable) before adjustments: the CLI headline's "variable pay". */
  readonly variablePay: number | null;
  readonly adjustments: number | null;
  /** Variable pay ÷ target variable prorated for the time employed. */
  readonly pctOfTargetVariable: number | null;
  readonly totalVariableCost: number | null;
  readonly totalCompCost: number | null;
  readonly variableCostOfSales: number | null;
  /** Total comp cost ÷ bookings. */
  readonly costOfSales: number | null;
  readonly avgPctOfOte: number | null;
  /** Expected numbers of reps for distribution scenarios, so possibly fractional. */
  readonly repsAtOrAboveQuota: number | null;
  readonly repsCapped: number | null;
  /**
   * What the scenario is compared with, like for like ("Baseline under
   * Historical (org)", "Baseline at Flat 110%", "Baseline on actuals"); null
   * for a baseline row.
   */
  readonly comparedWith: string | null;
  /** The baseline plans' variable cost under that same attainment. */
  readonly baselineVariableCost: number | null;
  /** Variable cost minus the baseline's, as the sheet computes it (each rounded to the cent first). */
  readonly deltaVariableCost: number | null;
}

export interface ScenarioComparison {
  /** Reporting currency, from the money columns' headers ("Variable cost USD"). */
  readonly currency: string;
  readonly rows: readonly ScenarioFigures[];
}

export const SCENARIOS_SHEET = "Results_Scenarios";
export const BACKTEST_SHEET = "Results_Backtest";

/** The result sheets the Scenarios view offers to open, in this order, when the run wrote them. */
export const SCENARIO_SHEETS = [
  "Results_Scenarios",
  "Results_ScenarioDeltas",
  "Results_Realistic",
  "Results_PayoutCurve",
  "Results_Backtest",
] as const;

const numberOr = (c: SpecCell | undefined): number | null => (typeof c === "number" ? c : null);
const textOr = (c: SpecCell | undefined): string | null => (typeof c === "string" && c !== "" ? c : null);

/**
 * Reads the comparison from the Results_Scenarios sheet spec the run wrote,
 * so the pane shows the same figures as the sheet. Null when the run wrote no
 * such sheet (a single scenario without any attainment assumption).
 */
export function scenarioComparison(sheets: readonly SheetSpec[]): ScenarioComparison | null {
  const sheet = sheets.find((s) => s.name === SCENARIOS_SHEET);
  if (!sheet) return null;
  const headers = sheet.columns.map((c) => c.header);
  const H = SCENARIO_HEADERS;
  // Money columns carry the reporting currency after a space: "Variable cost USD".
  const at = (name: string, money = false) =>
    headers.findIndex((h) =>
      money ? h.startsWith(`${name} `) && !h.slice(name.length + 1).includes(" ") : h === name,
    );
  const variable = at(H.variableCost, true);
  const currency = variable >= 0 ? headers[variable].slice(H.variableCost.length + 1) : "";
  const col = {
    scenario: at(H.scenario),
    basis: at(H.basis),
    reps: at(H.reps),
    pay: at(H.variablePay, true),
    adjustments: at(H.adjustments, true),
    pctOfTarget: at(H.pctOfTarget),
    variable,
    total: at(H.totalCompCost, true),
    variableCos: at(H.variableCostOfSales),
    cos: at(H.totalCostOfSales),
    pct: at(H.avgPctOfOte),
    atQuota: at(H.atQuota),
    capped: at(H.capped),
    comparedWith: at(H.comparedWith),
    baseline: at(H.baselineVariableCost, true),
    delta: at(H.deltaVariableCost, true),
  };
  const rows = sheet.rows.map((r): ScenarioFigures => ({
    scenario: String(r[col.scenario] ?? ""),
    basis: String(r[col.basis] ?? ""),
    reps: numberOr(r[col.reps]),
    variablePay: numberOr(r[col.pay]),
    adjustments: numberOr(r[col.adjustments]),
    pctOfTargetVariable: numberOr(r[col.pctOfTarget]),
    totalVariableCost: numberOr(r[col.variable]),
    totalCompCost: numberOr(r[col.total]),
    variableCostOfSales: numberOr(r[col.variableCos]),
    costOfSales: numberOr(r[col.cos]),
    avgPctOfOte: numberOr(r[col.pct]),
    repsAtOrAboveQuota: numberOr(r[col.atQuota]),
    repsCapped: numberOr(r[col.capped]),
    comparedWith: textOr(r[col.comparedWith]),
    baselineVariableCost: numberOr(r[col.baseline]),
    deltaVariableCost: numberOr(r[col.delta]),
  }));
  return { currency: currency || "USD", rows };
}

/**
 * The card's line under its variable cost: the difference from the baseline
 * plans under the same attainment ("+$33,376 vs Baseline under Historical
 * (org)"), never from another basis. Null for a baseline row, or when the
 * sheet has no like-for-like columns.
 */
export function comparisonNote(row: ScenarioFigures, currency: string): string | null {
  if (row.comparedWith === null || row.deltaVariableCost === null) return null;
  return `${formatMoneyDelta(row.deltaVariableCost, currency)} vs ${row.comparedWith}`;
}

/**
 * The backtest in one sentence, as Results_Backtest's subtitle carries it
 * after the run's own line ("Computed from … · plan year 2026 · Backtest: …").
 * Null when the run wrote no backtest (under two years of history).
 */
export function backtestSummary(sheets: readonly SheetSpec[]): string | null {
  const sheet = sheets.find((s) => s.name === BACKTEST_SHEET);
  if (!sheet) return null;
  const parts = sheet.subtitle.split(" · ");
  const at = parts.findIndex((p) => p.startsWith("Backtest"));
  return (at >= 0 ? parts.slice(at).join(" · ") : parts[parts.length - 1]).trim() || null;
}

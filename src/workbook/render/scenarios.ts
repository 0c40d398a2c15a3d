import type { Settings } from "../../engine";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";
import type { ScenarioFigures } from "./totals";

/** Results_Scenarios' headers, as the pane reads them back; money columns end in " <reporting currency>". */
export const SCENARIO_HEADERS = {
  scenario: "Scenario",
  basis: "Basis",
  reps: "Reps",
  variablePay: "Variable pay",
  adjustments: "Adjustments",
  variableCost: "Variable cost",
  pctOfTarget: "% of target variable",
  totalCompCost: "Total comp cost",
  variableCostOfSales: "Variable cost of sales",
  totalCostOfSales: "Total cost of sales",
  avgPctOfOte: "Average % of OTE",
  atQuota: "Reps at or above quota",
  capped: "Reps capped",
  comparedWith: "Compared with",
  baselineVariableCost: "Baseline variable cost",
  deltaVariableCost: "Delta variable cost",
} as const;

const COLUMNS = (currency: string): ColumnSpec[] => {
  const H = SCENARIO_HEADERS;
  const money = (name: string): ColumnSpec => ({ header: `${name} ${currency}`, format: "money" });
  return [
    { header: H.scenario, format: "text" },
    { header: H.basis, format: "text" },
    { header: H.reps, format: "integer" },
    money(H.variablePay),
    money(H.adjustments),
    money(H.variableCost),
    money("Target variable"),
    { header: H.pctOfTarget, format: "percent" },
    money(H.totalCompCost),
    money("Bookings"),
    { header: H.variableCostOfSales, format: "percent" },
    { header: H.totalCostOfSales, format: "percent" },
    { header: H.avgPctOfOte, format: "percent" },
    { header: H.atQuota, format: "decimal" },
    { header: H.capped, format: "decimal" },
    { header: H.comparedWith, format: "text" },
    money(H.baselineVariableCost),
    money(H.deltaVariableCost),
  ];
};

/**
 * Results_Scenarios: one row per scenario. Each total is defined once
 * (ScenarioTotals) and the headline prints the same figures: Variable pay
 * (payout lines, before adjustments) + Adjustments = Variable cost;
 * % of target variable = Variable pay ÷ Target variable prorated for the
 * time each rep was employed. What the plan costs and what it buys, in the
 * reporting currency. Actual-based scenarios count reps; for distribution scenarios the counts are expected numbers of reps. Each
 * scenario is compared with the baseline plans under the same attainment
 * (ComparedWith): on the same actuals, at the same flat attainment, or under
 * the same distribution and period swing.
 */
export function scenariosSheet(
  figures: readonly ScenarioFigures[],
  subtitleText: string,
  settings: Pick<Settings, "reportingCurrency">,
): SheetSpec {
  const rows = figures.map((f) => ({
    name: f.name,
    basis: f.expected ? `Expected: ${f.assumption}` : (f.assumption ?? "Actuals"),
    comparedWith: f.comparedWith,
    ...f.totals,
  }));
  const cells: SpecCell[][] = rows.map((r) => [
    r.name,
    r.basis,
    r.reps,
    num(r.variablePay),
    num(r.adjustments),
    num(r.variable),
    num(r.targetVariable),
    r.targetVariable.isZero() ? null : r.variablePay.div(r.targetVariable).toNumber(),
    num(r.total),
    num(r.bookings),
    r.bookings.isZero() ? null : r.variable.div(r.bookings).toNumber(),
    r.bookings.isZero() ? null : r.total.div(r.bookings).toNumber(),
    r.reps === 0 ? null : r.pctOfOteSum.div(r.reps).toNumber(),
    r.atOrAboveQuota.toDecimalPlaces(2).toNumber(),
    r.capped.toDecimalPlaces(2).toNumber(),
    r.comparedWith?.label ?? null,
    r.comparedWith ? num(r.comparedWith.totals.variable) : null,
    r.comparedWith ? num(r.comparedWith.delta) : null,
  ]);
  return {
    name: "Results_Scenarios",
    title: "Scenario comparison: cost of the plan and what it buys",
    subtitle: `${subtitleText} · in ${settings.reportingCurrency} at the Settings FX rates; expected rows count expected reps`,
    columns: COLUMNS(settings.reportingCurrency),
    rows: cells,
  };
}

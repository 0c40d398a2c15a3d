import type { Settings } from "../../engine/types";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";
import type { ScenarioFigures } from "./totals";

const COLUMNS = (currency: string): ColumnSpec[] => [
  { header: "Scenario", format: "text" },
  { header: "Basis", format: "text" },
  { header: "Reps", format: "integer" },
  { header: `VariablePay${currency}`, format: "money" },
  { header: `Adjustments${currency}`, format: "money" },
  { header: `TotalVariableCost${currency}`, format: "money" },
  { header: `TargetVariable${currency}`, format: "money" },
  { header: "PctOfTargetVariable", format: "percent" },
  { header: `TotalCompCost${currency}`, format: "money" },
  { header: `Bookings${currency}`, format: "money" },
  { header: "VariableCostOfSales", format: "percent" },
  { header: "TotalCostOfSales", format: "percent" },
  { header: "AvgPctOfOTE", format: "percent" },
  { header: "RepsAtOrAboveQuota", format: "decimal" },
  { header: "RepsCapped", format: "decimal" },
  { header: "ComparedWith", format: "text" },
  { header: `BaselineVariableCost${currency}`, format: "money" },
  { header: `DeltaVariableCost${currency}`, format: "money" },
];

/**
 * Results_Scenarios: one row per scenario. Each total is defined once
 * (ScenarioTotals) and the headline prints the same figures: VariablePay
 * (payout lines, before adjustments) + Adjustments = TotalVariableCost;
 * PctOfTargetVariable = VariablePay ÷ TargetVariable prorated for the time
 * each rep was employed. What the plan costs and what it buys, in the
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

import { fxRate } from "../../engine/mechanics/fx";
import type { ScenarioResult } from "../../engine/model";
import type { RealisticScenario } from "../../engine/realisticModel";
import type { Settings } from "../../engine/types";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";
import { describeAssumption } from "./realistic";
import { actualTotals, expectedTotals, type ScenarioTotals } from "./totals";

const COLUMNS = (currency: string): ColumnSpec[] => [
  { header: "Scenario", format: "text" },
  { header: "Basis", format: "text" },
  { header: "Reps", format: "integer" },
  { header: `TotalVariableCost${currency}`, format: "money" },
  { header: `TotalCompCost${currency}`, format: "money" },
  { header: `Bookings${currency}`, format: "money" },
  { header: "VariableCostOfSales", format: "percent" },
  { header: "TotalCostOfSales", format: "percent" },
  { header: "AvgPctOfOTE", format: "percent" },
  { header: "RepsAtOrAboveQuota", format: "decimal" },
  { header: "RepsCapped", format: "decimal" },
];

interface Row extends ScenarioTotals {
  readonly name: string;
  readonly basis: string;
}

/**
 * Results_Scenarios: one row per scenario — what the plan costs and what it
 * buys, in the reporting currency. Actual-based scenarios count reps; for
 * distribution scenarios the counts are expected numbers of reps.
 */
export function scenariosSheet(
  actual: readonly ScenarioResult[],
  realistic: readonly RealisticScenario[],
  subtitleText: string,
  settings: Settings,
): SheetSpec {
  const fx = (c: string) => fxRate(c, settings);
  const rows: Row[] = [
    ...actual.map((s) => ({
      name: s.name,
      basis: s.scenario?.assumption ? describeAssumption(s.scenario.assumption) : "Actuals",
      ...actualTotals(s, fx),
    })),
    // Flat scenarios already appear above with their computed lines.
    ...realistic
      .filter((s) => !actual.some((a) => a.name === s.name))
      .map((s) => ({ name: s.name, basis: `Expected: ${describeAssumption(s.spec)}`, ...expectedTotals(s, fx) })),
  ];
  const cells: SpecCell[][] = rows.map((r) => [
    r.name,
    r.basis,
    r.reps,
    num(r.variable.toDecimalPlaces(2)),
    num(r.total.toDecimalPlaces(2)),
    num(r.bookings.toDecimalPlaces(2)),
    r.bookings.isZero() ? null : r.variable.div(r.bookings).toNumber(),
    r.bookings.isZero() ? null : r.total.div(r.bookings).toNumber(),
    r.reps === 0 ? null : r.pctOfOteSum.div(r.reps).toNumber(),
    r.atOrAboveQuota.toDecimalPlaces(2).toNumber(),
    r.capped.toDecimalPlaces(2).toNumber(),
  ]);
  return {
    name: "Results_Scenarios",
    title: "Scenario comparison: cost of the plan and what it buys",
    subtitle: `${subtitleText} · in ${settings.reportingCurrency} at the Settings FX rates; expected rows count expected reps`,
    columns: COLUMNS(settings.reportingCurrency),
    rows: cells,
  };
}

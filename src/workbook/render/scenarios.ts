import { Decimal, ZERO } from "../../engine/decimal";
import { fxRate } from "../../engine/mechanics/fx";
import type { ScenarioResult } from "../../engine/model";
import type { RealisticScenario } from "../../engine/realisticModel";
import type { Settings } from "../../engine/types";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";
import { describeAssumption } from "./realistic";

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

interface Row {
  readonly name: string;
  readonly basis: string;
  readonly reps: number;
  readonly variable: Decimal;
  readonly total: Decimal;
  readonly bookings: Decimal;
  readonly pctOfOteSum: Decimal;
  readonly atQuota: Decimal;
  readonly capped: Decimal;
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
  const rows: Row[] = [];
  for (const s of actual) {
    let variable = ZERO;
    let total = ZERO;
    let bookings = ZERO;
    let pctSum = ZERO;
    let atQuota = 0;
    let capped = 0;
    for (const r of s.reps) {
      const rate = fx(r.rep.currency);
      const earned = r.baseEarned.plus(r.variablePay).plus(r.adjustments);
      variable = variable.plus(r.variablePay.plus(r.adjustments).times(rate));
      total = total.plus(earned.times(rate));
      // Bookings: each measure's credit counted once (Team lines re-count reports' credit).
      for (const l of r.lines) if (!l.team && l.actual) bookings = bookings.plus(l.actual.times(rate));
      const ote = r.rep.base.plus(r.rep.targetVariable);
      if (!ote.isZero()) pctSum = pctSum.plus(earned.div(ote));
      if (r.attainment?.gte(1)) atQuota++;
      if (r.capped) capped++;
    }
    const basis = s.scenario?.assumption ? describeAssumption(s.scenario.assumption) : "Actuals";
    rows.push({
      name: s.name,
      basis,
      reps: s.reps.length,
      variable,
      total,
      bookings,
      pctOfOteSum: pctSum,
      atQuota: new Decimal(atQuota),
      capped: new Decimal(capped),
    });
  }
  for (const s of realistic) {
    // Flat scenarios already appear above with their computed lines.
    if (s.spec.kind === "Flat" && actual.some((a) => a.name === s.name)) continue;
    let variable = ZERO;
    let total = ZERO;
    let bookings = ZERO;
    let pctSum = ZERO;
    let atQuota = ZERO;
    let capped = ZERO;
    for (const r of s.reps) {
      const rate = fx(r.rep.currency);
      const v = r.rep.targetVariable.times(r.outcome.expectedMultiple);
      variable = variable.plus(v.times(rate));
      total = total.plus(r.rep.base.plus(v).times(rate));
      // Expected bookings: E[attainment] × the annual quota of each individual measure.
      for (const m of r.plan.measures) {
        if (m.basis === "Team") continue;
        const q = r.rep.annualQuota.get(m.measure);
        if (q) bookings = bookings.plus(q.times(r.outcome.expectedAttainment).times(rate));
      }
      const ote = r.rep.base.plus(r.rep.targetVariable);
      if (!ote.isZero()) pctSum = pctSum.plus(r.rep.base.plus(v).div(ote));
      atQuota = atQuota.plus(r.probAtOrAboveQuota);
      capped = capped.plus(r.probCapped);
    }
    rows.push({
      name: s.name,
      basis: `Expected: ${describeAssumption(s.spec)}`,
      reps: s.reps.length,
      variable,
      total,
      bookings,
      pctOfOteSum: pctSum,
      atQuota,
      capped,
    });
  }
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
    r.atQuota.toDecimalPlaces(2).toNumber(),
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

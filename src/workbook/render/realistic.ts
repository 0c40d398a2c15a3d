import type { RealisticScenario } from "../../engine/realisticModel";
import type { DistributionSpec } from "../../engine/types";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "Assumption", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Plan", format: "text" },
  { header: "Currency", format: "text" },
  { header: "OTE", format: "money" },
  { header: "ExpectedAttainment", format: "percent" },
  { header: "ExpectedVariable", format: "money" },
  { header: "ExpectedTotal", format: "money" },
  { header: "PctOfOTE", format: "percent" },
  { header: "GapToOTE", format: "money" },
  { header: "P10", format: "money" },
  { header: "P50", format: "money" },
  { header: "P90", format: "money" },
  { header: "ProbAtOrAboveOTE", format: "percent" },
  { header: "ProbAtOrAboveQuota", format: "percent" },
];

const pct = (d: { times(n: number): { toDecimalPlaces(n: number): { toString(): string } } }) =>
  `${d.times(100).toDecimalPlaces(1).toString()}%`;

/** "Normal, mean 70%, 25% at quota": the scenario's attainment assumption in words. */
export function describeAssumption(spec: DistributionSpec): string {
  switch (spec.kind) {
    case "Flat":
      return `Flat ${pct(spec.attainment)}`;
    case "Historical":
      return `Historical (${spec.scope.toLowerCase()})`;
    default: {
      const spread = spec.stdDev
        ? `sd ${pct(spec.stdDev)}`
        : spec.shareAtQuota
          ? `${pct(spec.shareAtQuota)} at quota`
          : "";
      return `${spec.kind}, mean ${pct(spec.mean)}${spread ? `, ${spread}` : ""}`;
    }
  }
}

/**
 * Results_Realistic: what each rep will realistically earn under each
 * scenario's attainment assumption — expected pay, the P10/P50/P90 range and
 * the chance of reaching OTE, computed exactly (no sampling). Totals are
 * base + variable on a full year in the rep's currency, to the cent.
 */
export function realisticSheet(scenarios: readonly RealisticScenario[], subtitleText: string): SheetSpec {
  const rows: SpecCell[][] = [];
  for (const s of scenarios) {
    const assumption = describeAssumption(s.spec);
    for (const r of s.reps) {
      const { rep, outcome } = r;
      const tv = rep.targetVariable;
      const ote = rep.base.plus(tv);
      const variable = tv.times(outcome.expectedMultiple).toDecimalPlaces(2);
      const total = rep.base.plus(variable);
      const money = (m: typeof tv) => rep.base.plus(tv.times(m)).toDecimalPlaces(2);
      rows.push([
        s.name,
        assumption,
        rep.id,
        rep.name,
        r.plan.name,
        rep.currency,
        num(ote),
        num(outcome.expectedAttainment),
        num(variable),
        num(total),
        ote.isZero() ? null : total.div(ote).toNumber(),
        num(ote.minus(total)),
        num(money(outcome.p10)),
        num(money(outcome.p50)),
        num(money(outcome.p90)),
        num(outcome.probAtOrAboveTarget),
        num(r.probAtOrAboveQuota),
      ]);
    }
  }
  return {
    name: "Results_Realistic",
    title: "Realistic earnings: what reps will really take home",
    subtitle: `${subtitleText} · exact expectations over each scenario's attainment distribution; one attainment drives every measure`,
    columns: COLUMNS,
    rows,
  };
}

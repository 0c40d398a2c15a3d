import type { Decimal } from "../../engine/decimal";
import type { ScenarioResult } from "../../engine/model";
import type { RealisticScenario } from "../../engine/realisticModel";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Currency", format: "text" },
  { header: "BaselineVariable", format: "money" },
  { header: "ScenarioVariable", format: "money" },
  { header: "Delta", format: "money" },
  { header: "DeltaPct", format: "percent" },
  { header: "Outcome", format: "text" },
];

/**
 * Results_ScenarioDeltas: each rep's variable pay in each scenario against the
 * baseline on actuals — winners and losers of a plan change. Distribution
 * scenarios contribute their expected variable pay.
 */
export function scenarioDeltasSheet(
  actual: readonly ScenarioResult[],
  realistic: readonly RealisticScenario[],
  subtitleText: string,
): SheetSpec | null {
  const baseline = actual[0];
  if (!baseline) return null;
  const base = new Map(baseline.reps.map((r) => [r.rep.id, r.variablePay]));
  const rows: SpecCell[][] = [];
  const push = (scenario: string, rep: { id: string; name: string; currency: string }, pay: Decimal) => {
    const b = base.get(rep.id);
    if (b === undefined) return;
    const delta = pay.minus(b);
    rows.push([
      scenario,
      rep.id,
      rep.name,
      rep.currency,
      num(b),
      num(pay),
      num(delta),
      b.isZero() ? null : delta.div(b).toNumber(),
      delta.isZero() ? "Same" : delta.isPos() ? "Gains" : "Loses",
    ]);
  };
  for (const s of actual.slice(1)) for (const r of s.reps) push(s.name, r.rep, r.variablePay);
  for (const s of realistic) {
    if (actual.some((a) => a.name === s.name)) continue;
    for (const r of s.reps)
      push(s.name, r.rep, r.rep.targetVariable.times(r.outcome.expectedMultiple).toDecimalPlaces(2));
  }
  if (rows.length === 0) return null;
  return {
    name: "Results_ScenarioDeltas",
    title: "Winners and losers: each rep's variable pay against the baseline",
    subtitle: subtitleText,
    columns: COLUMNS,
    rows,
  };
}

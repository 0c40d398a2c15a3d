import {
  variableMoney,
  type Decimal,
  type ModelResult,
  type ScenarioResult,
  type RealisticScenario,
} from "../../engine";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";
import { comparedWithLabel } from "./totals";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Currency", format: "text" },
  { header: "Compared with", format: "text" },
  { header: "Baseline variable", format: "money" },
  { header: "Scenario variable", format: "money" },
  { header: "Delta", format: "money" },
  { header: "Delta %", format: "percent" },
  { header: "Outcome", format: "text" },
];

/**
 * Results_ScenarioDeltas: each rep's variable pay in each scenario against the
 * baseline plans under the same attainment — winners and losers of a plan
 * change, like for like. A scenario on actuals is compared with the baseline
 * on the same actuals; a flat one with the baseline at the same flat
 * attainment; a distribution scenario's expected pay with the baseline plans'
 * expected pay under the same distribution and period swing. So a plan that
 * pays at least as much at every attainment has no rep who loses.
 */
export function scenarioDeltasSheet(
  model: Pick<ModelResult, "scenarios" | "baselineAt">,
  realistic: readonly RealisticScenario[],
  subtitleText: string,
): SheetSpec | null {
  const actual = model.scenarios;
  const baseline = actual[0];
  if (!baseline) return null;
  const variableById = (s: ScenarioResult) => new Map(s.reps.map((r) => [r.rep.id, r.variablePay]));
  const onActuals = variableById(baseline);
  const rows: SpecCell[][] = [];
  const push = (
    scenario: string,
    comparedWith: string,
    rep: { id: string; name: string; currency: string },
    b: Decimal | undefined,
    pay: Decimal,
  ) => {
    if (b === undefined) return;
    const delta = pay.minus(b);
    rows.push([
      scenario,
      rep.id,
      rep.name,
      rep.currency,
      comparedWith,
      num(b),
      num(pay),
      num(delta),
      b.isZero() ? null : delta.div(b).toNumber(),
      delta.isZero() ? "Same" : delta.isPos() ? "Gains" : "Loses",
    ]);
  };
  for (const s of actual.slice(1)) {
    const flat = model.baselineAt?.get(s.name);
    const base = flat ? variableById(flat) : onActuals;
    const label = comparedWithLabel(flat ? s.scenario?.assumption : null);
    for (const r of s.reps) push(s.name, label, r.rep, base.get(r.rep.id), r.variablePay);
  }
  for (const s of realistic) {
    if (s.scenario === null || actual.some((a) => a.name === s.name)) continue;
    const label = comparedWithLabel(s.spec);
    for (const r of s.reps) {
      if (r.baseline === null) continue;
      push(
        s.name,
        label,
        r.rep,
        variableMoney(r.rep, r.baseline.expectedMultiple),
        variableMoney(r.rep, r.outcome.expectedMultiple),
      );
    }
  }
  if (rows.length === 0) return null;
  return {
    name: "Results_ScenarioDeltas",
    title: "Winners and losers: each rep's variable pay against the baseline, like for like",
    subtitle: `${subtitleText} · each scenario against the baseline plans under the same attainment (ComparedWith)`,
    columns: COLUMNS,
    rows,
  };
}

import { Decimal, ZERO } from "../../engine/decimal";
import type { ModelResult } from "../../engine/model";
import type { RealisticScenario } from "../../engine/realisticModel";
import { describeAssumption } from "./realistic";
import { scenarioTotals } from "./totals";

const fmtMoney = (d: Decimal, currency: string) =>
  `${currency} ${d.toNumber().toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(1).toString()}%`;

/** The lines a person reads first: per scenario, what the plan costs and how the team did or will do. */
export function headline(
  result: ModelResult,
  realistic: readonly RealisticScenario[],
  reportingCurrency: string,
  fxRates?: ReadonlyMap<string, Decimal>,
): string[] {
  const fx = (c: string) => (c === reportingCurrency ? new Decimal(1) : (fxRates?.get(c) ?? new Decimal(1)));
  const actual = result.scenarios.map((s) => {
    const t = scenarioTotals(s, fx);
    const share = t.targetVariable.isZero() ? "" : ` (${pct(t.variablePay.div(t.targetVariable))} of target variable)`;
    return `${s.name}: ${t.reps} reps, variable pay ${fmtMoney(t.variablePay, reportingCurrency)}${share}; ${t.atOrAboveQuota} at or above quota; ${t.capped} capped.`;
  });
  const expected = realistic
    .filter((s) => !result.scenarios.some((a) => a.name === s.name))
    .map((s) => {
      let variable = ZERO;
      let target = ZERO;
      let reachOte = ZERO;
      for (const r of s.reps) {
        const rate = fx(r.rep.currency);
        variable = variable.plus(r.rep.targetVariable.times(r.outcome.expectedMultiple).times(rate));
        target = target.plus(r.rep.targetVariable.times(rate));
        reachOte = reachOte.plus(r.outcome.probAtOrAboveTarget);
      }
      const share = target.isZero() ? "" : ` (${pct(variable.div(target))} of target variable)`;
      return `${s.name} [${describeAssumption(s.spec)}]: expected variable pay ${fmtMoney(variable.toDecimalPlaces(2), reportingCurrency)}${share}; ${reachOte.toDecimalPlaces(1).toString()} of ${s.reps.length} reps expected to reach OTE.`;
    });
  return [...actual, ...expected];
}

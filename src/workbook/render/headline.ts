import { Decimal } from "../../engine/decimal";
import type { ModelResult } from "../../engine/model";
import { scenarioTotals } from "./totals";

const fmtMoney = (d: Decimal, currency: string) =>
  `${currency} ${d.toNumber().toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The lines a person reads first: per scenario, what the plan costs and how the team did. */
export function headline(
  result: ModelResult,
  reportingCurrency: string,
  fxRates?: ReadonlyMap<string, Decimal>,
): string[] {
  const fx = (c: string) => (c === reportingCurrency ? new Decimal(1) : (fxRates?.get(c) ?? new Decimal(1)));
  return result.scenarios.map((s) => {
    const t = scenarioTotals(s, fx);
    const pct = t.targetVariable.isZero()
      ? ""
      : ` (${t.variablePay.div(t.targetVariable).times(100).toDecimalPlaces(1).toString()}% of target variable)`;
    return `${s.name}: ${t.reps} reps, variable pay ${fmtMoney(t.variablePay, reportingCurrency)}${pct}; ${t.atOrAboveQuota} at or above quota; ${t.capped} capped.`;
  });
}

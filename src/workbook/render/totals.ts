import { Decimal, ZERO } from "../../engine/decimal";
import type { ScenarioResult } from "../../engine/model";

export interface ScenarioTotals {
  readonly reps: number;
  readonly variablePay: Decimal;
  readonly targetVariable: Decimal;
  readonly atOrAboveQuota: number;
  readonly capped: number;
}

/** Totals of a scenario in the reporting currency (each rep's figures converted at the Settings FX rate). */
export function scenarioTotals(s: ScenarioResult, fx: (currency: string) => Decimal): ScenarioTotals {
  let variablePay = ZERO;
  let targetVariable = ZERO;
  let atOrAboveQuota = 0;
  let capped = 0;
  for (const r of s.reps) {
    const rate = fx(r.rep.currency);
    variablePay = variablePay.plus(r.variablePay.times(rate));
    targetVariable = targetVariable.plus(r.rep.targetVariable.times(rate));
    if (r.attainment !== null && r.attainment.gte(1)) atOrAboveQuota++;
    if (r.capped) capped++;
  }
  return { reps: s.reps.length, variablePay: variablePay.toDecimalPlaces(2), targetVariable, atOrAboveQuota, capped };
}

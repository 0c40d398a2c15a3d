import type { Decimal } from "../../engine/decimal";
import { fxRate } from "../../engine/mechanics/fx";
import type { Settings } from "../../engine/types";
import type { ModelResult } from "../../engine/model";
import type { RealisticScenario } from "../../engine/realisticModel";
import { describeAssumption } from "./realistic";
import { actualTotals, expectedTotals } from "./totals";

const fmtMoney = (d: Decimal, currency: string) =>
  `${currency} ${d.toNumber().toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(1).toString()}%`;

/** The lines a person reads first: per scenario, what the plan costs and how the team did or will do. */
export function headline(
  result: ModelResult,
  realistic: readonly RealisticScenario[],
  settings: Pick<Settings, "reportingCurrency" | "fxRates">,
): string[] {
  const currency = settings.reportingCurrency;
  const fx = (c: string) => fxRate(c, settings);
  const share = (part: Decimal, whole: Decimal) =>
    whole.isZero() ? "" : ` (${pct(part.div(whole))} of target variable)`;
  const actual = result.scenarios.map((s) => {
    const t = actualTotals(s, fx);
    return `${s.name}: ${t.reps} reps, variable pay ${fmtMoney(t.commission, currency)}${share(t.commission, t.targetVariable)}; ${t.atOrAboveQuota.toString()} at or above quota; ${t.capped.toString()} capped.`;
  });
  const expected = realistic
    .filter((s) => !result.scenarios.some((a) => a.name === s.name))
    .map((s) => {
      const t = expectedTotals(s, fx);
      return `${s.name} [${describeAssumption(s.spec)}]: expected variable pay ${fmtMoney(t.commission, currency)}${share(t.variable, t.targetVariable)}; ${t.reachOte!.toDecimalPlaces(1).toString()} of ${t.reps} reps expected to reach OTE.`;
    });
  return [...actual, ...expected];
}

import type { Decimal } from "../../engine/decimal";
import type { ScenarioFigures } from "./totals";

const fmtMoney = (d: Decimal, currency: string) =>
  `${currency} ${d.toNumber().toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(1).toString()}%`;

/** The lines a person reads first: per scenario, what the plan costs and how the team did or will do. */
export function headline(figures: readonly ScenarioFigures[], currency: string): string[] {
  const share = (part: Decimal, whole: Decimal) =>
    whole.isZero() ? "" : ` (${pct(part.div(whole))} of target variable)`;
  const versus = (f: ScenarioFigures) => {
    if (!f.comparedWith) return "";
    const delta = f.totals.variable.toDecimalPlaces(2).minus(f.comparedWith.totals.variable.toDecimalPlaces(2));
    const sign = delta.isNeg() ? "−" : "+";
    return ` ${sign}${fmtMoney(delta.abs(), currency)} vs ${f.comparedWith.label}.`;
  };
  return figures.map((f) => {
    const { name, assumption, expected, totals: t } = f;
    return expected
      ? `${name} [${assumption}]: expected variable pay ${fmtMoney(t.commission, currency)}${share(t.variable, t.targetVariable)}; ${t.reachOte!.toDecimalPlaces(1).toString()} of ${t.reps} reps expected to reach OTE.${versus(f)}`
      : `${name}: ${t.reps} reps, variable pay ${fmtMoney(t.commission, currency)}${share(t.commission, t.targetVariable)}; ${t.atOrAboveQuota.toString()} at or above quota; ${t.capped.toString()} capped.${versus(f)}`;
  });
}

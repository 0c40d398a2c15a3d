import type { Decimal } from "../../engine/decimal";
import { percentText } from "./cells";
import type { ScenarioFigures } from "./totals";

const fmtMoney = (d: Decimal, currency: string) =>
  `${currency} ${d.toNumber().toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The lines a person reads first: per scenario, what the plan costs and how the team did or will do. */
export function headline(figures: readonly ScenarioFigures[], currency: string): string[] {
  const share = (part: Decimal, whole: Decimal) =>
    whole.isZero() ? "" : ` (${percentText(part.div(whole))} of target variable)`;
  const versus = (f: ScenarioFigures) => {
    if (!f.comparedWith) return "";
    const { delta } = f.comparedWith;
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

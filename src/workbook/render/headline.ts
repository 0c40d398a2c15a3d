import { minorUnits, type Decimal } from "../../engine";
import { percentText } from "./cells";
import type { ScenarioFigures } from "./totals";

/** Money as the headline prints it: grouped, to the currency's minor unit (whole yen, three decimals of a dinar). */
const fmtMoney = (d: Decimal, currency: string) => {
  const digits = minorUnits(currency);
  return `${currency} ${d.toNumber().toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
};

/** A count as a person writes it: 10,000 reps (it printed 10000), 8.2 of them. */
const count = (n: number | Decimal) =>
  (typeof n === "number" ? n : n.toNumber()).toLocaleString("en-US", { maximumFractionDigits: 1 });

/**
 * The lines a person reads first: per scenario, what the plan costs and how
 * the team did or will do. Every figure is a Results_Scenarios column
 * (ScenarioTotals): variable pay before adjustments, as a share of the
 * target variable prorated for the time each rep was employed (how each
 * rep's PctOfOTE is measured); adjustments, when there are any, beside it.
 */
export function headline(figures: readonly ScenarioFigures[], currency: string): string[] {
  const share = (part: Decimal, whole: Decimal, prorated: boolean) =>
    whole.isZero() ? "" : ` (${percentText(part.div(whole))} of ${prorated ? "prorated " : ""}target variable)`;
  const adjusted = (t: ScenarioFigures["totals"]) =>
    t.adjustments.isZero()
      ? ""
      : ` and adjustments ${t.adjustments.isNeg() ? "−" : ""}${fmtMoney(t.adjustments.abs(), currency)}`;
  const versus = (f: ScenarioFigures) => {
    if (!f.comparedWith) return "";
    const { delta } = f.comparedWith;
    const sign = delta.isNeg() ? "−" : "+";
    return ` ${sign}${fmtMoney(delta.abs(), currency)} vs ${f.comparedWith.label}.`;
  };
  return figures.map((f) => {
    const { name, assumption, expected, totals: t } = f;
    return expected
      ? `${name} [${assumption}]: expected variable pay ${fmtMoney(t.variablePay, currency)}${share(t.variablePay, t.targetVariable, false)}; ${count(t.reachOte!.toDecimalPlaces(1))} of ${count(t.reps)} reps expected to reach OTE.${versus(f)}`
      : `${name}: ${count(t.reps)} reps, variable pay ${fmtMoney(t.variablePay, currency)}${share(t.variablePay, t.targetVariable, true)}${adjusted(t)}; ${count(t.atOrAboveQuota)} at or above quota; ${count(t.capped)} capped.${versus(f)}`;
  });
}

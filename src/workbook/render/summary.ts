import { Decimal } from "../../engine/decimal";
import { fxRate } from "../../engine/mechanics/fx";
import type { ScenarioResult } from "../../engine/model";
import { ratioValue } from "../../engine/ratio";
import { roundMoney } from "../../engine/rounding";
import type { Settings } from "../../engine/types";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num, ratioNum } from "./cells";

const COLUMNS = (reporting: string): ColumnSpec[] => [
  { header: "Scenario", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Role", format: "text" },
  { header: "Manager", format: "text" },
  { header: "Plan", format: "text" },
  { header: "Currency", format: "text" },
  { header: "Base", format: "money" },
  { header: "TargetVariable", format: "money" },
  { header: "OTE", format: "money" },
  { header: "PayMix", format: "text" },
  { header: "Proration", format: "percent" },
  { header: "RampPct", format: "percent" },
  { header: "Attainment", format: "precisePercent" },
  { header: "VariablePay", format: "money" },
  { header: "Adjustments", format: "money" },
  { header: "BaseEarned", format: "money" },
  { header: "TotalEarnings", format: "money" },
  { header: "PctOfOTE", format: "percent" },
  { header: "VariablePaid", format: "money" },
  { header: "DrawBalance", format: "money" },
  { header: "ClawbackOutstanding", format: "money" },
  { header: "HeldAtYearEnd", format: "money" },
  { header: "OverAssignment", format: "percent" },
  { header: "OverAssignmentPaidOn", format: "percent" },
  { header: "Capped", format: "text" },
  { header: `VariablePay${reporting}`, format: "money" },
  { header: `VariablePaid${reporting}`, format: "money" },
  { header: `TotalEarnings${reporting}`, format: "money" },
];

/** The year's ramp: mean quota % over the periods a ramp applied to (first measure); blank when none did. */
function rampPct(r: ScenarioResult["reps"][number]): number | null {
  const first = r.plan.measures[0]?.measure;
  const ramps = r.lines.filter((l) => l.measure === first && l.ramp !== null).map((l) => ratioNum(l.ramp!));
  return ramps.length ? ramps.reduce((a, b) => a + b, 0) / ramps.length : null;
}

/** "60/40": base share / variable share of OTE, the way comp teams say it. */
export function payMix(base: Decimal, variable: Decimal): string {
  const ote = base.plus(variable);
  if (ote.isZero()) return "";
  const b = base.div(ote).times(100).toDecimalPlaces(0);
  return `${b.toString()}/${new Decimal(100).minus(b).toString()}`;
}

/**
 * Results_Summary: one row per scenario × rep. TotalEarnings = base earned in
 * the plan year (prorated for joiners and leavers) + variable pay + adjustments,
 * in the rep's currency; the last column converts it at the Settings FX rate.
 */
export function summarySheet(
  scenarios: readonly ScenarioResult[],
  subtitleText: string,
  settings: Settings,
): SheetSpec {
  const rows: SpecCell[][] = [];
  const reporting = settings.reportingCurrency;
  for (const s of scenarios) {
    for (const r of s.reps) {
      const { rep } = r;
      const ote = rep.base.plus(rep.targetVariable);
      const total = r.baseEarned.plus(r.variablePay).plus(r.adjustments);
      const fullYearOte = ote.times(ratioValue(r.proration));
      const rate = fxRate(rep.currency, settings);
      const inReporting = (amount: Decimal) => roundMoney(amount.times(rate), reporting);
      rows.push([
        s.name,
        rep.id,
        rep.name,
        rep.role,
        rep.managerId,
        rep.plan,
        rep.currency,
        num(rep.base),
        num(rep.targetVariable),
        num(ote),
        payMix(rep.base, rep.targetVariable),
        ratioValue(r.proration).toNumber(),
        rampPct(r),
        num(r.attainment),
        num(r.variablePay),
        num(r.adjustments),
        num(r.baseEarned),
        num(total),
        fullYearOte.isZero() ? null : total.div(fullYearOte).toNumber(),
        num(r.netPaid),
        num(r.drawBalance),
        num(r.clawbackOutstanding),
        num(r.heldAtYearEnd),
        num(r.overAssignment?.directs ?? null),
        num(r.overAssignment?.paidOn ?? null),
        r.capped ? "Yes" : null,
        num(inReporting(r.variablePay)),
        num(inReporting(r.netPaid)),
        num(inReporting(total)),
      ]);
    }
  }
  return {
    name: "Results_Summary",
    title: "Earnings by rep",
    subtitle: `${subtitleText} · PctOfOTE compares with OTE × proration; VariablePaid = Σ statement NetPaid (draws and adjustments included)`,
    columns: COLUMNS(reporting),
    rows,
  };
}

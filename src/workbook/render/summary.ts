import {
  Decimal,
  fxRate,
  ratioValue,
  roundMoney,
  wholePercentShare,
  type ScenarioResult,
  type Settings,
} from "../../engine";
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
  { header: "Target variable", format: "money" },
  { header: "OTE", format: "money" },
  { header: "Pay mix", format: "text" },
  { header: "Proration", format: "percent" },
  { header: "Ramp %", format: "percent" },
  { header: "Attainment", format: "precisePercent" },
  { header: "Variable pay", format: "money" },
  { header: "Adjustments", format: "money" },
  { header: "Base earned", format: "money" },
  { header: "Total earnings", format: "money" },
  { header: "% of OTE", format: "percent" },
  { header: "Variable paid", format: "money" },
  { header: "Draw balance", format: "money" },
  { header: "Clawback outstanding", format: "money" },
  { header: "Held at year end", format: "money" },
  { header: "Over-assignment", format: "percent" },
  { header: "Over-assignment (paid on)", format: "percent" },
  { header: "Capped", format: "text" },
  { header: `Variable pay ${reporting}`, format: "money" },
  { header: `Variable paid ${reporting}`, format: "money" },
  { header: `Total earnings ${reporting}`, format: "money" },
];

/**
 * The year's ramp: mean quota % over the periods a ramp applied to (first
 * measure; a weighted plan's Weighted lines carry it); blank when none did.
 */
function rampPct(r: ScenarioResult["reps"][number]): number | null {
  const first = r.plan.combine === "WeightedAttainment" ? "Weighted" : r.plan.measures[0]?.measure;
  const ramps = r.lines.filter((l) => l.measure === first && l.ramp !== null).map((l) => ratioNum(l.ramp!));
  return ramps.length ? ramps.reduce((a, b) => a + b, 0) / ramps.length : null;
}

/** "60/40": base share / variable share of OTE, the way comp teams say it (exactly, halves away from zero). */
export function payMix(base: Decimal, variable: Decimal): string {
  const b = wholePercentShare(base, variable);
  // `${-0}` is "0", as decimal.js writes a share that rounds to minus zero.
  return b === null ? "" : `${b}/${100 - b}`;
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
    subtitle: `${subtitleText} · % of OTE compares with OTE × proration; Variable paid = Σ statement Net paid (draws and adjustments included)`,
    columns: COLUMNS(reporting),
    rows,
  };
}

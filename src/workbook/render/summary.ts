import { Decimal, ZERO } from "../../engine/decimal";
import type { ScenarioResult } from "../../engine/model";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";

const COLUMNS: readonly ColumnSpec[] = [
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
  { header: "Attainment", format: "percent" },
  { header: "VariablePay", format: "money" },
  { header: "Adjustments", format: "money" },
  { header: "TotalEarnings", format: "money" },
  { header: "PctOfOTE", format: "percent" },
  { header: "Capped", format: "text" },
];

/** "60/40": base share / variable share of OTE, the way comp teams say it. */
export function payMix(base: Decimal, variable: Decimal): string {
  const ote = base.plus(variable);
  if (ote.isZero()) return "";
  const b = base.div(ote).times(100).toDecimalPlaces(0);
  return `${b.toString()}/${new Decimal(100).minus(b).toString()}`;
}

/** Results_Summary: one row per scenario × rep. */
export function summarySheet(scenarios: readonly ScenarioResult[], subtitleText: string): SheetSpec {
  const rows: SpecCell[][] = [];
  for (const s of scenarios) {
    for (const r of s.reps) {
      const { rep } = r;
      const ote = rep.base.plus(rep.targetVariable);
      const adjustments = ZERO;
      const total = rep.base.plus(r.variablePay).plus(adjustments);
      rows.push([
        s.name,
        rep.id,
        rep.name,
        rep.role,
        rep.managerId ?? "",
        rep.plan,
        rep.currency,
        num(rep.base),
        num(rep.targetVariable),
        num(ote),
        payMix(rep.base, rep.targetVariable),
        num(r.attainment),
        num(r.variablePay),
        num(adjustments),
        num(total),
        ote.isZero() ? null : total.div(ote).toNumber(),
        r.capped ? "Yes" : "",
      ]);
    }
  }
  return { name: "Results_Summary", title: "Earnings by rep", subtitle: subtitleText, columns: COLUMNS, rows };
}

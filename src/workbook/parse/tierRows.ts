import { ZERO, type Decimal, type MeasurePlan, type Tier } from "../../engine";
import type { CellParser } from "./cells/cell";
import { money } from "./cells/money";
import { multiple } from "./cells/multiple";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import { formatAmount, formatPercent } from "./format";
import type { FieldSpec } from "./headers";
import type { RowReader } from "./reader";

export const TIER_FIELDS: readonly FieldSpec[] = [
  { key: "plan", name: "Plan", aliases: ["Plan Name", "Comp Plan"], required: true },
  { key: "measure", name: "Measure", aliases: ["Metric", "Measure Name"] },
  { key: "from", name: "From", aliases: ["Lower", "Min", "From Attainment", "Lower Bound", "Start"], required: true },
  { key: "to", name: "To", aliases: ["Upper", "Max", "To Attainment", "Upper Bound", "End"] },
  {
    key: "rate",
    name: "Rate",
    aliases: ["Multiplier", "Payout Rate", "Rate %", "Payout", "Payout Multiple"],
    required: true,
  },
  { key: "scenario", name: "Scenario", aliases: ["Scenario Name"] },
];

/** A Tiers row before it is tied to a measure: its values depend on that measure's TierBasis and RateType. */
export interface TierRow {
  readonly row: RowReader;
  readonly plan: string | null;
  readonly measure: string | null;
  readonly scenario: string | null;
}

export function readTierRow(row: RowReader): TierRow {
  return {
    row,
    plan: row.required("plan", text),
    measure: row.optional("measure", text),
    scenario: row.optional("scenario", text),
  };
}

type TierRules = Pick<MeasurePlan, "tierBasis" | "rateType" | "tierMode">;

/**
 * Reads a band's From, To and Rate for the measure it belongs to: attainment
 * bounds are percents, amount bounds money; Rate is a percent of credited
 * amount for RateType Percent, otherwise a multiple. Null when a cell is bad.
 */
export function tierOf(t: TierRow, rules: TierRules): Tier | null {
  const { row } = t;
  const bound: CellParser<Decimal> = rules.tierBasis === "Amount" ? money : percent;
  const rateParser = rules.tierMode !== "Curve" && rules.rateType === "Percent" ? percent : multiple;
  const show = rules.tierBasis === "Amount" ? formatAmount : formatPercent;
  const header = (k: string) => row.reader.header(k);
  let bad = false;
  const from = row.required("from", bound);
  const to = rules.tierMode === "Curve" ? null : row.optional("to", bound);
  const rate = row.required("rate", rateParser);
  if (from === null || rate === null || (to === null && !row.blank("to") && rules.tierMode !== "Curve")) bad = true;
  if (from?.lt(ZERO)) {
    row.error("from", `${header("from")} can't be negative`);
    bad = true;
  }
  if (from !== null && to !== null && from.gte(to)) {
    row.error("to", `${header("from")} ${show(from)} must be below ${header("to")} ${show(to)}`);
    bad = true;
  }
  return bad ? null : { from: from!, to, rate: rate!, source: row.source };
}

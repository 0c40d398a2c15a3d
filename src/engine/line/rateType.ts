import type { MeasurePlan, RateType } from "../types";

/**
 * How a measure's rates turn into money. A Curve row's Rate is a payout
 * multiple of target incentive whatever RateType says (docs/workbook.md), so a
 * curve prices as Multiplier rates do; every rule that asks "pays per dollar?"
 * asks this, not the raw RateType.
 */
export function rateTypeOf(measure: Pick<MeasurePlan, "tierMode" | "rateType">): RateType {
  return measure.tierMode === "Curve" ? "Multiplier" : measure.rateType;
}

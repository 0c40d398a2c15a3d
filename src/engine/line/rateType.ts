import type { MeasurePlan, RateType } from "../types";

/**
 * How a measure's rates turn into money. A Curve row's Rate and a payout
 * matrix's cell are payout multiples of target incentive whatever RateType
 * says (docs/workbook.md), so a curve or a matrix prices as Multiplier rates
 * do; every rule that asks "pays per dollar?" asks this, not the raw RateType.
 */
export function rateTypeOf(
  measure: Pick<MeasurePlan, "tierMode" | "rateType"> & { readonly matrix?: MeasurePlan["matrix"] },
): RateType {
  return measure.tierMode === "Curve" || measure.matrix ? "Multiplier" : measure.rateType;
}

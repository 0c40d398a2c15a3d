import type { MeasurePlan, RateType, TierBasis } from "../types";
import type { MechanicRule } from "./mechanic";
import { LINE_MECHANICS } from "./mechanics";
import { rateTypeOf } from "./rateType";

export { rateTypeOf } from "./rateType";

/**
 * A measure's payout rules compiled once per plan, then applied to many
 * lines: the line mechanics it uses, with their parameters read. pricer.ts
 * binds it to a quota and target to pay lines; payoutCurve.ts draws it;
 * trace.ts narrates a line of it.
 */
export interface MeasureRule {
  readonly measure: MeasurePlan;
  readonly axis: TierBasis;
  readonly rateType: RateType;
  /** In the order of LINE_MECHANICS. */
  readonly mechanics: readonly MechanicRule[];
}

export function compileMeasureRule(measure: MeasurePlan): MeasureRule {
  const mechanics: MechanicRule[] = [];
  for (const m of LINE_MECHANICS) {
    const rule = m.compile(measure);
    if (rule !== null) mechanics.push(rule);
  }
  return { measure, axis: measure.tierBasis, rateType: rateTypeOf(measure), mechanics };
}

import { ONE } from "../src/engine/decimal";
import { buildPayoutCurve } from "../src/engine/line/payoutCurve";
import type { MeasurePlan } from "../src/engine/types";

/**
 * The float baseline: the engine's own curve segments converted to JS
 * numbers, evaluated as a spreadsheet would (double precision throughout).
 * Only for comparison in the benchmark; money never goes through this path.
 */
export interface FloatCurve {
  readonly from: Float64Array;
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
}

/** Multiplier rates on attainment do not depend on the BCR, so one curve per measure serves every rep. */
export function floatCurve(measure: MeasurePlan): FloatCurve {
  const { segments } = buildPayoutCurve(measure, ONE);
  return {
    from: Float64Array.from(segments, (s) => s.from.toNumber()),
    intercept: Float64Array.from(segments, (s) => s.intercept.toNumber()),
    slope: Float64Array.from(segments, (s) => s.slope.toNumber()),
  };
}

export function floatMultiple(curve: FloatCurve, attainment: number): number {
  const a = attainment < 0 ? 0 : attainment;
  let i = curve.from.length - 1;
  while (i > 0 && a < curve.from[i]) i--;
  return curve.intercept[i] + curve.slope[i] * a;
}

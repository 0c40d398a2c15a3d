import { buildPayoutCurve } from "../line/payoutCurve";
import { capCurve, simplify, type CurveSegment } from "../line/segments";
import { ONE, ZERO, type Decimal } from "../decimal";
import { combineCurves } from "../realistic";
import { annualCapMultiple, curveMeasures, curveShare, needsQuota } from "../realistic/planYearPay";
import type { MeasurePlan, Plan } from "../types";

/** No plan stated: the bonus pays 1.0× target per 100% attainment, from 0, uncapped. */
export const LINEAR_UNCAPPED: readonly CurveSegment[] = [{ from: ZERO, to: null, intercept: ZERO, slope: ONE }];

/** Measures that need a quota to turn their rates into multiples of target (percent of bookings, amount bands). */
export { needsQuota };

/** The measures that drive pay: a WeightedAttainment plan runs the first measure's curve on the whole target. */
export function drivingMeasures(plan: Plan): readonly { readonly measure: MeasurePlan; readonly weight: Decimal }[] {
  const weighted = plan.combine === "WeightedAttainment";
  return curveMeasures(plan).map((measure) => ({ measure, weight: weighted ? ONE : measure.weight }));
}

/**
 * The offer's bonus as ONE payout curve in attainment, as a multiple of the
 * whole target variable: each measure's curve (tiers, threshold, caps) by its
 * weight, all driven by the one attainment the candidate's org reaches (the
 * realistic model's single-attainment assumption; see combineCurves).
 * `quota` is the annual quota of the plan's first measure, used only by
 * measures that need one; others use a unit quota, which their curve ignores.
 */
export function offerCurve(plan: Plan | null, targetVariable: Decimal, quota: Decimal | null): CurveSegment[] {
  if (plan === null) return [...LINEAR_UNCAPPED];
  const parts = drivingMeasures(plan).map(({ measure, weight }) => {
    const q = needsQuota(measure) && quota !== null && quota.gt(ZERO) ? quota : ONE;
    const target = targetVariable.times(weight);
    // BCR = target ÷ quota; a zero target pays nothing whatever the curve, so any BCR will do.
    const bcr = target.isZero() ? ONE : target.div(q);
    // Each period on its own terms (a flat kicker, a money band once a period): the year's curve is the period's.
    return { weight, segments: buildPayoutCurve(measure, bcr, q.times(curveShare(plan))).segments };
  });
  const combined = combineCurves(parts);
  // An annual cap on the year's incentive caps the offer's curve too (a multiple of target variable).
  const cap = annualCapMultiple(plan, targetVariable);
  return cap === null ? combined : simplify(capCurve(combined, cap));
}

/**
 * The most the curve can pay (a multiple of target) when it is capped: the
 * last segment is flat above 0% attainment. Null when pay keeps rising.
 */
export function capMultiple(segments: readonly CurveSegment[]): Decimal | null {
  const last = segments[segments.length - 1];
  if (!last.slope.isZero() || last.from.isZero()) return null;
  return last.intercept;
}

/** Attainment at which the cap is reached (where the flat last segment starts); null when uncapped. */
export function capAttainment(segments: readonly CurveSegment[]): Decimal | null {
  return capMultiple(segments) === null ? null : segments[segments.length - 1].from;
}

import { Decimal, ONE } from "../decimal";
import type { CurveSegment } from "../line/segments";
import { curveView } from "./curveView";
import type { AttainmentDistribution } from "./distribution";
import { expectedAttainmentOf, expectedMultipleOf } from "./expectation";
import { massModel } from "./massModel";
import { payProbability } from "./payProbability";
import { payPercentileOf } from "./percentiles";

/**
 * Realistic earnings for one payout curve under one attainment distribution,
 * all as multiples of target incentive (variable): callers compute it once
 * per unique curve × distribution (see realisticKey) and scale by each rep's
 * target variable. Pure; nothing is drawn at random.
 */
export interface RealisticOutcome {
  /** E[curve(A)]. Expected variable pay = expectedMultiple × target variable. */
  readonly expectedMultiple: Decimal;
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  /** P(curve(A) ≥ 1): the chance of earning at least target variable, i.e. reaching OTE. */
  readonly probAtOrAboveTarget: Decimal;
  /** E[A], censored at 0 like the distribution. */
  readonly expectedAttainment: Decimal;
}

const P10 = new Decimal("0.1");
const P50 = new Decimal("0.5");
const P90 = new Decimal("0.9");

export function realisticOutcome(
  curve: { readonly segments: readonly CurveSegment[] },
  dist: AttainmentDistribution,
): RealisticOutcome {
  const view = curveView(curve);
  const model = massModel(dist);
  return {
    expectedMultiple: expectedMultipleOf(view.segments, model),
    p10: payPercentileOf(view, dist, model, P10),
    p50: payPercentileOf(view, dist, model, P50),
    p90: payPercentileOf(view, dist, model, P90),
    probAtOrAboveTarget: payProbability(view.segments, model, ONE, "atLeast"),
    expectedAttainment: expectedAttainmentOf(model),
  };
}

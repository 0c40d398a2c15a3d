import { ONE, type Decimal } from "../decimal";
import type { MeasurePlan } from "../types";
import type { CurveContext, MechanicRule } from "./mechanic";
import { compileMeasureRule } from "./measureRule";
import { makeCurve, simplify, type CurveSegment, type PayoutCurve } from "./segments";

/**
 * The payout curve of one measure for a rep-like context: attainment →
 * payout as a multiple of target incentive, every mechanic folded in.
 * Multiplier rates on attainment need no context; Percent rates need the base
 * commission rate (BCR = target ÷ quota); Amount-basis bands also need the
 * quota they are measured against (default 1 keeps a curve per unit of quota).
 *
 * The curve interprets the measure's mechanics (mechanic.ts): the rates add
 * up, then the credit-stage mechanics reshape that in reverse order (the gate
 * looks at true attainment, so it applies after the attainment cap has
 * flattened the top), then the payout-stage ones in order.
 */
export function buildPayoutCurve(measure: MeasurePlan, bcr: Decimal, quota: Decimal = ONE): PayoutCurve {
  const { mechanics } = compileMeasureRule(measure);
  const at: CurveContext = { bcr, quota };
  const apply = (segments: readonly CurveSegment[], list: readonly MechanicRule[]) =>
    list.reduce<readonly CurveSegment[]>((s, m) => m.curve(s, at), segments);
  const ofStage = (stage: MechanicRule["stage"]) => mechanics.filter((m) => m.stage === stage);
  let segments = apply([], ofStage("rate"));
  segments = apply(segments, ofStage("credit").reverse());
  segments = apply(segments, ofStage("payout"));
  return makeCurve(measure.measure, simplify(segments));
}

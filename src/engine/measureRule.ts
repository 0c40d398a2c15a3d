import { Decimal, ZERO } from "./decimal";
import { buildSchedule, pieceIndex, tiersOf, type TierSchedule } from "./tierSchedule";
import type { Ratio } from "./ratio";
import type { MeasurePlan, RateType, Tier, TierBasis } from "./types";

/**
 * A measure's payout rules compiled once per plan, then applied to many lines.
 * This is the engine's hot path: per line one division (attainment), a few
 * comparisons, and a payout formula arranged so that its only division comes
 * last — the exact value is then correctly rounded, so a payout that is exactly
 * half a cent rounds the way Excel's ROUND does.
 */
export interface MeasureRule {
  readonly measure: MeasurePlan;
  readonly tiers: readonly Tier[];
  readonly schedule: TierSchedule;
  readonly axis: TierBasis;
  readonly rateType: RateType;
}

export function compileMeasureRule(measure: MeasurePlan): MeasureRule {
  const tiers = [...tiersOf(measure)].sort((a, b) => a.from.comparedTo(b.from));
  return {
    measure,
    tiers,
    schedule: buildSchedule(measure.tierMode, tiers),
    axis: measure.tierBasis,
    rateType: measure.rateType,
  };
}

/** What one payout line came to, before rounding. */
export interface LineOutcome {
  /** actual ÷ quota; null when the quota is 0. */
  readonly attainment: Decimal | null;
  /** Unrounded payout in the rep's currency. */
  readonly payout: Decimal;
  /** Rate of the band reached (as written in Tiers). */
  readonly rate: Decimal;
  /** Below the threshold: the measure paid 0. */
  readonly gated: boolean;
  readonly capped: "Attainment" | "Payout" | null;
  /** Credited amount the tiers were applied to (after an attainment cap). */
  readonly creditedForTiers: Decimal;
}

/**
 * Pays one line: credited `actual` against `quota` with `target` incentive.
 * Threshold gates on the true attainment; an attainment cap limits the credit
 * the tiers see; a payout cap limits the result to CapPayout × target.
 */
export function payLine(rule: MeasureRule, actual: Decimal, quota: Decimal, target: Ratio): LineOutcome {
  const m = rule.measure;
  const attainment = quota.isZero() ? null : actual.div(quota);
  const att = attainment ?? ZERO;
  if (m.threshold !== null && att.lt(m.threshold)) {
    return { attainment, payout: ZERO, rate: ZERO, gated: true, capped: null, creditedForTiers: actual };
  }
  let credited = actual;
  let a = att;
  let capped: LineOutcome["capped"] = null;
  if (m.capAttainment !== null && att.gt(m.capAttainment)) {
    a = m.capAttainment;
    credited = m.capAttainment.times(quota);
    capped = "Attainment";
  }
  if (credited.isNeg() || (attainment === null && rule.axis === "Attainment")) {
    return { attainment, payout: ZERO, rate: ZERO, gated: false, capped, creditedForTiers: credited };
  }
  const x = rule.axis === "Attainment" ? a : credited;
  const piece = rule.schedule[pieceIndex(rule.schedule, x)];
  let payout = moneyAt(rule, piece.intercept, piece.slope, credited, quota, target);
  if (m.capPayout !== null) {
    const ceiling = m.capPayout.times(target.num);
    if (payout.times(target.den).gt(ceiling)) {
      payout = ceiling.div(target.den);
      capped = "Payout";
    }
  }
  return { attainment, payout, rate: piece.rate, gated: false, capped, creditedForTiers: credited };
}

/**
 * y = intercept + slope × x in the schedule's unit, turned into money:
 *  - Attainment × Multiplier: target × y, with x = credited ÷ quota
 *  - Attainment × Percent:    quota × y  (each slice of attainment × quota is money credited)
 *  - Amount × Multiplier:     (target ÷ quota) × y = BCR × y, with x = credited
 *  - Amount × Percent:        y
 */
export function moneyAt(
  rule: MeasureRule,
  intercept: Decimal,
  slope: Decimal,
  credited: Decimal,
  quota: Decimal,
  target: Ratio,
): Decimal {
  if (rule.axis === "Attainment") {
    if (rule.rateType === "Multiplier") {
      return target.num.times(intercept.times(quota).plus(slope.times(credited))).div(target.den.times(quota));
    }
    return quota.times(intercept).plus(slope.times(credited));
  }
  const y = intercept.plus(slope.times(credited));
  if (rule.rateType === "Multiplier") return quota.isZero() ? ZERO : target.num.times(y).div(target.den.times(quota));
  return y;
}

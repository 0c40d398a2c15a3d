import { Decimal, ONE, ZERO } from "./decimal";
import { fixedOf, type Fixed } from "./fixed";
import { buildSchedule, tiersOf, type TierSchedule } from "./tierSchedule";
import type { Ratio } from "./ratio";
import type { MeasurePlan, RateType, Tier, TierBasis } from "./types";

/**
 * A measure's payout rules compiled once per plan, then applied to many lines.
 * linePricer.ts binds it to a quota and target to pay lines.
 */
export interface MeasureRule {
  readonly measure: MeasurePlan;
  readonly tiers: readonly Tier[];
  readonly schedule: TierSchedule;
  readonly axis: TierBasis;
  readonly rateType: RateType;
  /** The schedule and limits as exact scaled integers, read once for every pricer of the rule. */
  readonly fixed: FixedRule;
}

export interface FixedRule {
  readonly from: readonly Fixed[];
  readonly intercept: readonly Fixed[];
  readonly slope: readonly Fixed[];
  readonly threshold: Fixed | null;
  readonly capAttainment: Fixed | null;
  readonly capPayout: Fixed | null;
}

/**
 * How a measure's rates turn into money. A Curve row's Rate is a payout
 * multiple of target incentive whatever RateType says (docs/workbook.md), so a
 * curve prices as Multiplier rates do; every rule that asks "pays per dollar?"
 * asks this, not the raw RateType.
 */
export function rateTypeOf(measure: Pick<MeasurePlan, "tierMode" | "rateType">): RateType {
  return measure.tierMode === "Curve" ? "Multiplier" : measure.rateType;
}

export function compileMeasureRule(measure: MeasurePlan): MeasureRule {
  const tiers = [...tiersOf(measure)].sort((a, b) => a.from.comparedTo(b.from));
  const schedule = buildSchedule(measure.tierMode, tiers);
  const orNull = (x: Decimal | null) => (x === null ? null : fixedOf(x));
  return {
    measure,
    tiers,
    schedule,
    axis: measure.tierBasis,
    rateType: rateTypeOf(measure),
    fixed: {
      from: schedule.map((p) => fixedOf(p.from)),
      intercept: schedule.map((p) => fixedOf(p.intercept)),
      slope: schedule.map((p) => fixedOf(p.slope)),
      threshold: orNull(measure.threshold),
      capAttainment: orNull(measure.capAttainment),
      capPayout: orNull(measure.capPayout),
    },
  };
}

/**
 * y = intercept + slope × x in the schedule's unit, turned into money, with
 * `scaled` = credit × quota.den and quota = qn/qd, target = tn/td:
 *  - Attainment × Multiplier: target × y, x = credit ÷ quota  → tn(i·qn + s·scaled) / (td·qn)
 *  - Attainment × Percent:    quota × y (money per band)       → (i·qn + s·scaled) / qd
 *  - Amount × Multiplier:     BCR × y, x = credit              → tn(i·qd + s·scaled) / (td·qn)
 *  - Amount × Percent:        y                                → (i·qd + s·scaled) / qd
 */
export function moneyAt(
  rule: MeasureRule,
  intercept: Decimal,
  slope: Decimal,
  scaled: Decimal,
  quota: Ratio,
  target: Ratio,
): Decimal {
  const { num: qn, den: qd } = quota;
  const base = rule.axis === "Attainment" ? qn : qd;
  const inner = (intercept.isZero() ? ZERO : intercept.times(base)).plus(slope.times(scaled));
  if (rule.rateType === "Multiplier") {
    if (qn.isZero()) return ZERO;
    return target.num.times(inner).div(target.den.times(qn));
  }
  return qd.eq(ONE) ? inner : inner.div(qd);
}

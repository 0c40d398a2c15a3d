import { buildPayoutCurve } from "../line/payoutCurve";
import { rateTypeOf } from "../line/measureRule";
import type { PayoutCurve } from "../line/segments";
import type { CurveSegment } from "../line/segments";
import { Decimal, ONE } from "../decimal";
import type { MeasurePlan, PeriodKind, Plan, Rep } from "../types";
import { combineCurves } from "./combine";
import { curveKey } from "./realisticKey";
import type { YearPay } from "./swing/swingOutcome";

export const PERIODS_PER_YEAR: Record<PeriodKind, number> = { Month: 12, Quarter: 4, Year: 1 };

/**
 * Whether a measure's curve in attainment depends on the size of the quota and
 * target it is priced on: money bands, a percent of bookings, or a flat kicker
 * amount (money, so a multiple of the target it is paid on).
 */
export function curveNeedsQuota(m: MeasurePlan): boolean {
  return needsQuota(m) || (m.kicker?.amount ?? null) !== null;
}

/** Paid on bookings (a percent of credit, or money bands): an attainment means something only with a quota. */
export function needsQuota(m: MeasurePlan): boolean {
  return m.rateType === "Percent" || m.tierBasis === "Amount";
}

/** The measures whose curves make the plan's: a WeightedAttainment plan runs its first measure's on the whole target. */
export function curveMeasures(plan: Plan): readonly MeasurePlan[] {
  return plan.combine === "WeightedAttainment" ? plan.measures.slice(0, 1) : plan.measures;
}

/**
 * The share of the year's quota and target a plan's curve is priced on when
 * it stands for the whole year at one attainment (Results_PayoutCurve,
 * COMP.PAYOUT, offers): a per-period plan pays each of its n periods on its
 * own terms — a flat kicker or a money band once a period — so its curve is
 * the period's, 1/n, and as a multiple it is also the year's; a cumulative
 * plan pays the year on the year-to-date curve at year end, 1.
 */
export function curveShare(plan: Plan): Decimal {
  const n = PERIODS_PER_YEAR[plan.period];
  return plan.cumulative || n === 1 ? ONE : ONE.div(n);
}

/**
 * A plan measure's payout curve standing for the whole year at one
 * attainment (curveShare), for a rep with this annual target incentive and
 * quota: a multiple of the target, so the year pays multiple × target.
 */
export function yearMeasureCurve(plan: Plan, m: MeasurePlan, target: Decimal, quota: Decimal): PayoutCurve {
  return buildPayoutCurve(m, target.div(quota), quota.times(curveShare(plan)));
}

/**
 * The plan as one curve in attainment, as a multiple of the whole target
 * variable (measures by weight), for a quota share of the year: 1 for the
 * annual curve, 1/n for one of n periods, k/n for a YTD curve after k periods.
 */
export function planCurve(plan: Plan, rep: Rep, share: Decimal = ONE): CurveSegment[] {
  const parts = curveMeasures(plan).map((m) => {
    const quota = (rep.annualQuota.get(m.measure) ?? ONE).times(share);
    // A percent-of-credit measure without weight still pays rate × credit: priced as a multiple of the whole
    // target variable (weight 1), not of a target of 0, which would drop its pay.
    const measureWeight = commissionWithoutWeight(plan, m) ? ONE : m.weight;
    const target = rep.targetVariable.times(measureWeight).times(share);
    const bcr = quota.isZero() || target.isZero() ? ONE : target.div(quota);
    const weight = plan.combine === "WeightedAttainment" ? ONE : measureWeight;
    return { weight, segments: buildPayoutCurve(m, bcr, quota).segments };
  });
  return combineCurves(parts);
}

/** A PerMeasure plan's percent-of-credit measure of weight 0: it pays rate × credit whatever its weight. */
function commissionWithoutWeight(plan: Plan, m: MeasurePlan): boolean {
  return plan.combine !== "WeightedAttainment" && m.weight.isZero() && rateTypeOf(m) === "Percent";
}

/**
 * What the plan pays over a full year, period by period (see YearPay): the
 * period curve on the period's own quota and target, and for a cumulative
 * plan the YTD curve after each period.
 */
export function planYearPay(plan: Plan, rep: Rep): YearPay {
  const n = PERIODS_PER_YEAR[plan.period];
  const periodCurve = planCurve(plan, rep, new Decimal(1).div(n));
  const cap = annualCapMultiple(plan, rep.targetVariable);
  const gate = plan.annualGate ?? null;
  if (!plan.cumulative || n === 1) return { periods: n, periodCurve, ytd: null, cap, gate };
  const quotaBound = plan.measures.some(curveNeedsQuota);
  const curves = Array.from({ length: n }, (_, k) =>
    k === n - 1 ? planCurve(plan, rep) : quotaBound ? planCurve(plan, rep, new Decimal(k + 1).div(n)) : periodCurve,
  );
  return { periods: n, periodCurve, ytd: { curves, hold: plan.negativeTrueUp === "Hold" }, cap, gate };
}

/** The plan's annual cap as a multiple of a target variable (the lower of AnnualCap and AnnualCapAmount ÷ TV); null = none. */
export function annualCapMultiple(plan: Plan, targetVariable: Decimal): Decimal | null {
  const caps: Decimal[] = [];
  if (plan.annualCap) caps.push(plan.annualCap);
  if (plan.annualCapAmount && targetVariable.gt(0)) caps.push(plan.annualCapAmount.div(targetVariable));
  return caps.length === 0 ? null : caps.reduce((a, b) => (b.lt(a) ? b : a));
}

const planIds = new WeakMap<Plan, number>();
let nextPlanId = 0;

/**
 * Equal for two (plan, rep) pairs whose YearPay is equal: the plan object
 * (a scenario's plan of the same name is another object), and the curves
 * themselves where they depend on the rep's quota.
 */
export function yearPayKey(plan: Plan, pay: () => YearPay): string {
  // A cap stated as an amount depends on the rep's target variable: key on the curves and the cap then.
  if (!plan.measures.some(curveNeedsQuota) && !plan.annualCapAmount) {
    let id = planIds.get(plan);
    if (id === undefined) {
      id = nextPlanId++;
      planIds.set(plan, id);
    }
    return `plan${id}`;
  }
  const p = pay();
  return [
    p.periods,
    curveKey(p.periodCurve),
    ...(p.ytd?.curves.map(curveKey) ?? []),
    p.ytd?.hold ?? "",
    p.cap?.toString() ?? "",
    p.gate?.toString() ?? "",
  ].join("|");
}

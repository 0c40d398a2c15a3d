import { Decimal, ZERO } from "./decimal";
import { linePricer, payLine, type LinePricer } from "./measureRule";
import { inRamp, rampQuotaFactor } from "./mechanics/ramp";
import { trueUps } from "./mechanics/trueUp";
import { ratio, ratioValue, sameRatio, scaleRatio, sumRatios, type Ratio } from "./ratio";
import { FULL, isOne, prorations, type RepContext } from "./repContext";
import type { PayoutLine } from "./results";
import { minorUnits, roundMoney } from "./rounding";
import type { MeasurePlan } from "./types";

interface PeriodQuota {
  readonly quota: Ratio;
  readonly ramp: Ratio | null;
  readonly source: "Quotas" | "Annual";
}

/**
 * Quota per period. Quotas rows are taken as written (the planner set them for
 * that rep and period); an annual quota is spread by period share, then ramped
 * for a new hire and prorated for partial tenure.
 */
function periodQuotas(
  ctx: RepContext,
  measure: string,
  needsQuota: boolean,
  prorations: readonly Ratio[],
): PeriodQuota[] {
  const { rep } = ctx;
  const key = `${rep.id}\u241f${measure}`;
  const given = ctx.quotas.get(rep.id, measure);
  const annual = rep.annualQuota.get(measure) ?? null;
  if (!given && annual === null && needsQuota && !ctx.shared.missingQuota.has(key)) {
    ctx.shared.missingQuota.add(key);
    ctx.issues.push({
      severity: "Error",
      source: rep.row ? `Reps row ${rep.row}` : undefined,
      column: "Quota",
      message: `Rep ${rep.id} has no quota for measure "${measure}": add a "Quota ${measure}" column in Reps or Quotas rows.`,
    });
  }
  const schedule = rep.ramp ? (ctx.input.ramps.get(rep.ramp) ?? null) : null;
  // Periods of one plan have one length, so an unramped, unprorated spread quota is one shared Ratio.
  const share = ctx.periods[0].share;
  const spread = annual === null ? ratio(ZERO) : ratio(annual.times(share.num), share.den);
  let previous: PeriodQuota | null = null;
  return ctx.periods.map((p, i) => {
    const q = given?.[i];
    if (q !== undefined && q !== null) {
      // Equal quotas share one object, so later periods reuse the first one's pricer.
      if (previous?.source === "Quotas" && previous.quota.num.eq(q)) return previous;
      previous = { quota: ratio(q), ramp: null, source: "Quotas" };
      return previous;
    }
    const ramp = schedule ? rampQuotaFactor(schedule, rep.startDate, p, rep.endDate) : null;
    let quota = spread;
    if (ramp && !isOne(ramp)) quota = scaleRatio(quota, ramp);
    if (!isOne(prorations[i])) quota = scaleRatio(quota, prorations[i]);
    return { quota, ramp, source: "Annual" };
  });
}

function periodActual(
  ctx: RepContext,
  m: MeasurePlan,
  index: number,
  quota: Ratio,
  own: readonly (Decimal | null)[] | undefined,
): Decimal {
  if (ctx.flat !== null) return quota.num.times(ctx.flat).div(quota.den);
  if (m.basis === "Team") return ctx.team.actual(ctx.plan, m.measure, ctx.rep, index);
  return own?.[index] ?? ZERO;
}

function needsQuota(m: MeasurePlan): boolean {
  return !(m.tierBasis === "Amount" && m.rateType === "Percent" && m.threshold === null && m.capAttainment === null);
}

export function payPerMeasure(ctx: RepContext): PayoutLine[] {
  const { rep, plan, periods } = ctx;
  const share = periods[0].share;
  const factors = prorations(ctx);
  const schedule = rep.ramp ? (ctx.input.ramps.get(rep.ramp) ?? null) : null;
  const perMeasure = plan.measures.map((m) => {
    const fullTarget = ratio(rep.targetVariable.times(m.weight).times(share.num), share.den);
    return {
      m,
      rule: ctx.shared.ruleFor(m),
      quotas: periodQuotas(ctx, m.measure, needsQuota(m), factors),
      // Proration scales target incentive too; BCR (target ÷ quota) stays as planned.
      targets: factors.map((f) => (isOne(f) ? fullTarget : scaleRatio(fullTarget, f))),
      own: ctx.actuals.get(rep.id, m.measure),
      team: m.basis === "Team",
      pricer: null as LinePricer | null,
      ytd: { quota: [] as Ratio[], actual: ZERO, paid: [] as Decimal[], earned: [] as Decimal[] },
    };
  });
  const active = factors.map((f) => !f.num.isZero());
  const digits = minorUnits(rep.currency);
  const lines: PayoutLine[] = [];
  for (const period of periods) {
    const k = period.index;
    if (!active[k]) continue; // not employed in this period: nothing to pay
    const guaranteed = schedule?.guarantee && inRamp(schedule, rep.startDate, period) ? schedule.guarantee : null;
    for (const pm of perMeasure) {
      const { m, rule } = pm;
      const { quota, ramp, source } = pm.quotas[k];
      const target = pm.targets[k];
      const actual = periodActual(ctx, m, k, quota, pm.own);
      let outcome;
      let ytd: PayoutLine["ytd"];
      let payout: Decimal;
      if (plan.cumulative) {
        // Year to date: the curve on YTD actual against YTD quota and target, less what was paid.
        pm.ytd.quota.push(quota);
        pm.ytd.actual = pm.ytd.actual.plus(actual);
        const ytdQuota = sumRatios(pm.ytd.quota);
        const ytdTarget = sumRatios(pm.targets.slice(0, k + 1).filter((_, i) => !factors[i].num.isZero()));
        outcome = payLine(rule, pm.ytd.actual, ytdQuota, ytdTarget);
        const earned = roundMoney(outcome.payout, rep.currency);
        pm.ytd.earned.push(earned);
        const t = trueUps(pm.ytd.earned, plan.negativeTrueUp);
        payout = t.paid[t.paid.length - 1];
        ytd = {
          quota: ytdQuota,
          target: ytdTarget,
          actual: pm.ytd.actual,
          earned,
          held: t.heldBack[t.heldBack.length - 1],
        };
      } else {
        // Periods with the same quota and target share one pricer (the usual case: an evenly spread quota).
        if (!pm.pricer || !sameRatio(pm.pricer.quota, quota) || !sameRatio(pm.pricer.target, target)) {
          pm.pricer = linePricer(rule, quota, target);
        }
        outcome = pm.pricer.pay(actual);
        payout = outcome.payout.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP); // the one rounding point (rounding.ts)
      }
      let guarantee: Decimal | undefined;
      if (guaranteed) {
        const floor = roundMoney(guaranteed.times(target.num).div(target.den), rep.currency);
        if (payout.lt(floor)) {
          guarantee = floor;
          payout = floor;
        }
      }
      lines.push({
        rep,
        period,
        measure: m.measure,
        quota,
        actual,
        attainment: outcome.attainment,
        target,
        payout,
        rate: outcome.rate,
        gated: outcome.gated,
        capped: outcome.capped,
        rule,
        ramp,
        proration: factors[k],
        quotaSource: source,
        team: pm.team,
        ytd,
        guarantee,
      });
    }
  }
  return lines;
}

/** WeightedAttainment: Σ weight × attainment of each measure drives the first measure's curve on the whole target. */
export function payWeighted(ctx: RepContext): PayoutLine[] {
  const { rep, plan, periods } = ctx;
  const rule = ctx.shared.ruleFor(plan.measures[0]);
  const factors = prorations(ctx);
  const perMeasure = plan.measures.map((m) => ({ m, quotas: periodQuotas(ctx, m.measure, true, factors) }));
  const lines: PayoutLine[] = [];
  for (const period of periods) {
    const k = period.index;
    if (factors[k].num.isZero()) continue;
    const components = perMeasure.map(({ m, quotas }) => {
      const { quota } = quotas[k];
      const actual = periodActual(ctx, m, k, quota, ctx.actuals.get(rep.id, m.measure));
      return {
        measure: m.measure,
        weight: m.weight,
        attainment: quota.num.isZero() ? null : ratio(actual.times(quota.den), quota.num),
      };
    });
    const weighted = components.reduce(
      (acc, c) => (c.attainment ? acc.plus(c.weight.times(ratioValue(c.attainment))) : acc),
      ZERO,
    );
    const target = scaleRatio(ratio(rep.targetVariable.times(period.share.num), period.share.den), factors[k]);
    const outcome = payLine(rule, weighted, FULL, target);
    lines.push({
      rep,
      period,
      measure: "Weighted",
      quota: null,
      actual: null,
      attainment: ratio(weighted),
      target,
      payout: roundMoney(outcome.payout, rep.currency),
      rate: outcome.rate,
      gated: outcome.gated,
      capped: outcome.capped,
      rule,
      ramp: null,
      proration: factors[k],
      quotaSource: "Annual",
      team: false,
      components,
    });
  }
  return lines;
}

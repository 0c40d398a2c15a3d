import { Decimal, ZERO, same } from "./decimal";
import { fixedOf, FixedSum } from "./exact/fixed";
import { fromMinor, toMinor } from "./exact/minor";
import { linePricer, LinePricing, type LineOutcome } from "./line/pricer";
import { rateTypeOf, type MeasureRule } from "./line/measureRule";
import { inRamp, rampQuotaFactor } from "./mechanics/ramp";
import { trueUps } from "./mechanics/trueUp";
import { ratio, ratioValue, scaleRatio, sumRatios, type Ratio } from "./exact/ratio";
import { weightedFraction } from "./exact/weightedSum";
import { FULL, isOne, prorations, type RepContext } from "./repContext";
import type { PayoutLine, RepLines } from "./results";
import { PricedLine, type LineExtras, type LineSeat, type LineTerms, type PeriodQuota } from "./pricedLine";
import { minorUnits, roundMoney } from "./exact/rounding";
import type { MeasurePlan, NegativeTrueUp, Plan, RampSchedule, Rep } from "./types";
import type { Period } from "./periods";

/** The rarer parts of a line, kept out of the hot loop. */
function extrasOf(
  ytd: PayoutLine["ytd"],
  guarantee: Decimal | undefined,
  linkedMeasure: boolean,
  linked: Ratio | null,
): LineExtras {
  return linkedMeasure ? { ytd, guarantee, linked } : { ytd, guarantee };
}

/** A cumulative plan's line: the curve on YTD actual against YTD quota and target, trued up against what was paid. */
function payYearToDate(
  pm: {
    rule: MeasureRule;
    targets: readonly Ratio[];
    ytd: { quota: Ratio[]; actual: Decimal; earned: Decimal[] };
  },
  k: number,
  quota: Ratio,
  actual: Decimal,
  factors: readonly Ratio[],
  negativeTrueUp: NegativeTrueUp,
  digits: number,
  linked: Ratio | null,
): { outcome: LineOutcome; minor: bigint; ytd: NonNullable<PayoutLine["ytd"]> } {
  pm.ytd.quota.push(quota);
  pm.ytd.actual = pm.ytd.actual.plus(actual);
  const ytdQuota = sumRatios(pm.ytd.quota);
  const ytdTarget = sumRatios(pm.targets.slice(0, k + 1).filter((_, i) => !factors[i].num.isZero()));
  const outcome = linePricer(pm.rule, ytdQuota, ytdTarget, digits).pay(pm.ytd.actual, linked);
  const earned = fromMinor(outcome.minor, digits);
  pm.ytd.earned.push(earned);
  const t = trueUps(pm.ytd.earned, negativeTrueUp);
  return {
    outcome,
    minor: toMinor(t.paid[t.paid.length - 1], digits),
    ytd: { quota: ytdQuota, target: ytdTarget, actual: pm.ytd.actual, earned, held: t.heldBack[t.heldBack.length - 1] },
  };
}

/** A per-measure period quota always has its quota. */
interface MeasureQuota extends PeriodQuota {
  readonly quota: Ratio;
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
): MeasureQuota[] {
  const { rep } = ctx;
  const given = ctx.quotas.get(rep.id, measure);
  const annual = rep.annualQuota.get(measure) ?? null;
  const key = !given && annual === null && needsQuota ? `${rep.id}\u241f${measure}` : "";
  if (key && !ctx.shared.missingQuota.has(key)) {
    ctx.shared.missingQuota.add(key);
    ctx.issues.push({
      severity: "Error",
      source: rep.row ? `Reps row ${rep.row}` : undefined,
      // The plan's first measure takes its quota from the Quota column, another from its own "Quota <Measure>".
      column: ctx.plan.measures[0]?.measure === measure ? "Quota" : `Quota ${measure}`,
      message: `Rep ${rep.id} has no quota for measure "${measure}": add a "Quota ${measure}" column in Reps or Quotas rows.`,
    });
  }
  const schedule = rep.ramp ? (ctx.input.ramps.get(rep.ramp) ?? null) : null;
  // Periods of one plan have one length, so an unramped, unprorated spread quota is one shared Ratio.
  const share = ctx.periods[0].share;
  const spread = annual === null ? ratio(ZERO) : ratio(annual.times(share.num), share.den);
  let previous: MeasureQuota | null = null;
  return ctx.periods.map((p, i) => {
    const q = given?.[i];
    if (q !== undefined && q !== null) {
      // Equal quotas share one object, so later periods reuse the first one's pricer.
      if (previous?.source === "Quotas" && same(previous.quota.num, q)) return previous;
      previous = { quota: ratio(q), ramp: null, source: "Quotas" };
      return previous;
    }
    // A period past the schedule (or before the start) has no ramp: null, not 100%, so RampPct averages ramped periods only.
    const ramp =
      schedule && inRamp(schedule, rep.startDate, p) ? rampQuotaFactor(schedule, rep.startDate, p, rep.endDate) : null;
    let quota = spread;
    if (ramp && !isOne(ramp)) quota = scaleRatio(quota, ramp);
    if (!isOne(prorations[i])) quota = scaleRatio(quota, prorations[i]);
    return { quota, ramp, source: "Annual" };
  });
}

/** An MBO's quota: 1 every period, so its attainment is the score itself (a score is not prorated; its target is). */
const SCORE_QUOTA: MeasureQuota = { quota: FULL, ramp: null, source: "Score" };

/** A measure's period quotas: an MBO's are 1; a quota measure's are built from Quotas or the annual quota. */
function quotasOf(ctx: RepContext, m: MeasurePlan, needed: boolean, factors: readonly Ratio[]): MeasureQuota[] {
  return m.basis === "Score" ? ctx.periods.map(() => SCORE_QUOTA) : periodQuotas(ctx, m.measure, needed, factors);
}

/** The rep's own credit per period: their Actuals, or an MBO's Scores. */
function ownCredit(ctx: RepContext, m: MeasurePlan): readonly (Decimal | null)[] | undefined {
  return (m.basis === "Score" ? ctx.scores : ctx.actuals).get(ctx.rep.id, m.measure);
}

function periodActual(
  ctx: RepContext,
  m: MeasurePlan,
  index: number,
  quota: Ratio,
  own: readonly (Decimal | null)[] | undefined,
): Decimal {
  if (ctx.flat !== null) {
    if (m.basis === "Team") {
      // Everyone at the flat attainment: the team credits what its members' own lines credit that period.
      const team = ctx.team.flatActual(ctx.plan, m.measure, ctx.rep, index, (member, plan) =>
        memberFlatCredits(ctx, member, plan, m.measure),
      );
      if (team !== null) return team;
    }
    return quota.num.times(ctx.flat).div(quota.den);
  }
  if (m.basis === "Team") return ctx.team.actual(ctx.plan, m.measure, ctx.rep, index);
  // An MBO period without a score has not been scored: it pays as 0% until one is entered.
  return own?.[index] ?? ZERO;
}

/**
 * What a team member's own lines credit on `measure` in a flat scenario, per
 * period of their plan (null where not employed): their period quota (ramped,
 * prorated, or as Quotas gives it) at the flat attainment, as periodActual pays them.
 */
function memberFlatCredits(ctx: RepContext, member: Rep, plan: Plan, measure: string): (Decimal | null)[] {
  const m = plan.measures.find((x) => x.measure === measure);
  if (!m || ctx.flat === null) return [];
  const { quotas, actuals, scores } = ctx.shared.bucketsFor(plan);
  const periods = ctx.shared.periodsFor(plan);
  const own: RepContext = { ...ctx, rep: member, plan, periods, quotas, actuals, scores };
  const factors = prorations(own);
  const flat = ctx.flat;
  return periodQuotas(own, measure, needsQuota(m), factors).map((q, k) =>
    factors[k].num.isZero() ? null : q.quota.num.times(flat).div(q.quota.den),
  );
}

function needsQuota(m: MeasurePlan): boolean {
  if (m.basis === "Score") return false;
  return !(m.tierBasis === "Amount" && rateTypeOf(m) === "Percent" && m.threshold === null && m.capAttainment === null);
}

export function payPerMeasure(ctx: RepContext): RepLines {
  const { rep, plan, periods } = ctx;
  const share = periods[0].share;
  const factors = prorations(ctx);
  const schedule = rep.ramp ? (ctx.input.ramps.get(rep.ramp) ?? null) : null;
  const digits = minorUnits(rep.currency);
  const perMeasure = plan.measures.map((m) => {
    const fullTarget = ratio(rep.targetVariable.times(m.weight).times(share.num), share.den);
    const rule = ctx.shared.ruleFor(m);
    return {
      m,
      rule,
      seat: { rep, measure: m.measure, rule, team: m.basis === "Team" } satisfies LineSeat,
      quotas: quotasOf(ctx, m, needsQuota(m), factors),
      // Proration scales target incentive too; BCR (target ÷ quota) stays as planned.
      targets: factors.map((f) => (isOne(f) ? fullTarget : scaleRatio(fullTarget, f))),
      own: ownCredit(ctx, m),
      pricing: new LinePricing(rule, digits),
      credit: new FixedSum(),
      terms: null as LineTerms | null,
      yearQuotas: [] as Ratio[],
      ytd: { quota: [] as Ratio[], actual: ZERO, earned: [] as Decimal[] },
    };
  });
  const active = factors.map((f) => !f.num.isZero());
  // A modified or matrix measure reads its linked measure's attainment (parse checks the link is in the plan).
  const links = perMeasure.map((pm) => {
    const to = linkOf(pm.m)?.linkedMeasure;
    return to === undefined ? null : (perMeasure.find((x) => x.m.measure === to) ?? null);
  });
  const lines: PayoutLine[] = [];
  for (const period of periods) {
    const k = period.index;
    if (!active[k]) continue; // not employed in this period: nothing to pay
    const guaranteed = rampGuarantee(schedule, rep, period);
    for (let j = 0; j < perMeasure.length; j++) {
      const pm = perMeasure[j];
      const { m } = pm;
      const link = links[j];
      const linked = link === null ? null : linkedAttainment(ctx, link, k, linkOf(m)?.measured === "YTD", active);
      const basis = pm.quotas[k];
      const quota = basis.quota;
      const target = pm.targets[k];
      // Lines share their terms while quota, target and proration repeat (every period of a full-year rep).
      const last = pm.terms;
      const terms =
        last !== null &&
        last.quota === quota &&
        last.ramp === basis.ramp &&
        last.target === target &&
        last.proration === factors[k]
          ? last
          : (pm.terms = { ...basis, target, proration: factors[k] });
      const actual = periodActual(ctx, m, k, quota, pm.own);
      const credit = fixedOf(actual);
      pm.credit.add(credit);
      pm.yearQuotas.push(quota);
      let outcome;
      let ytd: PayoutLine["ytd"];
      let minor: bigint;
      if (plan.cumulative) {
        // Year to date: the curve on YTD actual against YTD quota and target, less what was paid.
        ({ outcome, minor, ytd } = payYearToDate(pm, k, quota, actual, factors, plan.negativeTrueUp, digits, linked));
      } else {
        outcome = pm.pricing.priceLine(quota, target, credit, linked);
        minor = outcome.minor;
      }
      let guarantee: Decimal | undefined;
      if (guaranteed) ({ minor, guarantee } = liftToFloor(minor, guaranteed, target, rep.currency));
      lines.push(
        new PricedLine(
          pm.seat,
          period,
          terms,
          actual,
          minor,
          outcome.rate,
          outcome.gated,
          outcome.capped,
          ytd || guarantee || link ? extrasOf(ytd, guarantee, link !== null, linked) : null,
        ),
      );
    }
  }
  return { lines, year: yearOf(perMeasure) };
}

/**
 * The other measure a line reads the attainment of (a payout matrix's columns,
 * a modifier's steps) and where it is measured. A measure with both links one
 * measure, measured one way (the workbook checks it).
 */
function linkOf(m: MeasurePlan): { readonly linkedMeasure: string; readonly measured: "Period" | "YTD" } | null {
  return m.matrix ?? m.modifier ?? null;
}

/**
 * The linked measure's attainment a modifier or matrix reads: its credit ÷ quota this
 * period, or year to date over the periods employed; null without a quota.
 */
function linkedAttainment(
  ctx: RepContext,
  link: { m: MeasurePlan; quotas: readonly MeasureQuota[]; own: readonly (Decimal | null)[] | undefined },
  k: number,
  ytd: boolean,
  active: readonly boolean[],
): Ratio | null {
  let actual = ZERO;
  const quotas: Ratio[] = [];
  for (let i = ytd ? 0 : k; i <= k; i++) {
    if (!active[i]) continue;
    const { quota } = link.quotas[i];
    actual = actual.plus(periodActual(ctx, link.m, i, quota, link.own));
    quotas.push(quota);
  }
  const q = sumRatios(quotas);
  return q.num.isZero() ? null : ratio(actual.times(q.den), q.num);
}

/** The ramp guarantee (a share of target incentive) in force in `period`: null outside the ramp or without one. */
function rampGuarantee(schedule: RampSchedule | null, rep: Rep, period: Period): Decimal | null {
  return schedule?.guarantee && inRamp(schedule, rep.startDate, period) ? schedule.guarantee : null;
}

/**
 * A ramp period pays at least the guaranteed share of its target incentive,
 * rounded once: the line's minor units lifted to that floor, and the floor
 * when it applied (the line's Guarantee). Asked only in a guaranteed period.
 */
function liftToFloor(
  minor: bigint,
  guaranteed: Decimal,
  target: Ratio,
  currency: string,
): { minor: bigint; guarantee?: Decimal } {
  const floor = roundMoney(guaranteed.times(target.num).div(target.den), currency);
  const floorMinor = toMinor(floor, minorUnits(currency));
  return minor < floorMinor ? { minor: floorMinor, guarantee: floor } : { minor };
}

/** The year's credit and quota of each measure: what the year's attainment is computed from (Σ credit ÷ Σ quota). */
function yearOf(perMeasure: readonly { m: MeasurePlan; credit: FixedSum; yearQuotas: Ratio[] }[]): RepLines["year"] {
  return new Map(perMeasure.map((pm) => [pm.m.measure, { credit: pm.credit.value, quota: sumRatios(pm.yearQuotas) }]));
}

/**
 * WeightedAttainment: Σ weight × attainment of each measure drives the first
 * measure's curve on the whole target. Its line carries the first measure's
 * ramp (one schedule per rep) and the ramp guarantee's floor, as a per-measure
 * line does; the year's attainment is Σ weight × (Σ credit ÷ Σ quota).
 */
export function payWeighted(ctx: RepContext): RepLines {
  const { rep, plan, periods } = ctx;
  const rule = ctx.shared.ruleFor(plan.measures[0]);
  const seat: LineSeat = { rep, measure: "Weighted", rule, team: false };
  const factors = prorations(ctx);
  const schedule = rep.ramp ? (ctx.input.ramps.get(rep.ramp) ?? null) : null;
  const digits = minorUnits(rep.currency);
  const perMeasure = plan.measures.map((m) => ({
    m,
    quotas: quotasOf(ctx, m, true, factors),
    own: ownCredit(ctx, m),
    credit: new FixedSum(),
    yearQuotas: [] as Ratio[],
  }));
  const lines: PayoutLine[] = [];
  for (const period of periods) {
    const k = period.index;
    if (factors[k].num.isZero()) continue;
    const components = perMeasure.map((pm) => {
      const { m } = pm;
      const { quota } = pm.quotas[k];
      const actual = periodActual(ctx, m, k, quota, pm.own);
      pm.credit.add(fixedOf(actual));
      pm.yearQuotas.push(quota);
      return {
        measure: m.measure,
        weight: m.weight,
        quota,
        actual,
        attainment: quota.num.isZero() ? null : ratio(actual.times(quota.den), quota.num),
      };
    });
    const weighted = weightedFraction(components.map((c) => ({ weight: c.weight, fraction: c.attainment })));
    const target = scaleRatio(ratio(rep.targetVariable.times(period.share.num), period.share.den), factors[k]);
    // Priced as credit N against a quota of D: the attainment the tiers see is N ÷ D, exactly.
    const outcome =
      rule.rateType === "Multiplier"
        ? linePricer(rule, ratio(weighted.den), target, digits).pay(weighted.num)
        : linePricer(rule, FULL, target, digits).pay(ratioValue(weighted));
    let minor = outcome.minor;
    let guarantee: Decimal | undefined;
    const guaranteed = rampGuarantee(schedule, rep, period);
    if (guaranteed) ({ minor, guarantee } = liftToFloor(minor, guaranteed, target, rep.currency));
    lines.push(
      new PricedLine(
        seat,
        period,
        // No quota of its own: its measures' quotas are in its components.
        { quota: null, ramp: perMeasure[0].quotas[k].ramp, source: "Annual", target, proration: factors[k] },
        null,
        minor,
        outcome.rate,
        outcome.gated,
        outcome.capped,
        { components, weightedAttainment: weighted, ...(guarantee ? { guarantee } : {}) },
      ),
    );
  }
  return { lines, year: yearOf(perMeasure) };
}

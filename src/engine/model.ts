import { bucketAmounts, bucketKey, type PeriodBuckets } from "./amounts";
import { Decimal, ONE, ZERO } from "./decimal";
import type { EngineIssue } from "./issues";
import { compileMeasureRule, linePricer, payLine, type LinePricer, type MeasureRule } from "./measureRule";
import { planPeriods, type Period } from "./periods";
import { checkPlan } from "./planChecks";
import { ratio, ratioValue, sameRatio, sumRatios, type Ratio } from "./ratio";
import { roundMoney } from "./rounding";
import type { ModelInput, Plan, Rep, Scenario } from "./types";

/** One payout line: scenario × rep × period × measure. */
export interface PayoutLine {
  readonly rep: Rep;
  readonly period: Period;
  /** Measure name; "Weighted" for a WeightedAttainment plan's single line. */
  readonly measure: string;
  /** Exact period quota (an annual quota spread monthly is a twelfth); null on a Weighted line. */
  readonly quota: Ratio | null;
  readonly actual: Decimal | null;
  readonly attainment: Ratio | null;
  readonly target: Ratio;
  /** Rounded to the currency's minor unit: the one rounding point. */
  readonly payout: Decimal;
  readonly rate: Decimal;
  readonly gated: boolean;
  readonly capped: "Attainment" | "Payout" | null;
  /** The compiled rule that paid it, so the trace can be rebuilt on demand. */
  readonly rule: MeasureRule;
  /** Weighted lines: each measure's attainment and weight. */
  readonly components?: readonly { measure: string; weight: Decimal; attainment: Ratio | null }[];
}

export interface RepResult {
  readonly rep: Rep;
  readonly plan: Plan;
  /** Lines of this rep, in period then measure order. */
  readonly lines: readonly PayoutLine[];
  /** Σ measure weight × (Σ actual ÷ Σ quota) over the year. */
  readonly attainment: Decimal | null;
  readonly variablePay: Decimal;
  readonly capped: boolean;
}

export interface ScenarioResult {
  /** "Baseline" for the plans as written. */
  readonly name: string;
  readonly scenario: Scenario | null;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly reps: readonly RepResult[];
  readonly lines: readonly PayoutLine[];
}

export interface ModelResult {
  readonly scenarios: readonly ScenarioResult[];
  readonly issues: readonly EngineIssue[];
}

export const BASELINE = "Baseline";

/** Runs every scenario that pays on actual or flat attainment. */
export function runModel(input: ModelInput): ModelResult {
  const issues: EngineIssue[] = [];
  const scenarios: ScenarioResult[] = [];
  const planSets: { name: string; scenario: Scenario | null; plans: ReadonlyMap<string, Plan> }[] = [
    { name: BASELINE, scenario: null, plans: input.plans },
  ];
  for (const s of input.scenarios) {
    if (s.assumption !== null && s.assumption.kind !== "Flat") continue; // distributions: realistic earnings
    const overrides = input.scenarioPlans.get(s.name);
    const plans = new Map(input.plans);
    overrides?.forEach((plan, name) => plans.set(name, plan));
    planSets.push({ name: s.name, scenario: s, plans });
  }

  const checked = new Set<Plan>();
  for (const set of planSets) {
    for (const plan of set.plans.values()) {
      if (checked.has(plan)) continue;
      checked.add(plan);
      issues.push(...checkPlan(plan));
    }
  }

  // Quotas and actuals are bucketed once per period kind: plans of a kind share buckets.
  const bucketsByKind = new Map<string, { quotas: PeriodBuckets; actuals: PeriodBuckets }>();
  const periodsByKind = new Map<string, Period[]>();
  const periodsFor = (plan: Plan): Period[] => {
    let periods = periodsByKind.get(plan.period);
    if (!periods) {
      periods = planPeriods(plan.period, input.settings);
      periodsByKind.set(plan.period, periods);
    }
    return periods;
  };
  const bucketsFor = (plan: Plan) => {
    let b = bucketsByKind.get(plan.period);
    if (!b) {
      const periods = periodsFor(plan);
      // Only reps paid on this period kind (in some scenario) are bucketed by it.
      const repsOfKind = new Set(
        input.reps.filter((r) => planSets.some((set) => set.plans.get(r.plan)?.period === plan.period)).map((r) => r.id),
      );
      const periodsOf = (repId: string) => (repsOfKind.has(repId) ? periods : null);
      b = {
        quotas: bucketAmounts(input.quotas, periodsOf, "Quotas", issues),
        actuals: bucketAmounts(input.actuals, periodsOf, "Actuals", issues),
      };
      bucketsByKind.set(plan.period, b);
    }
    return b;
  };

  const rules = new Map<object, MeasureRule>();
  const ruleFor = (m: Plan["measures"][number]) => {
    let r = rules.get(m);
    if (!r) {
      r = compileMeasureRule(m);
      rules.set(m, r);
    }
    return r;
  };

  const missingQuota = new Set<string>();
  for (const set of planSets) {
    const reps: RepResult[] = [];
    const lines: PayoutLine[] = [];
    const flat = set.scenario?.assumption?.kind === "Flat" ? set.scenario.assumption.attainment : null;
    for (const rep of input.reps) {
      const plan = set.plans.get(rep.plan);
      if (!plan) continue;
      const periods = periodsFor(plan);
      const { quotas, actuals } = bucketsFor(plan);
      const ctx: RepContext = { rep, plan, periods, quotas, actuals, flat, ruleFor, issues, missingQuota };
      const repLines = plan.combine === "WeightedAttainment" ? payWeighted(ctx) : payPerMeasure(ctx);
      for (const l of repLines) lines.push(l);
      reps.push(summarise(rep, plan, repLines));
    }
    scenarios.push({ name: set.name, scenario: set.scenario, plans: set.plans, reps, lines });
  }
  return { scenarios, issues };
}

interface RepContext {
  readonly rep: Rep;
  readonly plan: Plan;
  readonly periods: readonly Period[];
  readonly quotas: PeriodBuckets;
  readonly actuals: PeriodBuckets;
  readonly flat: Decimal | null;
  readonly ruleFor: (m: Plan["measures"][number]) => MeasureRule;
  readonly issues: EngineIssue[];
  readonly missingQuota: Set<string>;
}

/** Quota per period: Quotas rows where given, else the annual quota spread by period share. */
function periodQuotas(ctx: RepContext, measure: string, needsQuota: boolean): Ratio[] {
  const given = ctx.quotas.get(bucketKey(ctx.rep.id, measure));
  const annual = ctx.rep.annualQuota.get(measure) ?? null;
  if (!given && annual === null && needsQuota) {
    const key = bucketKey(ctx.rep.id, measure);
    if (!ctx.missingQuota.has(key)) {
      ctx.missingQuota.add(key);
      ctx.issues.push({
        severity: "Error",
        source: ctx.rep.row ? `Reps row ${ctx.rep.row}` : undefined,
        column: "Quota",
        message: `Rep ${ctx.rep.id} has no quota for measure "${measure}": add a "Quota ${measure}" column in Reps or Quotas rows.`,
      });
    }
  }
  // Periods of one plan have one length, so the spread quota is one shared Ratio object.
  const share = ctx.periods[0]?.share;
  const spread = annual === null || !share ? ratio(ZERO) : ratio(annual.times(share.num), share.den);
  return ctx.periods.map((_, i) => {
    const q = given?.[i];
    return q !== undefined && q !== null ? ratio(q) : spread;
  });
}

function periodActual(ctx: RepContext, measure: string, index: number, quota: Ratio): Decimal {
  if (ctx.flat !== null) return quota.num.times(ctx.flat).div(quota.den);
  return ctx.actuals.get(bucketKey(ctx.rep.id, measure))?.[index] ?? ZERO;
}

function needsQuota(plan: Plan["measures"][number]): boolean {
  return !(plan.tierBasis === "Amount" && plan.rateType === "Percent" && plan.threshold === null && plan.capAttainment === null);
}

function payPerMeasure(ctx: RepContext): PayoutLine[] {
  const { rep, plan, periods } = ctx;
  const share = periods[0].share;
  const perMeasure = plan.measures.map((m) => ({
    m,
    rule: ctx.ruleFor(m),
    quotas: periodQuotas(ctx, m.measure, needsQuota(m)),
    target: ratio(rep.targetVariable.times(m.weight).times(share.num), share.den),
  }));
  const lines: PayoutLine[] = [];
  const pricers: (LinePricer | null)[] = perMeasure.map(() => null);
  for (const period of periods) {
    for (let j = 0; j < perMeasure.length; j++) {
      const { m, rule, quotas, target } = perMeasure[j];
      const quota = quotas[period.index];
      // Periods with the same quota and target share one pricer (the usual case: an evenly spread quota).
      let pricer = pricers[j];
      if (!pricer || !sameRatio(pricer.quota, quota) || !sameRatio(pricer.target, target)) {
        pricer = linePricer(rule, quota, target);
        pricers[j] = pricer;
      }
      const actual = periodActual(ctx, m.measure, period.index, quota);
      const outcome = pricer.pay(actual);
      lines.push({
        rep,
        period,
        measure: m.measure,
        quota,
        actual,
        attainment: outcome.attainment,
        target,
        payout: roundMoney(outcome.payout, rep.currency),
        rate: outcome.rate,
        gated: outcome.gated,
        capped: outcome.capped,
        rule,
      });
    }
  }
  return lines;
}

/** WeightedAttainment: Σ weight × attainment of each measure drives the first measure's curve on the whole target. */
function payWeighted(ctx: RepContext): PayoutLine[] {
  const { rep, plan, periods } = ctx;
  const rule = ctx.ruleFor(plan.measures[0]);
  const perMeasure = plan.measures.map((m) => ({ m, quotas: periodQuotas(ctx, m.measure, true) }));
  return periods.map((period) => {
    const components = perMeasure.map(({ m, quotas }) => {
      const quota = quotas[period.index];
      const actual = periodActual(ctx, m.measure, period.index, quota);
      return { measure: m.measure, weight: m.weight, attainment: quota.num.isZero() ? null : ratio(actual.times(quota.den), quota.num) };
    });
    const weighted = components.reduce((acc, c) => (c.attainment ? acc.plus(c.weight.times(ratioValue(c.attainment))) : acc), ZERO);
    const target = ratio(rep.targetVariable.times(period.share.num), period.share.den);
    const outcome = payLine(rule, weighted, ratio(ONE), target);
    return {
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
      components,
    };
  });
}

function summarise(rep: Rep, plan: Plan, lines: readonly PayoutLine[]): RepResult {
  let variablePay = ZERO;
  let capped = false;
  for (const l of lines) {
    variablePay = variablePay.plus(l.payout);
    if (l.capped) capped = true;
  }
  let attainment: Decimal | null = ZERO;
  if (plan.combine === "WeightedAttainment") {
    // Year view of a weighted plan: the mean of its period attainments.
    attainment = lines.length
      ? lines.reduce((a, l) => a.plus(l.attainment ? ratioValue(l.attainment) : ZERO), ZERO).div(lines.length)
      : null;
  } else {
    for (const m of plan.measures) {
      const mine = lines.filter((l) => l.measure === m.measure);
      const quota = sumRatios(mine.map((l) => l.quota ?? ratio(ZERO)));
      const actual = mine.reduce((a, l) => a.plus(l.actual ?? ZERO), ZERO);
      if (quota.num.isZero()) {
        attainment = null;
        break;
      }
      attainment = attainment!.plus(m.weight.times(actual.times(quota.den).div(quota.num)));
    }
  }
  return { rep, plan, lines, attainment, variablePay, capped };
}

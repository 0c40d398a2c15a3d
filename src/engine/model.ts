import { bucketAmounts, type PeriodBuckets } from "./amounts";
import { Decimal, ONE, ZERO, max } from "./decimal";
import type { EngineIssue } from "./issues";
import { compileMeasureRule, linePricer, payLine, type LinePricer, type MeasureRule } from "./measureRule";
import { adjustmentsByPeriod, applyAdjustments } from "./mechanics/adjustments";
import { applyDraw } from "./mechanics/draw";
import { checkHierarchy } from "./mechanics/hierarchy";
import { overlapDays, prorationFactor } from "./mechanics/proration";
import { inRamp, rampQuotaFactor } from "./mechanics/ramp";
import { overAssignment, teamActuals } from "./mechanics/rollup";
import { trueUps } from "./mechanics/trueUp";
import { daysBetween } from "./calendar";
import { planPeriods, planYearSpan, type Period } from "./periods";
import { checkPlan } from "./planChecks";
import { ratio, ratioValue, sameRatio, scaleRatio, sumRatios, type Ratio } from "./ratio";
import { minorUnits, roundMoney } from "./rounding";
import { fxRate } from "./mechanics/fx";
import type { Adjustment, MeasurePlan, ModelInput, Plan, Rep, Scenario, Settings } from "./types";

/** One payout line: scenario × rep × period × measure. */
export interface PayoutLine {
  readonly rep: Rep;
  readonly period: Period;
  /** Measure name; "Weighted" for a WeightedAttainment plan's single line. */
  readonly measure: string;
  /** Exact period quota (after ramp and proration); null on a Weighted line. */
  readonly quota: Ratio | null;
  /** Credited amount: the rep's own, or the team's on a Team-basis measure. */
  readonly actual: Decimal | null;
  readonly attainment: Ratio | null;
  readonly target: Ratio;
  /**
   * What the line pays this period, rounded to the currency's minor unit (the
   * one rounding point). On a cumulative plan: the true-up (YTD earned − paid before).
   */
  readonly payout: Decimal;
  readonly rate: Decimal;
  readonly gated: boolean;
  readonly capped: "Attainment" | "Payout" | null;
  /** The compiled rule that paid it, so the trace can be rebuilt on demand. */
  readonly rule: MeasureRule;
  /** How the quota was built: ramp factor (null when no ramp applied) and proration factor. */
  readonly ramp: Ratio | null;
  readonly proration: Ratio;
  readonly quotaSource: "Quotas" | "Annual";
  readonly team: boolean;
  /** Cumulative plans: year-to-date quota, actual and earned (rounded) up to this period. */
  readonly ytd?: {
    readonly quota: Ratio;
    readonly target: Ratio;
    readonly actual: Decimal;
    readonly earned: Decimal;
    readonly held: Decimal;
  };
  /** Ramp guarantee lifted the payout to this floor. */
  readonly guarantee?: Decimal;
  /** Weighted lines: each measure's attainment and weight. */
  readonly components?: readonly { measure: string; weight: Decimal; attainment: Ratio | null }[];
}

/** One period of a rep's pay statement. */
export interface StatementLine {
  readonly period: Period;
  /** Σ the period's payout lines. */
  readonly earned: Decimal;
  /** SPIFs and bonuses minus the clawback taken this period. */
  readonly adjustments: Decimal;
  readonly drawTopUp: Decimal;
  readonly recovered: Decimal;
  readonly drawBalance: Decimal;
  /** Clawback still to take from later periods. */
  readonly clawbackCarried: Decimal;
  /** What the rep is paid this period. */
  readonly netPaid: Decimal;
}

export interface RepResult {
  readonly rep: Rep;
  readonly plan: Plan;
  /** Lines of this rep, in period then measure order. */
  readonly lines: readonly PayoutLine[];
  readonly statement: readonly StatementLine[];
  /** Σ measure weight × (Σ actual ÷ Σ quota) over the year. */
  readonly attainment: Decimal | null;
  /** Σ payout lines (commission earned). */
  readonly variablePay: Decimal;
  /** Σ adjustments (SPIF + bonus − clawback taken). */
  readonly adjustments: Decimal;
  /** Σ net paid: variable pay + draw top-ups − recoveries + adjustments. */
  readonly netPaid: Decimal;
  readonly drawBalance: Decimal;
  readonly clawbackOutstanding: Decimal;
  /** Share of the plan year the rep was employed (active days ÷ days). */
  readonly proration: Ratio;
  /** Base salary earned in the plan year: base × proration. */
  readonly baseEarned: Decimal;
  /** Team-basis managers: Σ direct reports' quotas ÷ own quota. */
  readonly overAssignment: Decimal | null;
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
const FULL: Ratio = ratio(ONE);

/** Runs every scenario that pays on actual or flat attainment. */
export function runModel(input: ModelInput): ModelResult {
  const issues: EngineIssue[] = [...checkHierarchy(input.reps)];
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

  const shared = new SharedInputs(input, planSets, issues);
  const adjustmentsOf = groupBy(input.adjustments, (a) => a.repId);
  for (const set of planSets) {
    const reps: RepResult[] = [];
    const lines: PayoutLine[] = [];
    const flat = set.scenario?.assumption?.kind === "Flat" ? set.scenario.assumption.attainment : null;
    const team = new TeamActuals(input.reps, shared, input.settings);
    for (const rep of input.reps) {
      const plan = set.plans.get(rep.plan);
      if (!plan) continue;
      const periods = shared.periodsFor(plan);
      const { quotas, actuals } = shared.bucketsFor(plan);
      const ctx: RepContext = { input, rep, plan, periods, quotas, actuals, flat, team, shared, issues };
      const repLines = plan.combine === "WeightedAttainment" ? payWeighted(ctx) : payPerMeasure(ctx);
      for (const l of repLines) lines.push(l);
      reps.push(summarise(ctx, repLines, adjustmentsOf.get(rep.id) ?? [], team.overAssignment(rep, plan)));
    }
    scenarios.push({ name: set.name, scenario: set.scenario, plans: set.plans, reps, lines });
  }
  return { scenarios, issues };
}

/** Work shared by every scenario: periods, bucketed quotas and actuals, compiled rules. */
class SharedInputs {
  private readonly periodsByKind = new Map<string, Period[]>();
  private readonly bucketsByKind = new Map<string, { quotas: PeriodBuckets; actuals: PeriodBuckets }>();
  private readonly rules = new Map<MeasurePlan, MeasureRule>();
  readonly missingQuota = new Set<string>();

  constructor(
    private readonly input: ModelInput,
    private readonly planSets: readonly { plans: ReadonlyMap<string, Plan> }[],
    private readonly issues: EngineIssue[],
  ) {}

  periodsFor(plan: Plan): Period[] {
    let periods = this.periodsByKind.get(plan.period);
    if (!periods) {
      periods = planPeriods(plan.period, this.input.settings);
      this.periodsByKind.set(plan.period, periods);
    }
    return periods;
  }

  /** Quotas and actuals bucketed once per period kind: plans of a kind share them. */
  bucketsFor(plan: Plan): { quotas: PeriodBuckets; actuals: PeriodBuckets } {
    let b = this.bucketsByKind.get(plan.period);
    if (!b) {
      const periods = this.periodsFor(plan);
      // Every rep's amounts are bucketed by the kinds some plan pays them on; team
      // roll-ups need reports' actuals on their manager's period kind too.
      const kinds = new Set(this.planSets.flatMap((s) => [...s.plans.values()].map((p) => p.period)));
      const onlyKind = kinds.size === 1;
      const repsOfKind = new Set(
        this.input.reps
          .filter((r) => onlyKind || this.planSets.some((s) => s.plans.get(r.plan)?.period === plan.period))
          .map((r) => r.id),
      );
      const teamKind = this.planSets.some((s) =>
        [...s.plans.values()].some((p) => p.period === plan.period && p.measures.some((m) => m.basis === "Team")),
      );
      const periodsOf = (repId: string) => (teamKind || repsOfKind.has(repId) ? periods : null);
      // A quarterly rep's actuals bucketed monthly only for a manager's roll-up: a straddle there is not theirs.
      const ownKind = (repId: string) => repsOfKind.has(repId);
      b = {
        quotas: bucketAmounts(this.input.quotas, periodsOf, "Quotas", this.issues, ownKind),
        actuals: bucketAmounts(this.input.actuals, periodsOf, "Actuals", this.issues, ownKind),
      };
      this.bucketsByKind.set(plan.period, b);
    }
    return b;
  }

  ruleFor(m: MeasurePlan): MeasureRule {
    let r = this.rules.get(m);
    if (!r) {
      r = compileMeasureRule(m);
      this.rules.set(m, r);
    }
    return r;
  }
}

/**
 * Team-basis actuals: a manager's credited amount per period is the sum of
 * their team's individual actuals (whole subtree or direct reports), computed
 * once per period kind × measure × scope.
 */
class TeamActuals {
  private readonly cache = new Map<string, Map<string, Decimal>[]>();
  private byId?: Map<string, Rep>;
  private directs?: Map<string, Rep[]>;

  constructor(
    private readonly reps: readonly Rep[],
    private readonly shared: SharedInputs,
    private readonly settings: Settings,
  ) {}

  /**
   * A team spans currencies: each report's credit is converted to the
   * reporting currency at the Settings rate, and the total to the manager's.
   */
  actual(plan: Plan, measure: string, manager: Rep, index: number): Decimal {
    const key = `${plan.period}\u241f${measure}\u241f${plan.teamScope}`;
    let perPeriod = this.cache.get(key);
    if (!perPeriod) {
      const { actuals } = this.shared.bucketsFor(plan);
      this.byId ??= new Map(this.reps.map((r) => [r.id, r]));
      const byId = this.byId;
      const reporting = this.settings.reportingCurrency;
      const inReporting = (id: string, amount: Decimal) => {
        const currency = byId.get(id)?.currency ?? reporting;
        return currency === reporting ? amount : amount.times(fxRate(currency, this.settings));
      };
      perPeriod = this.shared
        .periodsFor(plan)
        .map((_, k) =>
          teamActuals(this.reps, plan.teamScope, (id) => inReporting(id, actuals.get(id, measure)?.[k] ?? ZERO)),
        );
      this.cache.set(key, perPeriod);
    }
    const total = perPeriod[index].get(manager.id) ?? ZERO;
    return manager.currency === this.settings.reportingCurrency
      ? total
      : total.div(fxRate(manager.currency, this.settings));
  }

  /** For managers on a Team-basis plan: Σ direct reports' annual quotas ÷ own annual quota (first team measure). */
  overAssignment(rep: Rep, plan: Plan): Decimal | null {
    const m = plan.measures.find((x) => x.basis === "Team");
    if (!m) return null;
    this.byId ??= new Map(this.reps.map((r) => [r.id, r]));
    const byId = this.byId;
    this.directs ??= groupBy(
      this.reps.filter((r) => r.managerId !== null),
      (r) => r.managerId!,
    );
    const team = [rep, ...(this.directs.get(rep.id) ?? [])];
    return overAssignment(team, (id) => byId.get(id)?.annualQuota.get(m.measure) ?? null).get(rep.id) ?? null;
  }
}

interface RepContext {
  readonly input: ModelInput;
  readonly rep: Rep;
  readonly plan: Plan;
  readonly periods: readonly Period[];
  readonly quotas: PeriodBuckets;
  readonly actuals: PeriodBuckets;
  readonly flat: Decimal | null;
  readonly team: TeamActuals;
  readonly shared: SharedInputs;
  readonly issues: EngineIssue[];
}

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

function isOne(r: Ratio): boolean {
  return r === FULL || r.num.eq(r.den);
}

function prorations(ctx: RepContext): Ratio[] {
  const { rep } = ctx;
  if (rep.startDate === null && rep.endDate === null) return ctx.periods.map(() => FULL);
  return ctx.periods.map((p) => {
    const f = prorationFactor(p, rep.startDate, rep.endDate);
    return isOne(f) ? FULL : f;
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

function payPerMeasure(ctx: RepContext): PayoutLine[] {
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
function payWeighted(ctx: RepContext): PayoutLine[] {
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

function summarise(
  ctx: RepContext,
  lines: readonly PayoutLine[],
  adjustments: readonly Adjustment[],
  over: Decimal | null,
): RepResult {
  const { rep, plan, periods } = ctx;
  let variablePay = ZERO;
  let capped = false;
  const earned = periods.map(() => ZERO);
  for (const l of lines) {
    earned[l.period.index] = earned[l.period.index].plus(l.payout);
    if (l.capped) capped = true;
  }
  for (const e of earned) variablePay = variablePay.plus(e);
  const factors = prorations(ctx);
  const active = factors.map((f) => !f.num.isZero());

  // Draws apply to commission earned; SPIFs, bonuses and clawbacks are settled after (mechanics/README.md).
  const draw = plan.draw;
  const drawLines = draw ? applyDraw(earned, draw, plan.drawType, plan.drawRecovery, active) : null;
  const afterDraw = drawLines ? drawLines.map((d) => d.netPaid) : earned;
  const statement: StatementLine[] = [];
  let totalAdjustments = ZERO;
  let netPaid = ZERO;
  let outstanding = ZERO;
  if (!drawLines && adjustments.length === 0) {
    // The common case: the statement is the commission earned, period by period.
    periods.forEach((period, k) => {
      if (!active[k]) return;
      statement.push({
        period,
        earned: earned[k],
        adjustments: ZERO,
        drawTopUp: ZERO,
        recovered: ZERO,
        drawBalance: ZERO,
        clawbackCarried: ZERO,
        netPaid: earned[k],
      });
    });
    netPaid = variablePay;
  } else {
    const { perPeriod, outside } = adjustmentsByPeriod(adjustments, periods);
    for (const a of outside) {
      ctx.issues.push({
        severity: "Warning",
        source: a.source,
        column: "Period",
        message: `Adjustment for rep ${a.repId} (${a.type} ${a.amount.toString()}) falls outside the plan year and was left out.`,
      });
    }
    const settled = applyAdjustments(afterDraw, perPeriod);
    outstanding = settled.outstanding;
    periods.forEach((period, k) => {
      const d = drawLines?.[k];
      const s = settled.lines[k];
      const hasActivity = active[k] || !s.adjustments.isZero() || (d && !d.recovered.isZero());
      totalAdjustments = totalAdjustments.plus(s.adjustments);
      netPaid = netPaid.plus(s.netPaid);
      if (!hasActivity) return;
      statement.push({
        period,
        earned: earned[k],
        adjustments: s.adjustments,
        drawTopUp: d?.topUp ?? ZERO,
        recovered: d?.recovered ?? ZERO,
        drawBalance: d?.balance ?? ZERO,
        clawbackCarried: s.clawbackCarried,
        netPaid: s.netPaid,
      });
    });
  }

  const year = planYearSpan(ctx.input.settings);
  const yearShare =
    rep.startDate === null && rep.endDate === null
      ? FULL
      : ratio(
          new Decimal(overlapDays(year.start, year.end, rep.startDate, rep.endDate)),
          new Decimal(daysBetween(year.start, year.end)),
        );
  return {
    rep,
    plan,
    lines,
    statement,
    attainment: yearAttainment(plan, lines),
    variablePay,
    adjustments: totalAdjustments,
    netPaid,
    drawBalance: drawLines?.[drawLines.length - 1]?.balance ?? ZERO,
    clawbackOutstanding: outstanding,
    proration: yearShare,
    baseEarned:
      yearShare === FULL ? rep.base : roundMoney(rep.base.times(yearShare.num).div(yearShare.den), rep.currency),
    overAssignment: over,
    capped,
  };
}

function yearAttainment(plan: Plan, lines: readonly PayoutLine[]): Decimal | null {
  if (lines.length === 0) return null;
  if (plan.combine === "WeightedAttainment") {
    // Year view of a weighted plan: the mean of its period attainments.
    return lines.reduce((a, l) => a.plus(l.attainment ? ratioValue(l.attainment) : ZERO), ZERO).div(lines.length);
  }
  // One pass: Σ quota (exact) and Σ actual per measure.
  const sums = new Map<string, { quotas: Ratio[]; actual: Decimal }>();
  for (const l of lines) {
    let acc = sums.get(l.measure);
    if (!acc) {
      acc = { quotas: [], actual: ZERO };
      sums.set(l.measure, acc);
    }
    if (l.quota) acc.quotas.push(l.quota);
    if (l.actual) acc.actual = acc.actual.plus(l.actual);
  }
  let attainment = ZERO;
  for (const m of plan.measures) {
    const acc = sums.get(m.measure);
    const quota = sumRatios(acc?.quotas ?? []);
    if (!acc || quota.num.isZero()) return null;
    attainment = attainment.plus(m.weight.times(max(ZERO, acc.actual).times(quota.den).div(quota.num)));
  }
  return attainment;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

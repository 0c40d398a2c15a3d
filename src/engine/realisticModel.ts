import { Decimal, ONE, ZERO } from "./decimal";
import type { EngineIssue } from "./issues";
import { convert } from "./mechanics/fx";
import { indexOrg, type OrgIndex } from "./mechanics/hierarchy";
import { paidOnMembers } from "./mechanics/rollup";
import {
  DistributionError,
  fitDistribution,
  probAttainmentAtLeast,
  type AttainmentDistribution,
  type RealisticOutcome,
} from "./realistic";
import {
  historySwing,
  orgYears,
  teamCorrelationFromHistory,
  type HistorySwing,
} from "./realistic/history/historyStats";
import { repYears, type RepYear } from "./realistic/history/repYears";
import { backtest, type Backtest } from "./realistic/history/backtest";
import { curveMeasures, needsQuota, PERIODS_PER_YEAR, planYearPay, yearPayKey } from "./realistic/planYearPay";
import {
  DEFAULT_PERIOD_CORRELATION,
  DEFAULT_QUARTER_SPREAD,
  NO_SWING,
  spreadForPeriods,
  type PeriodSwing,
} from "./realistic/swing/periodSwing";
import { swingOutcome, type SwingOutcome, type YearPay } from "./realistic/swing/swingOutcome";
import { floatLevelOf, levelAtLeast } from "./realistic/swing/floatLevel";
import { isModelledTeam, teamDistribution, teamSwingFactor, type TeamMember } from "./realistic/teamDistribution";
import type { DistributionSpec, ModelInput, Plan, Rep, RepProgress, Scenario } from "./types";

export { planCurve } from "./realistic/planYearPay";

/** The model fitted on the earlier years of AttainmentHistory and scored on the last (null with under two years). */
export function realisticBacktest(input: ModelInput): Backtest | null {
  return backtest(repYears(input.attainmentHistory), input.reps, input.plans);
}

/** How a leader's attainment was modelled: from the members they are paid on. */
export interface TeamBasis {
  /** Members whose credit counts (individual quota on the measure). */
  readonly members: number;
  /** Σ members' quotas (in the leader's currency) ÷ the leader's quota. */
  readonly overAssignment: Decimal;
  readonly correlation: Decimal;
}

/** Realistic earnings of one rep under one scenario's attainment assumption. */
export interface RealisticRep {
  readonly rep: Rep;
  readonly plan: Plan;
  /** Multiples of target variable. */
  readonly outcome: RealisticOutcome;
  /** P(year attainment ≥ 100%). */
  readonly probAtOrAboveQuota: Decimal;
  /** P(some period is paid at its cap), 0 for an uncapped plan. */
  readonly probCapped: Decimal;
  /**
   * The baseline plan under the same attainment assumption: what the scenario
   * is compared with, like for like. Equal to `outcome` when the scenario
   * leaves this rep's plan as it is; null in the baseline's own set.
   */
  readonly baseline: RealisticOutcome | null;
  /** Set for a leader paid on the team's attainment. */
  readonly team: TeamBasis | null;
  /** Payout periods per year, and the period swing used for them (a team's is the members' averaged). */
  readonly periods: number;
  readonly swing: PeriodSwing;
  readonly method: "exact" | "numerical";
}

export type AssumptionSource = "Scenario" | "AttainmentHistory" | "Default";

/** The period swing a scenario uses, before it is carried to each plan's period length. */
export interface SwingAssumption {
  /** Stated spread (at each plan's own period length), or the measured one at `periodsPerYear`. */
  readonly spread: Decimal;
  readonly periodsPerYear: number | null;
  readonly correlation: Decimal;
  /** Where the spread came from. */
  readonly source: AssumptionSource;
  /** Where the correlation came from (a scenario may state the spread and leave the correlation to history). */
  readonly correlationSource: AssumptionSource;
}

export interface RealisticScenario {
  readonly name: string;
  readonly scenario: Scenario | null;
  readonly spec: DistributionSpec;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly reps: readonly RealisticRep[];
  /** The org-wide distribution of year attainment, for showing beside payout curves. */
  readonly orgDistribution: AttainmentDistribution | null;
  readonly swing: SwingAssumption;
  readonly teamCorrelation: { readonly value: Decimal; readonly source: AssumptionSource };
}

/** The realistic scenario name used for the baseline plans under the org's attainment history. */
export const BASELINE_HISTORY = "Baseline (history)";

/** Correlation between team members' year attainment when neither the scenario nor three years of history give one. */
export const DEFAULT_TEAM_CORRELATION = new Decimal("0.25");

export interface RealisticSet {
  readonly name: string;
  readonly scenario: Scenario | null;
  readonly spec: DistributionSpec;
  readonly plans: ReadonlyMap<string, Plan>;
}

/**
 * Expected pay, P10/P50/P90 and the chance of reaching OTE for every rep in
 * every scenario that carries an attainment assumption (and for the baseline
 * plans under the org's AttainmentHistory, when there is one).
 *
 * Two levels of variation (docs/calculation.md, "Realistic earnings"): a
 * rep's level for the year, from the scenario's distribution (or history read
 * as rep-years), and each period's swing around it, priced on the plan's own
 * period terms. A leader paid on the team's attainment gets the team's
 * distribution, built from the members' with over-assignment. Each scenario
 * carries, per rep, the baseline plan under the same assumption, so that
 * comparisons are like for like. Steady state: a full year's tenure (ramps
 * and proration are year-one effects, shown in the actual-based results).
 */
export function runRealistic(input: ModelInput, issues: EngineIssue[], progress?: RepProgress): RealisticScenario[] {
  const sets: RealisticSet[] = [];
  if (input.attainmentHistory.length > 0) {
    sets.push({
      name: BASELINE_HISTORY,
      scenario: null,
      spec: { kind: "Historical", scope: "Org" },
      plans: input.plans,
    });
  }
  for (const s of input.scenarios) {
    if (s.assumption === null) continue;
    const plans = new Map(input.plans);
    input.scenarioPlans.get(s.name)?.forEach((p, name) => plans.set(name, p));
    sets.push({ name: s.name, scenario: s, spec: s.assumption, plans });
  }
  if (sets.length === 0) return [];
  const context = new RealisticContext(input);
  const total = sets.length * input.reps.length;
  const result = sets.map((set, k) =>
    context.run(set, issues, undefined, progress && ((done) => progress(k * input.reps.length + done, total))),
  );
  progress?.(total, total);
  return result;
}

/**
 * What every scenario shares: history read as rep-years, the org chart,
 * caches of outcomes and pay structures. Made once per workbook; the task
 * pane keeps one to price an edited plan for one rep as the run would.
 */
export class RealisticContext {
  readonly years: RepYear[];
  readonly history: HistoryIndex;
  readonly measuredSwing: HistorySwing | null;
  readonly measuredTeamCorrelation: Decimal | null;
  readonly org: OrgIndex;
  private readonly outcomes = new Map<string, SwingOutcome>();
  private readonly pays = new Map<string, YearPay>();
  private readonly distKeys = new WeakMap<AttainmentDistribution, string>();
  private nextDist = 0;

  constructor(readonly input: ModelInput) {
    this.years = repYears(input.attainmentHistory);
    this.history = new HistoryIndex(this.years, input.reps);
    this.measuredSwing = historySwing(this.years);
    this.measuredTeamCorrelation = teamCorrelationFromHistory(orgYears(this.years));
    this.org = indexOrg(input.reps);
  }

  /** One set of plans under one assumption; `only` limits the reps priced (their teams still count). */
  run(
    set: RealisticSet,
    issues: EngineIssue[],
    only?: ReadonlySet<string>,
    progress?: (done: number) => void,
  ): RealisticScenario {
    const swing = this.swingAssumption(set);
    const teamCorrelation = this.teamCorrelation(set.scenario);
    const orgFit = this.fitOnce(set.spec, set.spec.kind === "Historical" ? this.history.org() : NONE);
    const orgDistribution = orgFit instanceof Error ? null : orgFit;

    // Each rep's own year-level distribution (null: left out, reported once per message).
    const reported = new Set<string>();
    const report = (e: unknown) => {
      const message = e instanceof DistributionError ? e.message : String(e);
      if (reported.has(message)) return;
      reported.add(message);
      const historical = set.spec.kind === "Historical";
      // A stated assumption that cannot be fitted points at its Scenarios cell; history issues at the scenario's row.
      const field =
        e instanceof DistributionError ? (e.field === "AttainmentHistory" ? "Distribution" : e.field) : undefined;
      issues.push({
        severity: historical ? "Warning" : "Error",
        source: set.scenario?.source,
        column: field,
        message: `Scenario ${set.name}: ${message}${historical ? " Those reps are left out of its realistic earnings." : ""}`,
      });
    };
    // One fit per history sample (the org's, a team's, a rep's) and per stated assumption (fitOnce), shared
    // by everyone it belongs to and by every scenario that uses it, so their teams and outcomes are shared too.
    // A fit that failed is reported only for someone it leaves out (a leader may still have a team).
    const spec = set.spec;
    const stated = spec.kind === "Historical" ? null : this.fitOnce(spec, NONE);
    const fits = this.input.reps.map((rep) =>
      spec.kind === "Historical" ? this.fitOnce(spec, this.history.scope(spec.scope, rep)) : stated!,
    );
    const own = fits.map((f) => (f instanceof Error ? null : f));

    const reps: RealisticRep[] = [];
    const noQuota: string[] = [];
    this.input.reps.forEach((rep, i) => {
      progress?.(i);
      const plan = set.plans.get(rep.plan);
      if (!plan || (only !== undefined && !only.has(rep.id))) return;
      // Paid on bookings (a percent of credit, money bands) with no quota: an attainment says nothing about bookings.
      if (curveMeasures(plan).some((m) => needsQuota(m) && !rep.annualQuota.get(m.measure)?.gt(ZERO))) {
        noQuota.push(rep.id);
        return;
      }
      const team = this.teamOf(i, plan, set.plans, own, teamCorrelation.value);
      const fitted = fits[i];
      const dist = team?.dist ?? (fitted instanceof Error ? null : fitted);
      if (dist === null) {
        report(fitted);
        return;
      }
      const periods = PERIODS_PER_YEAR[plan.period];
      let spread = set.spec.kind === "Flat" ? ZERO : this.spreadFor(swing, periods);
      if (team) spread = spread.times(team.swingFactor);
      const periodSwing: PeriodSwing = { spread, correlation: swing.correlation };
      const outcome = this.outcome(plan, rep, dist, periodSwing);
      const basePlan = this.input.plans.get(rep.plan);
      const baseline =
        set.scenario === null
          ? null
          : basePlan === undefined || basePlan === plan
            ? outcome
            : this.outcome(basePlan, rep, dist, periodSwing);
      reps.push({
        rep,
        plan,
        outcome,
        probAtOrAboveQuota: this.atQuota(dist),
        probCapped: outcome.probCapped ?? ZERO,
        baseline,
        team: team?.basis ?? null,
        periods,
        swing: periodSwing,
        method: outcome.method,
      });
    });
    if (noQuota.length > 0) {
      const named = noQuota.slice(0, 5).join(", ") + (noQuota.length > 5 ? ` and ${noQuota.length - 5} more` : "");
      issues.push({
        severity: "Warning",
        source: set.scenario?.source,
        message:
          `Scenario ${set.name}: ${named} ${noQuota.length === 1 ? "is" : "are"} paid on bookings (a percent of credit or money bands) ` +
          `with no quota for that measure, so an attainment cannot be turned into bookings; left out of its realistic earnings` +
          (set.spec.kind === "Flat"
            ? " (paid line by line, a flat attainment gives them no bookings and pays nothing)"
            : "") +
          `. Give them a quota in Reps to include them.`,
      });
    }
    return {
      name: set.name,
      scenario: set.scenario,
      spec: set.spec,
      plans: set.plans,
      reps,
      orgDistribution,
      swing,
      teamCorrelation,
    };
  }

  private swingAssumption(set: RealisticSet): SwingAssumption {
    const s = set.scenario;
    const correlation = s?.periodCorrelation ?? this.measuredSwing?.correlation ?? DEFAULT_PERIOD_CORRELATION;
    const correlationSource: AssumptionSource =
      s?.periodCorrelation != null ? "Scenario" : this.measuredSwing ? "AttainmentHistory" : "Default";
    if (s?.periodSpread != null)
      return { spread: s.periodSpread, periodsPerYear: null, correlation, source: "Scenario", correlationSource };
    if (this.measuredSwing)
      return {
        spread: this.measuredSwing.spread,
        periodsPerYear: this.measuredSwing.periodsPerYear,
        correlation,
        source: "AttainmentHistory",
        correlationSource,
      };
    return { spread: DEFAULT_QUARTER_SPREAD, periodsPerYear: 4, correlation, source: "Default", correlationSource };
  }

  /** The spread at a plan's period length: as stated, or carried from the grain it was measured at. */
  private spreadFor(swing: SwingAssumption, periods: number): Decimal {
    if (periods <= 1) return ZERO;
    return swing.periodsPerYear === null ? swing.spread : spreadForPeriods(swing.spread, swing.periodsPerYear, periods);
  }

  private teamCorrelation(s: Scenario | null): RealisticScenario["teamCorrelation"] {
    if (s?.teamCorrelation != null) return { value: s.teamCorrelation, source: "Scenario" };
    if (this.measuredTeamCorrelation !== null)
      return { value: this.measuredTeamCorrelation, source: "AttainmentHistory" };
    return { value: DEFAULT_TEAM_CORRELATION, source: "Default" };
  }

  /**
   * A leader whose every measure is paid on the team: the members are the
   * reports in the plan's TeamScope (direct or whole subtree) whose own plan
   * credits the measure individually, each with a quota for it. Their quotas
   * are converted to the leader's currency at the Settings rates.
   */
  private teamOf(
    i: number,
    plan: Plan,
    plans: ReadonlyMap<string, Plan>,
    own: readonly (AttainmentDistribution | null)[],
    correlation: Decimal,
  ): { dist: AttainmentDistribution; basis: TeamBasis; swingFactor: Decimal } | null {
    if (plan.measures.length === 0 || !plan.measures.every((m) => m.basis === "Team")) return null;
    const leader = this.input.reps[i];
    const measure = plan.measures[0].measure;
    const leaderQuota = leader.annualQuota.get(measure);
    if (!leaderQuota || !leaderQuota.gt(ZERO)) return null;
    const settings = this.input.settings;
    const toLeader = (rep: Rep, amount: Decimal) => convert(amount, rep.currency, leader.currency, settings);
    const members: (TeamMember & { readonly index: number })[] = [];
    for (const k of paidOnMembers(this.org, i, plan.teamScope, measure, (r) => plans.get(r.plan))) {
      const rep = this.input.reps[k];
      const quota = rep.annualQuota.get(measure);
      const dist = own[k];
      if (!quota || !quota.gt(ZERO) || dist === null) continue;
      members.push({ index: k, quota: toLeader(rep, quota), dist });
    }
    if (members.length === 0) return null;
    // The same leader over the same members' distributions (two scenarios on one history) is one team.
    const one = members.every((m) => m.dist === members[0].dist);
    const key = [
      i,
      measure,
      correlation.toString(),
      one
        ? `all:${this.distKey(members[0].dist)}:${members.map((m) => m.index).join(",")}`
        : members.map((m) => `${m.index}:${this.distKey(m.dist)}`).join(","),
    ].join("|");
    const cached = this.teams.get(key);
    if (cached !== undefined) return cached;
    // What depends on the members' quotas alone is the same in every scenario with this correlation.
    const shapeKey = `${i}|${measure}|${correlation.toString()}|${members.map((m) => m.index).join(",")}`;
    let shape = this.teamShapes.get(shapeKey);
    if (shape === undefined) {
      const quotas = members.map((m) => m.quota);
      const total = quotas.reduce((sum, q) => sum.plus(q), ZERO);
      shape = { overAssignment: total.div(leaderQuota), swingFactor: teamSwingFactor(quotas, correlation) };
      this.teamShapes.set(shapeKey, shape);
    }
    const team = {
      dist: teamDistribution(members, leaderQuota, correlation),
      basis: { members: members.length, overAssignment: shape.overAssignment, correlation },
      swingFactor: shape.swingFactor,
    };
    this.teams.set(key, team);
    return team;
  }

  /** Distributions are shared objects (one per scenario, history sample or team), so identity is the key. */
  private distKey(dist: AttainmentDistribution): string {
    let dk = this.distKeys.get(dist);
    if (dk === undefined) {
      dk = `d${this.nextDist++}`;
      this.distKeys.set(dist, dk);
    }
    return dk;
  }

  private readonly quotaOdds = new WeakMap<AttainmentDistribution, Decimal>();
  private readonly fitsBySample = new WeakMap<readonly Decimal[], AttainmentDistribution | Error>();
  private readonly fitsBySpec = new Map<string, AttainmentDistribution | Error>();
  private readonly teams = new Map<string, { dist: AttainmentDistribution; basis: TeamBasis; swingFactor: Decimal }>();
  private readonly teamShapes = new Map<string, { overAssignment: Decimal; swingFactor: Decimal }>();

  /** A fitted distribution (or why it could not be fitted), once per history sample or stated assumption. */
  private fitOnce(spec: DistributionSpec, sample: readonly Decimal[]): AttainmentDistribution | Error {
    const key = spec.kind === "Historical" ? null : JSON.stringify(spec);
    let r = key === null ? this.fitsBySample.get(sample) : this.fitsBySpec.get(key);
    if (r === undefined) {
      try {
        r = fitDistribution(spec, sample);
      } catch (e) {
        r = e instanceof Error ? e : new Error(String(e));
      }
      if (key === null) this.fitsBySample.set(sample, r);
      else this.fitsBySpec.set(key, r);
    }
    return r;
  }

  /** P(year attainment ≥ 100%), once per distribution. */
  private atQuota(dist: AttainmentDistribution): Decimal {
    let p = this.quotaOdds.get(dist);
    if (p === undefined) {
      // A team's distribution is a moment match built in doubles: its share at quota is read in doubles as well.
      p = isModelledTeam(dist) ? new Decimal(levelAtLeast(floatLevelOf(dist), 1)) : probAttainmentAtLeast(dist, ONE);
      this.quotaOdds.set(dist, p);
    }
    return p;
  }

  /** The plan's year for this rep, once per distinct pay structure, with the key it is cached under. */
  private pay(plan: Plan, rep: Rep): { key: string; pay: YearPay } {
    let made: YearPay | null = null;
    const make = () => (made ??= planYearPay(plan, rep));
    const key = yearPayKey(plan, make);
    let pay = this.pays.get(key);
    if (!pay) {
      pay = make();
      this.pays.set(key, pay);
    }
    return { key, pay };
  }

  private outcome(plan: Plan, rep: Rep, dist: AttainmentDistribution, swing: PeriodSwing): SwingOutcome {
    const { key: payKey, pay } = this.pay(plan, rep);
    const key = `${payKey}|${this.distKey(dist)}|${swing.spread.toString()}|${swing.correlation.toString()}`;
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      outcome = swingOutcome(pay, dist, swing.spread.isZero() ? NO_SWING : swing, capStartOf(pay));
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }
}

const NONE: Decimal[] = [];

/** Where a period's payout stops rising (the last segment flat above 0), or null when it never does. */
function capStartOf(pay: YearPay): Decimal | null {
  const curve = pay.periodCurve;
  const last = curve[curve.length - 1];
  return last.slope.isZero() && last.from.gt(ZERO) ? last.from : null;
}

/** Rep-year levels by scope: the whole org, a rep's team (same manager), or the rep alone. */
class HistoryIndex {
  private readonly byRep = new Map<string, Decimal[]>();
  private readonly all: Decimal[];
  private readonly managerOf: Map<string, string | null>;
  private byTeam?: Map<string, Decimal[]>;

  constructor(years: readonly RepYear[], reps: readonly Rep[]) {
    this.all = years.map((y) => y.level);
    // RepIDs match as Excel matches them, ignoring case: a history row "e1101" is rep "E1101".
    for (const y of years) {
      if (y.repId === null) continue;
      const key = y.repId.toLowerCase();
      const list = this.byRep.get(key) ?? [];
      list.push(y.level);
      this.byRep.set(key, list);
    }
    this.managerOf = new Map(reps.map((r) => [r.id.toLowerCase(), r.managerId]));
  }

  org(): Decimal[] {
    return this.all;
  }

  scope(scope: "Org" | "Team" | "Rep", rep: Rep): Decimal[] {
    if (scope === "Org") return this.all;
    if (scope === "Rep" || rep.managerId === null) return this.byRep.get(rep.id.toLowerCase()) ?? NONE;
    this.byTeam ??= this.teams();
    return this.byTeam.get(rep.managerId.toLowerCase()) ?? NONE;
  }

  /** Team = reps sharing a manager: built once, so 10,000 reps stay linear. */
  private teams(): Map<string, Decimal[]> {
    const teams = new Map<string, Decimal[]>();
    this.byRep.forEach((values, id) => {
      const manager = this.managerOf.get(id);
      if (manager === null || manager === undefined) return;
      const key = manager.toLowerCase();
      const list = teams.get(key) ?? [];
      list.push(...values);
      teams.set(key, list);
    });
    return teams;
  }
}

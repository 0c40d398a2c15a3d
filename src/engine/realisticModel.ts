import { buildPayoutCurve, type CurveSegment } from "./curve";
import { Decimal, ONE, ZERO } from "./decimal";
import type { EngineIssue } from "./issues";
import {
  combineCurves,
  DistributionError,
  fitDistribution,
  probAtLeast,
  realisticKey,
  realisticOutcome,
  type AttainmentDistribution,
  type RealisticOutcome,
} from "./realistic";
import type { DistributionSpec, ModelInput, Plan, Rep, Scenario } from "./types";

/** Realistic earnings of one rep under one scenario's attainment assumption. */
export interface RealisticRep {
  readonly rep: Rep;
  readonly plan: Plan;
  /** Multiples of target variable, exact. */
  readonly outcome: RealisticOutcome;
  /** P(attainment ≥ 100%). */
  readonly probAtOrAboveQuota: Decimal;
  /** P(the plan pays at its cap), 0 for an uncapped plan. */
  readonly probCapped: Decimal;
}

export interface RealisticScenario {
  readonly name: string;
  readonly scenario: Scenario | null;
  readonly spec: DistributionSpec;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly reps: readonly RealisticRep[];
  /** The org-wide distribution, for showing beside payout curves. */
  readonly orgDistribution: AttainmentDistribution | null;
}

/** The realistic scenario name used for the baseline plans under the org's attainment history. */
export const BASELINE_HISTORY = "Baseline (history)";

const IDENTITY: readonly CurveSegment[] = [{ from: ZERO, to: null, intercept: ZERO, slope: ONE }];

/**
 * Expected pay, P10/P50/P90 and the chance of reaching OTE for every rep in
 * every scenario that carries an attainment assumption (and for the baseline
 * plans under the org's AttainmentHistory, when there is one). Exact: closed
 * forms and sums over the plan's payout curve, computed once per distinct
 * curve × distribution and scaled by each rep's target variable.
 *
 * Steady-state view: one attainment drives every measure and every period of
 * the year, on a full year's tenure (ramps and proration are year-one effects,
 * shown in the actual-based results).
 */
export function runRealistic(input: ModelInput, issues: EngineIssue[]): RealisticScenario[] {
  const sets: { name: string; scenario: Scenario | null; spec: DistributionSpec; plans: ReadonlyMap<string, Plan> }[] =
    [];
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
  const history = new HistoryIndex(input);
  const outcomes = new Map<string, RealisticOutcome>();
  const extra = new Map<string, { quota: Decimal; capped: Decimal }>();
  const result: RealisticScenario[] = [];

  for (const set of sets) {
    const reps: RealisticRep[] = [];
    const reported = new Set<string>();
    let orgDistribution: AttainmentDistribution | null = null;
    try {
      orgDistribution = fitDistribution(set.spec, history.org());
    } catch {
      orgDistribution = null;
    }
    for (const rep of input.reps) {
      const plan = set.plans.get(rep.plan);
      if (!plan) continue;
      let dist: AttainmentDistribution;
      try {
        dist =
          set.spec.kind === "Historical"
            ? fitDistribution(set.spec, history.scope(set.spec.scope, rep))
            : (orgDistribution ?? fitDistribution(set.spec, []));
      } catch (e) {
        const message = e instanceof DistributionError ? e.message : String(e);
        if (!reported.has(message)) {
          reported.add(message);
          issues.push({
            severity: set.spec.kind === "Historical" ? "Warning" : "Error",
            message: `Scenario ${set.name}: ${message}${set.spec.kind === "Historical" ? " Those reps are left out of its realistic earnings." : ""}`,
          });
        }
        continue;
      }
      const curve = planCurve(plan, rep);
      const key = realisticKey({ segments: curve }, dist);
      let outcome = outcomes.get(key);
      let more = extra.get(key);
      if (!outcome || !more) {
        outcome = realisticOutcome({ segments: curve }, dist);
        outcomes.set(key, outcome);
        const last = curve[curve.length - 1];
        const capStart = last.slope.isZero() && last.from.gt(ZERO) ? last.from : null;
        more = {
          quota: probAtLeast({ segments: IDENTITY }, dist, ONE),
          capped: capStart ? probAtLeast({ segments: IDENTITY }, dist, capStart) : ZERO,
        };
        extra.set(key, more);
      }
      reps.push({ rep, plan, outcome, probAtOrAboveQuota: more.quota, probCapped: more.capped });
    }
    result.push({ name: set.name, scenario: set.scenario, spec: set.spec, plans: set.plans, reps, orgDistribution });
  }
  return result;
}

/** The plan as one curve in attainment, as a multiple of the whole target variable (measures by weight). */
export function planCurve(plan: Plan, rep: Rep): CurveSegment[] {
  const parts = (plan.combine === "WeightedAttainment" ? plan.measures.slice(0, 1) : plan.measures).map((m) => {
    const quota = rep.annualQuota.get(m.measure) ?? ONE;
    const target = rep.targetVariable.times(m.weight);
    const bcr = quota.isZero() || target.isZero() ? ONE : target.div(quota);
    const weight = plan.combine === "WeightedAttainment" ? ONE : m.weight;
    return { weight, segments: buildPayoutCurve(m, bcr, quota).segments };
  });
  return combineCurves(parts);
}

/** AttainmentHistory by scope: the whole org, a rep's team (same manager), or the rep alone. */
class HistoryIndex {
  private readonly byRep = new Map<string, Decimal[]>();
  private readonly all: Decimal[];
  private readonly managerOf: Map<string, string | null>;

  constructor(input: ModelInput) {
    this.all = input.attainmentHistory.map((h) => h.attainment);
    for (const h of input.attainmentHistory) {
      if (h.repId === null) continue;
      const list = this.byRep.get(h.repId) ?? [];
      list.push(h.attainment);
      this.byRep.set(h.repId, list);
    }
    this.managerOf = new Map(input.reps.map((r) => [r.id, r.managerId]));
  }

  org(): Decimal[] {
    return this.all;
  }

  scope(scope: "Org" | "Team" | "Rep", rep: Rep): Decimal[] {
    if (scope === "Org") return this.all;
    if (scope === "Rep") return this.byRep.get(rep.id) ?? [];
    if (rep.managerId === null) return this.byRep.get(rep.id) ?? [];
    this.byTeam ??= this.teams();
    return this.byTeam.get(rep.managerId) ?? [];
  }

  private byTeam?: Map<string, Decimal[]>;

  /** Team = reps sharing a manager: built once, so 10,000 reps stay linear. */
  private teams(): Map<string, Decimal[]> {
    const teams = new Map<string, Decimal[]>();
    this.byRep.forEach((values, id) => {
      const manager = this.managerOf.get(id);
      if (manager === null || manager === undefined) return;
      const list = teams.get(manager) ?? [];
      list.push(...values);
      teams.set(manager, list);
    });
    return teams;
  }
}

import type { EngineIssue } from "./issues";
import { checkHierarchy, indexOrg } from "./mechanics/hierarchy";
import { groupBy } from "./groupBy";
import { payPerMeasure, payWeighted } from "./payLines";
import { checkPlan } from "./planChecks";
import type { RepContext } from "./repContext";
import { BASELINE, type ModelResult, type PayoutLine, type RepResult, type ScenarioResult } from "./results";
import { SharedInputs } from "./sharedInputs";
import { summarise } from "./statement";
import { TeamActuals } from "./teamCredit";
import type { ModelInput, Plan, RepProgress, Scenario } from "./types";

export { BASELINE } from "./results";
export type { ModelResult, PayoutLine, RepResult, ScenarioResult, StatementLine } from "./results";

/**
 * A rep on a Team-basis plan with nobody reporting to them is paid on a team
 * credit of 0: say so, rather than pay a silent zero.
 */
function teamsWithoutMembers(input: ModelInput): EngineIssue[] {
  const org = indexOrg(input.reps);
  const issues: EngineIssue[] = [];
  input.reps.forEach((rep, i) => {
    const team = input.plans.get(rep.plan)?.measures.find((m) => m.basis === "Team");
    if (!team || org.children[i].some((k) => k !== i)) return;
    issues.push({
      severity: "Warning",
      source: rep.row ? `Reps row ${rep.row}` : undefined,
      column: "Plan",
      message: `Rep ${rep.id} is paid on the team's ${team.measure} (plan ${rep.plan}, Basis Team) but nobody in Reps has ${rep.id} as Manager: the team's credit is 0.`,
    });
  });
  return issues;
}

type PlanSet = { name: string; scenario: Scenario | null; plans: ReadonlyMap<string, Plan> };

/** The baseline plans, then each scenario paid line by line (on actuals or a flat attainment) with its own plans. */
function planSetsOf(input: ModelInput): PlanSet[] {
  const planSets: PlanSet[] = [{ name: BASELINE, scenario: null, plans: input.plans }];
  for (const s of input.scenarios) {
    if (s.assumption !== null && s.assumption.kind !== "Flat") continue; // distributions: realistic earnings
    const overrides = input.scenarioPlans.get(s.name);
    const plans = new Map(input.plans);
    overrides?.forEach((plan, name) => plans.set(name, plan));
    planSets.push({ name: s.name, scenario: s, plans });
  }
  return planSets;
}

/**
 * Every plan's design checks. A scenario's own plans are checked too; what its
 * plans repeat of the baseline's is said once, and what is new names the scenario.
 */
function checkPlans(planSets: readonly PlanSet[], issues: EngineIssue[]): void {
  const checked = new Set<Plan>();
  const said = new Set<string>();
  for (const set of planSets) {
    for (const plan of set.plans.values()) {
      if (checked.has(plan)) continue;
      checked.add(plan);
      for (const issue of checkPlan(plan)) {
        const key = `${issue.severity}\u241f${issue.source ?? ""}\u241f${issue.column ?? ""}\u241f${issue.message}`;
        if (said.has(key)) continue;
        said.add(key);
        issues.push(set.scenario ? { ...issue, message: `Scenario ${set.name}: ${issue.message}` } : issue);
      }
    }
  }
}

/**
 * What the model finds in its input before it pays anyone: `plans` — each
 * plan's design (bands, weights, caps); `amounts` — Quotas, Actuals and Scores
 * rows that straddle a payout period or give a period twice. The workbook asks
 * for these when other problems stop the run, so a user fixing the tables
 * hears of them all at once; a model run reports them itself.
 */
export function inputChecks(input: ModelInput, which: { plans: boolean; amounts: boolean }): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const planSets = planSetsOf(input);
  if (which.plans) checkPlans(planSets, issues);
  if (which.amounts) {
    const shared = new SharedInputs(input, planSets, issues);
    for (const set of planSets) for (const plan of set.plans.values()) shared.bucketsFor(plan);
  }
  return issues;
}

/** Runs every scenario that pays on actual or flat attainment; `progress` hears each rep as it is paid. */
export function runModel(input: ModelInput, progress?: RepProgress): ModelResult {
  const issues: EngineIssue[] = [...checkHierarchy(input.reps), ...teamsWithoutMembers(input)];
  const scenarios: ScenarioResult[] = [];
  const planSets = planSetsOf(input);
  checkPlans(planSets, issues);

  const shared = new SharedInputs(input, planSets, issues);
  const flatSets = planSets.filter((set) => set.scenario?.assumption?.kind === "Flat").length;
  const total = input.reps.length * (planSets.length + flatSets);
  let done = 0;
  const adjustmentsOf = groupBy(input.adjustments, (a) => a.repId);
  const run = (set: (typeof planSets)[number], sink: EngineIssue[]): ScenarioResult => {
    const reps: RepResult[] = [];
    const lines: PayoutLine[] = [];
    const flat = set.scenario?.assumption?.kind === "Flat" ? set.scenario.assumption.attainment : null;
    const team = new TeamActuals(input.reps, shared, input.settings, set.plans);
    for (const rep of input.reps) {
      progress?.(done++, total);
      const plan = set.plans.get(rep.plan);
      if (!plan) continue;
      const periods = shared.periodsFor(plan);
      const { quotas, actuals, scores } = shared.bucketsFor(plan);
      const ctx: RepContext = { input, rep, plan, periods, quotas, actuals, scores, flat, team, shared, issues: sink };
      const repLines = plan.combine === "WeightedAttainment" ? payWeighted(ctx) : payPerMeasure(ctx);
      for (const l of repLines.lines) lines.push(l);
      reps.push(summarise(ctx, repLines, adjustmentsOf.get(rep.id) ?? [], team.overAssignment(rep, plan, set.plans)));
    }
    const teamMembers = (line: PayoutLine) => {
      const plan = set.plans.get(line.rep.plan);
      return plan && line.team ? team.members(plan, line.measure, line.rep, line.period.index) : [];
    };
    return { name: set.name, scenario: set.scenario, plans: set.plans, reps, lines, teamMembers };
  };
  for (const set of planSets) scenarios.push(run(set, issues));
  // Like for like: a flat scenario is compared with the baseline plans at the same flat attainment, not on actuals.
  const baselineAt = new Map<string, ScenarioResult>();
  for (const set of planSets) {
    if (set.scenario?.assumption?.kind !== "Flat") continue;
    // Its issues are the baseline's and the scenario's, already reported.
    baselineAt.set(set.name, run({ name: BASELINE, scenario: set.scenario, plans: input.plans }, []));
  }
  progress?.(done, total);
  return { scenarios, issues, baselineAt };
}

import {
  BASELINE,
  needsQuota,
  yearMeasureCurve,
  type DistributionSpec,
  type EngineIssue,
  type ModelInput,
  type MeasurePlan,
  type ModelResult,
  type OffersEvaluation,
  type Plan,
  type RealisticRep,
} from "../engine";
import { medianRep, UNIT_ID, UNIT_PLAN } from "../workbook/planStandIn";
import { typicalContext } from "../workbook/render/payoutCurve";
import type { RawTable } from "../workbook/types";
import { WorkbookModel, type ParsedWorkbook } from "../workbook/workbookModel";
import { choices, sameName } from "./args";
import { FunctionFailure, notAvailable } from "./failure";

export type PayoutCurve = ReturnType<typeof yearMeasureCurve>;

/**
 * What the worksheet functions compute on: a read of the input tables as the
 * Run parses it, and — built only when a function first needs it — the model
 * run (COMP.PAY), the realistic-earnings context (COMP.EXPECTED, PERCENTILE,
 * PROBOTE) and the offers (COMP.OFFER), all taken from the read's
 * WorkbookModel, which the pane's model thread shares with the Run, the
 * Inputs check and the plan editor; and the functions' own answers on them
 * (curves, realistic figures). One per read, dropped when a watched table
 * changes (docs/architecture.md, "Live worksheet functions in one runtime").
 */
export class FunctionModel {
  readonly input: ModelInput | null;
  /** Why there is no input: the first error the Inputs tab would show. */
  readonly problem: string | null;
  private readonly parsed: ParsedWorkbook;
  private readonly realisticAnswers = new Map<string, RealisticRep>();
  /** Per plan (baseline or a scenario's) and measure: its curve, or why it has none. */
  private readonly curves = new WeakMap<Plan, Map<MeasurePlan, PayoutCurve | FunctionFailure>>();
  private readonly scenarioPlans = new Map<string, ReadonlyMap<string, Plan>>();

  /** On a read's tables (a WorkbookModel of its own) or on a WorkbookModel shared with the pane. */
  readonly workbook: WorkbookModel;

  constructor(source: readonly RawTable[] | WorkbookModel, today: Date = new Date()) {
    this.workbook = source instanceof WorkbookModel ? source : new WorkbookModel(source);
    this.parsed = this.workbook.at(today);
    const parsed = this.parsed.parsed;
    this.input = parsed.input;
    const first = parsed.issues.find((i) => i.severity === "Error");
    this.problem = parsed.input
      ? null
      : `The workbook's input tables have errors, so nothing can be computed${first ? `: ${first.address ? `${first.address} ` : ""}${first.message}` : ""}. Open Comp Plan › Inputs to see them all.`;
  }

  /** The parsed input, or #N/A with why there is none. */
  get model(): ModelInput {
    return this.input ?? this.unavailable();
  }

  private unavailable(): never {
    throw notAvailable(this.problem ?? "The workbook has no input tables.");
  }

  /** The scenario's name as the workbook writes it (Baseline when omitted); #N/A when unknown. */
  scenarioName(scenario: string | null): string {
    if (scenario === null || sameName(scenario, BASELINE)) return BASELINE;
    const found = this.model.scenarios.find((s) => sameName(s.name, scenario));
    if (!found)
      throw notAvailable(
        `Scenario "${scenario}" is not in Scenarios (scenarios: ${choices([BASELINE, ...this.model.scenarios.map((s) => s.name)])}).`,
      );
    return found.name;
  }

  /** The plans under a scenario: the baseline plans with the scenario's Plans/Tiers rows in their place. */
  plansUnder(scenario: string): ReadonlyMap<string, Plan> {
    const swapped = this.model.scenarioPlans.get(scenario);
    if (!swapped) return this.model.plans;
    let plans = this.scenarioPlans.get(scenario);
    if (!plans) {
      const all = new Map(this.model.plans);
      for (const [name, plan] of swapped) all.set(name, plan);
      this.scenarioPlans.set(scenario, (plans = all));
    }
    return plans;
  }

  /** A plan by name (case ignored), under a scenario; #N/A naming the plans there are. */
  plan(name: string, scenario: string | null = null): Plan {
    const plans = this.plansUnder(this.scenarioName(scenario));
    for (const [key, plan] of plans) if (sameName(key, name)) return plan;
    throw notAvailable(`Plan "${name}" is not in Plans (plans: ${choices(plans.keys())}).`);
  }

  /**
   * A plan measure's payout curve, as Results_PayoutCurve draws it: a Percent
   * or Amount measure's depends on quota and target, the plan's typical rep's.
   * Made once per plan and measure (finding the typical rep sorts every rep on
   * the plan: at 10,000 reps, milliseconds a call).
   */
  payoutCurve(plan: Plan, measure: MeasurePlan): PayoutCurve {
    let byMeasure = this.curves.get(plan);
    if (!byMeasure) this.curves.set(plan, (byMeasure = new Map()));
    let made = byMeasure.get(measure);
    if (made === undefined) {
      const { target, quota, quotaKnown } = typicalContext(this.model.reps, plan, measure);
      made = target.isZero()
        ? notAvailable(`Plan ${plan.name} · ${measure.measure} has no target incentive to pay on.`)
        : needsQuota(measure) && !quotaKnown
          ? notAvailable(
              `Plan ${plan.name} · ${measure.measure} pays on bookings, and no rep on it has a ${measure.measure} quota to turn an attainment into bookings.`,
            )
          : yearMeasureCurve(plan, measure, target, quota);
      byMeasure.set(measure, made);
    }
    if (made instanceof FunctionFailure) throw made;
    return made;
  }

  /** The model run, as the Run computes it (every scenario), once per workbook read. */
  run(): ModelResult {
    return this.input ? this.parsed.run() : this.unavailable();
  }

  offers(): OffersEvaluation {
    return this.input ? this.parsed.offers() : this.unavailable();
  }

  /**
   * One plan priced by the realistic-earnings model under an assumption, as
   * Results_Realistic prices it: for the plan's median rep by target variable
   * (a leader on their team's attainment), or, with nobody on the plan, for a
   * stand-in rep with 1 of target variable. Cached per plan × assumption.
   */
  realistic(plan: Plan, spec: DistributionSpec, label: string): RealisticRep {
    const key = `${plan.name}\u0000${label}`;
    const cached = this.realisticAnswers.get(key);
    if (cached) return cached;
    const input = this.model;
    const context = this.parsed.standInContext();
    const rep = medianRep(input.reps, plan.name);
    const plans = new Map(input.plans);
    plans.set(rep ? plan.name : UNIT_PLAN, plan);
    const issues: EngineIssue[] = [];
    const name = `COMP ${plan.name}`;
    const run = context.run(
      { name, scenario: { name, assumption: spec, description: "" }, spec, plans },
      issues,
      new Set([rep ? rep.id : UNIT_ID]),
    );
    const priced = run.reps[0];
    if (!priced) {
      const message = issues.find((i) => i.severity === "Error")?.message ?? issues[0]?.message ?? "no figures";
      throw notAvailable(`No realistic figures for plan ${plan.name}: ${message.replace(`Scenario ${name}: `, "")}`);
    }
    this.realisticAnswers.set(key, priced);
    return priced;
  }
}

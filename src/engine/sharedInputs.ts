import { bucketAmounts, type PeriodBuckets } from "./amounts";
import type { EngineIssue } from "./issues";
import { compileMeasureRule, type MeasureRule } from "./line/measureRule";
import { daysBetween } from "./calendar";
import { Decimal } from "./decimal";
import { ratio, type Ratio } from "./exact/ratio";
import { monthFactor, overlapDays } from "./mechanics/proration";
import { planPeriods, planYearMonths, planYearSpan, type Period } from "./periods";
import type { MeasurePlan, ModelInput, Plan } from "./types";

/** A plan period kind's quotas, actuals and MBO scores, bucketed into its periods. */
export interface PlanBuckets {
  readonly quotas: PeriodBuckets;
  readonly actuals: PeriodBuckets;
  readonly scores: PeriodBuckets;
}

/** Work shared by every scenario: periods, bucketed quotas and actuals, compiled rules. */
export class SharedInputs {
  private readonly periodsByKind = new Map<string, Period[]>();
  private readonly bucketsByKind = new Map<string, PlanBuckets>();
  private readonly rules = new Map<MeasurePlan, MeasureRule>();
  readonly missingQuota = new Set<string>();
  private year?: { start: string; end: string; days: Decimal };

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
  bucketsFor(plan: Plan): PlanBuckets {
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
        scores: bucketAmounts(this.input.scores ?? [], periodsOf, "Scores", this.issues, ownKind, true),
      };
      this.bucketsByKind.set(plan.period, b);
    }
    return b;
  }

  /** The plan year's first and last day, and its length in days. */
  get planYear(): { start: string; end: string; days: Decimal } {
    if (!this.year) {
      const { start, end } = planYearSpan(this.input.settings);
      this.year = { start, end, days: new Decimal(daysBetween(start, end)) };
    }
    return this.year;
  }

  /**
   * The share of the plan year a partial-tenure rep was employed: days employed ÷ days in the year, or with
   * proration by whole months (Settings `Proration`), months counted ÷ 12.
   */
  yearShare(start: string | null, end: string | null): Ratio {
    const rule = this.input.settings.proration;
    if (rule !== undefined) return monthFactor(planYearMonths(this.input.settings), start, end, rule);
    const year = this.planYear;
    return ratio(new Decimal(overlapDays(year.start, year.end, start, end)), year.days);
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

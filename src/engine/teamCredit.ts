import { ZERO, type Decimal } from "./decimal";
import { ratio, type Ratio } from "./exact/ratio";
import { convert, fxRate } from "./mechanics/fx";
import { indexOrg, type OrgIndex } from "./mechanics/hierarchy";
import { leaderOverAssignment, paidOnMembers, quotaShare, reportsOf, teamActuals } from "./mechanics/rollup";
import type { SharedInputs } from "./sharedInputs";
import type { Plan, Rep, Settings } from "./types";

/** One report's credit in a leader's team actual: own currency, the rate to the leader's (null: same currency). */
export interface TeamMemberCredit {
  readonly rep: Rep;
  readonly credit: Decimal;
  readonly rate: Decimal | null;
  readonly inLeaderCurrency: Decimal;
}

/**
 * Team-basis actuals: a manager's credited amount per period is the sum of
 * their team's individual actuals (whole subtree or direct reports), computed
 * once per period kind × measure × scope.
 */
export class TeamActuals {
  private readonly cache = new Map<string, Map<string, Decimal>[]>();
  private readonly flats = new Map<string, Ratio | null>();
  private byId?: Map<string, Rep>;
  private org?: OrgIndex;

  /** `plans`: the scenario's, which say who is paid on a measure individually (the members a leader is paid on). */
  constructor(
    private readonly reps: readonly Rep[],
    private readonly shared: SharedInputs,
    private readonly settings: Settings,
    private readonly plans: ReadonlyMap<string, Plan> = new Map(),
  ) {}

  /**
   * A leader's team attainment on a measure when everyone reaches `flat` (a
   * flat scenario): the team's credit is flat × its members' quotas, so the
   * leader's attainment is flat × their quotas ÷ the leader's own (the
   * over-assignment of the people they are paid on), as the realistic view
   * prices a team. As a ratio, so the line keeps its one division (0.9 ×
   * 1,000,000 ÷ 900,000 is 100% exactly, not 99.99…%). Flat itself when that
   * share cannot be told (no members with a quota, or no quota of the leader's own).
   */
  flatAttainment(plan: Plan, measure: string, manager: Rep, flat: Decimal): Ratio {
    const key = `${manager.id}\u241f${measure}`;
    let share = this.flats.get(key);
    if (share === undefined) {
      share = this.paidOnShare(plan, measure, manager);
      this.flats.set(key, share);
    }
    return share === null || share.num.isZero() ? ratio(flat) : ratio(flat.times(share.num), share.den);
  }

  /** The quotas of the people a leader is paid on over the leader's own, in the leader's currency (quotaShare). */
  private paidOnShare(plan: Plan, measure: string, manager: Rep): Ratio | null {
    this.org ??= indexOrg(this.reps);
    const org = this.org;
    const i = org.indexOf.get(manager.id);
    if (i === undefined) return null;
    const members = paidOnMembers(org, i, plan.teamScope, measure, (r) => this.plans.get(r.plan));
    return quotaShare(i, members, this.quotaIn(manager, measure));
  }

  /** Rep k's annual quota on `measure` in the leader's currency, null without one. */
  private quotaIn(leader: Rep, measure: string): (k: number) => Decimal | null {
    return (k) => {
      const r = this.reps[k];
      const q = r.annualQuota.get(measure) ?? null;
      return q === null ? null : convert(q, r.currency, leader.currency, this.settings);
    };
  }

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

  /**
   * Whose credit makes a leader's team actual in one period (for the trace):
   * each report in the plan's team scope with credit that period, in their
   * own currency, and converted to the leader's at the Settings rates.
   */
  members(plan: Plan, measure: string, manager: Rep, index: number): TeamMemberCredit[] {
    this.org ??= indexOrg(this.reps);
    const org = this.org;
    const i = org.indexOf.get(manager.id);
    if (i === undefined) return [];
    const { actuals } = this.shared.bucketsFor(plan);
    const leaderRate = fxRate(manager.currency, this.settings);
    const out: TeamMemberCredit[] = [];
    for (const k of reportsOf(org, i, plan.teamScope === "Direct")) {
      const rep = this.reps[k];
      const credit = actuals.get(rep.id, measure)?.[index] ?? ZERO;
      if (credit.isZero()) continue;
      const rate = rep.currency === manager.currency ? null : fxRate(rep.currency, this.settings).div(leaderRate);
      out.push({ rep, credit, rate, inLeaderCurrency: convert(credit, rep.currency, manager.currency, this.settings) });
    }
    return out;
  }

  /**
   * For leaders on a Team-basis plan, on the first team measure: over-assignment
   * against the direct reports and against the people the leader is paid on
   * (leaderOverAssignment), every quota converted to the leader's currency.
   */
  overAssignment(
    rep: Rep,
    plan: Plan,
    plans: ReadonlyMap<string, Plan>,
  ): { readonly directs: Decimal | null; readonly paidOn: Decimal | null } | null {
    const m = plan.measures.find((x) => x.basis === "Team");
    if (!m) return null;
    this.org ??= indexOrg(this.reps);
    const org = this.org;
    const i = org.indexOf.get(rep.id);
    if (i === undefined) return null;
    const members = paidOnMembers(org, i, plan.teamScope, m.measure, (r) => plans.get(r.plan));
    return leaderOverAssignment(org, i, members, this.quotaIn(rep, m.measure));
  }
}

import { ZERO, type Decimal } from "./decimal";
import { convert, fxRate } from "./mechanics/fx";
import { indexOrg, type OrgIndex } from "./mechanics/hierarchy";
import { leaderOverAssignment, paidOnMembers, reportsOf, teamActuals } from "./mechanics/rollup";
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
  private readonly flats = new Map<string, Decimal[] | null>();
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
   * A leader's team credit in period `index` of a flat scenario: what the
   * people they are paid on credit on their own lines (`creditsOf` gives a
   * member's credit per period of the member's plan, null where not
   * employed), converted to the leader's currency as `actual` converts credit,
   * and placed on the leader's periods (a member's months add up into the
   * leader's quarter; a member's quarter is spread over the leader's months by
   * period share). So a report who left, or is ramping, counts as their own
   * lines do that period. Null when the leader is paid on nobody with a quota:
   * the leader is then at the flat attainment on their own quota.
   */
  flatActual(
    plan: Plan,
    measure: string,
    manager: Rep,
    index: number,
    creditsOf: (member: Rep, memberPlan: Plan) => readonly (Decimal | null)[],
  ): Decimal | null {
    const key = `${manager.id}\u241f${measure}`;
    let perPeriod = this.flats.get(key);
    if (perPeriod === undefined) {
      perPeriod = this.flatCredits(plan, measure, manager, creditsOf);
      this.flats.set(key, perPeriod);
    }
    return perPeriod === null ? null : perPeriod[index];
  }

  private flatCredits(
    plan: Plan,
    measure: string,
    manager: Rep,
    creditsOf: (member: Rep, memberPlan: Plan) => readonly (Decimal | null)[],
  ): Decimal[] | null {
    this.org ??= indexOrg(this.reps);
    const org = this.org;
    const i = org.indexOf.get(manager.id);
    if (i === undefined) return null;
    const periods = this.shared.periodsFor(plan);
    const reporting = this.settings.reportingCurrency;
    const totals = periods.map(() => ZERO);
    let any = false;
    for (const k of paidOnMembers(org, i, plan.teamScope, measure, (r) => this.plans.get(r.plan))) {
      const member = this.reps[k];
      const memberPlan = this.plans.get(member.plan);
      if (k === i || !memberPlan) continue;
      const rate = member.currency === reporting ? null : fxRate(member.currency, this.settings);
      const memberPeriods = this.shared.periodsFor(memberPlan);
      creditsOf(member, memberPlan).forEach((credit, j) => {
        if (credit === null || credit.isZero()) return;
        any = true;
        const inReporting = rate === null ? credit : credit.times(rate);
        const mp = memberPeriods[j];
        periods.forEach((lp, n) => {
          if (lp.start >= mp.start && lp.end <= mp.end && (lp.start !== mp.start || lp.end !== mp.end))
            totals[n] = totals[n].plus(
              inReporting.times(lp.share.num).times(mp.share.den).div(lp.share.den.times(mp.share.num)),
            );
          else if (mp.start >= lp.start && mp.end <= lp.end) totals[n] = totals[n].plus(inReporting);
        });
      });
    }
    if (!any) return null;
    return manager.currency === reporting ? totals : totals.map((t) => t.div(fxRate(manager.currency, this.settings)));
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

import { ZERO, type Decimal } from "./decimal";
import { groupBy } from "./groupBy";
import { fxRate } from "./mechanics/fx";
import { overAssignment, teamActuals } from "./mechanics/rollup";
import type { SharedInputs } from "./sharedInputs";
import type { Plan, Rep, Settings } from "./types";

/**
 * Team-basis actuals: a manager's credited amount per period is the sum of
 * their team's individual actuals (whole subtree or direct reports), computed
 * once per period kind × measure × scope.
 */
export class TeamActuals {
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

import type { PeriodBuckets } from "./amounts";
import { ONE, type Decimal } from "./decimal";
import type { EngineIssue } from "./issues";
import { prorationFactor } from "./mechanics/proration";
import type { Period } from "./periods";
import { ratio, type Ratio } from "./exact/ratio";
import type { SharedInputs } from "./sharedInputs";
import type { TeamActuals } from "./teamCredit";
import type { ModelInput, Plan, Rep } from "./types";

/** Everything paying one rep in one scenario needs. */
export interface RepContext {
  readonly input: ModelInput;
  readonly rep: Rep;
  readonly plan: Plan;
  readonly periods: readonly Period[];
  readonly quotas: PeriodBuckets;
  readonly actuals: PeriodBuckets;
  readonly scores: PeriodBuckets;
  readonly flat: Decimal | null;
  readonly team: TeamActuals;
  readonly shared: SharedInputs;
  readonly issues: EngineIssue[];
}

/** A factor of exactly 1, shared so that "no proration" costs nothing. */
export const FULL: Ratio = ratio(ONE);

export function isOne(r: Ratio): boolean {
  return r === FULL || r.num.eq(r.den);
}

export function prorations(ctx: RepContext): Ratio[] {
  const { rep } = ctx;
  if (rep.startDate === null && rep.endDate === null) return ctx.periods.map(() => FULL);
  return ctx.periods.map((p) => {
    const f = prorationFactor(p, rep.startDate, rep.endDate);
    return isOne(f) ? FULL : f;
  });
}

import { ONE, ZERO, type Rep } from "../engine";

/**
 * Who a plan is priced for when one rep stands for it (the plan editor's
 * realistic figures, the COMP.* realistic functions): the plan's median rep,
 * or, on a plan nobody is on, a stand-in with 1 of target variable and no
 * base, so money reads as multiples. The stand-in sits under its own id and
 * plan key, with no manager and no reports: no real rep meets it.
 */
export const UNIT_ID = "\u0000unit";
export const UNIT_PLAN = "\u0000unit";

export function unitRep(currency: string): Rep {
  return {
    id: UNIT_ID,
    name: "",
    role: "",
    managerId: null,
    plan: UNIT_PLAN,
    currency,
    base: ZERO,
    targetVariable: ONE,
    annualQuota: new Map(),
    startDate: null,
    endDate: null,
    ramp: null,
  };
}

/**
 * The plan's median rep by target variable (the upper middle one, as the
 * payout-curve sheet picks it; ties by RepID), or null when nobody is on it.
 */
export function medianRep(reps: readonly Rep[], planName: string): Rep | null {
  const on = reps
    .filter((r) => r.plan === planName)
    .sort((a, b) => a.targetVariable.comparedTo(b.targetVariable) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return on.length ? on[Math.floor(on.length / 2)] : null;
}

import { Decimal, ZERO } from "../decimal";
import type { Rep, TeamScope } from "../types";
import { indexOrg } from "./hierarchy";

export { checkHierarchy } from "./hierarchy";
export { overridePayout } from "./override";

/**
 * Team actuals for Team-basis plans, keyed by manager RepID (only reps with at
 * least one direct report appear).
 *
 * A manager's team actual is the credited actuals of the people below them —
 * every rep in their subtree (`Subtree`) or their direct reports only
 * (`Direct`) — and excludes the manager's own individual credit: a
 * player-coach's own bookings pay on their individual measure, and counting
 * them again in the team number would pay twice for one deal.
 *
 * Linear time: `actualOf` is called once per rep that has a manager, and
 * subtree sums are accumulated bottom-up. Managers in or below a Manager loop
 * get no Subtree entry (`checkHierarchy` reports the loop as an Error).
 */
export function teamActuals(
  reps: readonly Rep[],
  scope: TeamScope,
  actualOf: (repId: string) => Decimal,
): Map<string, Decimal> {
  const org = indexOrg(reps);
  const own = new Map<number, Decimal>();
  const actual = (i: number) => {
    let a = own.get(i);
    if (a === undefined) {
      a = actualOf(reps[i].id);
      own.set(i, a);
    }
    return a;
  };
  const team: (Decimal | undefined)[] = new Array(reps.length);
  if (scope === "Direct") {
    reps.forEach((_, i) => {
      const p = org.parent[i];
      if (p !== -1 && p !== i) team[p] = (team[p] ?? ZERO).plus(actual(i));
    });
  } else {
    // Reports before managers: each rep hands its own actual plus its team's to its manager.
    for (let k = org.topDown.length - 1; k >= 0; k--) {
      const i = org.topDown[k];
      const p = org.parent[i];
      if (p !== -1) team[p] = (team[p] ?? ZERO).plus(actual(i)).plus(team[i] ?? ZERO);
    }
  }
  const result = new Map<string, Decimal>();
  team.forEach((t, i) => {
    if (t !== undefined && !result.has(reps[i].id)) result.set(reps[i].id, t);
  });
  return result;
}

/**
 * Over-assignment per manager: Σ direct reports' quotas ÷ the manager's quota
 * (1.15 = reps carry 115% of the manager's number). Managers without a quota
 * (null or 0) are left out; a report without a quota counts as 0.
 */
export function overAssignment(reps: readonly Rep[], quotaOf: (repId: string) => Decimal | null): Map<string, Decimal> {
  const org = indexOrg(reps);
  const result = new Map<string, Decimal>();
  org.children.forEach((kids, i) => {
    if (kids.length === 0) return;
    const own = quotaOf(reps[i].id);
    if (own === null || own.isZero()) return;
    let total = ZERO;
    for (const c of kids) if (c !== i) total = total.plus(quotaOf(reps[c].id) ?? ZERO);
    result.set(reps[i].id, total.div(own));
  });
  return result;
}

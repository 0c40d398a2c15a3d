import { Decimal, ZERO } from "../decimal";
import { ratio, type Ratio } from "../exact/ratio";
import type { Plan, Rep, TeamScope } from "../types";
import { indexOrg, type OrgIndex } from "./hierarchy";

export { checkHierarchy } from "./hierarchy";

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

/** The people below rep i: direct reports, or the whole subtree (breadth first, no recursion). */
export function reportsOf(org: OrgIndex, i: number, direct: boolean): number[] {
  const out: number[] = [];
  const queue = [...org.children[i]];
  for (let head = 0; head < queue.length; head++) {
    const k = queue[head];
    if (k === i) continue;
    out.push(k);
    if (!direct) queue.push(...org.children[k]);
  }
  return out;
}

/**
 * The people a Team-basis leader is paid on for a measure: the members of
 * the team scope (direct reports, or everyone below) whose own plan credits
 * the measure individually — a manager below a director carries the same
 * deals as their reps, so counting their quota too would count it twice.
 */
export function paidOnMembers(
  org: OrgIndex,
  i: number,
  scope: TeamScope,
  measure: string,
  planOf: (rep: Rep) => Plan | undefined,
): number[] {
  return reportsOf(org, i, scope === "Direct").filter((k) =>
    planOf(org.reps[k])?.measures.some((m) => m.measure === measure && m.basis === "Individual"),
  );
}

/**
 * A leader's over-assignment on one measure, the two ways a comp team reads it:
 *  - `directs`: Σ direct reports' quotas ÷ the leader's quota (1.15 = the
 *    reports carry 115% of the leader's number);
 *  - `paidOn`: Σ quotas of the people the leader is paid on (paidOnMembers)
 *    ÷ the leader's quota — for a Subtree director, the reps below the managers.
 * `quotaOf` gives a quota already in the leader's currency (a report without
 * one counts 0). Null when the leader has no quota, or nobody to add up.
 */
export function leaderOverAssignment(
  org: OrgIndex,
  i: number,
  paidOn: readonly number[],
  quotaOf: (k: number) => Decimal | null,
): { readonly directs: Decimal | null; readonly paidOn: Decimal | null } {
  const share = (members: readonly number[]) => {
    const q = quotaShare(i, members, quotaOf);
    return q === null ? null : q.num.div(q.den);
  };
  return { directs: share(org.children[i]), paidOn: share(paidOn) };
}

/**
 * Σ members' quotas (the leader left out) over the leader's own, as a ratio
 * not yet divided; null when the leader has no quota or nobody to add up.
 */
export function quotaShare(
  i: number,
  members: readonly number[],
  quotaOf: (k: number) => Decimal | null,
): Ratio | null {
  const own = quotaOf(i);
  if (own === null || !own.gt(ZERO) || members.length === 0) return null;
  let total = ZERO;
  for (const k of members) if (k !== i) total = total.plus(quotaOf(k) ?? ZERO);
  return ratio(total, own);
}

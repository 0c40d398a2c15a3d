import type { EngineIssue } from "../issues";
import type { Rep } from "../types";

/**
 * The Manager hierarchy as arrays, built once in linear time so roll-ups over
 * 10,000 reps (or a 10,000-deep chain) never recurse.
 */
export interface OrgIndex {
  readonly reps: readonly Rep[];
  /** RepID → position in `reps` (the first row, if an ID repeats). */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Position of each rep's manager; -1 for no manager or a manager not in Reps. */
  readonly parent: Int32Array;
  /** Direct reports of each rep, in Reps order. */
  readonly children: readonly (readonly number[])[];
  /**
   * Reps reachable from the top of the org (reps without a known manager),
   * managers before their reports. Reps in or below a Manager loop are
   * missing: they have no top.
   */
  readonly topDown: readonly number[];
}

export function managerOf(rep: Rep): string | null {
  return rep.managerId === null || rep.managerId === "" ? null : rep.managerId;
}

export function indexOrg(reps: readonly Rep[]): OrgIndex {
  const indexOf = new Map<string, number>();
  reps.forEach((r, i) => {
    if (!indexOf.has(r.id)) indexOf.set(r.id, i);
  });
  const parent = new Int32Array(reps.length).fill(-1);
  const children: number[][] = reps.map(() => []);
  reps.forEach((r, i) => {
    const m = managerOf(r);
    const p = m === null ? undefined : indexOf.get(m);
    if (p === undefined) return;
    parent[i] = p;
    children[p].push(i);
  });
  // Breadth-first from the tops: an array queue, no recursion.
  const topDown: number[] = [];
  for (let i = 0; i < reps.length; i++) if (parent[i] === -1) topDown.push(i);
  for (let head = 0; head < topDown.length; head++) {
    for (const c of children[topDown[head]]) topDown.push(c);
  }
  return { reps, indexOf, parent, children, topDown };
}

/**
 * Errors in the Manager column: a rep who is their own manager, a manager who
 * is not a RepID in Reps, and every Manager loop (A → B → A), reported once
 * with each rep of the loop and its row. Linear time: each rep is walked once.
 */
export function checkHierarchy(reps: readonly Rep[]): EngineIssue[] {
  const org = indexOrg(reps);
  const issues: EngineIssue[] = [];
  for (const r of reps) {
    const m = managerOf(r);
    if (m === null) continue;
    if (m === r.id) {
      issues.push(
        managerIssue(
          r,
          `Rep ${r.id} is their own manager. Leave Manager blank for the top of the org, or give their manager's RepID.`,
        ),
      );
    } else if (!org.indexOf.has(m)) {
      issues.push(
        managerIssue(
          r,
          `Manager "${m}" of rep ${r.id} is not a RepID in Reps. Add that manager as a rep, or correct the Manager.`,
        ),
      );
    }
  }

  // Each rep has at most one manager, so following Manager links from any rep
  // either reaches the top or enters exactly one loop. Walk every rep once.
  const UNSEEN = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(reps.length);
  const pathPos = new Int32Array(reps.length);
  for (let i = 0; i < reps.length; i++) {
    if (state[i] !== UNSEEN) continue;
    const path: number[] = [];
    let j = i;
    while (j !== -1 && state[j] === UNSEEN) {
      state[j] = ON_PATH;
      pathPos[j] = path.length;
      path.push(j);
      j = org.parent[j];
    }
    if (j !== -1 && state[j] === ON_PATH) {
      const loop = path.slice(pathPos[j]);
      if (loop.length > 1) issues.push(loopIssue(reps, loop)); // a loop of one is a self-manager, reported above
    }
    for (const k of path) state[k] = DONE;
  }
  return issues;
}

function managerIssue(rep: Rep, message: string): EngineIssue {
  return { severity: "Error", message, source: rowOf(rep), column: "Manager" };
}

/** One Error per loop, on the loop's first row in Reps, naming every rep of the loop in Manager order. */
function loopIssue(reps: readonly Rep[], loop: readonly number[]): EngineIssue {
  let first = 0;
  for (let k = 1; k < loop.length; k++) if (loop[k] < loop[first]) first = k;
  const ordered = [...loop.slice(first), ...loop.slice(0, first)];
  const named = ordered.map((i) => (reps[i].row ? `${reps[i].id} (row ${reps[i].row})` : reps[i].id));
  const start = reps[ordered[0]];
  return managerIssue(
    start,
    `The Manager chain loops through ${loop.length} reps: ${named.join(" → ")} → back to ${start.id}. ` +
      `Each arrow points to the rep's Manager; change one Manager so the chain ends at someone with no manager.`,
  );
}

function rowOf(rep: Rep): string | undefined {
  return rep.row ? `Reps row ${rep.row}` : undefined;
}

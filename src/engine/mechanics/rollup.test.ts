import { describe, expect, it } from "@jest/globals";
import { Decimal, ZERO } from "../decimal";
import type { Plan, Rep } from "../types";
import { indexOrg } from "./hierarchy";
import { checkHierarchy, leaderOverAssignment, paidOnMembers, teamActuals } from "./rollup";

const d = (s: string) => new Decimal(s);

function rep(id: string, managerId: string | null, row?: number): Rep {
  return {
    id,
    name: id,
    role: "",
    managerId,
    plan: "P",
    currency: "USD",
    base: ZERO,
    targetVariable: ZERO,
    annualQuota: new Map(),
    startDate: null,
    endDate: null,
    ramp: null,
    row,
  };
}

const asObject = (m: Map<string, Decimal>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toString()]));

// VP ─┬─ M1 ─┬─ A
//     │      └─ B
//     ├─ M2 ── C
//     └─ D
const org = [
  rep("VP", null),
  rep("M1", "VP"),
  rep("A", "M1"),
  rep("B", "M1"),
  rep("M2", "VP"),
  rep("C", "M2"),
  rep("D", "VP"),
];
const actuals: Record<string, string> = { VP: "1", M1: "10", A: "100", B: "200", M2: "20", C: "300", D: "400" };
const actualOf = (id: string) => d(actuals[id]);

describe("teamActuals", () => {
  it("Subtree: everyone below the manager, excluding the manager's own credit", () => {
    // M1: A 100 + B 200 = 300; M2: C 300; VP: M1 10 + 300 + M2 20 + 300 + D 400 = 1,030
    expect(asObject(teamActuals(org, "Subtree", actualOf))).toEqual({ M1: "300", M2: "300", VP: "1030" });
  });

  it("Direct: direct reports only", () => {
    // VP: M1 10 + M2 20 + D 400 = 430
    expect(asObject(teamActuals(org, "Direct", actualOf))).toEqual({ M1: "300", M2: "300", VP: "430" });
  });

  it("asks for each rep's actual once", () => {
    const calls: string[] = [];
    teamActuals(org, "Subtree", (id) => (calls.push(id), actualOf(id)));
    expect(calls.sort()).toEqual(["A", "B", "C", "D", "M1", "M2"]); // the VP has no manager: never needed
  });

  it("handles a 20,000-deep chain without recursion", () => {
    // R0 ← R1 ← … ← R19999, each with actual 1: R_k's subtree is the 19,999 − k reps below it
    const n = 20_000;
    const chain = Array.from({ length: n }, (_, k) => rep(`R${k}`, k === 0 ? null : `R${k - 1}`));
    const one = d("1");
    const t0 = Date.now();
    const team = teamActuals(chain, "Subtree", () => one);
    expect(checkHierarchy(chain)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(3000); // linear: well under a second on this machine
    expect(team.get("R0")!.toString()).toBe("19999");
    expect(team.get("R19998")!.toString()).toBe("1");
    expect(team.has("R19999")).toBe(false);
  });
});

describe("leaderOverAssignment", () => {
  const quotas: Record<string, string | null> = {
    VP: "2000000",
    M1: "1000000",
    A: "600000",
    B: "550000",
    M2: "0",
    C: "100",
    D: null,
  };
  const index = indexOrg(org);
  const quotaOf = (k: number) => {
    const q = quotas[org[k].id];
    return q === null ? null : d(q);
  };
  const plan = (basis: "Individual" | "Team") => ({ measures: [{ measure: "ARR", basis }] }) as unknown as Plan;
  // A, B, C and D sell (Individual); M1 and M2 are paid on their teams.
  const planOf = (r: Rep) => plan(r.id.startsWith("M") || r.id === "VP" ? "Team" : "Individual");
  const at = (id: string, scope: "Direct" | "Subtree") => {
    const i = index.indexOf.get(id)!;
    const r = leaderOverAssignment(index, i, paidOnMembers(index, i, scope, "ARR", planOf), quotaOf);
    return { directs: r.directs?.toString() ?? null, paidOn: r.paidOn?.toString() ?? null };
  };

  it("divides the direct reports' quotas by the manager's", () => {
    // M1: (600,000 + 550,000) / 1,000,000 = 1.15, and A and B are whom M1 is paid on.
    expect(at("M1", "Direct")).toEqual({ directs: "1.15", paidOn: "1.15" });
    // M2 has no quota of their own.
    expect(at("M2", "Direct")).toEqual({ directs: null, paidOn: null });
  });

  it("reports a Subtree leader against the sellers below as well as the direct reports", () => {
    // Directs: (1,000,000 + 0 + 0) / 2,000,000 = 0.5. Paid on A, B, C, D: (600,000 + 550,000 + 100 + 0) / 2,000,000.
    expect(at("VP", "Subtree")).toEqual({ directs: "0.5", paidOn: "0.57505" });
    // Direct scope: only D sells among the VP's direct reports.
    expect(at("VP", "Direct")).toEqual({ directs: "0.5", paidOn: "0" });
  });
});

describe("checkHierarchy", () => {
  it("accepts a clean org", () => {
    expect(checkHierarchy(org)).toEqual([]);
  });

  it("reports a self-manager and an unknown manager on their rows", () => {
    const issues = checkHierarchy([rep("A", "A", 2), rep("B", "ZZ", 3), rep("C", null, 4), rep("E", "", 5)]);
    expect(issues.map((i) => [i.severity, i.source, i.column])).toEqual([
      ["Error", "Reps row 2", "Manager"],
      ["Error", "Reps row 3", "Manager"],
    ]);
    expect(issues[0].message).toMatch(/A is their own manager/);
    expect(issues[1].message).toMatch(/Manager "ZZ" of rep B is not a RepID/);
  });

  it("reports each loop once, naming every rep and row in Manager order", () => {
    // X(2) → Y(3) → Z(4) → X is a loop; W(5) hangs below it (not in it); P(6) ⇄ Q(7) is another loop.
    const reps = [
      rep("X", "Z", 2),
      rep("Y", "X", 3),
      rep("Z", "Y", 4),
      rep("W", "Y", 5),
      rep("P", "Q", 6),
      rep("Q", "P", 7),
    ];
    const issues = checkHierarchy(reps);
    expect(issues.map((i) => i.source)).toEqual(["Reps row 2", "Reps row 6"]);
    expect(issues.every((i) => i.severity === "Error" && i.column === "Manager")).toBe(true);
    expect(issues[0].message).toContain("loops through 3 reps: X (row 2) → Z (row 4) → Y (row 3) → back to X");
    expect(issues[1].message).toContain("loops through 2 reps: P (row 6) → Q (row 7) → back to P");
  });

  it("finds a 10,000-rep loop without recursion and leaves looped managers out of Subtree totals", () => {
    const n = 10_000;
    const loop = Array.from({ length: n }, (_, k) => rep(`L${k}`, `L${(k + 1) % n}`, k + 2));
    const issues = checkHierarchy(loop);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain(`loops through ${n} reps: L0 (row 2) → L1 (row 3)`);
    expect(issues[0].message).toContain(`L9999 (row 10001) → back to L0`);
    expect(teamActuals(loop, "Subtree", () => d("1")).size).toBe(0);
    expect(
      teamActuals(loop, "Direct", () => d("1"))
        .get("L1")!
        .toString(),
    ).toBe("1"); // L0 reports to L1
  });
});

import { fmt, printTable } from "./measure";

/**
 * The issues' measurable goals, each recorded by the section that measures
 * it and printed together at the end of `npm run bench`: the figure, the
 * goal, the reference it is judged against and whether it is met. The bench
 * never fails; this is the summary a reader checks.
 */
export interface Goal {
  /** Which issue states it, and what it is. */
  readonly name: string;
  readonly figure: number;
  readonly unit: string;
  /** The figure must be at most (`below`) or at least (`above`) this. */
  readonly target: number;
  readonly direction: "below" | "above";
  /** Where the goal and its reference come from. */
  readonly reference: string;
  readonly digits?: number;
}

const goals: Goal[] = [];

export function recordGoal(goal: Goal): void {
  goals.push(goal);
}

export function printGoals(): void {
  if (goals.length === 0) return;
  const show = (x: number, g: Goal) => `${fmt(x, g.digits ?? 0)}${g.unit}`;
  printTable(
    "Goals (figures from this run; the goals are the issues')",
    ["goal", "measured", "goal", "verdict", "reference"],
    goals.map((g) => {
      const met = g.direction === "below" ? g.figure <= g.target : g.figure >= g.target;
      return [
        g.name,
        show(g.figure, g),
        `${g.direction === "below" ? "≤" : "≥"} ${show(g.target, g)}`,
        met ? "met" : "NOT met",
        g.reference,
      ];
    }),
    [0, 3, 4],
  );
}

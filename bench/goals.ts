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
  /** null: not measured in this run (`reference` says how to measure it, `missing` why it is not). */
  readonly figure: number | null;
  /** Why there is no figure: "run with --scale", "the CLI failed (exit 134)"; counted as not met. */
  readonly missing?: string;
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
      const figure = g.figure;
      const met = figure !== null && (g.direction === "below" ? figure <= g.target : figure >= g.target);
      return [
        g.name,
        figure === null ? "—" : show(figure, g),
        `${g.direction === "below" ? "≤" : "≥"} ${show(g.target, g)}`,
        figure === null ? (g.missing ?? "not measured") : met ? "met" : "NOT met",
        g.reference,
      ];
    }),
    [0, 3, 4],
  );
}

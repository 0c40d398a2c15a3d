import { setEntryLocale } from "../model/numberEntry";
import { progressOf } from "./RunProgress";

describe("the progress line while a run computes", () => {
  const step = (done: number, label: string, reps?: { done: number; total: number; reps: number }) => ({
    kind: "computing" as const,
    rows: 490011,
    step: { label, done, total: 5, reps },
  });

  it("names the stage, and counts the reps priced where a stage prices reps", () => {
    expect(progressOf(step(0, "reading the tables"))).toEqual({
      label: "Computing from 490,011 input rows: reading the tables, stage 1 of 5…",
      value: 0,
    });
    // One scenario: reps. Bar: stage 2 of 5, a quarter through it = (1 + 0.25) ÷ 5.
    expect(progressOf(step(1, "paying every line", { done: 2500, total: 10000, reps: 10000 }))).toEqual({
      label: "Computing from 490,011 input rows: paying every line, 2,500 of 10,000 reps, stage 2 of 5…",
      value: 0.25,
    });
    // Several scenarios: each rep once per scenario, said so.
    expect(progressOf(step(2, "realistic earnings", { done: 15000, total: 40000, reps: 10000 }))).toEqual({
      label:
        "Computing from 490,011 input rows: realistic earnings, 15,000 of 40,000 rep-scenarios (10,000 reps × 4), stage 3 of 5…",
      value: (2 + 0.375) / 5,
    });
  });

  it("counts in the pane's locale: 490.011 rows and 2.500 of 10.000 reps in de-DE", () => {
    setEntryLocale("de-DE");
    try {
      expect(progressOf(step(1, "paying every line", { done: 2500, total: 10000, reps: 10000 }))?.label).toBe(
        "Computing from 490.011 input rows: paying every line, 2.500 of 10.000 reps, stage 2 of 5…",
      );
      expect(progressOf({ kind: "writing", rowsWritten: 1200, rowsTotal: 240000 })?.label).toBe(
        "Writing results… 1.200 of 240.000 rows",
      );
    } finally {
      setEntryLocale("en-US");
    }
  });
});

import { realisticBacktest } from "../../engine";
import { parseModelInput } from "../../workbook/parse";
import { describeBacktest } from "../../workbook/render/backtest";
import { runWorkbook } from "../../workbook/run";
import type { SheetSpec, SpecCell } from "../../workbook/types";
import {
  BACKTEST_SHEET,
  backtestSummary,
  comparisonNote,
  scenarioComparison,
  SCENARIO_SHEETS,
  SCENARIOS_SHEET,
} from "./scenarioComparison";
import { table } from "../../../test/workbook/tables";

/** Two AE reps, base and target variable 100,000 each, quota 1M each. */
const TWO_REPS = table(
  "Reps",
  ["RepID", "Plan", "Base", "TargetVariable", "Quota"],
  [
    ["R1", "AE", 100000, 100000, 1000000],
    ["R2", "AE", 100000, 100000, 1000000],
  ],
);

const HEADERS = [
  "Scenario",
  "Basis",
  "Reps",
  "Variable cost USD",
  "Total comp cost USD",
  "Bookings USD",
  "Variable cost of sales",
  "Total cost of sales",
  "Average % of OTE",
  "Reps at or above quota",
  "Reps capped",
  "Compared with",
  "Baseline variable cost USD",
  "Delta variable cost USD",
];

const spec = (name: string, headers: readonly string[], rows: SpecCell[][], subtitle = ""): SheetSpec => ({
  name,
  title: "",
  subtitle,
  columns: headers.map((header) => ({ header, format: "text" })),
  rows,
});

describe("scenario comparison, like for like", () => {
  it("reads ComparedWith and the baseline under the same attainment from Results_Scenarios", () => {
    // The expected scenario costs 2,389,431.77 against the baseline plans' 2,356,055.71 under the same history:
    // +33,376.06, where the first row (actuals, 3,404,203.52) would have said −1,014,771.75.
    const sheet = spec(SCENARIOS_SHEET, HEADERS, [
      ["Baseline", "Actuals", 29, 3404203.52, 6448736.13, 36316088, 0.09, 0.18, 1.08, 19, 6, null, null, null],
      [
        "Richer accelerators",
        "Expected: Historical (org)",
        29,
        2389431.77,
        5494791.77,
        28947591.2,
        0.08,
        0.19,
        0.92,
        7.07,
        0.07,
        "Baseline under Historical (org)",
        2356055.71,
        33376.06,
      ],
    ]);
    const c = scenarioComparison([sheet])!;
    expect(c.currency).toBe("USD");
    expect(c.rows.map((r) => [r.scenario, r.comparedWith, r.baselineVariableCost, r.deltaVariableCost])).toEqual([
      ["Baseline", null, null, null],
      ["Richer accelerators", "Baseline under Historical (org)", 2356055.71, 33376.06],
    ]);
    expect(c.rows.map((r) => comparisonNote(r, c.currency))).toEqual([
      null,
      "+$33,376 vs Baseline under Historical (org)",
    ]);
  });

  it("shows no delta from a sheet without the like-for-like columns", () => {
    const old = spec(SCENARIOS_SHEET, HEADERS.slice(0, 11), [
      ["S", "Expected: Flat 90%", 3, 10, 20, 100, 0.1, 0.2, 0.95, 1.25, null],
    ]);
    const row = scenarioComparison([old])!.rows[0];
    expect([row.comparedWith, row.baselineVariableCost, row.deltaVariableCost]).toEqual([null, null, null]);
    expect(comparisonNote(row, "USD")).toBeNull();
  });

  // Two reps on a linear plan (1.0× of target per 100%), quota 1M each; R1 books 150%, R2 80%.
  const tables = [
    TWO_REPS,
    table(
      "Plans",
      ["Plan", "Measure", "Period", "CapPayout", "Scenario"],
      [
        ["AE", "Bookings", "Year", null, null],
        ["AE", "Bookings", "Year", 1.2, "Capped"],
      ],
    ),
    table(
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate", "Scenario"],
      [
        ["AE", "Bookings", 0, null, 1, null],
        ["AE", "Bookings", 0, null, 2, "Rich"],
      ],
    ),
    table(
      "Scenarios",
      ["Scenario", "Description", "Attainment", "Distribution", "Mean", "StdDev"],
      [
        ["Rich", "Double rate", 1.5, null, null, null],
        ["Capped", "Cap at 1.2×", null, "Normal", 0.9, 0.25],
      ],
    ),
    table(
      "Actuals",
      ["RepID", "Period", "Amount"],
      [
        ["R1", "2026", 1500000],
        ["R2", "2026", 800000],
      ],
    ),
  ];

  it("compares a run's scenarios with the baseline under the same attainment, not with actuals", () => {
    const run = runWorkbook(tables, { sourceName: "t", computedAt: new Date("2026-12-31") });
    expect(run.ok).toBe(true);
    const c = scenarioComparison(run.sheets)!;
    const byName = new Map(c.rows.map((r) => [r.scenario, r]));
    expect(c.rows.map((r) => [r.scenario, r.comparedWith])).toEqual([
      ["Baseline", null],
      ["Rich", "Baseline at Flat 150%"],
      ["Capped", "Baseline under Normal, mean 90%, sd 25%"],
    ]);
    // Rich pays 2 × 150% × 100,000 = 300,000 a rep at a flat 150%; the baseline plans pay 150,000 there:
    // 600,000 against 300,000, +300,000 (on actuals the baseline paid 150,000 + 80,000 = 230,000).
    const rich = byName.get("Rich")!;
    expect([rich.totalVariableCost, rich.baselineVariableCost, rich.deltaVariableCost]).toEqual([
      600000, 300000, 300000,
    ]);
    expect(comparisonNote(rich, c.currency)).toBe("+$300,000 vs Baseline at Flat 150%");
    // A payout cap can only take pay away under the same distribution: the delta is the sheet's, and negative.
    const capped = byName.get("Capped")!;
    expect(capped.deltaVariableCost).toBeCloseTo(capped.totalVariableCost! - capped.baselineVariableCost!, 2);
    expect(capped.deltaVariableCost!).toBeLessThan(0);
    expect(comparisonNote(capped, c.currency)).toMatch(/^−\$[\d,]+ vs Baseline under Normal, mean 90%, sd 25%$/);
  });
});

describe("totals defined once", () => {
  it("gives the headline, Results_Scenarios and the pane the same variable pay, share and adjustments", () => {
    // R1 books 1.5M on 1M: 150,000. R2 joins on 2 July (183 of 365 days): quota and target prorated alike, so
    // 400,000 booked pays 400,000 × 100,000 ÷ 1,000,000 = 40,000. Variable pay 190,000; a SPIF of 1,000 beside it.
    // Target variable prorated: 100,000 + 100,000 × 183/365 = 150,136.99; 190,000 ÷ 150,136.99 = 126.55%.
    const run = runWorkbook(
      [
        table(
          "Reps",
          ["RepID", "Plan", "Base", "TargetVariable", "Quota", "StartDate"],
          [
            ["R1", "AE", 100000, 100000, 1000000, null],
            ["R2", "AE", 100000, 100000, 1000000, "2026-07-02"],
          ],
        ),
        table("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Year"]]),
        table("Tiers", ["Plan", "Measure", "From", "To", "Rate"], [["AE", "Bookings", 0, null, 1]]),
        table(
          "Actuals",
          ["RepID", "Period", "Amount"],
          [
            ["R1", "2026", 1500000],
            ["R2", "2026", 400000],
          ],
        ),
        table("Adjustments", ["RepID", "Period", "Type", "Amount"], [["R1", "2026-12", "SPIF", 1000]]),
        table("Scenarios", ["Scenario", "Attainment"], [["Flat", 1]]),
      ],
      { sourceName: "t", computedAt: new Date("2026-12-31") },
    );
    expect(run.ok).toBe(true);
    expect(run.headline[0]).toBe(
      "Baseline: 2 reps, variable pay USD 190,000.00 (126.6% of prorated target variable) and adjustments USD 1,000.00; 1 at or above quota; 0 capped.",
    );
    const baseline = scenarioComparison(run.sheets)!.rows[0];
    expect([
      baseline.variablePay,
      baseline.adjustments,
      baseline.totalVariableCost,
      baseline.pctOfTargetVariable,
    ]).toEqual([190000, 1000, 191000, 190000 / 150136.99]); // the share divides the sheet's rounded columns
    // AvgPctOfOTE is the mean of the reps' PctOfOTE, each against OTE × proration:
    // R1 (100,000 + 150,000 + 1,000) ÷ 200,000; R2 (50,136.99 + 40,000) ÷ (200,000 × 183/365).
    const r2 = (Math.round((100000 * 183 * 100) / 365) / 100 + 40000) / ((200000 * 183) / 365);
    expect(baseline.avgPctOfOte).toBeCloseTo((251000 / 200000 + r2) / 2, 12);
  });
});

describe("backtest summary", () => {
  it("is Results_Backtest's subtitle after the run's own line", () => {
    const sheet = spec(
      BACKTEST_SHEET,
      ["RepID"],
      [],
      "Computed from a.xlsx on 2026-12-31 00:00 UTC · plan year 2026 · Backtest: fitted on 2024, scored on 2025 (3 rep-years): …",
    );
    expect(backtestSummary([sheet])).toBe("Backtest: fitted on 2024, scored on 2025 (3 rep-years): …");
    expect(backtestSummary([])).toBeNull();
    expect(SCENARIO_SHEETS).toContain(BACKTEST_SHEET);
  });

  it("says what describeBacktest says for the run's history", () => {
    const years = (id: string, levels: number[]) => levels.map((a, k) => [id, String(2023 + k), a]);
    const tables = [
      TWO_REPS,
      table("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Year"]]),
      table(
        "AttainmentHistory",
        ["RepID", "Period", "Attainment"],
        [...years("R1", [0.8, 1.1, 0.9]), ...years("R2", [1.2, 0.7, 1.05])],
      ),
    ];
    const today = new Date("2026-12-31");
    const run = runWorkbook(tables, { sourceName: "t", computedAt: today });
    const backtest = realisticBacktest(parseModelInput(tables, { today }).input!)!;
    expect(backtestSummary(run.sheets)).toBe(describeBacktest(backtest));
    expect(run.headline).toContain(backtestSummary(run.sheets));
  });
});

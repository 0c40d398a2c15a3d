import { runWorkbook } from "../../src/workbook/run";
import type { RawCell, RawTable } from "../../src/workbook/types";

/**
 * Results_Scenarios' Bookings on actuals: every credited amount of an
 * individual measure, once. Found in the modern-saas example: its MBO scores
 * (18 of them, 0.6 to 1.2) were added to bookings as dollars (6,940,014.70
 * against the 6,940,000 of its Actuals), and a weighted-attainment plan's
 * credit — held in its lines' components — was left out.
 */
function sheet(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, source: "sheet", headerRow: 1, firstColumn: 1, headers, rows };
}

const result = runWorkbook(
  [
    sheet(
      "Settings",
      ["Setting", "Value"],
      [
        ["ReportingCurrency", "USD"],
        ["PlanYear", 2026],
      ],
    ),
    sheet(
      "Reps",
      ["RepID", "Name", "Manager", "Plan", "Base", "TargetVariable", "Quota", "Quota Renewals"],
      [
        ["M1", "Manager", null, "MGR", 150000, 50000, 400000, null],
        ["A1", "AE with an MBO", "M1", "AE", 100000, 50000, 400000, null],
        ["W1", "Weighted AE", "M1", "WT", 100000, 50000, 200000, 100000],
      ],
    ),
    sheet(
      "Plans",
      ["Plan", "Measure", "Weight", "Period", "Basis", "Combine"],
      [
        ["MGR", "Bookings", 1, "Quarter", "Team", null],
        ["AE", "Bookings", 0.8, "Quarter", "Individual", null],
        ["AE", "Goals", 0.2, "Quarter", "Score", null],
        ["WT", "Bookings", 0.6, "Quarter", "Individual", "WeightedAttainment"],
        ["WT", "Renewals", 0.4, "Quarter", "Individual", "WeightedAttainment"],
      ],
    ),
    sheet(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      [
        ["A1", "2026-Q1", "Bookings", 100000],
        ["W1", "2026-Q1", "Bookings", 50000],
        ["W1", "2026-Q2", "Renewals", 20000],
      ],
    ),
    sheet(
      "Scores",
      ["RepID", "Period", "Measure", "Score"],
      [
        ["A1", "2026-Q1", "Goals", 0.9],
        ["A1", "2026-Q2", "Goals", 1.1],
      ],
    ),
    sheet("Scenarios", ["Scenario", "Attainment"], [["Flat 100", 1]]),
  ],
  { sourceName: "bookings.xlsx", computedAt: new Date("2026-12-05T00:00:00Z") },
);

it("counts each individual credit once: not the leader's team credit, not an MBO score, and a weighted plan's measures", () => {
  expect(result.issues.filter((i) => i.severity === "Error")).toEqual([]);
  const scenarios = result.sheets.find((s) => s.name === "Results_Scenarios")!;
  const col = (h: string) => scenarios.columns.findIndex((c) => c.header === h);
  const baseline = (scenarios.rows as unknown[][]).find((r) => r[col("Scenario")] === "Baseline")!;
  // A1's 100,000 and W1's 50,000 + 20,000; M1's team line re-counts both, A1's scores 0.9 and 1.1 are not money.
  expect(baseline[col("Bookings USD")]).toBe(170000);
  // Variable cost of sales divides by them.
  expect(baseline[col("Variable cost of sales")]).toBeCloseTo(
    (baseline[col("Variable cost USD")] as number) / 170000,
    12,
  );
});

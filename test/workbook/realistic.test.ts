import { runWorkbook } from "../../src/workbook/run";
import type { RawCell, RawTable, SheetSpec } from "../../src/workbook/types";

function sheet(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, source: "sheet", headerRow: 1, firstColumn: 1, headers, rows };
}
function table(sheets: readonly SheetSpec[], name: string) {
  const s = sheets.find((x) => x.name === name)!;
  const col = (h: string) => s.columns.findIndex((c) => c.header === h);
  return { rows: s.rows, get: (row: number, header: string) => s.rows[row][col(header)] };
}

// The market check: a 60/40 director plan, OTE $240k (base $144k, target variable $96k),
// linear to 100% and 1.5× above, in an org whose attainment averages 70%.
const tables = [
  sheet(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "OTE", "Quota"],
    [["D1", "Dana", "Director", 144000, 240000, 4000000]],
  ),
  sheet("Plans", ["Plan", "Period"], [["Director", "Year"]]),
  sheet(
    "Tiers",
    ["Plan", "From", "To", "Rate"],
    [
      ["Director", 0, 1, 1],
      ["Director", 1, null, 1.5],
    ],
  ),
  sheet(
    "Scenarios",
    ["Scenario", "Attainment", "Distribution", "Mean", "StdDev", "ShareAtQuota"],
    [
      ["Flat 70%", 0.7, null, null, null, null],
      ["Org 70% ± 20%", null, "Normal", 0.7, 0.2, null],
    ],
  ),
  sheet("Settings", ["Setting", "Value"], [["PlanYear", 2026]]),
];

describe("realistic earnings for the director offer (OTE $240k, org at 70%)", () => {
  const result = runWorkbook(tables, { sourceName: "director.xlsx", computedAt: new Date("2026-11-22T00:00:00Z") });
  const r = table(result.sheets, "Results_Realistic");
  const row = (scenario: string) => r.rows.findIndex((x) => x[0] === scenario);

  it("runs", () => {
    expect(result.issues.filter((i) => i.severity === "Error")).toEqual([]);
  });

  it("flat 70%: expected variable 67,200, 28,800 (12%) below OTE, no chance of OTE", () => {
    const i = row("Flat 70%");
    expect(r.get(i, "Expected variable")).toBe(67200); // 0.7 × 96,000
    expect(r.get(i, "Expected total")).toBe(211200); // 144,000 + 67,200
    expect(r.get(i, "Gap to OTE")).toBe(28800);
    expect(r.get(i, "% of OTE")).toBeCloseTo(0.88, 12); // gap 12% of OTE
    expect(r.get(i, "P(reach OTE)")).toBe(0);
  });

  it("normal(70%, 20%): the closed form by hand", () => {
    // E[curve(A)] with A censored at 0: E[max(A,0)] + 0.5 × E[(A − 1)+]
    //  E[max(A,0)] = μΦ(μ/σ) + σφ(μ/σ) = 0.7 × Φ(3.5) + 0.2 × φ(3.5)
    //             = 0.7 × 0.999767370920964 + 0.2 × 0.000872682695045 = 0.700011696...
    //  E[(A−1)+]  = (μ−1)Φ((μ−1)/σ) + σφ((μ−1)/σ) = −0.3 × 0.0668072012688581 + 0.2 × 0.129517595665892
    //             = 0.005861358... → × 0.5 = 0.002930679...
    //  multiple = 0.702942375...; × 96,000 = 67,482.468 → 67,482.47
    const i = row("Org 70% ± 20%");
    expect(r.get(i, "Expected variable")).toBe(67482.47);
    expect(r.get(i, "Gap to OTE")).toBe(240000 - 144000 - 67482.47);
    // P(reach OTE) = P(A ≥ 1) = 1 − Φ(1.5)
    expect(r.get(i, "P(reach OTE)")).toBeCloseTo(0.0668072012688581, 14);
    // P50 = base + 96,000 × 0.7; P90 = base + 96,000 × (0.7 + 0.2 × 1.2815515655446004)
    expect(r.get(i, "P50")).toBe(144000 + 67200);
    expect(r.get(i, "P90")).toBeCloseTo(144000 + 96000 * (0.7 + 0.2 * 1.2815515655446004), 2);
  });

  it("compares scenario costs", () => {
    const s = table(result.sheets, "Results_Scenarios");
    const names = s.rows.map((x) => x[0]);
    expect(names).toEqual(["Baseline", "Flat 70%", "Org 70% ± 20%"]);
    // Flat 70% computed on lines: 4,000,000 × 70% = 2,800,000 bookings; variable 67,200 → cost of sales 2.4%
    expect(s.get(1, "Variable cost of sales")).toBeCloseTo(67200 / 2800000, 12);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/read";
import { runWorkbook } from "../../src/workbook/run";
import { detPdf } from "../../src/engine/realistic/swing/detMath";
import type { RawCell, RawTable, SheetSpec } from "../../src/workbook/types";

/**
 * The realistic-earnings model end to end through the workbook contract:
 * history read as rep-years with quarters swinging inside them, leaders on
 * their team's attainment, scenarios compared like for like, reproducible.
 */

function sheet(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, source: "sheet", headerRow: 1, firstColumn: 1, headers, rows };
}
function table(sheets: readonly SheetSpec[], name: string) {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  const col = (h: string) => s.columns.findIndex((c) => c.header === h);
  return {
    rows: s.rows,
    where: (pred: (get: (h: string) => unknown) => boolean) => s.rows.filter((r) => pred((h) => r[col(h)])),
    cell: (r: readonly unknown[], h: string) => r[col(h)],
  };
}
const at = new Date("2026-12-04T00:00:00Z");
const run = (tables: RawTable[]) => runWorkbook(tables, { sourceName: "test.xlsx", computedAt: at });

describe("history of exact-100% years whose quarters swing", () => {
  // Four reps on an annual plan and four on a quarterly plan gated at 100% of each quarter, both paying
  // 1× target per 100% of quota. Every rep-year of history is exactly 100%: 80%, 120%, 90%, 110%.
  const reps = Array.from({ length: 8 }, (_, k) => [
    `R${k}`,
    `Rep ${k}`,
    k < 4 ? "Annual" : "Quarterly",
    100000,
    100000,
    1000000,
  ]);
  const history = reps.flatMap(([id]) =>
    [0.8, 1.2, 0.9, 1.1].map((a, q) => [id as string, `2025-Q${q + 1}`, a] as RawCell[]),
  );
  const result = run([
    sheet("Reps", ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"], reps as RawCell[][]),
    sheet(
      "Plans",
      ["Plan", "Period", "Threshold"],
      [
        ["Annual", "Year", null],
        ["Quarterly", "Quarter", 1],
      ],
    ),
    sheet("AttainmentHistory", ["RepID", "Period", "Attainment"], history),
    sheet("Settings", ["Setting", "Value"], [["PlanYear", 2026]]),
  ]);
  const realistic = table(result.sheets, "Results_Realistic");
  const rowOf = (id: string) => realistic.where((get) => get("RepID") === id)[0];

  it("runs", () => expect(result.issues.filter((i) => i.severity === "Error")).toEqual([]));

  it("pays an annual plan exactly its pay at 100%: the swings never reach it", () => {
    const r = rowOf("R0");
    expect(realistic.cell(r, "Expected variable")).toBe(100000);
    expect(realistic.cell(r, "P10")).toBe(200000);
    expect(realistic.cell(r, "P90")).toBe(200000);
    expect(realistic.cell(r, "Method")).toBe("Exact");
  });

  it("pays a quarterly plan gated at 100% clearly less: the quarters that land below the gate are lost", () => {
    const r = rowOf("R4");
    const expected = realistic.cell(r, "Expected variable") as number;
    // Quarters swing ±15.8% (√((0.04 + 0.04 + 0.01 + 0.01)/4)); a quarter around a 100% gate pays E[A; A ≥ 1]
    // ≈ ½ + 0.158·φ(0) ≈ 0.563 of its target (with independent quarters; the history's alternation moves it a little).
    expect(expected).toBeLessThan(70000);
    expect(expected).toBeGreaterThan(50000 + 0.1 * 100000 * detPdf(0));
    expect(realistic.cell(r, "Period spread")).toBeCloseTo(Math.sqrt(0.025), 12);
    expect(realistic.cell(r, "Method")).toBe("Numerical");
  });
});

describe("the worked example of docs/calculation.md", () => {
  it("pays 59,973.56 to a rep at exactly 100% on a quarterly plan gated at 100%, quarters ±25%", () => {
    const result = run([
      sheet(
        "Reps",
        ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
        [["R1", "Rep", "Q", 100000, 100000, 1000000]],
      ),
      sheet("Plans", ["Plan", "Period", "Threshold"], [["Q", "Quarter", 1]]),
      sheet(
        "Scenarios",
        ["Scenario", "Distribution", "PeriodSpread", "PeriodCorrelation"],
        [["History ±25%", "Historical", 0.25, 0]],
      ),
      sheet(
        "AttainmentHistory",
        ["RepID", "Period", "Attainment"],
        [
          ["R1", "2024", 1],
          ["R1", "2025", 1],
        ],
      ),
      sheet("Settings", ["Setting", "Value"], [["PlanYear", 2026]]),
    ]);
    const r = table(result.sheets, "Results_Realistic");
    const [row] = r.where((get) => get("Scenario") === "History ±25%");
    // ½ + 0.25 × φ(0) of target, by hand: 0.5997355701…
    expect(r.cell(row, "Expected variable")).toBe(59973.56);
    expect(r.cell(row, "Period spread")).toBe(0.25);
  });
});

describe("a manager paid on the team's attainment", () => {
  // Eight AEs, quota 1,000,000 each; the manager's quota is 7,200,000 (over-assignment 1/0.9).
  const aes = Array.from({ length: 8 }, (_, k) => [`A${k}`, `AE ${k}`, "M1", "AE", 100000, 100000, 1000000]);
  const tables = (teamCorrelation: number | null) => [
    sheet("Reps", ["RepID", "Name", "Manager", "Plan", "Base", "TargetVariable", "Quota"], [
      ["M1", "Manager", null, "Mgr", 150000, 100000, 7200000],
      ...aes,
    ] as RawCell[][]),
    sheet(
      "Plans",
      ["Plan", "Measure", "Period", "Basis", "TeamScope"],
      [
        ["AE", "New ARR", "Year", "Individual", null],
        ["Mgr", "New ARR", "Year", "Team", "Direct"],
      ],
    ),
    sheet(
      "Scenarios",
      ["Scenario", "Distribution", "Mean", "StdDev", "TeamCorrelation"],
      [["Org 90% ± 25%", "Normal", 0.9, 0.25, teamCorrelation]],
    ),
    sheet("Settings", ["Setting", "Value"], [["PlanYear", 2026]]),
  ];

  it("gets the team's distribution: mean lifted by over-assignment, band far narrower than one AE's", () => {
    const result = run(tables(0));
    expect(result.issues.filter((i) => i.severity === "Error")).toEqual([]);
    const r = table(result.sheets, "Results_Realistic");
    const [m] = r.where((get) => get("RepID") === "M1");
    const [ae] = r.where((get) => get("RepID") === "A0");
    expect(r.cell(m, "Attainment basis")).toBe("Team of 8");
    expect(r.cell(m, "Over-assignment (paid on)")).toBeCloseTo(1 / 0.9, 12);
    // Linear plan: expected variable = target × E[team attainment] = 100,000 × 8 × 0.9 ÷ 7.2 = 100,000
    // (the censoring at 0 of an N(1, 0.098²) is 1e-24).
    expect(r.cell(m, "Expected variable")).toBe(100000);
    expect(r.cell(m, "Expected attainment")).toBeCloseTo(1, 12);
    const band = (row: readonly unknown[]) => (r.cell(row, "P90") as number) - (r.cell(row, "P10") as number);
    // Independent AEs: sd 0.25 ÷ (0.9·√8) = 0.0982 of quota, so P90 − P10 = 2 × 1.2816 × 0.0982 × 100,000 ≈ 25,180.
    expect(band(m)).toBeCloseTo(2 * 1.2815515655446004 * (0.25 / (0.9 * Math.sqrt(8))) * 100000, -1);
    expect(band(m)).toBeLessThan(band(ae) / 2);
  });

  it("is one AE scaled by the over-assignment when the team moves as one", () => {
    const r = table(run(tables(1)).sheets, "Results_Realistic");
    const [m] = r.where((get) => get("RepID") === "M1");
    const [ae] = r.where((get) => get("RepID") === "A0");
    const band = (row: readonly unknown[]) => (r.cell(row, "P90") as number) - (r.cell(row, "P10") as number);
    expect(band(m)).toBeCloseTo(band(ae) / 0.9, 0);
  });
});

describe("the Acme example", () => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, "../../examples/acme-comp.xlsx")));
  const tables = readXlsx(bytes);
  const first = run(tables);
  const realistic = table(first.sheets, "Results_Realistic");

  it("gives the director the org's attainment with the over-assignment against the AEs", () => {
    const [director] = realistic.where((get) => get("RepID") === "E1000" && get("Scenario") === "Baseline (history)");
    // The AEs' New ARR quotas (EUR converted at the Settings rate) over the director's quota.
    const aes = tables.find((t) => t.name === "Reps")!;
    const col = (h: string) => aes.headers.indexOf(h);
    const fx = Number(tables.find((t) => t.name === "Settings")!.rows.find((r) => r[0] === "FX EUR")![1]);
    let sum = 0;
    let own = 0;
    for (const row of aes.rows) {
      const quota = Number(row[col("Quota")]) * (row[col("Currency")] === "EUR" ? fx : 1);
      if (String(row[col("Plan")]).startsWith("AE")) sum += quota;
      if (row[col("RepID")] === "E1000") own = quota;
    }
    expect(realistic.cell(director, "Attainment basis")).toBe("Team of 25");
    expect(realistic.cell(director, "Over-assignment (paid on)")).toBeCloseTo(sum / own, 10);
    expect(sum / own).toBeGreaterThan(1.15);
  });

  it("shows no rep who loses under a scenario that only raises rates", () => {
    const deltas = table(first.sheets, "Results_ScenarioDeltas");
    const richer = deltas.where((get) => get("Scenario") === "Richer accelerators");
    expect(richer.length).toBeGreaterThan(20);
    expect(richer.filter((r) => deltas.cell(r, "Outcome") === "Loses")).toEqual([]);
    expect(richer.filter((r) => deltas.cell(r, "Outcome") === "Gains").length).toBeGreaterThan(20);
    expect(new Set(richer.map((r) => deltas.cell(r, "Compared with")))).toEqual(
      new Set(["Baseline under Historical (org)"]),
    );
    const scenarios = table(first.sheets, "Results_Scenarios");
    const [row] = scenarios.where((get) => get("Scenario") === "Richer accelerators");
    expect(scenarios.cell(row, "Delta variable cost USD") as number).toBeGreaterThan(0);
  });

  it("gives byte-identical realistic results on a second run", () => {
    const second = run(readXlsx(bytes));
    for (const name of [
      "Results_Realistic",
      "Results_Scenarios",
      "Results_ScenarioDeltas",
      "Results_Backtest",
      "Results_Offers",
    ]) {
      const a = first.sheets.find((s) => s.name === name);
      const b = second.sheets.find((s) => s.name === name);
      expect(a).toBeDefined();
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it("backtests the model: fitted on 2023–2024, scored on 2025", () => {
    const sheetSpec = first.sheets.find((s) => s.name === "Results_Backtest")!;
    expect(sheetSpec.subtitle).toMatch(/fitted on 2023–2024, scored on 2025 \(24 rep-years\)/);
    const bt = table(first.sheets, "Results_Backtest");
    const inBand = bt.rows.filter((r) => bt.cell(r, "In band") === "Inside").length;
    expect(sheetSpec.subtitle).toContain(`${inBand} of ${bt.rows.length} reps' actual pay`);
    for (const r of bt.rows) {
      const [p10, p90, actual] = ["Predicted P10", "Predicted P90", "Actual variable"].map(
        (h) => bt.cell(r, h) as number,
      );
      expect(bt.cell(r, "In band")).toBe(actual < p10 ? "Below" : actual > p90 ? "Above" : "Inside");
    }
  });
});

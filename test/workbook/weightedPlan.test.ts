import { cents, rows, run, sheet, usd2026 } from "../published/workbook";

/**
 * A WeightedAttainment plan under a ramp, by hand (found by an independent
 * recalculation): its Weighted line is ramped and guaranteed as a per-measure
 * line is, and the year's attainment is Σ weight × (Σ credit ÷ Σ quota)
 * (docs/calculation.md), not the mean of the periods' weighted attainments.
 *
 * W1: target variable 120,000 (10,000 a month), quotas 100,000 Bookings and
 * 50,000 Renewals a month, halved in ramp months 1–2, a 40% guarantee; the
 * plan pays the weighted attainment × target above a 50% gate.
 * Jan: 10,000 / 50,000 Bookings, nothing on Renewals: 0.5 × 20% = 10%, gated → the floor 4,000.
 * Feb: 50,000 / 50,000 and 25,000 / 25,000: 100% → 10,000. Mar: 100% → 10,000.
 * Year: Bookings 160,000 ÷ 1,100,000, Renewals 75,000 ÷ 550,000: 0.5 × (160 + 150) ÷ 1,100 = 14.0909…%
 * (the mean of the twelve months would read (10% + 100% + 100%) ÷ 12 = 17.5%).
 */
function weightedRun(annualGate: { gate: number; basis: string } | null = null) {
  return run([
    usd2026(),
    sheet(
      "Reps",
      ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota", "Quota Renewals", "StartDate", "Ramp"],
      [["W1", "Weighted AE", "WT", 100000, 120000, 1200000, 600000, "2026-01-01", "New hire"]],
    ),
    sheet(
      "Plans",
      [
        "Plan",
        "Measure",
        "Weight",
        "Period",
        "Combine",
        "Threshold",
        ...(annualGate ? ["AnnualGate", "AnnualGateBasis", "AdvancePct"] : []),
      ],
      [
        [
          "WT",
          "Bookings",
          0.5,
          "Month",
          "WeightedAttainment",
          0.5,
          ...(annualGate ? [annualGate.gate, annualGate.basis, 1] : []),
        ],
        [
          "WT",
          "Renewals",
          0.5,
          "Month",
          "WeightedAttainment",
          0.5,
          ...(annualGate ? [annualGate.gate, annualGate.basis, 1] : []),
        ],
      ],
    ),
    sheet("Tiers", ["Plan", "From", "Rate"], [["WT", 0, 1]]),
    sheet(
      "Ramps",
      ["Ramp", "Month", "QuotaPct", "Guarantee"],
      [
        ["New hire", 1, 0.5, 0.4],
        ["New hire", 2, 0.5, 0.4],
      ],
    ),
    sheet(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      [
        ["W1", "2026-01", "Bookings", 10000],
        ["W1", "2026-02", "Bookings", 50000],
        ["W1", "2026-02", "Renewals", 25000],
        ["W1", "2026-03", "Bookings", 100000],
        ["W1", "2026-03", "Renewals", 50000],
      ],
    ),
  ]);
}

it("ramps and guarantees a Weighted line as a per-measure line, and reads the year as Σ weight × Σ credit ÷ Σ quota", () => {
  const r = weightedRun();
  const weighted = rows(r.sheets, "Results_Payouts").filter((p) => p.Measure === "Weighted");
  expect(weighted.slice(0, 4).map((p) => [p.Period, cents(p.Payout), p["Ramp %"], p.Guarantee])).toEqual([
    ["2026-01", "4000.00", 0.5, 4000],
    ["2026-02", "10000.00", 0.5, null],
    ["2026-03", "10000.00", null, null],
    ["2026-04", "0.00", null, null],
  ]);
  // The gate still shows on the guaranteed month: it was below threshold (Rate 0: no band paid), and the floor paid.
  expect([weighted[0].Gate, weighted[0].Rate]).toEqual(["Below threshold", 0]);

  const summary = rows(r.sheets, "Results_Summary").find((s) => s.RepID === "W1")!;
  expect(summary["Variable pay"]).toBe(24000);
  expect(summary["Ramp %"]).toBe(0.5);
  expect(summary.Attainment).toBeCloseTo(310 / 2200, 15);
});

it("settles a weighted plan's ProratedYTD annual gate on its measures' year-to-date credit and quota", () => {
  // With a 12% gate on the year-to-date attainment and 100% advances: January's is 0.5 × 10,000 ÷ 50,000 = 10%, so
  // January pays nothing; February's is 0.5 × 60,000 ÷ 100,000 + 0.5 × 25,000 ÷ 50,000 = 55%, so February and March
  // pay what they earned; December settles the year: 24,000 earned less 20,000 advanced.
  const r = weightedRun({ gate: 0.12, basis: "ProratedYTD" });
  const statements = rows(r.sheets, "Results_Statements").filter((s) => s.RepID === "W1");
  expect(statements.map((s) => [s.Period, cents(s["Net paid"])]).filter(([, paid]) => paid !== "0.00")).toEqual([
    ["2026-02", "10000.00"],
    ["2026-03", "10000.00"],
    ["2026-12", "4000.00"],
  ]);
  // The year's 14.09% reaches the 12% gate: the year pays all it earned.
  const summary = rows(r.sheets, "Results_Summary").find((s) => s.RepID === "W1")!;
  expect(summary["Variable pay"]).toBe(24000);
});

it("shows an MBO measure under a Weighted line as an MBO line shows it: its score, Basis Score, no Quota or Actual", () => {
  const r = run([
    usd2026(),
    sheet(
      "Reps",
      ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
      [["W2", "AE", "WM", 100000, 40000, 400000]],
    ),
    sheet(
      "Plans",
      ["Plan", "Measure", "Weight", "Period", "Basis", "Combine"],
      [
        ["WM", "Bookings", 0.7, "Quarter", "Individual", "WeightedAttainment"],
        ["WM", "Goals", 0.3, "Quarter", "Score", "WeightedAttainment"],
      ],
    ),
    sheet("Actuals", ["RepID", "Period", "Measure", "Amount"], [["W2", "2026-Q1", "Bookings", 120000]]),
    sheet("Scores", ["RepID", "Period", "Measure", "Score"], [["W2", "2026-Q1", "Goals", 0.9]]),
  ]);
  const q1 = rows(r.sheets, "Results_Payouts").filter((p) => p.RepID === "W2" && p.Period === "2026-Q1");
  expect(q1.map((p) => [p.Measure, p.Quota, p.Actual, p.Attainment, p.Basis, p.Weight])).toEqual([
    // 0.7 × 120,000 ÷ 100,000 + 0.3 × 0.9 = 0.84 + 0.27.
    ["Weighted", null, null, 1.11, "Individual", null],
    ["Bookings", 100000, 120000, 1.2, "Individual", 0.7],
    ["Goals", null, null, 0.9, "Score", 0.3],
  ]);
});

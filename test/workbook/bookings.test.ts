import { cents, rows, run, settings, sheet, usd2026 } from "../published/workbook";

/**
 * Results_Scenarios' Bookings on actuals: every credited amount of an
 * individual measure, once. Found in the modern-saas example: its MBO scores
 * (18 of them, 0.6 to 1.2) were added to bookings as dollars (6,940,014.70
 * against the 6,940,000 of its Actuals), and a weighted-attainment plan's
 * credit — held in its lines' components — was left out.
 */

/** Results_Scenarios' Baseline row, by header. */
const baselineOf = (r: ReturnType<typeof run>) =>
  rows(r.sheets, "Results_Scenarios").find((row) => row.Scenario === "Baseline")!;

const flat100 = sheet("Scenarios", ["Scenario", "Attainment"], [["Flat 100", 1]]);

it("counts each individual credit once: not the leader's team credit, not an MBO score, and a weighted plan's measures", () => {
  const baseline = baselineOf(
    run([
      usd2026(),
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
      flat100,
    ]),
  );
  // A1's 100,000 and W1's 50,000 + 20,000; M1's team line re-counts both, A1's scores 0.9 and 1.1 are not money.
  expect(baseline["Bookings USD"]).toBe(170000);
  // Variable cost of sales divides by them.
  expect(baseline["Variable cost of sales"]).toBeCloseTo((baseline["Variable cost USD"] as number) / 170000, 12);
});

it("adds Target variable and Bookings exactly and rounds once; Variable pay per rep, so the Summary foots to it", () => {
  // Three EUR reps of 33,333.33 target variable at 1.085: each converts to 36,166.66305.
  const ids = ["E1", "E2", "E3"];
  const eur = run([
    settings([
      ["ReportingCurrency", "USD"],
      ["PlanYear", 2026],
      ["FX:EUR", 1.085],
    ]),
    sheet(
      "Reps",
      ["RepID", "Plan", "Currency", "Base", "TargetVariable", "Quota"],
      ids.map((id) => [id, "AE", "EUR", 50000, 33333.33, 100000]),
    ),
    sheet("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Year"]]),
    sheet(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      ids.map((id) => [id, "2026-03", "Bookings", 33333.33]),
    ),
    flat100,
  ]);
  const baseline = baselineOf(eur);
  // 99,999.99 × 1.085 = 108,499.98915 → 108,499.99 (three rounded 36,166.66 would give 108,499.98).
  expect(baseline["Target variable USD"]).toBe(108499.99);
  expect(baseline["Bookings USD"]).toBe(108499.99);
  // Each rep's variable pay converted and rounded, then added: the Summary's column foots to the total.
  const perRep = rows(eur.sheets, "Results_Summary")
    .filter((r) => r.Scenario === "Baseline")
    .map((r) => Math.round(Number(cents(r["Variable pay USD"])) * 100));
  expect(perRep).toHaveLength(3);
  expect(Math.round((baseline["Variable pay USD"] as number) * 100)).toBe(perRep.reduce((a, b) => a + b, 0));
});

import { rows, run, sheet, usd2026 } from "../published/workbook";

/**
 * Results_PayoutCurve's "Share of reps" beside each 5% step: the reps whose
 * attainment is within ±2.5% of it, the lower edge in and the upper out, over
 * the reps with an attainment. Counted by hand for six reps.
 */

// Annual quota 100,000, one quarter's bookings each: attainments 50%, 97.5%, 100%, 102.4%, 102.5% and 0%.
const bookings = [50000, 97500, 100000, 102400, 102500, 0];
const result = run([
  usd2026(),
  sheet(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
    bookings.map((_, i) => [`A${i + 1}`, `Rep ${i + 1}`, "AE", 100000, 50000, 100000]),
  ),
  sheet("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Year"]]),
  sheet(
    "Actuals",
    ["RepID", "Period", "Measure", "Amount"],
    bookings.map((amount, i) => [`A${i + 1}`, "2026-Q1", "Bookings", amount]),
  ),
]);

it("counts the reps within ±2.5% of each step, lower edge in, upper edge out", () => {
  const share = new Map(rows(result.sheets, "Results_PayoutCurve").map((r) => [r.Attainment, r["Share of reps"]]));
  // 100%: [97.5%, 102.5%) holds 97.5%, 100% and 102.4% — 3 of 6. 105%: [102.5%, 107.5%) holds 102.5% — 1 of 6.
  expect(share.get(1)).toBe(0.5);
  expect(share.get(1.05)).toBeCloseTo(1 / 6, 15);
  // 50%: the rep at exactly 50%; 0%: the rep with nothing booked ([−2.5%, 2.5%)); 95%: nobody.
  expect(share.get(0.5)).toBeCloseTo(1 / 6, 15);
  expect(share.get(0)).toBeCloseTo(1 / 6, 15);
  expect(share.get(0.95)).toBe(0);
});

it("counts each plan's own reps: a manager at 100% is not in the AEs' share, nor in the AEs' count", () => {
  // Found by an independent check: every plan's share was counted over all the scenario's people.
  const two = run([
    usd2026(),
    sheet(
      "Reps",
      ["RepID", "Name", "Manager", "Plan", "Base", "TargetVariable", "Quota"],
      [
        ["M1", "Manager", null, "MGR", 150000, 50000, 200000],
        ["A1", "AE one", "M1", "AE", 100000, 50000, 100000],
        ["A2", "AE two", "M1", "AE", 100000, 50000, 100000],
      ],
    ),
    sheet(
      "Plans",
      ["Plan", "Measure", "Period", "Basis"],
      [
        ["AE", "Bookings", "Year", "Individual"],
        ["MGR", "Bookings", "Year", "Team"],
      ],
    ),
    // A band edge at 107.5%: a step of its own on the curve, with no share (the 5% steps' windows hold every rep).
    sheet(
      "Tiers",
      ["Plan", "From", "To", "Rate"],
      [
        ["AE", 0, 1.075, 1],
        ["AE", 1.075, null, 1.5],
      ],
    ),
    sheet(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      [
        ["A1", "2026-Q1", "Bookings", 50000], // 50%
        ["A2", "2026-Q1", "Bookings", 150000], // 150%; the team's 200,000 is M1's 100%
      ],
    ),
  ]);
  const share = (plan: string, attainment: number) =>
    rows(two.sheets, "Results_PayoutCurve").find((r) => r.Plan === plan && r.Attainment === attainment)![
      "Share of reps"
    ];
  expect([share("AE", 0.5), share("AE", 1), share("AE", 1.5)]).toEqual([0.5, 0, 0.5]);
  expect([share("MGR", 1), share("MGR", 0.5)]).toEqual([1, 0]);
  expect(share("AE", 1.075)).toBeNull();
});

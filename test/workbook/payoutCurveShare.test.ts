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

import { rmSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook, resultRows, runCli, table, tempDir, writeWorkbook } from "./helpers";

/**
 * `compplan model` through a real .xlsx (built with exceljs) whose New ARR is
 * paid by a PayoutMatrix of its own attainment and Renewals'.
 */
const settings = table("Settings", ["Setting", "Value"], [["PlanYear", 2026]]);
const reps = table(
  "Reps",
  ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota New ARR", "Quota Renewals"],
  [["R1", "Robin", "AE", 100000, 50000, 200000, 300000]],
);
const plans = table(
  "Plans",
  ["Plan", "Measure", "Weight", "Period"],
  [
    ["AE", "New ARR", "70%", "Year"],
    ["AE", "Renewals", "30%", "Year"],
  ],
);
/** New ARR rows 50%, 100%, 150% × Renewals columns 80%, 100%, 120%. */
const cells: [string, string, number][] = [
  ["50%", "80%", 0.25],
  ["50%", "100%", 0.5],
  ["50%", "120%", 0.6],
  ["100%", "80%", 0.6],
  ["100%", "100%", 1],
  ["100%", "120%", 1.2],
  ["150%", "80%", 1],
  ["150%", "100%", 1.5],
  ["150%", "120%", 2],
];
const matrix = (mode: string) =>
  table(
    "PayoutMatrix",
    ["Plan", "Measure", "LinkedMeasure", "Attainment", "LinkedAttainment", "Multiple", "Mode"],
    cells.map(([a, l, m]) => ["AE", "New ARR", "Renewals", a, l, m, mode]),
  );
// New ARR 250,000 ÷ 200,000 = 125%; Renewals 290,000 ÷ 300,000 = 29/30 = 96.666…%.
const actuals = table(
  "Actuals",
  ["RepID", "Period", "Measure", "Amount"],
  [
    ["R1", "2026", "New ARR", 250000],
    ["R1", "2026", "Renewals", 290000],
  ],
);

describe("compplan model on a plan with a PayoutMatrix", () => {
  it("pays the interpolated matrix to the cent, traces the Matrix step and draws the curve", async () => {
    const dir = tempDir();
    try {
      await writeWorkbook(join(dir, "matrix.xlsx"), [settings, reps, plans, matrix("Interpolated"), actuals]);
      const run = runCli(["model", "matrix.xlsx", "-o", "out.xlsx"], dir);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const book = await readWorkbook(join(dir, "out.xlsx"));
      // Renewals 29/30 is 5/6 of the way from 80% to 100%: row 100%: 0.6 + 5/6 × 0.4 = 14/15; row 150%:
      // 1 + 5/6 × 0.5 = 17/12. New ARR 125% is half way: (14/15 + 17/12) ÷ 2 = 47/40 = 1.175.
      // Target incentive 50,000 × 70% = 35,000 → 41,125. Renewals: 29/30 × 15,000 = 14,500.
      expect(resultRows(book, "Results_Payouts").map((p) => [p.Measure, p.Payout])).toEqual([
        ["New ARR", 41125],
        ["Renewals", 14500],
      ]);
      const step = resultRows(book, "Results_Trace").find((r) => r.Step === "Matrix")!;
      expect([step.Detail, step.Amount]).toEqual([
        "New ARR at 125%, Renewals at 96.67% this period: between rows 100% and 150%, columns 80% and 100% (cells 0.6×, 1×, 1×, 1.5×): 1.175× target incentive",
        41125,
      ]);
      // The curve takes Renewals at New ARR's attainment: at 100% the grid point 100% × 100% = 1×.
      const curve = resultRows(book, "Results_PayoutCurve").filter((r) => r.Measure === "New ARR");
      expect(curve.find((r) => r.Attainment === 1)!["Payout multiple"]).toBe(1);
      expect(curve.find((r) => r.Attainment === 0.5)!["Payout multiple"]).toBe(0);
      expect(curve.find((r) => r.Attainment === 2)!["Payout multiple"]).toBe(2);
      expect(resultRows(book, "Results_Issues").filter((r) => r.Severity !== "Info")).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("pays the stepped matrix's cell, and refuses a measure with both a matrix and Tiers rows, naming the cell", async () => {
    const dir = tempDir();
    try {
      await writeWorkbook(join(dir, "stepped.xlsx"), [settings, reps, plans, matrix("Stepped"), actuals]);
      const run = runCli(["model", "stepped.xlsx", "-o", "out.xlsx"], dir);
      expect(run.code).toBe(0);
      // 125% × 96.67%: the cell 100% × 80% = 0.6× of 35,000 = 21,000.
      const payouts = resultRows(await readWorkbook(join(dir, "out.xlsx")), "Results_Payouts");
      expect(payouts.map((p) => [p.Measure, p.Payout])).toEqual([
        ["New ARR", 21000],
        ["Renewals", 14500],
      ]);

      const tiers = table("Tiers", ["Plan", "Measure", "From", "Rate"], [["AE", "New ARR", "0%", 1]]);
      await writeWorkbook(join(dir, "both.xlsx"), [settings, reps, plans, tiers, matrix("Stepped"), actuals]);
      const refused = runCli(["model", "both.xlsx", "-o", "both-out.xlsx"], dir);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(
        /^Error +Tiers!B2 +Tiers row 2, column Measure: New ARR of plan AE is paid by its PayoutMatrix \(PayoutMatrix row 2\), so it has no tier bands: a measure's rate is its tiers or its matrix; remove these bands or the matrix rows$/m,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

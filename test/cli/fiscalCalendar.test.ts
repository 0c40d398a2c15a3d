import { rmSync } from "node:fs";
import { join } from "node:path";
import type { ExampleTable } from "../../src/workbook/example/acme";
import { readWorkbook, resultRows, runCli, table, tempDir, writeWorkbook } from "./helpers";

/** An Excel date serial (days since 1899-12-30), as a date cell stores it. */
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

// A 4-4-5 year ending on the last Saturday of December (FY2026 = 2025-12-28 .. 2026-12-26), prorated by whole months.
const WORKBOOK: ExampleTable[] = [
  table(
    "Settings",
    ["Setting", "Value"],
    [
      ["PlanYear", 2026],
      ["Calendar", "4-4-5"],
      ["FiscalYearEnd", "Last Saturday of December"],
      ["Proration", "Months"],
    ],
  ),
  table(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota", "StartDate"],
    [
      ["R1", "Robin", "AE", 100000, 100000, 1000000, null],
      ["R2", "Sam", "AE", 100000, 100000, 1000000, "2026-02-05"],
    ],
  ),
  table("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Quarter"]]),
  table(
    "Tiers",
    ["Plan", "From", "To", "Rate"],
    [
      ["AE", 0, 1, 1],
      ["AE", 1, null, 2],
    ],
  ),
  {
    name: "Actuals",
    headers: ["RepID", "Period", "Amount"],
    rows: [
      ["R1", serial("2026-03-28"), 300000], // a date cell: Saturday, the last day of Q1
      ["R1", serial("2026-03-29"), 100000], // the Sunday after: Q2
      ["R2", "2026-Q1", 200000],
    ],
    formats: ["text", "date", "money"],
  },
];

describe("compplan model on a 4-4-5 workbook with proration by months", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeWorkbook(join(dir, "fiscal.xlsx"), WORKBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("pays 13-week quarters keyed FY2026-Q1 …, dated bookings placed by their day, in cents computed by hand", async () => {
    const run = runCli(["model", "fiscal.xlsx", "-o", "out.xlsx", "--trace", "R2"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const book = await readWorkbook(join(dir, "out.xlsx"));
    const payouts = resultRows(book, "Results_Payouts").map((r) => [
      r.RepID,
      r.Period,
      r.Actual,
      r.Quota,
      r.Proration,
      r.Payout,
    ]);
    expect(payouts).toEqual([
      // R1, Q1: 300,000 of 250,000 = 120% → 25,000 × (1.0 × 100% + 2.0 × 20%) = 35,000.
      ["R1", "FY2026-Q1", 300000, 250000, 1, 35000],
      // R1, Q2: the 29 March booking, 40% → 10,000.
      ["R1", "FY2026-Q2", 100000, 250000, 1, 10000],
      ["R1", "FY2026-Q3", 0, 250000, 1, 0],
      ["R1", "FY2026-Q4", 0, 250000, 1, 0],
      // R2 starts 2026-02-05, on or before P02's 15th day (2026-02-08): P02 and P03 count, Q1 at 2/3.
      // Quota 166,666.67, target 16,666.67; 200,000 is 120% → 50,000/3 × 1.4 = 23,333.33.
      // (By days: 52 of 91 days, quota 142,857.14, 140% → 25,714.29.)
      ["R2", "FY2026-Q1", 200000, 166666.67, 2 / 3, 23333.33],
      ["R2", "FY2026-Q2", 0, 250000, 1, 0],
      ["R2", "FY2026-Q3", 0, 250000, 1, 0],
      ["R2", "FY2026-Q4", 0, 250000, 1, 0],
    ]);
    const trace = resultRows(book, "Results_Trace").filter((r) => r.Period === "FY2026-Q1" && r.Step === "Quota");
    expect(trace.map((r) => r.Detail)).toEqual([
      "annual quota 1,000,000.00 × period share 1/4 × proration 66.67% (2 of 3 months, mid-month rule: P02, P03)",
    ]);
    const summary = resultRows(book, "Results_Summary").map((r) => [r.RepID, r["Variable pay"]]);
    expect(summary).toEqual([
      ["R1", 45000],
      ["R2", 23333.33],
    ]);
  });

  it("names the Settings cell of a bad calendar", async () => {
    const bad = WORKBOOK.map((t) =>
      t.name === "Settings"
        ? table(
            "Settings",
            ["Setting", "Value"],
            [
              ["PlanYear", 2026],
              ["Calendar", "4-4-5"],
              ["FiscalYearEnd", "Last Caturday of December"],
            ],
          )
        : t,
    );
    await writeWorkbook(join(dir, "bad.xlsx"), bad);
    const run = runCli(["model", "bad.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain(
      'Settings!B4  Settings row 4, column Value: FiscalYearEnd "Last Caturday of December" is not a fiscal year end; write Last Saturday of December, Saturday nearest December 31, or a month',
    );
  });
});

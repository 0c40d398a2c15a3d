import { FakeExcel } from "../../../test/fake-excel";
import { fakeWorkbookPort } from "../../../test/fake-excel/fakeWorkbookPort";
import { acmeExample } from "../../workbook/example/acme";
import { runWorkbook } from "../../workbook/run";
import type { SheetSpec } from "../../workbook/types";
import { scenarioComparison, SCENARIOS_SHEET } from "./scenarioComparison";
import { runScenarios } from "./scenarioRun";
import { listScenarios, withoutScenarios } from "./scenarioSelection";
import { table } from "../../../test/workbook/tables";

const reps = table(
  "Reps",
  ["RepID", "Plan", "Base", "TargetVariable", "Quota"],
  [
    ["R1", "AE", 100000, 100000, 1000000],
    ["R2", "AE", 100000, 100000, 1000000],
  ],
);
const plans = table(
  "Plans",
  ["Plan", "Measure", "Period", "CapPayout", "Scenario"],
  [
    ["AE", "Bookings", "Year", null, null],
    ["AE", "Bookings", null, 1.2, "capped"],
  ],
);
const tiers = table(
  "Tiers",
  ["Plan", "Measure", "From", "To", "Rate", "Scenario Name"],
  [
    ["AE", "Bookings", 0, null, 1, null],
    ["AE", "Bookings", 0, null, 2, "Rich"],
  ],
);
const scenarios = table(
  "Scenarios",
  ["Scenario", "Description", "Attainment", "Distribution", "Mean", "StdDev"],
  [
    ["Rich", "Double rate", 1.5, null, null, null],
    ["Capped", "Cap at 1.2×", null, "Normal", 0.9, 0.25],
  ],
);
// R1 books 1.5M (150%), R2 0.8M (80%).
const actuals = table(
  "Actuals",
  ["RepID", "Period", "Amount"],
  [
    ["R1", "2026", 1500000],
    ["R2", "2026", 800000],
  ],
);
const tables = [reps, plans, tiers, scenarios, actuals];

describe("scenario selection", () => {
  it("lists the Scenarios table with each assumption in words and the rows that change the plan", () => {
    expect(listScenarios(tables)).toEqual([
      { name: "Rich", description: "Double rate", assumption: "Flat 150%", planRows: 0, tierRows: 1 },
      {
        name: "Capped",
        description: "Cap at 1.2×",
        assumption: "Normal, mean 90%, sd 25%",
        planRows: 1,
        tierRows: 0,
      },
    ]);
    expect(listScenarios([reps, plans])).toBeNull();
  });

  it("blanks the left-out scenario's rows in memory, so the rest keep their row numbers", () => {
    const kept = withoutScenarios(tables, ["rich"]);
    expect(kept.find((t) => t.name === "Tiers")!.rows).toEqual([
      ["AE", "Bookings", 0, null, 1, null],
      [null, null, null, null, null, null],
    ]);
    expect(kept.find((t) => t.name === "Scenarios")!.rows[0]).toEqual([null, null, null, null, null, null]);
    expect(kept.find((t) => t.name === "Plans")!.rows).toEqual(plans.rows);
    // The input objects are untouched.
    expect(tiers.rows[1][5]).toBe("Rich");
    // A mistake below a blanked row is still reported on its own Excel row (row 4: header row 1 + 3).
    const typo = { ...tiers, rows: [...tiers.rows, ["AE", "Bookings", "lots", null, 1, null]] };
    const flagged = runWorkbook(withoutScenarios([reps, plans, typo, scenarios, actuals], ["Rich"]), {
      sourceName: "t",
      computedAt: new Date("2026-12-31"),
    }).issues.filter((i) => i.table === "Tiers" && i.severity === "Error");
    expect(flagged.map((i) => i.address)).toEqual(["Tiers!C4"]);

    const run = runWorkbook(kept, { sourceName: "t", computedAt: new Date("2026-12-31") });
    expect(run.issues.filter((i) => i.severity === "Error")).toEqual([]);
    const comparison = scenarioComparison(run.sheets)!;
    expect(comparison.rows.map((r) => r.scenario)).toEqual(["Baseline", "Capped"]);
    // Baseline on actuals, 1.0× linear: 150% × 100,000 + 80% × 100,000 = 230,000 of variable;
    // comp cost 230,000 + 200,000 base; bookings 2.3M; one rep at quota.
    const baseline = comparison.rows[0];
    expect(comparison.currency).toBe("USD");
    expect(baseline).toMatchObject({
      basis: "Actuals",
      reps: 2,
      totalVariableCost: 230000,
      totalCompCost: 430000,
      variableCostOfSales: 0.1,
      repsAtOrAboveQuota: 1,
      repsCapped: 0,
    });
    // 430,000 ÷ 2,300,000; average of 250,000/200,000 and 180,000/200,000 = (1.25 + 0.9)/2.
    expect(baseline.costOfSales).toBeCloseTo(430000 / 2300000, 15);
    expect(baseline.avgPctOfOte).toBeCloseTo(1.075, 15);
  });

  it("reads Results_Scenarios cell for cell", () => {
    const sheet: SheetSpec = {
      name: SCENARIOS_SHEET,
      title: "",
      subtitle: "",
      columns: [
        "Scenario",
        "Basis",
        "Reps",
        "Variable pay EUR",
        "Adjustments EUR",
        "Variable cost EUR",
        "Target variable EUR",
        "% of target variable",
        "Total comp cost EUR",
        "Bookings EUR",
        "Variable cost of sales",
        "Total cost of sales",
        "Average % of OTE",
        "Reps at or above quota",
        "Reps capped",
      ].map((header) => ({ header, format: "text" })),
      rows: [["S", "Expected: Flat 90%", 3, 10, 0, 10, 8, 1.25, 20, 100, 0.1, 0.2, 0.95, 1.25, null]],
    };
    expect(scenarioComparison([sheet])).toEqual({
      currency: "EUR",
      rows: [
        {
          scenario: "S",
          basis: "Expected: Flat 90%",
          reps: 3,
          variablePay: 10,
          adjustments: 0,
          pctOfTargetVariable: 1.25,
          totalVariableCost: 10,
          totalCompCost: 20,
          variableCostOfSales: 0.1,
          costOfSales: 0.2,
          avgPctOfOte: 0.95,
          repsAtOrAboveQuota: 1.25,
          repsCapped: null,
          // A sheet without the like-for-like columns: nothing to compare with.
          comparedWith: null,
          baselineVariableCost: null,
          deltaVariableCost: null,
        },
      ],
    });
    expect(scenarioComparison([])).toBeNull();
  });

  it("runs the checked scenarios of the example through the port and writes only theirs", async () => {
    const fake = new FakeExcel();
    fake.state.addSheet("Sheet1");
    const port = fakeWorkbookPort(fake);
    await port.insertExample(acmeExample());
    const before = fake.state.tableValues("Plans");
    const end = await runScenarios(port, ["60/40 measure mix", "Payout cap 2x"], () => undefined);
    if (end.kind !== "done") throw new Error(end.kind === "failed" ? end.message : end.kind);
    const written = fake.state.tableValues(SCENARIOS_SHEET).rows.map((r) => r[0]);
    expect(written).toEqual(["Baseline", "Baseline (history)", "Richer accelerators", "Lower gate 25%"]);
    // The user's tables are as they were.
    expect(fake.state.tableValues("Plans")).toEqual(before);
  });
});

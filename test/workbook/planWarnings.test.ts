import { run, sheet, usd2026 } from "../published/workbook";

/**
 * Where a plan's design warnings point, and how often they are said (found by
 * an independent recalculation): a retroactive cliff was placed on a TierMode
 * column the Tiers row does not have (so Results_Issues showed no cell), and a
 * scenario that changes one measure of a plan repeated every warning of the
 * plan's other measures, word for word, without saying which scenario.
 */
const result = run([
  usd2026(),
  sheet(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota", "Quota Renewals"],
    [["A1", "AE", "AE", 100000, 50000, 1000000, 500000]],
  ),
  sheet(
    "Plans",
    ["Plan", "Measure", "Weight", "Period", "TierMode", "Scenario"],
    [
      ["AE", "New ARR", 0.6, "Quarter", "Marginal", null], // row 2
      ["AE", "Renewals", 0.4, "Quarter", "Retroactive", null], // row 3
      ["AE", "New ARR", 0.5, "Quarter", "Marginal", "Lighter"], // row 4: only New ARR changes in Lighter
    ],
  ),
  sheet(
    "Tiers",
    ["Plan", "Measure", "From", "To", "Rate"],
    [
      ["AE", "New ARR", 0, null, 1], // row 2
      ["AE", "Renewals", 0, 1, 0.5], // row 3
      ["AE", "Renewals", 1, null, 1.5], // row 4: the whole credit moves from 0.5× to 1.5× at 100%
    ],
  ),
]);

const warnings = result.issues.filter((i) => i.severity === "Warning");

it("puts a retroactive cliff on the From of the band where it is, and says it once for a plan a scenario shares", () => {
  const cliffs = warnings.filter((w) => w.message.includes("retroactive cliff"));
  expect(cliffs.map((w) => [w.address, w.message.slice(0, 44)])).toEqual([
    ["Tiers!C4", "Plan AE, Renewals: retroactive cliff at 100%"],
  ]);
});

it("names the scenario on a warning only its own plan has", () => {
  expect(warnings.filter((w) => w.message.includes("weights sum")).map((w) => w.message)).toEqual([
    "Scenario Lighter: Plan AE: measure weights sum to 90%, not 100% — target variable is under-allocated: a rep at 100% on every measure earns 90% of target variable.",
  ]);
});

import type { MeasurePlan, Plan } from "../../src/engine/types";
import { parseModelInput } from "../../src/workbook/parse";
import type { Issue, RawTable } from "../../src/workbook/types";
import { table, TODAY } from "./tables";

/** The PayoutMatrix table (src/workbook/parse/matrixRows.ts, tied to measures in plans.ts). */
const parse = (tables: readonly RawTable[]) => parseModelInput(tables, { today: TODAY });
const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === "Error");
const where = (issues: readonly Issue[]) => issues.map((i) => `${i.address} ${i.message}`);
const reps = table("Reps", ["RepID", "Plan", "Base", "TargetVariable"], [["R1", "AE", 100000, 50000]]);
const measure = (plan: Plan | undefined, name: string) => plan!.measures.find((m) => m.measure === name)!;
const plans = (...extra: [string, string, number, string | null, string | null][]) =>
  table(
    "Plans",
    ["Plan", "Measure", "Weight", "RateType", "Scenario"],
    [["AE", "New ARR", 0.7, null, null], ["AE", "Renewals", 0.3, null, null], ...extra],
  );
/** A matrix as "attainment×linked→multiple" text, in the table's order. */
const grid = (m: MeasurePlan) =>
  `${m.matrix!.linkedMeasure} ${m.matrix!.mode} ${m.matrix!.measured}: ` +
  m.matrix!.cells.map((c) => `${c.attainment.toString()}×${c.linked.toString()}→${c.multiple.toString()}`).join(" ");

const HEADERS = [
  "Plan",
  "Measure",
  "Linked Measure",
  "Attainment",
  "Linked Attainment",
  "Multiple",
  "Mode",
  "Measured",
];

describe("the PayoutMatrix table", () => {
  it("reads one row per cell, with accepted header aliases, Mode and Measured", () => {
    const matrix = table(
      "PayoutMatrix",
      ["Plan", "Metric", "Column Measure", "Row Attainment", "Column Attainment", "Payout Multiple", "Interpolation"],
      [
        ["AE", "New ARR", "renewals", "100%", "90%", "1x", "Interpolated"],
        ["AE", "New ARR", "Renewals", 1, 1.1, "120%", null],
        ["AE", "New ARR", "Renewals", 0.5, 0.9, 0.5, "bilinear"],
      ],
    );
    const r = parse([reps, plans(), matrix]);
    expect(errors(r.issues)).toEqual([]);
    const newArr = measure(r.input!.plans.get("AE"), "New ARR");
    expect(grid(newArr)).toBe("Renewals Interpolated Period: 1×0.9→1 1×1.1→1.2 0.5×0.9→0.5");
    expect(newArr.matrix!.cells[1].source).toBe("PayoutMatrix row 3");
    expect(newArr.tiers).toEqual([]);
    expect(measure(r.input!.plans.get("AE"), "Renewals").matrix).toBeUndefined();
  });

  it("defaults to Stepped, measured this period, and a scenario's rows replace the baseline's (and its bands)", () => {
    const tiers = table("Tiers", ["Plan", "Measure", "From", "Rate"], [["AE", "New ARR", 0, 1]]);
    const matrix = table(
      "PayoutMatrix",
      [...HEADERS, "Scenario"],
      [
        ["AE", "Renewals", "New ARR", "0%", "0%", 0, null, null, null],
        ["AE", "Renewals", "New ARR", "100%", "100%", 1, null, null, null],
        ["AE", "New ARR", "Renewals", "100%", "100%", 1, "Stepped", "YTD", "Matrix"],
      ],
    );
    const r = parse([reps, plans(), tiers, matrix]);
    expect(errors(r.issues)).toEqual([]);
    const base = r.input!.plans.get("AE");
    expect(grid(measure(base, "Renewals"))).toBe("New ARR Stepped Period: 0×0→0 1×1→1");
    expect(measure(base, "New ARR").matrix).toBeUndefined();
    expect(measure(base, "New ARR").tiers).toHaveLength(1);
    const scenario = r.input!.scenarioPlans.get("Matrix")!.get("AE");
    expect(grid(measure(scenario, "New ARR"))).toBe("Renewals Stepped YTD: 1×1→1");
    // The scenario's matrix replaces the baseline's band; the baseline's Renewals matrix is kept.
    expect(measure(scenario, "New ARR").tiers).toEqual([]);
    expect(grid(measure(scenario, "Renewals"))).toBe("New ARR Stepped Period: 0×0→0 1×1→1");
  });

  it("is an error, naming sheet, row and column, on a measure that also has Tiers rows", () => {
    const tiers = table(
      "Tiers",
      ["Plan", "Measure", "From", "Rate"],
      [
        ["AE", "Renewals", 0, 1], // row 2: fine, Renewals has no matrix
        ["AE", "New ARR", 0, 1], // row 3
        ["AE", "New ARR", 1, 1.5], // row 4
      ],
    );
    const matrix = table("PayoutMatrix", HEADERS, [["AE", "New ARR", "Renewals", "100%", "100%", 1, null, null]]);
    const r = parse([reps, plans(), tiers, matrix]);
    const message =
      "New ARR of plan AE is paid by its PayoutMatrix (PayoutMatrix row 2), so it has no tier bands: a measure's rate is its tiers or its matrix; remove these bands or the matrix rows";
    expect(where(errors(r.issues))).toEqual([`Tiers!B3 ${message}`, `Tiers!B4 ${message}`]);
    expect(errors(r.issues).map((i) => [i.table, i.row, i.column])).toEqual([
      ["Tiers", 3, "Measure"],
      ["Tiers", 4, "Measure"],
    ]);
  });

  it("names the cell of a link to itself and to a measure the plan lacks", () => {
    const matrix = table("PayoutMatrix", HEADERS, [
      ["AE", "New ARR", "New ARR", "100%", "100%", 1, null, null], // row 2
      ["AE", "Renewals", "Services", "100%", "100%", 1, null, null], // row 3
    ]);
    expect(where(errors(parse([reps, plans(), matrix]).issues))).toEqual([
      "PayoutMatrix!C2 New ARR cannot be its own linked measure: its rows are already its own attainment; link another measure of the plan for the columns",
      'PayoutMatrix!C3 The plan has no measure "Services" to link to (its measures: New ARR, Renewals)',
    ]);
  });

  it("names the cell of a cell given twice, a negative attainment, an unknown Mode and a second Mode", () => {
    const matrix = table("PayoutMatrix", HEADERS, [
      ["AE", "Renewals", "New ARR", "100%", "100%", 1, "Stepped", null], // row 2
      ["AE", "Renewals", "New ARR", "100%", "100%", 1.2, null, null], // row 3: the same cell again
      ["AE", "Renewals", "New ARR", "-10%", "100%", 1, null, null], // row 4
      ["AE", "Renewals", "New ARR", "50%", "100%", 1, "Sideways", null], // row 5
      ["AE", "Renewals", "New ARR", "60%", "100%", 1, "Interpolated", null], // row 6
    ]);
    expect(where(errors(parse([reps, plans(), matrix]).issues))).toEqual([
      "PayoutMatrix!D3 Renewals has two payout matrix cells at 100% × 100% (rows 2 and 3): keep one",
      "PayoutMatrix!D4 Attainment can't be negative",
      'PayoutMatrix!G5 Mode "Sideways" is not one of Stepped, Interpolated',
      "PayoutMatrix!G6 Renewals has payout matrix rows with Mode Stepped and Interpolated: say one",
    ]);
  });

  it("refuses a matrix on an Amount or Percent measure, on a WeightedAttainment plan, and beside a modifier on another link", () => {
    const matrix = table("PayoutMatrix", HEADERS, [["AE", "New ARR", "Renewals", "100%", "100%", 1, null, null]]);
    const percent = parse([
      reps,
      table(
        "Plans",
        ["Plan", "Measure", "Weight", "RateType"],
        [
          ["AE", "New ARR", 0.7, "Percent"],
          ["AE", "Renewals", 0.3, null],
        ],
      ),
      matrix,
    ]);
    expect(where(errors(percent.issues))).toEqual([
      "Plans!D2 RateType Percent cannot be used with a PayoutMatrix: its cells are payout multiples of New ARR's target incentive; use Multiplier (or leave RateType blank)",
    ]);
    const amount = parse([
      reps,
      table(
        "Plans",
        ["Plan", "Measure", "Weight", "TierBasis"],
        [
          ["AE", "New ARR", 0.7, "Amount"],
          ["AE", "Renewals", 0.3, null],
        ],
      ),
      matrix,
    ]);
    expect(where(errors(amount.issues))).toEqual([
      "Plans!D2 TierBasis Amount cannot be used with a PayoutMatrix: New ARR's matrix rows are attainments; use TierBasis Attainment",
    ]);
    const weighted = parse([
      reps,
      table(
        "Plans",
        ["Plan", "Measure", "Weight", "Combine"],
        [
          ["AE", "New ARR", 0.7, "WeightedAttainment"],
          ["AE", "Renewals", 0.3, null],
        ],
      ),
      matrix,
    ]);
    expect(where(errors(weighted.issues))).toEqual([
      "PayoutMatrix!A2 Plan AE combines its measures by WeightedAttainment, so no measure is paid on its own to look up in a matrix; PayoutMatrix applies to PerMeasure plans",
    ]);
    const modifiers = table(
      "Modifiers",
      ["Plan", "Measure", "LinkedMeasure", "From", "Multiplier", "Measured"],
      [["AE", "New ARR", "Renewals", 0, 1, "YTD"]],
    );
    const both = parse([reps, plans(), matrix, modifiers]);
    expect(where(errors(both.issues))).toEqual([
      "PayoutMatrix!C2 New ARR has a payout matrix on Renewals (Period) and a modifier on Renewals (YTD): a measure reads one linked measure, measured one way; make them the same",
    ]);
  });
});

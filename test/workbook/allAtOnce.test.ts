import { runWorkbook } from "../../src/workbook/run";
import type { RawTable } from "../../src/workbook/types";
import { sheet, usd2026 } from "../published/workbook";

/**
 * "All problems are reported at once" (docs/workbook.md), found false by an
 * independent check: the problems the model finds — an amount that straddles
 * a payout period, a second score in one, a plan's overlapping bands — were
 * reported only once every table's own problems were fixed, one round later.
 */
const tables = (extra: RawTable[] = []): RawTable[] => [
  usd2026(),
  sheet(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
    [
      ["E1", "Monthly AE", "Monthly", 100000, 50000, 1200000],
      ["E2", "MBO AE", "Mbo", 100000, 50000, 1200000],
    ],
  ),
  sheet(
    "Plans",
    ["Plan", "Measure", "Weight", "Period", "Basis"],
    [
      ["Monthly", "Bookings", 1, "Month", "Individual"],
      ["Mbo", "Bookings", 0.5, "Quarter", "Individual"],
      ["Mbo", "Goals", 0.5, "Quarter", "Score"],
    ],
  ),
  sheet(
    "Tiers",
    ["Plan", "Measure", "From", "To", "Rate"],
    [
      ["Mbo", "Bookings", 0, 1, 1], // row 2
      ["Mbo", "Bookings", 0.8, null, 1.5], // row 3: overlaps [0%, 100%)
    ],
  ),
  sheet(
    "Scores",
    ["RepID", "Period", "Measure", "Score"],
    [
      ["E2", "2026-Q1", "Goals", 0.9],
      ["E2", "2026-02", "Goals", 0.8], // row 3: a second score in Q1
    ],
  ),
  ...extra,
];

const actuals = (amount: unknown) =>
  sheet(
    "Actuals",
    ["RepID", "Period", "Measure", "Amount"],
    [
      ["E1", "2026-01", "Bookings", 50000],
      ["E1", "2026-Q2", "Bookings", 50000], // row 3: a quarter under a monthly plan
      ["E1", "2026-03", "Bookings", amount as never], // row 4
    ],
  );

const errorsOf = (t: RawTable[]) =>
  runWorkbook(t, { sourceName: "errors.xlsx", computedAt: new Date("2026-12-05T00:00:00Z") }).issues.filter(
    (i) => i.severity === "Error",
  );

/** Each error as its cell and the words that say what it is. */
const MODEL_FINDINGS: [string, string][] = [
  ["Tiers!D3", "bands [0%, 100%) and [80%, ∞) overlap"],
  ["Actuals!B3", "Actuals amount for 2026-04-01..2026-06-30 spans more than one payout period"],
  ["Scores!B3", "Scores has a second row for rep E2, Goals, in 2026-Q1"],
];
function matches(errors: ReturnType<typeof errorsOf>, expected: [string, string][]): void {
  expect(errors.map((e) => e.address).sort()).toEqual(expected.map(([cell]) => cell).sort());
  for (const [cell, words] of expected) expect(errors.find((e) => e.address === cell)!.message).toContain(words);
}

it("reports the model's findings with the tables' own problems, not a round later", () => {
  // Clean tables: the model's findings alone, as before.
  matches(errorsOf(tables([actuals(1000)])), MODEL_FINDINGS);
  // With a table's own problem (an ambiguous amount), the same findings beside it.
  matches(errorsOf(tables([actuals("12,5")])), [...MODEL_FINDINGS, ["Actuals!D4", '"12,5" has an ambiguous number']]);
});

it("leaves out the amounts' findings when Reps has problems of its own (they could follow from a refused rep)", () => {
  const broken = tables([actuals("12,5")]);
  broken[1] = sheet(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
    [
      ["E1", "Monthly AE", "Monthly", 100000, 50000, 1200000],
      ["E2", "MBO AE", "Mbo", "lots", 50000, 1200000],
    ],
  );
  const messages = errorsOf(broken).map((e) => e.message);
  expect(messages.some((m) => m.includes("spans more than one"))).toBe(false);
  expect(messages.some((m) => m.includes("overlap"))).toBe(true);
});

it("puts a model finding on the cell under the header the table uses for the column (Date for Period)", () => {
  const dated = sheet(
    "Actuals",
    ["RepID", "Date", "Measure", "Amount"],
    [["E1", "2026-Q2", "Bookings", 50000]], // a quarter under a monthly plan
  );
  const straddle = errorsOf(tables([dated])).find((e) => e.message.includes("spans more than one"))!;
  expect([straddle.address, straddle.column]).toEqual(["Actuals!B2", "Date"]);
});

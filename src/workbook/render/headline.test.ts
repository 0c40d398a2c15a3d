import { Decimal } from "../../engine";
import { headline } from "./headline";
import type { ScenarioFigures } from "./totals";

const d = (v: number) => new Decimal(v);
const totals = {
  reps: 10_000,
  variablePay: d(1_234_567.891),
  adjustments: d(0),
  variable: d(1_234_567.891),
  total: d(2_000_000),
  targetVariable: d(1_000_000),
  bookings: d(0),
  pctOfOteSum: d(0),
  atOrAboveQuota: d(4_321),
  capped: d(1_200),
  reachOte: null,
};

describe("headline", () => {
  it("writes counts grouped, as a person does (10,000 reps, not 10000), and money to the minor unit", () => {
    const actual = { name: "Baseline", assumption: null, expected: false, totals, comparedWith: null };
    expect(headline([actual as unknown as ScenarioFigures], "USD")).toEqual([
      "Baseline: 10,000 reps, variable pay USD 1,234,567.89 (123.5% of prorated target variable); 4,321 at or above quota; 1,200 capped.",
    ]);
    const expected = {
      name: "Stretch",
      assumption: "Normal, mean 90%, sd 25%",
      expected: true,
      totals: { ...totals, reachOte: d(2_345.67) },
      comparedWith: null,
    };
    expect(headline([expected as unknown as ScenarioFigures], "JPY")).toEqual([
      "Stretch [Normal, mean 90%, sd 25%]: expected variable pay JPY 1,234,568 (123.5% of target variable); 2,345.7 of 10,000 reps expected to reach OTE.",
    ]);
  });
});

import { Decimal } from "../../engine/decimal";
import { acmeExample } from "../../workbook/example/acme";
import { runWorkbook } from "../../workbook/run";
import { readBaselinePlans } from "./planEditing";
import {
  historyDistribution,
  medianRep,
  realisticFigures,
  realisticInputs,
  whatIfDistribution,
  withTiers,
} from "./planRealistic";
import { table } from "../../../test/workbook/tables";

// One plan, marginal: 1.0× to 100%, 2.0× above. Three reps; the median by target variable is R2 (60,000).
const tables = [
  table(
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable"],
    [
      ["R1", "Ana", "AE", 80000, 50000],
      ["R3", "Cy", "AE", 100000, 70000],
      ["R2", "Ben", "AE", 90000, 60000],
    ],
  ),
  table("Plans", ["Plan", "Measure"], [["AE", "Bookings"]]),
  table(
    "Tiers",
    ["Plan", "From", "To", "Rate"],
    [
      ["AE", 0, 1, 1],
      ["AE", 1, null, 2],
    ],
  ),
  table(
    "AttainmentHistory",
    ["Period", "Attainment"],
    [
      ["2025", 0.5],
      ["2025", 1],
      ["2025", 1.5],
    ],
  ),
];

describe("realistic pay beside the plan editor", () => {
  const inputs = realisticInputs(tables);
  const plan = readBaselinePlans(tables)[0];
  const rep = medianRep(inputs.reps, "AE")!;
  const history = historyDistribution(inputs.history)!;

  it("picks the plan's median rep by target variable", () => {
    expect(rep.id).toBe("R2");
    expect(medianRep(inputs.reps, "Nobody")).toBeNull();
  });

  it("under last year's attainment: the mean of the curve over the history", () => {
    // Curve: 50% → 0.5×, 100% → 1.0×, 150% → 1.0 + 0.5 × 2 = 2.0×. Mean (0.5 + 1 + 2) ÷ 3 = 7/6.
    // Expected variable 60,000 × 7/6 = 70,000; % of OTE (90,000 + 70,000) ÷ 150,000.
    const f = realisticFigures(plan, rep, history);
    expect(f.expectedMultiple.toDecimalPlaces(10).toString()).toBe("1.1666666667");
    expect(f.expectedVariable.toString()).toBe("70000");
    expect(f.pctOfOte!.toDecimalPlaces(6).toString()).toBe("1.066667");
    // Two of three years pay at least 1.0×.
    expect(f.probReachOte.toDecimalPlaces(6).toString()).toBe("0.666667");
    // Percentiles of attainment (PERCENTILE.INC over 50%, 100%, 150%): P10 = 60%, P50 = 100%, P90 = 140%;
    // pay 90,000 + 60,000 × (0.6, 1.0, 1.0 + 0.4 × 2 = 1.8) = 126,000, 150,000, 198,000.
    expect([f.p10, f.p50, f.p90].map(String)).toEqual(["126000", "150000", "198000"]);
  });

  it("recomputes from the edited bands", () => {
    // Rate above 100% raised to 3.0×: 150% → 1.0 + 0.5 × 3 = 2.5×; mean (0.5 + 1 + 2.5) ÷ 3 = 4/3 → 80,000.
    const edited = withTiers(plan, plan.measures[0].measure, [
      { from: new Decimal(0), to: new Decimal(1), rate: new Decimal(1) },
      { from: new Decimal(1), to: null, rate: new Decimal(3) },
    ]);
    expect(realisticFigures(edited, rep, history).expectedVariable.toString()).toBe("80000");
  });

  it("a typed what-if: Normal with sd 0 is everyone at the mean", () => {
    // Flat 80%: 0.8× of 60,000 = 48,000; 138,000 of 150,000 OTE = 92%; never reaches OTE.
    const w = whatIfDistribution("80", "0");
    if (!("dist" in w)) throw new Error(w.problem);
    const f = realisticFigures(plan, rep, w.dist);
    expect(f.expectedVariable.toString()).toBe("48000");
    expect(f.pctOfOte!.toString()).toBe("0.92");
    expect(f.probReachOte.toString()).toBe("0");
    expect(whatIfDistribution("0", "25")).toEqual({ problem: "Mean: type a percent above 0, like 90" });
    expect(whatIfDistribution("90", "wide")).toEqual({
      problem: "Spread: type a percent, like 25 (0 = everyone at the mean)",
    });
  });

  it("without anyone on the plan, the figures are multiples of target", () => {
    // Per 1 of target and no base: expected 7/6, P50 1.0.
    const f = realisticFigures(plan, null, history);
    expect(f.expectedVariable.toDecimalPlaces(4).toString()).toBe("1.1667");
    expect(f.p50.toString()).toBe("1");
  });

  it("matches Results_Realistic for the example's median AE under its history, before any edit", () => {
    const acme = acmeExample().map((t) =>
      table(t.name, [...t.headers], t.rows, {
        columnFormats: t.formats.map((f) => (f === "percent" ? "0.0%" : f === "date" ? "yyyy-mm-dd" : "General")),
      }),
    );
    const i = realisticInputs(acme);
    const ae = readBaselinePlans(acme).find((p) => p.name === "AE")!;
    const median = medianRep(i.reps, "AE")!;
    const f = realisticFigures(ae, median, historyDistribution(i.history)!);
    const sheet = runWorkbook(acme, { sourceName: "x", computedAt: new Date("2026-12-31") }).sheets.find(
      (s) => s.name === "Results_Realistic",
    )!;
    const h = (name: string) => sheet.columns.findIndex((c) => c.header === name);
    const row = sheet.rows.find((r) => r[h("Scenario")] === "Baseline (history)" && r[h("RepID")] === median.id)!;
    expect([f.expectedVariable, f.p10, f.p50, f.p90, f.probReachOte].map((d) => d.toNumber())).toEqual([
      row[h("ExpectedVariable")],
      row[h("P10")],
      row[h("P50")],
      row[h("P90")],
      row[h("ProbAtOrAboveOTE")],
    ]);
  });
});

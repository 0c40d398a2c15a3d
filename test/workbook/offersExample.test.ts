import { evaluateOffers } from "../../src/engine/offers";
import { locateEngineIssue } from "../../src/workbook/engineIssues";
import { acmeExample, type ExampleTable } from "../../src/workbook/example/acme";
import { acmeOffersTable } from "../../src/workbook/example/offers";
import { parseModelInput } from "../../src/workbook/parse";
import { offersSheet } from "../../src/workbook/render/offers";
import type { RawTable } from "../../src/workbook/types";
import { TODAY } from "./tables";

/** An example table as an adapter would read it back: percents and dates carry their number formats. */
function raw(t: ExampleTable): RawTable {
  const format = t.formats.map((f) => (f === "percent" ? "0%" : f === "date" ? "yyyy-mm-dd" : null));
  return {
    name: t.name,
    sheet: t.name,
    source: "table",
    headerRow: 1,
    firstColumn: 1,
    headers: t.headers,
    rows: t.rows,
    numberFormats: t.rows.map(() => format),
  };
}

describe("Acme example offers", () => {
  const offers = acmeOffersTable();
  // The offers use the example's Plans, Tiers and Settings; one rep stands in for the roster they don't depend on.
  const used = acmeExample().filter((t) => ["Settings", "Plans", "Tiers"].includes(t.name));
  const reps: ExampleTable = {
    name: "Reps",
    headers: ["RepID", "Plan", "Base", "TargetVariable"],
    formats: ["text", "text", "money", "money"],
    rows: [["E1", "AE", 100000, 100000]],
  };
  const tables = [...used, reps, offers].map(raw);
  const parsed = parseModelInput(tables, { today: TODAY });
  const evaluation = evaluateOffers(parsed.input!);

  it("is well-formed and parses without problems", () => {
    expect(offers.formats).toHaveLength(offers.headers.length);
    for (const row of offers.rows) expect(row).toHaveLength(offers.headers.length);
    expect(parsed.issues.filter((i) => i.table === "Offers")).toEqual([]);
    expect(parsed.input!.offers!.map((o) => [o.name, o.plan, o.startDate])).toEqual([
      ["Growth-stage director", "Director", "2026-03-01"],
      ["Late-stage director", "AE", "2026-03-01"],
      ["Current job", "Manager", "2026-03-01"],
    ]);
  });

  it("the growth-stage OTE of 240k is worth about 217k at 70% attainment with a quarter of people at quota", () => {
    const growth = evaluation.results[0];
    // Normal(0.7, σ) with P(A ≥ 1) = 25%: σ = 0.3 / Φ⁻¹(0.75) = 0.3 / 0.6744898 = 0.4447807.
    // Curve a + 0.5 (a − 1)⁺: E[max(A, 0)] = 0.7 Φ(0.7/σ) + σ φ(0.7/σ) = 0.7109931;
    // E[(A − 1)⁺] = σ φ(0.6744898) − 0.3 × 0.25 = 0.0663409; multiple = 0.7109931 + 0.5 × 0.0663409 = 0.7441635.
    // Expected variable = 90,000 × 0.7441635 = 66,974.72; steady state 216,974.72; gap 23,025.28.
    expect(growth.expectedVariable.toNumber()).toBeCloseTo(66974.72, 1);
    expect(growth.gapToOte.toNumber()).toBeCloseTo(23025.28, 1);
    // The plan reaches 1.0× exactly at 100% attainment, so P(reach OTE) = P(A ≥ 1) = ShareAtQuota.
    expect(growth.probReachOte.toNumber()).toBeCloseTo(0.25, 12);
  });

  it("warns only that the late-stage plan caps the upside", () => {
    // AE plan: New ARR (70%) capped at 3× target, reached at 150% + (3 − 2) / 2.5 = 190%; Renewals (30%) pays
    // 1 + 1.25 × 0.5 = 1.625 from its 150% attainment cap. Together 0.7 × 3 + 0.3 × 1.625 = 2.5875× of 65,000 = 168,187.50.
    const located = evaluation.issues.map((i) => locateEngineIssue(i, tables));
    expect(located.map((i) => [i.severity, i.row, i.address, i.message])).toEqual([
      [
        "Warning",
        3,
        "Offers!D3",
        "Offer Late-stage director: upside is capped at 2.5875× target variable (USD 168,187.5 a year), reached at 190% attainment: a great year pays no more than that.",
      ],
    ]);
  });

  it("renders one row per offer with a break-even for each pair", () => {
    const sheet = offersSheet(evaluation.results, "Computed from the Acme example");
    expect(sheet.rows.map((r) => r[0])).toEqual(["Growth-stage director", "Late-stage director", "Current job"]);
    const breakEven = sheet.rows.map((r) => r[sheet.columns.length - 1]);
    // Growth 150,000 + 50,000 equity a year + 90,000 × a vs late-stage 165,000 + 40,000 below its 40% gate:
    //   equal at a = 5,000 / 90,000 = 5.6%. Growth vs current job (140,000 + 60,000 × curve, no equity): growth
    //   is 60,000 ahead at 0% and gains faster (90,000 vs 60,000 per 100%, 1.5× both above quota).
    // Late-stage capped at 205,000 + 168,187.50 = 373,187.50 from 190%; the current job pays
    //   200,000 + 90,000 (a − 1) above quota: equal at a = 1 + 173,187.50 / 90,000 = 292.4%.
    expect(breakEven).toEqual([
      "= Late-stage director at 5.6% attainment (above it, this offer pays more); = Current job: none in 0–300% (this offer pays more throughout)",
      "= Current job at 292.4% attainment (above it, Current job pays more)",
      "",
    ]);
  });
});

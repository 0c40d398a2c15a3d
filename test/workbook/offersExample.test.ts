import { Decimal } from "../../src/engine/decimal";
import { evaluateOffers } from "../../src/engine/offers";
import { normalCdf, normalPdf } from "../../src/engine/realistic";
import { locateEngineIssue } from "../../src/workbook/engineIssues";
import { acmeExample, type ExampleTable } from "../../src/workbook/example/acme";
import { exampleRawTables } from "../../src/workbook/example/exampleTable";
import { acmeOffersTable } from "../../src/workbook/example/offers";
import { parseModelInput } from "../../src/workbook/parse";
import { offersSheet } from "../../src/workbook/render/offers";
import type { RawTable } from "../../src/workbook/types";
import { TODAY } from "./tables";

/** An example table as an adapter would read it back: percents and dates carry their number formats. */
const raw = (t: ExampleTable): RawTable =>
  exampleRawTables([t], (f) => (f === "percent" ? "0%" : f === "date" ? "yyyy-mm-dd" : null))[0];

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

  it("the growth-stage OTE of 240k is worth about 213k: its org reached 70%, varying 12% from year to year", () => {
    const growth = evaluation.results[0];
    // StdDev 12% is the org's year-to-year spread: A ~ N(0.7, 0.12). Director curve a + 0.5 (a − 1)⁺:
    //   E[max(A, 0)] = 0.7 Φ(0.7/0.12) + 0.12 φ(0.7/0.12) = 0.7 (to 1e−9)
    //   E[(A − 1)⁺] = 0.12 φ(2.5) − 0.3 (1 − Φ(2.5)) = 0.12 × 0.0175283 − 0.3 × 0.0062097 = 0.0002405
    //   multiple = 0.7 + 0.5 × 0.0002405 = 0.7001202 → 90,000 × 0.7001202 = 63,010.82; gap 240,000 − 213,010.82.
    expect([growth.spread.toString(), growth.spreadSource]).toEqual(["0.12", "StdDev"]);
    const [m, s] = [new Decimal("0.7"), new Decimal("0.12")];
    const z = new Decimal("2.5");
    const above = m.times(normalCdf(m.div(s))).plus(s.times(normalPdf(m.div(s))));
    const tail = s.times(normalPdf(z)).minus(new Decimal("0.3").times(new Decimal(1).minus(normalCdf(z))));
    const byHand = new Decimal(90000).times(above.plus(tail.div(2))).toDecimalPlaces(2);
    expect(byHand.toString()).toBe("63010.82");
    expect(growth.expectedVariable.toString()).toBe(byHand.toString());
    expect(growth.gapToOte.toString()).toBe("26989.18");
    // The plan reaches 1.0× exactly at 100% attainment, so P(reach OTE) = P(A ≥ 1) = 1 − Φ(2.5) = 0.62%.
    expect(growth.probReachOte.toNumber()).toBeCloseTo(0.0062097, 7);
  });

  it("each offer says where its spread came from: StdDev, or the default org spread when none is given", () => {
    expect(evaluation.results.map((r) => [r.offer.name, r.spread.toString(), r.spreadSource])).toEqual([
      ["Growth-stage director", "0.12", "StdDev"],
      ["Late-stage director", "0.08", "StdDev"],
      // No StdDev and no AttainmentHistory in these tables: the default org spread.
      ["Current job", "0.1", "Default"],
    ]);
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
        "Offer Late-stage director: upside is capped at 2.5875× target variable (USD 168,187.50 a year), reached at 190% attainment: a great year pays no more than that.",
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
      "Even with Late-stage director at 5.6% attainment (above it, this offer pays more); Even with Current job: none in 0–300% (this offer pays more throughout)",
      "Even with Current job at 292.4% attainment (above it, Current job pays more)",
      "",
    ]);
  });
});

import { Decimal, ZERO } from "../../src/engine/decimal";
import { evaluateOffers } from "../../src/engine/offers";
import { testOffer } from "../../src/engine/offers/testing/testOffer";
import type { BreakEven } from "../../src/engine/offers/types";
import { settings2026 } from "../../src/engine/testing/builders";
import { breakEvenText, offersSheet, spreadSourceText } from "../../src/workbook/render/offers";

const d = (v: string) => new Decimal(v);

describe("Results_Offers", () => {
  // Linear: base 75,000, TV 75,000, flat 80% (StdDev 0), equity 40,000 over 4 years (10,000 a year).
  // Steady: base 100,000, TV 25,000, the org at 80% with the default org spread, Normal(0.8, 0.1); no equity.
  const { results } = evaluateOffers({
    settings: settings2026,
    plans: new Map(),
    offers: [
      testOffer({
        name: "Linear",
        expectedAttainment: d("0.8"),
        stdDev: ZERO,
        equityValue: d("40000"),
        vestingYears: 4,
        cliffMonths: 12,
      }),
      testOffer({ name: "Steady", base: d("100000"), targetVariable: d("25000"), expectedAttainment: d("0.8") }),
    ],
  });
  const sheet = offersSheet(results, "Computed from offers.xlsx");

  it("lays the offers side by side, one row each", () => {
    expect(sheet.name).toBe("Results_Offers");
    expect(sheet.columns.map((c) => c.header)).toEqual([
      "Offer",
      "Currency",
      "Base",
      "Target variable",
      "OTE",
      "Pay mix",
      "Expected attainment",
      "Attainment spread",
      "Spread source",
      "Expected variable",
      "Steady-state expected",
      "P10",
      "P50",
      "P90",
      "P(reach OTE)",
      "Gap to OTE",
      "Gap %",
      "Year-one expected",
      "Equity per year",
      "One-year total",
      "Four-year total",
      "Break-even",
    ]);
    expect(sheet.rows).toEqual([
      // 75,000 × 0.8 = 60,000; 135,000 steady; gap 15,000 (10%); one year 135,000 + 10,000;
      // four years 135,000 + 3 × 135,000 + 40,000 = 580,000.
      // Break-even: 85,000 + 75,000 a = 100,000 + 25,000 a ⇔ a = 30%; above it Linear pays more.
      [
        "Linear",
        "USD",
        75000,
        75000,
        150000,
        "50/50",
        0.8,
        0,
        "StdDev 0",
        60000,
        135000,
        135000,
        135000,
        135000,
        0,
        15000,
        0.1,
        135000,
        10000,
        145000,
        580000,
        "Even with Steady at 30% attainment (above it, this offer pays more)",
      ],
      // 25,000 × E[max(A, 0)] = 25,000 × (0.8 Φ(8) + 0.1 φ(8)) = 20,000; 120,000 steady; gap 5,000 (4%);
      // four years 4 × 120,000 = 480,000. Percentiles of A: 0.8 ∓ 0.1 × Φ⁻¹(0.9) = 0.8 ∓ 0.128155157:
      // 25,000 × 0.671844843 = 16,796.12 and 25,000 × 0.928155157 = 23,203.88, plus the 100,000 base.
      // P(reach OTE) = P(A ≥ 1) = 1 − Φ(2) = 2.275%.
      [
        "Steady",
        "USD",
        100000,
        25000,
        125000,
        "80/20",
        0.8,
        0.1,
        "Default",
        20000,
        120000,
        116796.12,
        120000,
        123203.88,
        expect.closeTo(0.0227501319, 10),
        5000,
        0.04,
        120000,
        0,
        120000,
        480000,
        "",
      ],
    ]);
    expect(sheet.subtitle).toBe("Computed from offers.xlsx");
  });

  it("stacks base, expected variable and equity per year by offer in a native chart", () => {
    expect(sheet.charts).toEqual([
      {
        kind: "stackedBar",
        title: "Expected pay per year by offer (steady state)",
        xTitle: "Offer",
        yTitle: "Per year (USD)",
        series: [
          { name: "Base", xColumn: 0, yColumn: 2, firstRow: 0, lastRow: 1 },
          { name: "Expected variable", xColumn: 0, yColumn: 9, firstRow: 0, lastRow: 1 },
          { name: "Equity per year", xColumn: 0, yColumn: 18, firstRow: 0, lastRow: 1 },
        ],
      },
    ]);
    // The series point at the columns they are named for.
    for (const s of sheet.charts![0].series)
      expect(sheet.columns[s.yColumn].header.toLowerCase()).toContain(s.name.split(" ")[0].toLowerCase());
  });

  it("has no chart without offers, and says at what rate other currencies were converted", () => {
    expect(offersSheet([], "x").charts).toEqual([]);
    const { results: eur } = evaluateOffers({
      settings: { ...settings2026, fxRates: new Map([["EUR", d("1.1")]]) },
      plans: new Map(),
      offers: [testOffer({ name: "Berlin", currency: "EUR", expectedAttainment: d("0.8") })],
    });
    const s = offersSheet(eur, "x");
    expect(s.subtitle).toBe(
      "x · Amounts in USD; offers in other currencies converted at the Settings rate (EUR at 1.1 USD)",
    );
    // 75,000 EUR × 1.1 = 82,500 USD.
    expect(s.rows[0].slice(0, 3)).toEqual(["Berlin", "USD", 82500]);
  });
});

describe("spread source text", () => {
  it("names where each offer's attainment spread came from", () => {
    const history = { spread: d("0.1"), firstYear: 2023, lastYear: 2025, years: 3 };
    expect(
      [
        { spreadSource: "StdDev", spreadHistory: null },
        { spreadSource: "None", spreadHistory: null },
        { spreadSource: "ShareAtQuota", spreadHistory: null },
        { spreadSource: "AttainmentHistory", spreadHistory: history },
        { spreadSource: "Default", spreadHistory: null },
      ].map((r) => spreadSourceText(r as Parameters<typeof spreadSourceText>[0])),
    ).toEqual(["StdDev", "StdDev 0", "ShareAtQuota (individual plan)", "Org history 2023–2025", "Default"]);
  });

  it("shows the org's history on the sheet when AttainmentHistory spans 2+ plan years", () => {
    // Org attainment 0.8 in 2024 and 1.0 in 2025: sample sd √((0.01 + 0.01) / 1) = 0.141421356.
    const placed = (year: number) => ({ year, periodsPerYear: 1 as const, index: 0 });
    const { results } = evaluateOffers({
      settings: settings2026,
      plans: new Map(),
      offers: [testOffer({ expectedAttainment: d("0.8") })],
      attainmentHistory: [
        { repId: "R1", period: "FY2024", attainment: d("0.8"), placed: placed(2024) },
        { repId: "R1", period: "FY2025", attainment: d("1.0"), placed: placed(2025) },
      ],
    });
    const s = offersSheet(results, "x");
    const cell = (header: string) => s.rows[0][s.columns.findIndex((c) => c.header === header)];
    expect(["Expected attainment", "Attainment spread", "Spread source"].map(cell)).toEqual([
      0.8,
      expect.closeTo(0.141421356, 9),
      "Org history 2024–2025",
    ]);
  });
});

describe("break-even text", () => {
  const be = (b: Partial<BreakEven>): BreakEven => ({
    other: "Growth Co",
    kind: "cross",
    at: [],
    aheadBelow: "other",
    ...b,
  });
  it("names the other offer, the attainment and who pays more above it", () => {
    expect(breakEvenText(be({ at: [d("0.92")] }))).toBe(
      "Even with Growth Co at 92% attainment (above it, this offer pays more)",
    );
    expect(breakEvenText(be({ at: [d("0.9234")], aheadBelow: "this" }))).toBe(
      "Even with Growth Co at 92.3% attainment (above it, Growth Co pays more)",
    );
    // Two crossings: the lead changes twice, so whoever led below the first leads again above the second.
    expect(breakEvenText(be({ at: [d("1.1"), d("1.8")] }))).toBe(
      "Even with Growth Co at 110% and 180% attainment (above 180%, Growth Co pays more)",
    );
  });
  it("says so when the offers never cross, or never differ", () => {
    expect(breakEvenText(be({ kind: "none", aheadBelow: "this" }))).toBe(
      "Even with Growth Co: none in 0–300% (this offer pays more throughout)",
    );
    expect(breakEvenText(be({ kind: "identical", aheadBelow: "tie" }))).toBe(
      "Even with Growth Co at every attainment in 0–300%",
    );
  });
});

import { measure, plan, settings2026, tiers } from "../testing/builders";
import { Decimal, ONE, ZERO } from "../decimal";
import { fitDistribution, normalCdf, normalPdf, realisticOutcome } from "../realistic";
import type { AttainmentRecord, Plan, Settings } from "../types";
import { evaluateOffers } from "./evaluate";
import { offerCurve } from "./offerCurve";
import { testOffer } from "./testing/testOffer";
import type { Offer } from "./types";

const d = (v: string) => new Decimal(v);
const director = plan({ name: "Director", measures: [measure({ tiers: tiers([0, 1, 1], [1, null, 1.5]) })] });
const capped = plan({
  name: "Capped",
  measures: [measure({ tiers: tiers([0, 1, 1], [1, null, 2]), capPayout: d("1.5") })],
});

function run(offers: Offer[], plans: Plan[] = [director, capped], settings: Settings = settings2026) {
  return evaluateOffers({ offers, plans: new Map(plans.map((p) => [p.name, p])), settings });
}
const one = (offer: Partial<Offer>, plans?: Plan[], settings?: Settings) => {
  const { results, issues } = run([testOffer(offer)], plans, settings);
  return { r: results[0], issues };
};

describe("offer evaluation", () => {
  it("the published check: OTE 150k at 50/50, linear uncapped, org at 80% → 15,000 below OTE", () => {
    // No StdDev: the org's attainment is Normal(0.8, 0.1) (the default org spread). On a linear curve the
    // expected variable is 75,000 × E[max(A, 0)] = 75,000 × (0.8 Φ(8) + 0.1 φ(8)) = 60,000 (the censoring adds
    // 0.1 φ(8) − 0.8 (1 − Φ(8)) ≈ 5e−16 of target); steady state 135,000; gap 15,000 = 10% of OTE.
    const { r } = one({ expectedAttainment: d("0.8") });
    expect(r.ote.toString()).toBe("150000");
    expect(r.expectedVariable.toString()).toBe("60000");
    expect(r.steadyStateExpected.toString()).toBe("135000");
    expect(r.gapToOte.toString()).toBe("15000");
    expect(r.gapPct!.toString()).toBe("0.1");
    expect([r.spread.toString(), r.spreadSource, r.spreadHistory]).toEqual(["0.1", "Default", null]);
    // Percentiles of A: 0.8 ∓ 0.1 × Φ⁻¹(0.9) = 0.8 ∓ 0.128155157 → 75,000 × 0.671844843 = 50,388.36 and
    // 75,000 × 0.928155157 = 69,611.64, plus the 75,000 base.
    expect([r.p10, r.p50, r.p90].map(String)).toEqual(["125388.36", "135000", "144611.64"]);
    // P(reach OTE) = P(A ≥ 1) = 1 − Φ(2) = 0.0227501319.
    expect(r.probReachOte.toNumber()).toBeCloseTo(0.0227501319, 10);
  });

  it("StdDev 0 keeps a flat attainment: every percentile is the expected pay, and 80% never reaches OTE", () => {
    const { r } = one({ expectedAttainment: d("0.8"), stdDev: ZERO });
    expect(r.distribution).toEqual({ kind: "Flat", attainment: d("0.8") });
    expect([r.spread.toString(), r.spreadSource]).toEqual(["0", "None"]);
    expect(r.expectedVariable.toString()).toBe("60000");
    expect([r.p10, r.p50, r.p90].map(String)).toEqual(["135000", "135000", "135000"]);
    expect(r.probReachOte.toString()).toBe("0");
  });

  it("a director offer of OTE 240k (40% variable) with the team at 70%: about 28,800 (12%) below OTE", () => {
    // Flat at 70% it would be 96,000 × 0.7 = 67,200 (below 100% the accelerator never applies). With the
    // default org spread, A ~ N(0.7, 0.1), curve a + 0.5 (a − 1)⁺:
    //   E[max(A, 0)] = 0.7 Φ(7) + 0.1 φ(7) = 0.7 + 1.7e−14
    //   E[(A − 1)⁺] = 0.1 φ(3) − 0.3 (1 − Φ(3)) = 0.000443185 − 0.000404970 = 0.0000382148
    //   multiple = 0.7 + 0.5 × 0.0000382148 = 0.7000191074 → 96,000 × 0.7000191074 = 67,201.83.
    const { r } = one({
      base: d("144000"),
      targetVariable: d("96000"),
      plan: "Director",
      expectedAttainment: d("0.7"),
    });
    const z = d("3");
    const tail = d("0.1")
      .times(normalPdf(z))
      .minus(d("0.3").times(ONE.minus(normalCdf(z))));
    const byHand = d("96000")
      .times(d("0.7").plus(tail.div(2)))
      .toDecimalPlaces(2);
    expect(byHand.toString()).toBe("67201.83");
    expect(r.expectedVariable.toString()).toBe(byHand.toString());
    expect(r.steadyStateExpected.toString()).toBe("211201.83");
    expect(r.gapToOte.toString()).toBe("28798.17");
    expect(r.gapPct!.toNumber()).toBeCloseTo(0.11999, 5);
  });

  it("with a Normal spread (sd 20%) the accelerator adds expected pay, exactly as realisticOutcome says", () => {
    const offer = { base: d("144000"), targetVariable: d("96000"), plan: "Director", expectedAttainment: d("0.7") };
    const { r } = one({ ...offer, stdDev: d("0.2") });
    const outcome = realisticOutcome(
      { segments: offerCurve(director, d("96000"), null) },
      fitDistribution({ kind: "Normal", mean: d("0.7"), stdDev: d("0.2"), shareAtQuota: null }, []),
    );
    expect(r.expectedVariable.toString()).toBe(
      d("96000").times(outcome.expectedMultiple).toDecimalPlaces(2).toString(),
    );
    expect(r.p90.toString()).toBe(d("144000").plus(d("96000").times(outcome.p90).toDecimalPlaces(2)).toString());
    // By hand, X ~ N(0.7, 0.2) censored at 0, curve a + 0.5 (a − 1)⁺:
    //   E[max(X, 0)] = 0.7 Φ(3.5) + 0.2 φ(3.5) = 0.7 × 0.99976737 + 0.2 × 0.00087268 = 0.70001170
    //   E[(X − 1)⁺] = 0.2 φ(1.5) − 0.3 (1 − Φ(1.5)) = 0.2 × 0.12951760 − 0.3 × 0.06680720 = 0.00586136
    //   multiple = 0.70001170 + 0.5 × 0.00586136 = 0.70294238 → 96,000 × 0.70294238 = 67,482.47
    expect(r.expectedVariable.toNumber()).toBeCloseTo(67482.47, 0);
    // P(reach OTE) = P(X ≥ 1) = 1 − Φ(1.5) = 0.0668072.
    expect(r.probReachOte.toNumber()).toBeCloseTo(0.0668072, 6);
    // StdDev is the org's year-to-year spread, used as given.
    expect([r.spread.toString(), r.spreadSource]).toEqual(["0.2", "StdDev"]);
  });

  it("year one: ramp, ramp guarantee and sign-on; one- and four-year totals with equity", () => {
    // Steady: 60,000 a year (5,000 a month). Ramp 3 months with a 50% guarantee (3,125 a month):
    // 3,125 + 3,125 + 3,750 + 9 × 5,000 = 55,000. Year-one cash = 75,000 + 55,000 + 10,000 = 140,000.
    // Equity 100,000 over 4 years, 12-month cliff, monthly: 25,000 a year.
    // One year = 140,000 + 25,000 = 165,000. Four years = 140,000 + 3 × 135,000 + 100,000 = 645,000.
    const { r } = one({
      expectedAttainment: d("0.8"),
      rampMonths: 3,
      rampGuarantee: d("0.5"),
      signOnBonus: d("10000"),
      equityValue: d("100000"),
      vestingYears: 4,
      cliffMonths: 12,
      vestingFrequency: "Monthly",
    });
    expect(r.yearOne).toMatchObject({ start: "2026-01-01", end: "2026-12-31" });
    expect([r.yearOne.variable, r.yearOne.cash].map(String)).toEqual(["55000", "140000"]);
    expect(r.equity.byYear.map(String)).toEqual(["25000", "25000", "25000", "25000"]);
    expect(r.equity.perYear.toString()).toBe("25000");
    expect(r.oneYearTotal.toString()).toBe("165000");
    expect(r.fourYearTotal.toString()).toBe("645000");
  });

  it("a start in mid-year moves year one's dates, not the vesting per year of tenure", () => {
    const terms = { expectedAttainment: d("0.8"), equityValue: d("100000"), vestingYears: 4, cliffMonths: 12 };
    const { r } = one({ ...terms, startDate: "2026-07-15" });
    expect(r.yearOne).toMatchObject({ start: "2026-07-15", end: "2027-07-14" });
    expect(r.equity.byYear.map(String)).toEqual(["25000", "25000", "25000", "25000"]);
    expect(r.oneYearTotal.toString()).toBe("160000"); // 75,000 + 60,000 + 25,000
  });

  it("a non-recoverable draw lifts year one; a recoverable one changes nothing", () => {
    // Draw 5,500 a month > every expected month (5,000): 12 × 5,500 = 66,000.
    const nonRec = one({ expectedAttainment: d("0.8"), draw: d("5500"), drawType: "NonRecoverable" }).r;
    expect(nonRec.yearOne.variable.toString()).toBe("66000");
    const rec = one({ expectedAttainment: d("0.8"), draw: d("5500"), drawType: "Recoverable" }).r;
    expect(rec.yearOne.variable.toString()).toBe("60000");
  });

  it("converts an offer in another currency at the Settings rate", () => {
    // 100,000 EUR base + 50,000 EUR TV at 1.1 USD per EUR, flat 80%: 110,000 + 44,000 = 154,000 USD.
    const settings = { ...settings2026, fxRates: new Map([["EUR", d("1.1")]]) };
    const { r } = one(
      { currency: "EUR", base: d("100000"), targetVariable: d("50000"), expectedAttainment: d("0.8") },
      undefined,
      settings,
    );
    expect(r).toMatchObject({ currency: "USD" });
    expect([r.base, r.targetVariable, r.expectedVariable, r.steadyStateExpected].map(String)).toEqual([
      "110000",
      "55000",
      "44000",
      "154000",
    ]);
  });

  it("break-evens: each pair once, from the first offer's row", () => {
    // A: 150,000 + 90,000 a; B: 170,000 + 50,000 a → equal at 50%. C: 150,000 flat, no variable,
    // with 20,000 equity a year: 170,000 vs A's 150,000 + 90,000 a → equal at 2/9 ≈ 22.2%; vs B: B ≥ C everywhere.
    const { results } = run([
      testOffer({ name: "A", base: d("150000"), targetVariable: d("90000"), expectedAttainment: d("0.7") }),
      testOffer({ name: "B", base: d("170000"), targetVariable: d("50000"), expectedAttainment: d("0.7") }),
      testOffer({
        name: "C",
        base: d("150000"),
        targetVariable: ZERO,
        equityValue: d("80000"),
        vestingYears: 4,
        cliffMonths: 12,
      }),
    ]);
    const [a, b, c] = results;
    expect(
      a.breakEvens.map((x) => [x.other, x.kind, x.at.map((v) => v.toDecimalPlaces(6).toString()), x.aheadBelow]),
    ).toEqual([
      ["B", "cross", ["0.5"], "other"],
      ["C", "cross", ["0.222222"], "other"],
    ]);
    // B − C = 50,000 a: equal only at 0%, B ahead above it.
    expect(b.breakEvens.map((x) => [x.other, x.kind, x.aheadBelow])).toEqual([["C", "none", "this"]]);
    expect(c.breakEvens).toEqual([]);
  });
});

describe("what the candidate should ask", () => {
  const messages = (issues: { column?: string; message: string; source?: string; severity: string }[]) =>
    issues.map((i) => [i.severity, i.source, i.column, i.message]);

  it("warns about a missing plan, a missing attainment and equity without vesting terms, naming the row", () => {
    const { issues } = one({ equityValue: d("100000") });
    expect(messages(issues)).toEqual([
      [
        "Warning",
        "Offers row 2",
        "Plan",
        expect.stringContaining("Ask for the bonus structure: accelerators, caps, thresholds"),
      ],
      [
        "Warning",
        "Offers row 2",
        "ExpectedAttainment",
        expect.stringContaining("Ask what share of quota the org reached last year"),
      ],
      [
        "Warning",
        "Offers row 2",
        "EquityValue",
        expect.stringContaining("no VestingYears and CliffMonths; assumed 4 years with a 12-month cliff"),
      ],
    ]);
  });

  it("says where the upside is capped", () => {
    // Cap 1.5× of 65,000 = 97,500, reached at 125% attainment.
    const { issues } = one({
      base: d("165000"),
      targetVariable: d("65000"),
      plan: "Capped",
      expectedAttainment: d("0.7"),
    });
    expect(messages(issues)).toEqual([
      [
        "Warning",
        "Offers row 2",
        "Plan",
        "Offer Offer A: upside is capped at 1.5× target variable (USD 97,500.00 a year), reached at 125% attainment: a great year pays no more than that.",
      ],
    ]);
  });

  it("asks whether a draw is recoverable when the offer doesn't say", () => {
    const { issues } = one({ plan: "Director", expectedAttainment: d("0.8"), draw: d("5000") });
    expect(messages(issues)).toEqual([
      ["Warning", "Offers row 2", "Draw", expect.stringContaining("Ask whether the draw is recoverable")],
    ]);
  });

  it("an impossible spread is an Error on its column and the offer is left out", () => {
    // Mean 70% (below quota): a Normal has under 50% of reps at quota, so 60% is impossible.
    const { results, issues } = run([
      testOffer({ plan: "Director", expectedAttainment: d("0.7"), shareAtQuota: d("0.6") }),
    ]);
    expect(results).toEqual([]);
    expect(messages(issues)).toEqual([
      ["Error", "Offers row 2", "ShareAtQuota", expect.stringContaining("impossible")],
    ]);
  });
});

describe("the org's attainment spread", () => {
  const team = plan({
    name: "TeamDirector",
    measures: [measure({ basis: "Team", tiers: tiers([0, 1, 1], [1, null, 1.5]) })],
  });
  const gated = plan({ name: "Gated", measures: [measure({ threshold: d("0.5"), tiers: tiers([0, null, 1]) })] });
  const plans = [director, capped, team, gated];
  const evaluate = (offers: Offer[], attainmentHistory: AttainmentRecord[] = []) =>
    evaluateOffers({
      offers,
      plans: new Map(plans.map((p) => [p.name, p])),
      settings: settings2026,
      attainmentHistory,
    });

  /** A whole plan year for one rep. */
  const year = (repId: string, y: number, attainment: string): AttainmentRecord => ({
    repId,
    period: `FY${y}`,
    attainment: d(attainment),
    placed: { year: y, periodsPerYear: 1, index: 0 },
  });
  /** One quarter of a plan year for one rep. */
  const quarterOf = (repId: string, y: number, q: number, attainment: string): AttainmentRecord => ({
    repId,
    period: `${y}-Q${q}`,
    attainment: d(attainment),
    placed: { year: y, periodsPerYear: 4, index: q - 1 },
  });
  // Org attainment by year (equal-quota mean of its rep-years): 2023 (0.7 + 0.9) / 2 = 0.8;
  // 2024 (0.8 + 1.0) / 2 = 0.9; 2025 R1's quarters average (1.2 + 1.0 + 0.9 + 1.3) / 4 = 1.1, R2 0.9 → 1.0.
  // Sample sd of 0.8, 0.9, 1.0 = √((0.01 + 0 + 0.01) / 2) = 0.1. The unplaced record is left out.
  const history: AttainmentRecord[] = [
    year("R1", 2023, "0.7"),
    year("R2", 2023, "0.9"),
    year("R1", 2024, "0.8"),
    year("R2", 2024, "1.0"),
    quarterOf("R1", 2025, 1, "1.2"),
    quarterOf("R1", 2025, 2, "1.0"),
    quarterOf("R1", 2025, 3, "0.9"),
    quarterOf("R1", 2025, 4, "1.3"),
    year("R2", 2025, "0.9"),
    { repId: "R3", period: "last year", attainment: d("3"), placed: null },
  ];

  it("no plan, 70%, no StdDev: Normal(0.7, 0.1) expects 70,000.00 of 100,000, and reaches OTE 0.13% of the time", () => {
    const { results, issues } = evaluate([
      testOffer({ base: d("100000"), targetVariable: d("100000"), expectedAttainment: d("0.7") }),
    ]);
    const r = results[0];
    expect([r.spread.toString(), r.spreadSource]).toEqual(["0.1", "Default"]);
    expect(r.distribution).toEqual({ kind: "Normal", mu: d("0.7"), sigma: d("0.1") });
    // Linear from 0, uncapped, censored at 0: E[max(A, 0)] = μ Φ(μ/σ) + σ φ(μ/σ) = 0.7 Φ(7) + 0.1 φ(7)
    //   = 0.7 − 0.7 × 1.28e−12 + 0.1 × 9.13e−12 = 0.7 + 1.7e−14 → 100,000 × that = 70,000.0000000017.
    const closedForm = d("0.7")
      .times(normalCdf(d("7")))
      .plus(d("0.1").times(normalPdf(d("7"))));
    expect(closedForm.minus("0.7").abs().lt("1e-13")).toBe(true);
    expect(d("100000").times(closedForm).toDecimalPlaces(2).toFixed(2)).toBe("70000.00");
    expect(r.expectedVariable.toFixed(2)).toBe("70000.00");
    // P(reach OTE) = P(A ≥ 1) = 1 − Φ(3) = 0.00134990 (0.13%).
    expect(r.probReachOte.toNumber()).toBeCloseTo(0.0013499, 7);
    expect(
      r.probReachOte
        .minus(ONE.minus(normalCdf(d("3"))))
        .abs()
        .lt("1e-25"),
    ).toBe(true);
    // Only the usual questions (no plan); the default spread itself is documented, not warned about.
    expect(issues.map((i) => i.column)).toEqual(["Plan"]);
  });

  it("AttainmentHistory over 3 plan years gives the org's year-to-year spread: 0.8, 0.9, 1.0 → 0.1", () => {
    const { results } = evaluate(
      [testOffer({ base: d("100000"), targetVariable: d("100000"), expectedAttainment: d("0.7") })],
      history,
    );
    const r = results[0];
    expect([r.spread.toString(), r.spreadSource]).toEqual(["0.1", "AttainmentHistory"]);
    expect(r.spreadHistory).toEqual({ spread: d("0.1"), firstYear: 2023, lastYear: 2025, years: 3 });
    expect(r.expectedVariable.toFixed(2)).toBe("70000.00");
  });

  it("a wider org history is used as the spread: 0.6, 0.8, 1.0 → 0.2, the same as StdDev 20%", () => {
    // Org years 0.6, 0.8, 1.0: sample sd √((0.04 + 0 + 0.04) / 2) = 0.2.
    const wide = [year("R1", 2023, "0.6"), year("R1", 2024, "0.8"), year("R1", 2025, "1.0")];
    const terms = { base: d("144000"), targetVariable: d("96000"), plan: "Director", expectedAttainment: d("0.7") };
    const fromHistory = evaluate([testOffer(terms)], wide).results[0];
    const stated = evaluate([testOffer({ ...terms, stdDev: d("0.2") })]).results[0];
    expect([fromHistory.spread.toString(), fromHistory.spreadSource]).toEqual(["0.2", "AttainmentHistory"]);
    // 67,482.47 by hand (see "with a Normal spread (sd 20%)" above).
    expect(fromHistory.expectedVariable.toString()).toBe("67482.47");
    expect(fromHistory.expectedVariable.toString()).toBe(stated.expectedVariable.toString());
  });

  it("StdDev comes before the history; one plan year of history is not enough, so the default applies", () => {
    const offer = testOffer({ expectedAttainment: d("0.7"), stdDev: d("0.05") });
    expect(evaluate([offer], history).results[0]).toMatchObject({ spreadSource: "StdDev", spreadHistory: null });
    const oneYear = evaluate([testOffer({ expectedAttainment: d("0.7") })], history.slice(0, 2)).results[0];
    expect([oneYear.spread.toString(), oneYear.spreadSource]).toEqual(["0.1", "Default"]);
  });

  it("a 50% gate with the org spread: 100,000 × (0.7 Φ(2) + 0.1 φ(2)) = 68,947.40", () => {
    // Pays a × target from 50% attainment, nothing below. A ~ N(0.7, 0.1):
    //   E[A; A ≥ 0.5] = μ (1 − Φ(−2)) + σ φ(−2) = 0.7 × 0.977249868 + 0.1 × 0.053990967
    //                 = 0.684074908 + 0.005399097 = 0.689474005 → 68,947.40 (flat at 70% it would be 70,000).
    const { results } = evaluate([
      testOffer({ base: d("100000"), targetVariable: d("100000"), plan: "Gated", expectedAttainment: d("0.7") }),
    ]);
    const r = results[0];
    const byHand = d("100000")
      .times(
        d("0.7")
          .times(normalCdf(d("2")))
          .plus(d("0.1").times(normalPdf(d("2")))),
      )
      .toDecimalPlaces(2);
    expect(byHand.toString()).toBe("68947.4");
    expect(r.expectedVariable.toString()).toBe(byHand.toString());
    // P10 of A = 0.7 − 0.128155157 = 0.571844843, above the gate: 100,000 + 57,184.48.
    expect(r.p10.toString()).toBe("157184.48");
    // The chance of missing the gate, P(A < 0.5) = Φ(−2) = 2.28%; of reaching OTE, 1 − Φ(3) = 0.13%.
    expect(r.probReachOte.toNumber()).toBeCloseTo(0.0013499, 7);
  });

  it("ShareAtQuota on an individual-contributor plan is the candidate's own spread, as before", () => {
    // σ = (1 − 0.7) / Φ⁻¹(0.75) = 0.3 / 0.6744898 = 0.4447807; P(A ≥ 1) = 25% exactly.
    const { results, issues } = evaluate(
      [testOffer({ plan: "Director", expectedAttainment: d("0.7"), shareAtQuota: d("0.25") })],
      history,
    );
    const r = results[0];
    expect(r.spreadSource).toBe("ShareAtQuota");
    expect(r.spread.toNumber()).toBeCloseTo(0.4447807, 7);
    expect(r.probReachOte.toNumber()).toBeCloseTo(0.25, 12);
    expect(issues).toEqual([]);
  });

  it("ShareAtQuota on a team plan, or with no plan, is not used: a warning says which spread was", () => {
    const teamOffer = testOffer({ plan: "TeamDirector", expectedAttainment: d("0.7"), shareAtQuota: d("0.25") });
    const noPlan = testOffer({ name: "Offer B", expectedAttainment: d("0.7"), shareAtQuota: d("0.25") });
    const withHistory = evaluate([teamOffer, noPlan], history);
    expect(withHistory.results.map((r) => [r.spread.toString(), r.spreadSource])).toEqual([
      ["0.1", "AttainmentHistory"],
      ["0.1", "AttainmentHistory"],
    ]);
    const spreadWarnings = (issues: { column?: string; message: string; severity: string; source?: string }[]) =>
      issues.filter((i) => i.column === "ShareAtQuota").map((i) => [i.severity, i.source, i.message]);
    expect(spreadWarnings(withHistory.issues)).toEqual([
      [
        "Warning",
        "Offers row 2",
        "Offer Offer A: ShareAtQuota is the share of individual reps at quota: it describes one rep's spread, not the org's, whose attainment varies far less from year to year. As plan TeamDirector has a Team-basis measure, ShareAtQuota is not used; the spread used is the org's year-to-year spread in AttainmentHistory 2023–2025, 10%. Give StdDev for the year-to-year spread of the org's attainment.",
      ],
      [
        "Warning",
        "Offers row 2",
        expect.stringContaining(
          "As the offer has no Plan saying the bonus is on the candidate's own quota, ShareAtQuota is not used",
        ),
      ],
    ]);
    // Without history the default applies; the same team offer at the default matches an offer with no spread.
    const alone = evaluate([teamOffer, testOffer({ ...teamOffer, name: "Same", shareAtQuota: null })]);
    expect(alone.results.map((r) => r.spreadSource)).toEqual(["Default", "Default"]);
    expect(alone.results[0].expectedVariable.toString()).toBe(alone.results[1].expectedVariable.toString());
    expect(spreadWarnings(alone.issues)).toEqual([
      ["Warning", "Offers row 2", expect.stringContaining("the spread used is the default org spread, 10%.")],
    ]);
  });

  it("an impossible ShareAtQuota on a team plan is not used, so it is no error", () => {
    const { results, issues } = evaluate([
      testOffer({ plan: "TeamDirector", expectedAttainment: d("0.7"), shareAtQuota: d("0.6") }),
    ]);
    expect(results.map((r) => r.spreadSource)).toEqual(["Default"]);
    expect(issues.map((i) => [i.severity, i.column])).toEqual([["Warning", "ShareAtQuota"]]);
  });
});

describe("an org that reached 0%", () => {
  it("is still valued (no spread was stated, so the org spread applies around 0)", () => {
    // Censored Normal(0, 0.1) on a linear curve: E[max(A, 0)] = 0.1 φ(0) = 0.0398942 → 3,989.42 of 100,000.
    const { r, issues } = one({ targetVariable: d("100000"), expectedAttainment: ZERO });
    expect(issues.filter((i) => i.severity === "Error")).toEqual([]);
    expect(r.expectedVariable.toString()).toBe(d("10000").times(normalPdf(ZERO)).toDecimalPlaces(2).toString());
    expect(r.expectedVariable.toString()).toBe("3989.42");
  });
});

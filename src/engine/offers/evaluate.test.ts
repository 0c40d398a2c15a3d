import { measure, plan, settings2026, tiers } from "../../../test/engine/builders";
import { Decimal, ZERO } from "../decimal";
import { fitDistribution, realisticOutcome } from "../realistic";
import type { Plan, Settings } from "../types";
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
  it("the published check: OTE 150k at 50/50, linear uncapped, flat 80% → 15,000 below OTE", () => {
    // Expected variable = 75,000 × 0.8 = 60,000; steady state = 75,000 + 60,000 = 135,000;
    // gap = 150,000 − 135,000 = 15,000 = 10% of OTE.
    const { r } = one({ expectedAttainment: d("0.8") });
    expect(r.ote.toString()).toBe("150000");
    expect(r.expectedVariable.toString()).toBe("60000");
    expect(r.steadyStateExpected.toString()).toBe("135000");
    expect(r.gapToOte.toString()).toBe("15000");
    expect(r.gapPct!.toString()).toBe("0.1");
    // Flat attainment: every percentile is the expected pay, and 80% never reaches OTE.
    expect([r.p10, r.p50, r.p90].map(String)).toEqual(["135000", "135000", "135000"]);
    expect(r.probReachOte.toString()).toBe("0");
  });

  it("a director offer of OTE 240k (40% variable) with the team at 70%: 28,800 (12%) below OTE", () => {
    // 96,000 × 0.7 = 67,200 (below 100% the accelerator never applies); 144,000 + 67,200 = 211,200;
    // gap 240,000 − 211,200 = 28,800 = 12% of 240,000.
    const { r } = one({
      base: d("144000"),
      targetVariable: d("96000"),
      plan: "Director",
      expectedAttainment: d("0.7"),
    });
    expect(r.expectedVariable.toString()).toBe("67200");
    expect(r.steadyStateExpected.toString()).toBe("211200");
    expect(r.gapToOte.toString()).toBe("28800");
    expect(r.gapPct!.toString()).toBe("0.12");
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
        "Offer Offer A: upside is capped at 1.5× target variable (USD 97,500 a year), reached at 125% attainment: a great year pays no more than that.",
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

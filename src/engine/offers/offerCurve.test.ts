import { measure, plan, tiers } from "../testing/builders";
import { Decimal } from "../decimal";
import { capAttainment, capMultiple, offerCurve } from "./offerCurve";
import { makeCurve } from "../line/segments";

const d = (v: string) => new Decimal(v);
const at = (segments: ReturnType<typeof offerCurve>, a: string) => makeCurve("", segments).evaluate(d(a)).toString();

describe("offer payout curve", () => {
  it("no plan: 1.0× target per 100% attainment, uncapped", () => {
    const c = offerCurve(null, d("75000"), null);
    expect([at(c, "0.8"), at(c, "2.5")]).toEqual(["0.8", "2.5"]);
    expect(capMultiple(c)).toBeNull();
  });

  it("a director plan: linear to 100%, 1.5× above", () => {
    const director = plan({ name: "Director", measures: [measure({ tiers: tiers([0, 1, 1], [1, null, 1.5]) })] });
    const c = offerCurve(director, d("96000"), null);
    // 70% → 0.7; 120% → 1 + 1.5 × 0.2 = 1.3.
    expect([at(c, "0.7"), at(c, "1.2")]).toEqual(["0.7", "1.3"]);
  });

  it("combines measures by weight, one attainment driving both", () => {
    // 70% linear + 30% with 2× above 100%: at 150%, 0.7 × 1.5 + 0.3 × (1 + 2 × 0.5) = 1.05 + 0.6 = 1.65.
    const p = plan({
      measures: [
        measure({ measure: "New ARR", weight: d("0.7") }),
        measure({ measure: "Renewals", weight: d("0.3"), tiers: tiers([0, 1, 1], [1, null, 2]) }),
      ],
    });
    expect(at(offerCurve(p, d("100000"), null), "1.5")).toBe("1.65");
  });

  it("a WeightedAttainment plan runs the first measure's curve on the whole target", () => {
    // First measure: 2× above 100%; at 150%: 1 + 2 × 0.5 = 2 (the second measure's own curve is not used).
    const p = plan({
      combine: "WeightedAttainment",
      measures: [
        measure({ measure: "New ARR", weight: d("0.7"), tiers: tiers([0, 1, 1], [1, null, 2]) }),
        measure({ measure: "Renewals", weight: d("0.3") }),
      ],
    });
    expect(at(offerCurve(p, d("100000"), null), "1.5")).toBe("2");
  });

  it("pays a flat kicker once per period over the year: 4 quarters × 2,000 on a 60,000 target", () => {
    const kicker = { rate: d("0"), from: d("1.1"), mode: "Marginal" as const, amount: d("2000") };
    const quarterly = plan({ period: "Quarter", measures: [measure({ kicker })] });
    // 125%: 1.25 + 4 × 2,000 ÷ 60,000; 105%: below the trigger, 1.05.
    expect(at(offerCurve(quarterly, d("60000"), null), "1.25")).toBe(d("1.25").plus(d("8000").div(60000)).toString());
    expect(at(offerCurve(quarterly, d("60000"), null), "1.05")).toBe("1.05");
    // Monthly, 500 a month: 1.25 + 12 × 500 ÷ 60,000 = 1.35.
    const monthly = plan({ period: "Month", measures: [measure({ kicker: { ...kicker, amount: d("500") } })] });
    expect(at(offerCurve(monthly, d("60000"), null), "1.25")).toBe("1.35");
  });

  it("finds a payout cap and where it is reached", () => {
    // 1.0× to 100%, 2× above, capped at 1.5× target: reached at 100% + 0.5/2 = 125%.
    const p = plan({ measures: [measure({ tiers: tiers([0, 1, 1], [1, null, 2]), capPayout: d("1.5") })] });
    const c = offerCurve(p, d("65000"), null);
    expect(capMultiple(c)?.toString()).toBe("1.5");
    expect(capAttainment(c)?.toString()).toBe("1.25");
  });

  it("a percent-of-bookings plan uses the offer's quota for its BCR", () => {
    // 12% of bookings, TV 100,000, quota 1,000,000: at 100% the rep books 1,000,000 and earns 120,000 = 1.2× target.
    const p = plan({ measures: [measure({ rateType: "Percent", tiers: tiers([0, null, "0.12"]) })] });
    expect(at(offerCurve(p, d("100000"), d("1000000")), "1")).toBe("1.2");
  });
});

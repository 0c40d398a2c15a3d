import fc from "fast-check";
import { compileMeasureRule, payLine, quotient, reciprocalAbove } from "../../src/engine/measureRule";
import { ratio } from "../../src/engine/ratio";
import { roundMoney } from "../../src/engine/rounding";
import { d, measure, tiers } from "./builders";

// The example AE New ARR table: decelerated below 50%, accelerators above 100%.
const aeTiers = tiers([0, 0.5, 0.5], [0.5, 1, 1.5], [1, 1.5, 2], [1.5, null, 2.5]);
const quarterTarget = ratio(d(25000)); // TV 100,000 × weight 1 × 3/12
const quota = d(250000);

function pay(actual: string | number, overrides = {}, target = quarterTarget, q = quota) {
  const rule = compileMeasureRule(measure({ tiers: aeTiers, ...overrides }));
  const out = payLine(rule, d(actual), ratio(q), target);
  return { ...out, rounded: roundMoney(out.payout, "USD").toFixed(2) };
}

describe("marginal tiers (each slice at its band's rate)", () => {
  it("pays a decelerated slice below 50%", () => {
    // 100,000 / 250,000 = 40% → 0.5 × 0.4 = 0.2 × 25,000 = 5,000
    expect(pay(100000).rounded).toBe("5000.00");
  });
  it("pays 100% of target at 100% attainment", () => {
    // 0.5×0.5 + 1.5×0.5 = 1.0 × 25,000
    expect(pay(250000).rounded).toBe("25000.00");
  });
  it("accelerates above 100%", () => {
    // 120%: 1.0 + 2.0 × 0.2 = 1.4 × 25,000 = 35,000
    expect(pay(300000).rounded).toBe("35000.00");
    // 80%: 0.25 + 1.5 × 0.3 = 0.7 × 25,000 = 17,500
    expect(pay(200000).rounded).toBe("17500.00");
  });
  it("pays every band at 200%", () => {
    // 200%: 0.25 + 0.75 + 2×0.5 + 2.5×0.5 = 3.25 × 25,000 = 81,250
    const out = pay(500000);
    expect(out.rounded).toBe("81250.00");
    expect(out.rate.toString()).toBe("2.5");
  });
  it("pays odd amounts to the cent", () => {
    // 123,456.78 / 250,000 = 0.49382712 → 0.5 × 0.49382712 × 25,000 = 6,172.839 → 6,172.84
    expect(pay("123456.78").rounded).toBe("6172.84");
  });
});

describe("threshold (gate)", () => {
  it("pays nothing just below the gate and the whole curve at it", () => {
    // 99,999 / 250,000 = 39.9996% < 40% → 0; at 40% the whole curve: 5,000
    const below = pay(99999, { threshold: d(0.4) });
    expect(below.rounded).toBe("0.00");
    expect(below.gated).toBe(true);
    expect(pay(100000, { threshold: d(0.4) }).rounded).toBe("5000.00");
  });
});

describe("caps", () => {
  it("caps payout at a multiple of target", () => {
    // 200% would pay 81,250; cap 3 × 25,000 = 75,000
    const out = pay(500000, { capPayout: d(3) });
    expect(out.rounded).toBe("75000.00");
    expect(out.capped).toBe("Payout");
  });
  it("caps attainment: credit above the cap is not paid", () => {
    // cap 150%: pays as at 150% = 0.25 + 0.75 + 2×0.5 = 2.0 × 25,000 = 50,000
    const out = pay(500000, { capAttainment: d(1.5) });
    expect(out.rounded).toBe("50000.00");
    expect(out.capped).toBe("Attainment");
    expect(out.attainment!.num.div(out.attainment!.den).toString()).toBe("2");
  });
});

describe("retroactive tiers (everything at the rate of the band reached)", () => {
  it("pays all credit at the reached band's rate", () => {
    // 80% is in [50%,100%) at 1.5 → 1.5 × 0.8 = 1.2 × 25,000 = 30,000
    expect(pay(200000, { tierMode: "Retroactive" }).rounded).toBe("30000.00");
    // 120% in [100%,150%) at 2.0 → 2.4 × 25,000 = 60,000
    expect(pay(300000, { tierMode: "Retroactive" }).rounded).toBe("60000.00");
    // band boundaries: From included, To excluded — exactly 100% is in the 2.0 band: 2.0 × 25,000
    expect(pay(250000, { tierMode: "Retroactive" }).rounded).toBe("50000.00");
  });
});

describe("curve points (payout multiple at attainment points, linear between, 0 below the first)", () => {
  const points = tiers([0.5, null, 0.25], [1, null, 1], [2, null, 3]);
  it("interpolates and holds flat after the last point", () => {
    expect(pay(100000, { tierMode: "Curve", tiers: points }).rounded).toBe("0.00"); // 40% < first point
    // 75%: 0.25 + (0.75 − 0.5) × (1 − 0.25)/(1 − 0.5) = 0.25 + 0.375 = 0.625 × 25,000 = 15,625
    expect(pay(187500, { tierMode: "Curve", tiers: points }).rounded).toBe("15625.00");
    // 300% → flat at 3 × 25,000 = 75,000
    expect(pay(750000, { tierMode: "Curve", tiers: points }).rounded).toBe("75000.00");
  });
});

describe("percent of credited amount", () => {
  it("pays a commission rate on attainment bands", () => {
    // 8% to 100% of quota, 12% above: 300,000 on 250,000 → 0.08×250,000 + 0.12×50,000 = 20,000 + 6,000
    const out = pay(300000, { rateType: "Percent", tiers: tiers([0, 1, 0.08], [1, null, 0.12]) });
    expect(out.rounded).toBe("26000.00");
  });
  it("pays on amount bands", () => {
    // 5% of the first 100,000, 8% above: 150,000 → 5,000 + 4,000 = 9,000
    const t = tiers([0, 100000, 0.05], [100000, null, 0.08]);
    expect(pay(150000, { rateType: "Percent", tierBasis: "Amount", tiers: t }).rounded).toBe("9000.00");
  });
  it("pays multiples of BCR on amount bands", () => {
    // BCR = 25,000 / 250,000 = 0.1; 1× BCR to 200,000 then 2× BCR: 300,000 → 0.1×200,000 + 0.2×100,000 = 40,000
    const t = tiers([0, 200000, 1], [200000, null, 2]);
    expect(pay(300000, { tierBasis: "Amount", tiers: t }).rounded).toBe("40000.00");
  });
});

describe("rounding at one point, half away from zero", () => {
  it("rounds an exact half cent up, even when the target is a twelfth", () => {
    // TV 100 paid monthly: target = 100/12 (no finite decimal). Actual 6 on quota 10,000 = 0.06%.
    // Exact payout = 100/12 × 6/10,000 = 0.005 → 0.01. Evaluating 100/12 first (8.3333…) would give 0.00499… → 0.00.
    const rule = compileMeasureRule(measure());
    const out = payLine(rule, d(6), ratio(d(10000)), ratio(d(100), d(12)));
    expect(roundMoney(out.payout, "USD").toFixed(2)).toBe("0.01");
  });
  it("rounds negatives away from zero and respects the currency's minor unit", () => {
    expect(roundMoney(d("-0.005"), "USD").toFixed(2)).toBe("-0.01");
    expect(roundMoney(d("2.345"), "EUR").toFixed(2)).toBe("2.35");
    expect(roundMoney(d("1234.5"), "JPY").toFixed(0)).toBe("1235");
  });
});

describe("division by a pricer's reciprocal", () => {
  const cents = (x: ReturnType<typeof d>) => roundMoney(x, "USD").toFixed(2);

  it("rounds every exact half cent up, as exact division does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (dCents, k) => {
          const D = d(dCents).div(100);
          const tie = d(k).plus("0.005"); // a payout exactly on a half cent
          const n = tie.times(D); // exact: short decimals
          expect(cents(quotient(n, D, reciprocalAbove(D)))).toBe(cents(n.div(D)));
          expect(cents(quotient(n, D, reciprocalAbove(D)))).toBe(tie.toDecimalPlaces(2).toFixed(2));
        },
      ),
    );
  });

  it("agrees with exact division on any money over any quota", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e11 }), (nCents, dCents) => {
        const n = d(nCents).div(100).times(7); // a multiple-rate numerator
        const D = d(dCents).div(100).times(12); // a monthly target's denominator × quota
        expect(cents(quotient(n, D, reciprocalAbove(D)))).toBe(cents(n.div(D)));
      }),
      { numRuns: 2000 },
    );
  });
});

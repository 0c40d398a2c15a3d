import fc from "fast-check";
import Big from "decimal.js";
import { fixedOf, QuotientRounding } from "../../src/engine/exact/fixed";
import { payLine } from "../../src/engine/line/pricer";
import { compileMeasureRule } from "../../src/engine/line/measureRule";
import { ratio } from "../../src/engine/exact/ratio";
import { roundMoney } from "../../src/engine/exact/rounding";
import { d, measure, tiers } from "../../src/engine/testing/builders";

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

describe("a pricer's rounded quotient", () => {
  // Oracle: decimal.js at 80 digits, far more than any quotient here needs away from a tie.
  const Wide = Big.clone({ precision: 80, rounding: Big.ROUND_HALF_UP });
  const rounded = (n: bigint, scale: number, D: ReturnType<typeof d>) => {
    const q = new QuotientRounding(fixedOf(D), scale, 2);
    return q.round(n).toString();
  };
  const oracle = (n: bigint, scale: number, D: ReturnType<typeof d>) =>
    new Wide(`${n}e-${scale}`).div(new Wide(D.toString())).toDecimalPlaces(2).times(100).toFixed(0);

  it("rounds every exact half cent away from zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        (dCents, k) => {
          const D = d(dCents).div(100);
          const tie = d(k).plus(k < 0 ? "-0.005" : "0.005"); // a payout exactly on a half cent
          const n = fixedOf(tie.times(D)); // exact: short decimals
          expect(rounded(n.int, n.scale, D)).toBe(tie.toDecimalPlaces(2).times(100).toFixed(0));
        },
      ),
    );
  });

  it("agrees with wide division on any money over any denominator", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 1e11 }),
        fc.integer({ min: 0, max: 6 }),
        (n, scale, dInt, dScale) => {
          const D = d(dInt).div(10 ** dScale);
          expect(rounded(n, scale, D)).toBe(oracle(n, scale, D));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keeps the cent of a monthly target of a twelfth exact", () => {
    // 100/12 × 6/10,000 = 0.005 exactly: n = 100 × 6, D = 12 × 10,000.
    expect(rounded(600n, 0, d(120000))).toBe("1");
    expect(rounded(599n, 0, d(120000))).toBe("0");
  });
});

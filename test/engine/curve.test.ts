import fc from "fast-check";
import { buildPayoutCurve } from "../../src/engine/line/payoutCurve";
import { addCurves, valueAt } from "../../src/engine/line/segments";
import { Decimal } from "../../src/engine/decimal";
import { payLine } from "../../src/engine/line/pricer";
import { compileMeasureRule } from "../../src/engine/line/measureRule";
import { ratio } from "../../src/engine/exact/ratio";
import type { MeasurePlan, Tier } from "../../src/engine/types";
import { d, measure, tiers } from "../../src/engine/testing/builders";

const aeTiers = tiers([0, 0.5, 0.5], [0.5, 1, 1.5], [1, 1.5, 2], [1.5, null, 2.5]);
const ONE = d(1);

describe("PayoutCurve", () => {
  it("folds threshold and payout cap into the curve", () => {
    const curve = buildPayoutCurve(measure({ tiers: aeTiers, threshold: d(0.4), capPayout: d(3) }), ONE);
    expect(curve.evaluate(d(0.39)).toString()).toBe("0");
    expect(curve.evaluate(d(0.4)).toString()).toBe("0.2"); // 0.5 × 0.4
    expect(curve.evaluate(d(1)).toString()).toBe("1");
    expect(curve.evaluate(d(1.2)).toString()).toBe("1.4");
    // 1.5 → 2.0; the cap of 3 is crossed where 2 + 2.5 (a − 1.5) = 3 → a = 1.9
    expect(curve.evaluate(d(1.8)).toString()).toBe("2.75");
    expect(curve.evaluate(d(1.9)).toString()).toBe("3");
    expect(curve.evaluate(d(5)).toString()).toBe("3");
    expect(curve.breakpoints.map(String)).toEqual(["0.4", "0.5", "1", "1.5", "1.9"]);
    expect(curve.nonDecreasing).toBe(true);
  });

  it("holds flat above an attainment cap", () => {
    const curve = buildPayoutCurve(measure({ tiers: tiers([0, 1, 1], [1, null, 1.25]), capAttainment: d(1.5) }), ONE);
    expect(curve.evaluate(d(1.5)).toString()).toBe("1.625"); // 1 + 1.25 × 0.5
    expect(curve.evaluate(d(3)).toString()).toBe("1.625");
  });

  it("shows a retroactive table's jumps", () => {
    const curve = buildPayoutCurve(measure({ tiers: aeTiers, tierMode: "Retroactive" }), ONE);
    expect(curve.evaluate(d("0.999")).toString()).toBe("1.4985"); // 1.5 × 0.999
    expect(curve.evaluate(d(1)).toString()).toBe("2"); // 2.0 × 1
  });

  it("detects a falling curve", () => {
    const curve = buildPayoutCurve(measure({ tiers: tiers([0, 1, 1], [1, null, 0.5]), tierMode: "Retroactive" }), ONE);
    expect(curve.nonDecreasing).toBe(false); // at 100% the whole credit drops from 1.0× to 0.5×
  });

  it("converts percent rates with the BCR", () => {
    // 10% of credited amount, BCR 0.1 (target 25,000 on quota 250,000): multiple = 0.1 × a / 0.1 = a
    const curve = buildPayoutCurve(measure({ rateType: "Percent", tiers: tiers([0, null, 0.1]) }), d(0.1));
    expect(curve.evaluate(d(1.3)).toString()).toBe("1.3");
  });
});

/** Random tier tables with non-negative rates. */
const tierTable = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 5 })
  .map((rows) => {
    let from = 0;
    const out: Tier[] = [];
    rows.forEach(([width, rate], i) => {
      const to = i === rows.length - 1 ? null : from + width;
      out.push({ from: d(from / 40), to: to === null ? null : d(to / 40), rate: d(rate / 100) });
      if (to !== null) from = to;
    });
    return out;
  });

const measureArb = fc.record({
  tiers: tierTable,
  tierMode: fc.constantFrom<MeasurePlan["tierMode"]>("Marginal", "Retroactive"),
  threshold: fc.option(
    fc.integer({ min: 0, max: 80 }).map((t) => d(t / 100)),
    { nil: null },
  ),
  capPayout: fc.option(
    fc.integer({ min: 50, max: 400 }).map((t) => d(t / 100)),
    { nil: null },
  ),
  capAttainment: fc.option(
    fc.integer({ min: 50, max: 300 }).map((t) => d(t / 100)),
    { nil: null },
  ),
});
const attainmentArb = fc.integer({ min: 0, max: 400_000 }).map((n) => new Decimal(n).div(100_000));

describe("properties", () => {
  it("the curve and the line calculation agree everywhere", () => {
    fc.assert(
      fc.property(measureArb, attainmentArb, (m, a) => {
        const plan = measure(m);
        const curve = buildPayoutCurve(plan, ONE);
        const quota = d(250000);
        const out = payLine(compileMeasureRule(plan), a.times(quota), ratio(quota), ratio(d(25000)));
        expect(out.payout.toString()).toBe(curve.evaluate(a).times(25000).toString());
      }),
    );
  });

  it("payout never decreases with attainment when rates rise and are non-negative (marginal)", () => {
    fc.assert(
      fc.property(measureArb, attainmentArb, attainmentArb, (m, a, b) => {
        const curve = buildPayoutCurve(measure({ ...m, tierMode: "Marginal" }), ONE);
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        expect(curve.evaluate(lo).lte(curve.evaluate(hi))).toBe(true);
        expect(curve.nonDecreasing).toBe(true);
      }),
    );
  });

  it("a payout cap is never exceeded", () => {
    fc.assert(
      fc.property(measureArb, attainmentArb, (m, a) => {
        fc.pre(m.capPayout !== null);
        const quota = d(250000);
        const out = payLine(compileMeasureRule(measure(m)), a.times(quota), ratio(quota), ratio(d(25000)));
        expect(out.payout.lte(m.capPayout!.times(25000))).toBe(true);
      }),
    );
  });
});

describe("addCurves", () => {
  it("adds two curves over the breakpoints of both (what rate-stage mechanics do)", () => {
    const seg = (from: number, to: number | null, intercept: number, slope: number) => ({
      from: d(from),
      to: to === null ? null : d(to),
      intercept: d(intercept),
      slope: d(slope),
    });
    // x, plus (x − 1) from 1 on: 2x − 1 above 1, with the join at 1 continuous.
    const sum = addCurves([seg(0, null, 0, 1)], [seg(0, 1, 0, 0), seg(1, null, -1, 1)]);
    expect(sum.map((s) => [s.from, s.to, s.intercept, s.slope].map((v) => v?.toString() ?? null))).toEqual([
      ["0", "1", "0", "1"],
      ["1", null, "-1", "2"],
    ]);
    expect(valueAt(sum, d(1.5)).toString()).toBe("2");
    expect(addCurves([], [seg(0, null, 2, 0)])).toEqual([seg(0, null, 2, 0)]);
  });
});

import fc from "fast-check";
import { payLine } from "../../src/engine/line/pricer";
import { compileMeasureRule } from "../../src/engine/line/measureRule";
import { ratio } from "../../src/engine/exact/ratio";
import type { MeasurePlan } from "../../src/engine/types";
import { d, measure } from "../../src/engine/testing/builders";

/**
 * An independent oracle for one payout line: the tier table read straight as
 * written (not the compiled schedule), evaluated in exact fractions of
 * bigints, then rounded half away from zero to the cent. The engine must land
 * on the same cent for every line — including payouts that are exactly half
 * a cent, which no finite-precision evaluation of a twelfth gets right.
 */
type Q = readonly [bigint, bigint]; // n / d, d > 0

const q = (n: bigint, den = 1n): Q => [n, den];
const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const sub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
const mul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]];
/** a ÷ b for b > 0. */
const div = (a: Q, b: Q): Q => [a[0] * b[1], a[1] * b[0]];
const cmp = (a: Q, b: Q): number => {
  const x = a[0] * b[1] - b[0] * a[1];
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const minQ = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
/** Hundredths as a fraction: 125 → 1.25. */
const pct = (hundredths: number): Q => q(BigInt(hundredths), 100n);

function centsHalfAway(x: Q): bigint {
  const [n, den] = x;
  const abs = n < 0n ? -n : n;
  const c = (2n * abs * 100n + den) / (2n * den);
  return n < 0n ? -c : c;
}

interface Case {
  /**
   * [from, to|null, rate]. Edges: hundredths of attainment on an Attainment table, $100s of credit on
   * an Amount table. Rates: hundredths of a multiple (of target, or of BCR on amounts), or hundredths
   * of a percent (of quota per unit of attainment, or of credit).
   */
  readonly bands: readonly (readonly [number, number | null, number])[];
  readonly mode: "Marginal" | "Retroactive" | "Curve";
  readonly axis: "Attainment" | "Amount";
  readonly rateType: "Multiplier" | "Percent";
  readonly threshold: number | null;
  readonly capAttainment: number | null;
  readonly capPayout: number | null;
  /** [from, rate, mode]: an extra rate from a trigger up, in the bands' units (the Kicker columns). */
  readonly kicker?: readonly [number, number, "Marginal" | "Retroactive"] | null;
  /** Annual quota and target variable in cents; the line is one month (a twelfth of each). */
  readonly quotaCents: number;
  readonly tvCents: number;
  readonly actualCents: number;
}

function oracleCents(c: Case): bigint {
  const quota: Q = q(BigInt(c.quotaCents), 1200n); // annual ÷ 12, in dollars
  const target: Q = q(BigInt(c.tvCents), 1200n);
  const actual: Q = q(BigInt(c.actualCents), 100n);
  const attainment: Q = [actual[0] * quota[1], actual[1] * quota[0]];
  if (c.threshold !== null && cmp(attainment, pct(c.threshold)) < 0) return 0n;
  if (cmp(attainment, q(0n)) < 0) return 0n;
  const amounts = c.axis === "Amount";
  const multiples = c.rateType === "Multiplier";
  // The axis the bands are written on, and what one unit of rate × axis pays (docs/calculation.md).
  const edge = (e: number): Q => (amounts ? q(BigInt(e) * 100n) : pct(e));
  const rateOf = (r: number): Q => (multiples ? pct(r) : q(BigInt(r), 10000n));
  const bcr: Q = [target[0] * quota[1], target[1] * quota[0]];
  const unit = multiples ? (amounts ? bcr : target) : amounts ? q(1n) : quota;
  const axis = amounts ? actual : attainment;
  const cap = c.capAttainment === null ? null : amounts ? mul(pct(c.capAttainment), quota) : pct(c.capAttainment);
  const credited = cap === null ? axis : minQ(axis, cap);
  const capped = (payout: Q): Q => (c.capPayout === null ? payout : minQ(payout, mul(target, pct(c.capPayout))));
  // The kicker adds its rate from the trigger up: on the credit above it, or on all credit once reached.
  const kicked = (y: Q, rateUnit: (r: number) => Q): Q => {
    if (!c.kicker) return y;
    const [from, rate, mode] = c.kicker;
    if (cmp(credited, edge(from)) < 0) return y;
    return add(y, mul(rateUnit(rate), mode === "Marginal" ? sub(credited, edge(from)) : credited));
  };
  let y: Q = q(0n);
  if (c.mode === "Marginal") {
    for (const [from, to, rate] of c.bands) {
      if (cmp(credited, edge(from)) <= 0) continue;
      const top = to === null ? credited : minQ(credited, edge(to));
      y = add(y, mul(rateOf(rate), sub(top, edge(from))));
    }
  } else if (c.mode === "Curve") {
    // Each row is a point (From = attainment, Rate = payout multiple of target incentive), linear between
    // points, 0 below the first and flat after the last. Only Attainment × Multiplier tables reach here
    // in the properties: the rulebook defines a curve on attainment, paying multiples of target.
    const pts = c.bands;
    if (cmp(credited, edge(pts[0][0])) >= 0) {
      let i = 0;
      while (i + 1 < pts.length && cmp(credited, edge(pts[i + 1][0])) >= 0) i++;
      const [x0, , y0] = pts[i];
      if (i + 1 === pts.length) y = pct(y0);
      else {
        const [x1, , y1] = pts[i + 1];
        const t = div(sub(credited, edge(x0)), sub(edge(x1), edge(x0))); // x1 > x0: a positive denominator
        y = add(pct(y0), mul(t, sub(pct(y1), pct(y0))));
      }
    }
    return centsHalfAway(capped(mul(target, kicked(y, pct))));
  } else {
    // The band that holds the credit (From included, To excluded) pays on all of it.
    const band = c.bands.find(
      ([from, to]) => cmp(credited, edge(from)) >= 0 && (to === null || cmp(credited, edge(to)) < 0),
    );
    if (band) y = mul(rateOf(band[2]), credited);
  }
  return centsHalfAway(capped(mul(unit, kicked(y, rateOf))));
}

function engineCents(c: Case): bigint {
  const amounts = c.axis === "Amount";
  const edge = (e: number) => (amounts ? d(e).times(100) : d(e).div(100));
  const m: MeasurePlan = measure({
    tierMode: c.mode,
    tierBasis: c.axis,
    rateType: c.rateType,
    tiers: c.bands.map(([from, to, rate]) => ({
      from: edge(from),
      to: to === null ? null : edge(to),
      rate: d(rate).div(c.rateType === "Multiplier" ? 100 : 10000),
    })),
    threshold: c.threshold === null ? null : d(c.threshold).div(100),
    capAttainment: c.capAttainment === null ? null : d(c.capAttainment).div(100),
    capPayout: c.capPayout === null ? null : d(c.capPayout).div(100),
    kicker: !c.kicker
      ? null
      : {
          from: edge(c.kicker[0]),
          rate: d(c.kicker[1]).div(c.rateType === "Multiplier" || c.mode === "Curve" ? 100 : 10000),
          mode: c.kicker[2],
        },
  });
  const quota = ratio(d(c.quotaCents).div(100), d(12));
  const target = ratio(d(c.tvCents).div(100), d(12));
  return payLine(compileMeasureRule(m), d(c.actualCents).div(100), quota, target).minor;
}

/** Contiguous bands from 0 with rising edges, as a plan writes them. */
const bandsArb = fc
  .array(fc.tuple(fc.integer({ min: 5, max: 120 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 5 })
  .map((steps) => {
    let from = 0;
    return steps.map(([width, rate], i) => {
      const to = i === steps.length - 1 ? null : from + width;
      const band = [from, to, rate] as const;
      if (to !== null) from = to;
      return band;
    });
  });

const caseArb: fc.Arbitrary<Case> = fc.record({
  bands: bandsArb,
  mode: fc.constantFrom("Marginal" as const, "Retroactive" as const),
  axis: fc.constantFrom("Attainment" as const, "Amount" as const),
  rateType: fc.constantFrom("Multiplier" as const, "Percent" as const),
  threshold: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
  capAttainment: fc.option(fc.integer({ min: 50, max: 300 }), { nil: null }),
  capPayout: fc.option(fc.integer({ min: 50, max: 400 }), { nil: null }),
  kicker: fc.option(
    fc.tuple(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 300 }),
      fc.constantFrom("Marginal" as const, "Retroactive" as const),
    ),
    { nil: null },
  ),
  quotaCents: fc.integer({ min: 1, max: 500_000_000 }),
  tvCents: fc.integer({ min: 1, max: 50_000_000 }),
  actualCents: fc.integer({ min: -1_000_000, max: 200_000_000 }),
});

/** Lines exactly on an edge (band From, threshold, attainment cap): quota a multiple of 12, actual = edge × monthly quota. */
const onEdgeArb: fc.Arbitrary<Case> = fc
  .tuple(caseArb, fc.integer({ min: 1, max: 400_000 }), fc.nat())
  .map(([c, monthlyQuotaDollars, pick]) => {
    const edges = [...c.bands.map(([from]) => from), c.threshold, c.capAttainment, c.kicker?.[0] ?? null].filter(
      (e): e is number => e !== null,
    );
    const edge = edges[pick % edges.length];
    return { ...c, quotaCents: 1200 * monthlyQuotaDollars, actualCents: monthlyQuotaDollars * edge };
  });

/** Curve points with strictly rising From (hundredths of attainment), the first anywhere from 0 to 80%. */
const pointsArb = fc
  .tuple(
    fc.integer({ min: 0, max: 80 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 400 })), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([start, steps]) => {
    let from = start;
    return steps.map(([width, rate]) => {
      const point = [from, null, rate] as const;
      from += width;
      return point;
    });
  });

/** Curve tables as the rulebook defines them: points on attainment, rates as payout multiples of target. */
const curveCaseArb: fc.Arbitrary<Case> = fc.tuple(caseArb, pointsArb).map(([c, points]) => ({
  ...c,
  bands: points,
  mode: "Curve" as const,
  axis: "Attainment" as const,
  rateType: "Multiplier" as const,
}));

/** A curve line exactly on a point, the gate or the attainment cap. */
const curveOnEdgeArb: fc.Arbitrary<Case> = fc
  .tuple(curveCaseArb, fc.integer({ min: 1, max: 400_000 }), fc.nat())
  .map(([c, monthlyQuotaDollars, pick]) => {
    const edges = [...c.bands.map(([from]) => from), c.threshold, c.capAttainment, c.kicker?.[0] ?? null].filter(
      (e): e is number => e !== null,
    );
    const edge = edges[pick % edges.length];
    return { ...c, quotaCents: 1200 * monthlyQuotaDollars, actualCents: monthlyQuotaDollars * edge };
  });

describe("a payout line against an exact-fraction oracle", () => {
  it("pays a curve point exactly although the slope beside it has no finite decimal", () => {
    // Points (0, 0), (1%, 0.6×), (38%, 0): the slope after 1% is −0.6 ÷ 0.37 = −1.6216…, and a
    // 34-digit slope put the point itself at 0.59999…98×. At exactly 1%, target 449,118.50 ÷ 12 =
    // 37,426.541666… pays 0.6 × that = 22,455.925 exactly: a half cent, rounded up to 22,455.93.
    const c: Case = {
      bands: [
        [0, null, 0],
        [1, null, 60],
        [38, null, 0],
      ],
      mode: "Curve",
      axis: "Attainment",
      rateType: "Multiplier",
      threshold: 1,
      capAttainment: null,
      capPayout: null,
      quotaCents: 1200,
      tvCents: 44_911_850,
      actualCents: 1,
    };
    expect(oracleCents(c)).toBe(2_245_593n);
    expect(engineCents(c)).toBe(2_245_593n);
  });

  it("agrees exactly on band edges, thresholds and caps (From included, To excluded)", () => {
    fc.assert(
      fc.property(onEdgeArb, (c) => {
        expect(engineCents(c).toString()).toBe(oracleCents(c).toString());
      }),
      { numRuns: 3000 },
    );
  });

  it("lands on the oracle's cent for any tier table, gate, caps, quota and target", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(engineCents(c).toString()).toBe(oracleCents(c).toString());
      }),
      { numRuns: 5000 },
    );
  });

  it("rounds monthly payouts that are exactly half a cent up", () => {
    // TV $1.00 a year, 1.0× BCR, quota $120.00 a year: a month pays actual × (1/12) ÷ 10 = actual ÷ 120.
    // Actual $0.60 → exactly $0.005 → $0.01; actual $0.59 → $0.004916… → $0.00.
    const base: Case = {
      bands: [[0, null, 100]],
      mode: "Marginal",
      axis: "Attainment",
      rateType: "Multiplier",
      threshold: null,
      capAttainment: null,
      capPayout: null,
      quotaCents: 12000,
      tvCents: 100,
      actualCents: 60,
    };
    expect(oracleCents(base)).toBe(1n);
    expect(engineCents(base)).toBe(1n);
    expect(engineCents({ ...base, actualCents: 59 })).toBe(0n);
    // And many more ties: actual = (2k + 1) × $0.60 pays exactly k + ½ cents.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (k) => {
        const tie = { ...base, actualCents: (2 * k + 1) * 60 };
        expect(engineCents(tie)).toBe(BigInt(k + 1));
      }),
    );
  });

  describe("Curve tier mode", () => {
    it("reads the payout multiple off the curve, exactly, for any points, gate, caps, quota and target", () => {
      fc.assert(
        fc.property(curveCaseArb, (c) => {
          expect(engineCents(c).toString()).toBe(oracleCents(c).toString());
        }),
        { numRuns: 200 },
      );
    });

    it("agrees on the points themselves, the gate and the attainment cap", () => {
      fc.assert(
        fc.property(curveOnEdgeArb, (c) => {
          expect(engineCents(c).toString()).toBe(oracleCents(c).toString());
        }),
        { numRuns: 200 },
      );
    });

    it("interpolates a monthly line by hand, down to a half cent", () => {
      // Points 50% → 0.25×, 100% → 1.0×, 200% → 3.0×; TV $1,000 a year, quota $12,000 a year: a month's
      // target is 1,000/12 = 83.333…, its quota 1,000. Actual 750 → 75% → 0.25 + 0.25 × 0.75/0.5 = 0.625×
      // → 83.333… × 0.625 = 52.0833… → 52.08. Actual 1,750 → 175% → 1 + 0.75 × 2 = 2.5× → 208.333… → 208.33.
      // Actual 400 (40%, below the first point) pays 0; 3,000 (300%, past the last) pays 3× = 250.00.
      const c: Case = {
        bands: [
          [50, null, 25],
          [100, null, 100],
          [200, null, 300],
        ],
        mode: "Curve",
        axis: "Attainment",
        rateType: "Multiplier",
        threshold: null,
        capAttainment: null,
        capPayout: null,
        quotaCents: 1_200_000,
        tvCents: 100_000,
        actualCents: 75_000,
      };
      const both = (actualCents: number) => [engineCents({ ...c, actualCents }), oracleCents({ ...c, actualCents })];
      expect(both(75_000)).toEqual([5208n, 5208n]);
      expect(both(175_000)).toEqual([20833n, 20833n]);
      expect(both(40_000)).toEqual([0n, 0n]);
      expect(both(300_000)).toEqual([25000n, 25000n]);
      // Half a cent: TV $1.20 a year ($0.10 a month), quota $1,200 a year ($100 a month), one point at
      // 0% → 0× and one at 100% → 1×: actual $5 → 5% → 0.05 × $0.10 = $0.005 exactly → $0.01.
      const tie: Case = {
        ...c,
        bands: [
          [0, null, 0],
          [100, null, 100],
        ],
        quotaCents: 120_000,
        tvCents: 120,
        actualCents: 500,
      };
      expect([engineCents(tie), oracleCents(tie)]).toEqual([1n, 1n]);
    });

    // A Curve row's Rate is a payout multiple (docs/calculation.md, docs/workbook.md) whatever RateType says; the
    // engine paid quota × multiple under RateType Percent until rateTypeOf. Quota 1,000, target 100 a month, points
    // 0% → 0×, 100% → 1×, actual 500 (50%): 0.5 × 100 = 50.00 (it paid 0.5 × 1,000 = 500.00).
    it("pays a Percent-rate curve as a payout multiple of target (rulebook), not of quota", () => {
      const c: Case = {
        bands: [
          [0, null, 0],
          [100, null, 100],
        ],
        mode: "Curve",
        axis: "Attainment",
        rateType: "Percent",
        threshold: null,
        capAttainment: null,
        capPayout: null,
        quotaCents: 1_200_000,
        tvCents: 120_000,
        actualCents: 50_000,
      };
      const m: MeasurePlan = measure({
        tierMode: "Curve",
        rateType: "Percent",
        tiers: c.bands.map(([from, , rate]) => ({ from: d(from).div(100), to: null, rate: d(rate).div(100) })),
      });
      const engine = payLine(compileMeasureRule(m), d(500), ratio(d(1000)), ratio(d(100))).minor;
      expect(oracleCents(c)).toBe(5000n);
      expect(engine).toBe(5000n);
    });
  });
});

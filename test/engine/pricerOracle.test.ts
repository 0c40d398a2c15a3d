import fc from "fast-check";
import { payLine } from "../../src/engine/linePricer";
import { compileMeasureRule } from "../../src/engine/measureRule";
import { ratio } from "../../src/engine/ratio";
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
  readonly mode: "Marginal" | "Retroactive";
  readonly axis: "Attainment" | "Amount";
  readonly rateType: "Multiplier" | "Percent";
  readonly threshold: number | null;
  readonly capAttainment: number | null;
  readonly capPayout: number | null;
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
  let y: Q = q(0n);
  if (c.mode === "Marginal") {
    for (const [from, to, rate] of c.bands) {
      if (cmp(credited, edge(from)) <= 0) continue;
      const top = to === null ? credited : minQ(credited, edge(to));
      y = add(y, mul(rateOf(rate), sub(top, edge(from))));
    }
  } else {
    // The band that holds the credit (From included, To excluded) pays on all of it.
    const band = c.bands.find(
      ([from, to]) => cmp(credited, edge(from)) >= 0 && (to === null || cmp(credited, edge(to)) < 0),
    );
    if (band) y = mul(rateOf(band[2]), credited);
  }
  let payout = mul(unit, y);
  if (c.capPayout !== null) payout = minQ(payout, mul(target, pct(c.capPayout)));
  return centsHalfAway(payout);
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
  quotaCents: fc.integer({ min: 1, max: 500_000_000 }),
  tvCents: fc.integer({ min: 1, max: 50_000_000 }),
  actualCents: fc.integer({ min: -1_000_000, max: 200_000_000 }),
});

/** Lines exactly on an edge (band From, threshold, attainment cap): quota a multiple of 12, actual = edge × monthly quota. */
const onEdgeArb: fc.Arbitrary<Case> = fc
  .tuple(caseArb, fc.integer({ min: 1, max: 400_000 }), fc.nat())
  .map(([c, monthlyQuotaDollars, pick]) => {
    const edges = [...c.bands.map(([from]) => from), c.threshold, c.capAttainment].filter(
      (e): e is number => e !== null,
    );
    const edge = edges[pick % edges.length];
    return { ...c, quotaCents: 1200 * monthlyQuotaDollars, actualCents: monthlyQuotaDollars * edge };
  });

describe("a payout line against an exact-fraction oracle", () => {
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
});

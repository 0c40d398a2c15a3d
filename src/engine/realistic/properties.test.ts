import fc from "fast-check";
import { Decimal, ZERO } from "../decimal";
import type { CurveSegment } from "../line/segments";
import { curveView, payRange } from "./curveView";
import { empirical, flat, logNormalFromMoments, normal, type AttainmentDistribution } from "./distribution";
import { expectedMultiple } from "./expectation";
import { realisticOutcome } from "./outcome";
import { probAtLeast, probAtMost } from "./payProbability";

// Random plan curves and distributions on a 0.01 grid, the resolution people type into a workbook.
const cents = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => new Decimal(n).div(100));

/** A curve from its value at 0, then per segment a slope and a jump at the next breakpoint. */
function curveArb(opts: { monotone: boolean; capped: boolean }): fc.Arbitrary<{ segments: CurveSegment[] }> {
  const [sLo, jLo] = opts.monotone ? [0, 0] : [-200, -50];
  return fc
    .record({
      start: cents(0, 50),
      steps: fc.array(fc.record({ width: cents(5, 80), slope: cents(sLo, 300), jump: cents(jLo, 50) }), {
        minLength: 1,
        maxLength: 4,
      }),
      lastSlope: cents(sLo, 300),
    })
    .map(({ start, steps, lastSlope }) => {
      const segments: CurveSegment[] = [];
      let from = ZERO;
      let value = start;
      for (const s of steps) {
        const to = from.plus(s.width);
        segments.push({ from, to, intercept: value.minus(s.slope.times(from)), slope: s.slope });
        value = value.plus(s.slope.times(s.width)).plus(s.jump);
        from = to;
      }
      const slope = opts.capped ? ZERO : lastSlope;
      segments.push({ from, to: null, intercept: value.minus(slope.times(from)), slope });
      return { segments };
    });
}

const sampleArb = fc.array(cents(0, 250), { minLength: 1, maxLength: 12 }).map((v) => empirical(v));
const normalArb = fc.tuple(cents(20, 150), cents(5, 60)).map(([m, s]) => normal(m, s));
const logNormalArb = fc.tuple(cents(30, 150), cents(5, 80)).map(([m, s]) => logNormalFromMoments(m, s));
const anyDistArb: fc.Arbitrary<AttainmentDistribution> = fc.oneof(
  cents(0, 200).map(flat),
  sampleArb,
  normalArb,
  logNormalArb,
);

// Rounding at 34 digits can put two mathematically ordered values 1e−33 apart the wrong way.
const SLACK = new Decimal("1e-25");

describe("realistic earnings properties", () => {
  it("expectation of a non-decreasing curve never falls as the mean rises", () => {
    fc.assert(
      fc.property(
        curveArb({ monotone: true, capped: false }),
        cents(20, 140),
        cents(0, 30),
        cents(5, 50),
        (c, mu, step, sigma) => {
          const lower = expectedMultiple(c, normal(mu, sigma));
          const higher = expectedMultiple(c, normal(mu.plus(step), sigma));
          expect(higher.plus(SLACK).gte(lower)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("expectation lies between the curve at 0 and the cap", () => {
    fc.assert(
      fc.property(curveArb({ monotone: true, capped: true }), anyDistArb, (c, dist) => {
        const e = expectedMultiple(c, dist);
        const { min, max } = payRange(c.segments);
        expect(min?.eq(curveView(c).evaluate(ZERO))).toBe(true);
        expect(e.plus(SLACK).gte(min ?? ZERO)).toBe(true);
        expect(e.minus(SLACK).lte(max ?? ZERO)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("P10 ≤ P50 ≤ P90 and probabilities in [0, 1] on non-decreasing curves", () => {
    fc.assert(
      fc.property(curveArb({ monotone: true, capped: false }), anyDistArb, (c, dist) => {
        const o = realisticOutcome(c, dist);
        expect(o.p10.lte(o.p50) && o.p50.lte(o.p90)).toBe(true);
        expect(o.probAtOrAboveTarget.gte(0) && o.probAtOrAboveTarget.lte(1)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("P10 ≤ P50 ≤ P90 on curves that fall, samples and (fewer, slower) continuous", () => {
    const ordered = (c: { segments: CurveSegment[] }, dist: AttainmentDistribution) => {
      const o = realisticOutcome(c, dist);
      expect(o.p10.lte(o.p50) && o.p50.lte(o.p90)).toBe(true);
    };
    fc.assert(fc.property(curveArb({ monotone: false, capped: false }), sampleArb, ordered), { numRuns: 40 });
    fc.assert(fc.property(curveArb({ monotone: false, capped: true }), fc.oneof(normalArb, logNormalArb), ordered), {
      numRuns: 4,
    });
  });

  it("P(pay ≥ y) is a probability, falls as y rises, and with P(pay ≤ y) covers everything", () => {
    fc.assert(
      fc.property(
        curveArb({ monotone: false, capped: false }),
        anyDistArb,
        cents(-50, 250),
        cents(1, 100),
        (c, dist, y, dy) => {
          const atLeast = probAtLeast(c, dist, y);
          const atMost = probAtMost(c, dist, y);
          for (const p of [atLeast, atMost]) expect(p.gte(0) && p.lte(1)).toBe(true);
          expect(probAtLeast(c, dist, y.plus(dy)).lte(atLeast.plus(SLACK))).toBe(true);
          expect(atLeast.plus(atMost).plus(SLACK).gte(1)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("on a sample, the prefix-sum shortcuts agree with paying every point one by one", () => {
    fc.assert(
      fc.property(
        curveArb({ monotone: false, capped: false }),
        fc.array(cents(-20, 250), { minLength: 1, maxLength: 15 }),
        cents(-50, 250),
        (c, values, y) => {
          const dist = empirical(values);
          const pays = values.map((v) => curveView(c).evaluate(v));
          const n = new Decimal(values.length);
          const mean = pays.reduce((a, b) => a.plus(b), ZERO).div(n);
          expect(expectedMultiple(c, dist).eq(mean)).toBe(true);
          const hits = pays.filter((p) => p.gte(y)).length;
          expect(probAtLeast(c, dist, y).eq(new Decimal(hits).div(n))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

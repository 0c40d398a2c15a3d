import { Decimal } from "../../decimal";
import { empirical, normal } from "../distribution";
import { gateAcceleratorCap, gateRetroJumpCap, d } from "../testing/fixtures";
import { detCdf, detNormal, detPdf } from "./detMath";
import { floatLevel } from "./floatLevel";
import { scrambledHalton } from "./lowDiscrepancy";
import { swingVectors, type PeriodSwing } from "./periodSwing";
import { swingOutcome, type SwingOutcome, type YearPay } from "./swingOutcome";

/**
 * What the realistic model shares between reps and scenarios (swing paths as
 * prefixes of more paths, a distribution's float view, Φ and φ computed
 * together) must give the figures a rep priced alone gets, to the bit.
 */
const swing = (spread: string, correlation = "0"): PeriodSwing => ({ spread: d(spread), correlation: d(correlation) });
const quarterly = (segments: YearPay["periodCurve"]): YearPay => ({ periods: 4, periodCurve: segments, ytd: null });
const ytdHeld = (segments: YearPay["periodCurve"]): YearPay => ({
  periods: 4,
  periodCurve: segments,
  ytd: { curves: [segments, segments, segments, segments], hold: true },
});
const figures = (o: SwingOutcome) =>
  [o.expectedMultiple, o.p10, o.p50, o.p90, o.probAtOrAboveTarget, o.expectedAttainment, o.probCapped].map((x) =>
    x === null ? "null" : x.toString(),
  );

describe("swing paths shared as prefixes", () => {
  it("hands out the first rows of more paths: the same bits whichever count was asked for first", () => {
    const a = swing("0.2718", "0.31");
    const small = Float64Array.from(swingVectors(4, a, 100));
    const large = Float64Array.from(swingVectors(4, a, 1000));
    const again = swingVectors(4, a, 100);
    expect(Array.from(large.subarray(0, 400))).toEqual(Array.from(small));
    expect(Array.from(again)).toEqual(Array.from(small));
    // Another correlation's paths are another set; a larger spread scales the same unit paths.
    const b = swingVectors(4, swing("0.5436", "0.31"), 1000);
    for (let i = 0; i < 4000; i++) expect(b[i] / large[i]).toBeCloseTo(2, 12);
  });

  it("makes the Halton points from any start as the first count do", () => {
    const all = scrambledHalton(500, 12);
    const tail = scrambledHalton(500, 12, 123);
    expect(Array.from(tail)).toEqual(Array.from(all.subarray(123 * 12)));
  });
});

describe("Φ and φ together (detNormal)", () => {
  it("are detCdf and detPdf to the bit, series, tail and beyond ±38", () => {
    const out = new Float64Array(2);
    for (let i = -4200; i <= 4200; i++) {
      const z = i / 100 + (i % 7) * 1e-7;
      detNormal(z, out);
      expect(Object.is(out[0], detCdf(z))).toBe(true);
      expect(Object.is(out[1], detPdf(z))).toBe(true);
    }
  });

  it("gives a density's cdf and first moment as the two calls do", () => {
    const both = new Float64Array(2);
    for (const dist of [normal(d("0.9"), d("0.25")), normal(d("1.02"), d("0.08"))]) {
      const level = floatLevel(dist).continuous!;
      for (const x of [0, 0.3, 0.5, 0.999, 1, 1.5, 2.7, Infinity]) {
        level.cdfMoment(x, both);
        expect(both[0]).toBe(level.cdf(x));
        expect(both[1]).toBe(level.moment(x));
      }
    }
  });
});

describe("a distribution shared by several plans, and a rep priced alone", () => {
  const values = ["0.41", "0.62", "0.77", "0.85", "0.93", "1.01", "1.08", "1.2", "1.37", "1.9"].map((v) => d(v));
  const s = swing("0.25", "0.3");

  it("prices each plan on a shared sample as on a sample of its own", () => {
    const shared = empirical(values);
    const plans = [quarterly(gateAcceleratorCap.segments), quarterly(gateRetroJumpCap.segments)];
    const cap = (p: YearPay) => p.periodCurve[p.periodCurve.length - 1].from;
    // One sample object for both plans (its float view made once), against a fresh, equal sample per plan.
    const together = plans.map((p) => figures(swingOutcome(p, shared, s, cap(p))));
    const alone = plans.map((p) => figures(swingOutcome(p, empirical(values), s, cap(p))));
    expect(together).toEqual(alone);
  });

  it("prices a held YTD plan and a Normal level the same after other reps as before them", () => {
    const held = ytdHeld(gateAcceleratorCap.segments);
    const level = normal(d("0.93"), d("0.21"));
    const first = figures(swingOutcome(held, level, s, new Decimal("1.5")));
    // Other reps on other swings in between (they fill and reorder the caches).
    for (let i = 0; i < 12; i++)
      swingOutcome(quarterly(gateAcceleratorCap.segments), normal(d("1"), d("0.1")), swing(`0.1${i}`, "0.3"), null);
    expect(figures(swingOutcome(held, normal(d("0.93"), d("0.21")), s, new Decimal("1.5")))).toEqual(first);
  });
});

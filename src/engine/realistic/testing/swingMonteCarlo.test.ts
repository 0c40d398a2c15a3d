import { Decimal } from "../../decimal";
import { empirical, flat, normal, type AttainmentDistribution } from "../distribution";
import { realisticOutcome } from "../outcome";
import type { PeriodSwing } from "../swing/periodSwing";
import type { YearPay } from "../swing/swingOutcome";
import { curve, d, gateAcceleratorCap, gateRetroJumpCap } from "./fixtures";
import { normalCdfFloat, swingMeanMonteCarlo, swingMonteCarlo } from "./swingMonteCarlo";

// The swing Monte Carlo against cases known by hand: with no swing it is the year curve at L;
// an annual plan feels no swing; a linear uncapped curve pays E[L] whatever the swing (the
// centred swings average out within the year).

const swing = (spread: string, correlation = "0"): PeriodSwing => ({ spread: d(spread), correlation: d(correlation) });
const perPeriod = (periods: number, c: { segments: YearPay["periodCurve"] }): YearPay => ({
  periods,
  periodCurve: c.segments,
  ytd: null,
});
const identity = curve(["0", "0", "1"]);
const DRAWS = 200_000;

/** E[max(0, X)] for X ~ N(μ, s²). */
function censoredMean(mu: number, s: number): number {
  const z = mu / s;
  return mu * normalCdfFloat(z) + s * Math.exp(-0.5 * z * z) * 0.3989422804014327;
}

describe("swingMonteCarlo", () => {
  it("no spread: every draw is the curve at the flat level", () => {
    for (const [level, pay, hit] of [
      ["0.9", 0.9, 0],
      ["1.2", 1.4, 1],
      ["1.7", 2, 1],
      ["0.4", 0, 0],
    ] as const) {
      const mc = swingMonteCarlo(perPeriod(4, gateAcceleratorCap), flat(d(level)), swing("0"), 1.5, {
        draws: 1000,
        seed: 1,
      });
      expect(mc.mean).toBeCloseTo(pay, 12);
      expect(mc.sd).toBeCloseTo(0, 6);
      expect([mc.p10, mc.p50, mc.p90]).toEqual([pay, pay, pay].map((p) => expect.closeTo(p, 12)));
      expect(mc.probAtOrAboveTarget).toBe(hit);
      expect(mc.probCapped).toBe(Number(level) >= 1.5 ? 1 : 0);
      const exact = swingMeanMonteCarlo(perPeriod(4, gateAcceleratorCap), flat(d(level)), swing("0"), { seed: 1 });
      expect(exact.method).toBe("exact");
      expect(exact.mean).toBeCloseTo(pay, 12);
    }
  });

  it("an annual plan feels no swing: its figures are the year curve's", () => {
    const dist = normal(d("0.9"), d("0.3"));
    const mc = swingMonteCarlo(perPeriod(1, gateRetroJumpCap), dist, swing("0.4", "0.4"), 1.5, {
      draws: DRAWS,
      seed: 7,
    });
    const exact = realisticOutcome(gateRetroJumpCap, dist);
    const p = exact.probAtOrAboveTarget.toNumber();
    expect(Math.abs(mc.mean - exact.expectedMultiple.toNumber())).toBeLessThan(4 * mc.stdError);
    expect(Math.abs(mc.probAtOrAboveTarget - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / DRAWS));
    expect(mc.p50).toBeCloseTo(exact.p50.toNumber(), 2);
    // The level-integrated mean is the closed form, to float rounding.
    const mean = swingMeanMonteCarlo(perPeriod(1, gateRetroJumpCap), dist, swing("0.4"), { seed: 7 });
    expect(mean.method).toBe("exact");
    expect(mean.mean).toBeCloseTo(exact.expectedMultiple.toNumber(), 12);
  });

  it("a flat level on a linear curve: every draw pays the level, whatever the swing", () => {
    // At a 15% spread no period comes near 0 (that is 6.7 sd away), so nothing is censored.
    const mc = swingMonteCarlo(perPeriod(12, identity), flat(d("0.8")), swing("0.15", "0.4"), null, {
      draws: 20_000,
      seed: 3,
    });
    expect(mc.mean).toBeCloseTo(0.8, 12);
    expect(mc.sd).toBeLessThan(1e-9);
    expect(mc.p10).toBeCloseTo(0.8, 12);
    expect(mc.p90).toBeCloseTo(0.8, 12);
  });

  it("a linear uncapped curve pays E[L] for any swing and correlation", () => {
    // A period pushed below 0 is paid as 0, so the exact figure is E[L]·E[max(0, 1 + s·Z)]; with ρ = 0 each
    // period's swing sd s is the spread itself. At a 15% spread that factor is 1 to 1e−11.
    const dist = normal(d("0.85"), d("0.25"));
    const level = censoredMean(0.85, 0.25);
    for (const [periods, s, rho] of [
      [4, 0.25, "0"],
      [12, 0.4, "0"],
      [12, 0.15, "0.4"],
    ] as const) {
      const expected = level * censoredMean(1, s);
      const mc = swingMonteCarlo(perPeriod(periods, identity), dist, swing(String(s), rho), null, {
        draws: DRAWS,
        seed: 11,
      });
      expect(Math.abs(mc.mean - expected)).toBeLessThan(4 * mc.stdError);
      const mean = swingMeanMonteCarlo(perPeriod(periods, identity), dist, swing(String(s), rho), {
        seed: 5,
        cells: 20_000,
      });
      expect(mean.method).toBe("stratified");
      expect(mean.stdError).toBeLessThan(3e-6);
      expect(Math.abs(mean.mean - expected)).toBeLessThan(4 * mean.stdError);
    }
  });

  it("a sample of levels on a linear curve pays its mean", () => {
    const dist = empirical(["0.5", "0.8", "1.1", "1.4"].map((v) => new Decimal(v)));
    const mean = swingMeanMonteCarlo(perPeriod(4, identity), dist, swing("0.1", "0.4"), { seed: 5, cells: 20_000 });
    expect(mean.stdError).toBeLessThan(3e-6);
    expect(Math.abs(mean.mean - 0.95)).toBeLessThan(4 * mean.stdError);
  });

  it("the level-integrated mean agrees with the plain draws (per-period and YTD with hold)", () => {
    const cases: [YearPay, AttainmentDistribution][] = [
      [perPeriod(4, gateRetroJumpCap), normal(d("0.9"), d("0.3"))],
      [
        {
          periods: 4,
          periodCurve: gateAcceleratorCap.segments,
          ytd: { curves: Array(4).fill(gateAcceleratorCap.segments), hold: true },
        },
        empirical(["0.3", "0.7", "0.95", "1.05", "1.3"].map((v) => new Decimal(v))),
      ],
    ];
    for (const [pay, dist] of cases) {
      const mc = swingMonteCarlo(pay, dist, swing("0.25", "0.4"), null, { draws: DRAWS, seed: 21, quantiles: false });
      const mean = swingMeanMonteCarlo(pay, dist, swing("0.25", "0.4"), { seed: 22, cells: 20_000, paths: 20_000 });
      expect(mean.stdError).toBeLessThan(mc.stdError / 5);
      expect(Math.abs(mc.mean - mean.mean)).toBeLessThan(4 * Math.hypot(mc.stdError, mean.stdError));
    }
  });

  it("YTD with hold pays at least the year-end curve, and clawback exactly it", () => {
    const dist = flat(d("1.1"));
    const ytd = (hold: boolean): YearPay => ({
      periods: 4,
      periodCurve: gateAcceleratorCap.segments,
      ytd: { curves: Array(4).fill(gateAcceleratorCap.segments), hold },
    });
    const held = swingMonteCarlo(ytd(true), dist, swing("0.3"), null, { draws: 20_000, seed: 2 });
    const clawed = swingMonteCarlo(ytd(false), dist, swing("0.3"), null, { draws: 20_000, seed: 2 });
    expect(held.p10).toBeGreaterThanOrEqual(1.2 - 1e-12);
    expect(held.mean).toBeGreaterThan(1.2);
    expect(clawed.mean).toBeCloseTo(1.2, 12);
    expect(clawed.sd).toBeLessThan(1e-9);
  });

  it("Φ in floats", () => {
    expect(normalCdfFloat(0)).toBe(0.5);
    expect(normalCdfFloat(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdfFloat(-3)).toBeCloseTo(0.0013498980316300946, 15);
  });
});

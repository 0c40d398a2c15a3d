import { logNormalFromMoments, normal, type AttainmentDistribution } from "./distribution";
import { realisticOutcome } from "./outcome";
import { monteCarlo } from "./testing/monteCarlo";
import { d, gateRetroJumpCap } from "./testing/fixtures";

// The exact results against an independent float simulation: a million seeded draws must land within
// three standard errors (sd/√n for the mean, √(p(1 − p)/n) for the probability). The curve has all the
// awkward parts: a gate at 50%, a retroactive jump 1 → 1.5 at quota, and a payout cap at 2.25×.
const DRAWS = 1_000_000;

function check(dist: AttainmentDistribution, seed: number): void {
  const exact = realisticOutcome(gateRetroJumpCap, dist);
  const mc = monteCarlo(gateRetroJumpCap.segments, dist, DRAWS, seed);
  const mean = exact.expectedMultiple.toNumber();
  const p = exact.probAtOrAboveTarget.toNumber();
  expect(Math.abs(mc.mean - mean)).toBeLessThan((3 * mc.sd) / Math.sqrt(DRAWS));
  expect(Math.abs(mc.probAtOrAboveTarget - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / DRAWS));
  // The standard errors are small enough for this to mean something (≈ 0.001 of target).
  expect(mc.sd / Math.sqrt(DRAWS)).toBeLessThan(0.001);
}

describe("exact vs Monte Carlo (1,000,000 draws)", () => {
  it("Normal(0.9, 0.3)", () => check(normal(d("0.9"), d("0.3")), 20260101));
  it("Normal(0.3, 0.4), a quarter of it censored at 0", () => check(normal(d("0.3"), d("0.4")), 7));
  it("LogNormal(mean 1, sd 0.35)", () => check(logNormalFromMoments(d("1"), d("0.35")), 424242));
});

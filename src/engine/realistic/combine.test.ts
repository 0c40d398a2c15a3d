import { buildPayoutCurve } from "../line/payoutCurve";
import type { MeasurePlan } from "../types";
import { combineCurves } from "./combine";
import { flat } from "./distribution";
import { expectedMultiple } from "./expectation";
import { curve, d, gateRetroJumpCap, linearThenAccelerator } from "./testing/fixtures";

const rows = (segments: ReturnType<typeof combineCurves>) =>
  segments.map((s) => [s.from, s.to, s.intercept, s.slope].map(String).join(" "));

describe("combining measures into one plan curve", () => {
  it("merges breakpoints and adds weighted intercepts and slopes", () => {
    // 70% on linear-then-1.5× (breaks at 1) + 30% on gate 0.5 → a, capped flat at 1.2 from 1.2:
    //   [0, 0.5):   0.7a + 0            = 0 + 0.7a
    //   [0.5, 1):   0.7a + 0.3a         = 0 + 1a
    //   [1, 1.2):   0.7(1.5a − 0.5) + 0.3a = −0.35 + 1.35a
    //   [1.2, ∞):   0.7(1.5a − 0.5) + 0.3 × 1.2 = 0.01 + 1.05a   (both give 1.27 at 1.2: continuous)
    const second = curve(["0", "0", "0"], ["0.5", "0", "1"], ["1.2", "1.2", "0"]);
    const combined = combineCurves([
      { weight: d("0.7"), segments: linearThenAccelerator.segments },
      { weight: d("0.3"), segments: second.segments },
    ]);
    expect(rows(combined)).toEqual(["0 0.5 0 0.7", "0.5 1 0 1", "1 1.2 -0.35 1.35", "1.2 null 0.01 1.05"]);
    // At a flat 110%: 0.7 × (1.65 − 0.5) + 0.3 × 1.1 = 0.805 + 0.33 = 1.135 = −0.35 + 1.35 × 1.1
    expect(expectedMultiple({ segments: combined }, flat(d("1.1"))).toString()).toBe("1.135");
  });

  it("merges pieces that end up identical", () => {
    const split = curve(["0", "0", "1"], ["0.5", "0", "1"], ["1", "-0.5", "1.5"]);
    expect(rows(combineCurves([{ weight: d("1"), segments: split.segments }]))).toEqual(["0 1 0 1", "1 null -0.5 1.5"]);
  });

  it("takes the engine's own payout curves (gate, retroactive jump, payout cap)", () => {
    const measure: MeasurePlan = {
      measure: "Bookings",
      weight: d("1"),
      basis: "Individual",
      tierMode: "Retroactive",
      tierBasis: "Attainment",
      rateType: "Multiplier",
      threshold: d("0.5"),
      capAttainment: null,
      capPayout: d("2.25"),
      tiers: [
        { from: d("0"), to: d("1"), rate: d("1") },
        { from: d("1"), to: null, rate: d("1.5") },
      ],
    };
    const built = buildPayoutCurve(measure, d("1"));
    expect(rows(combineCurves([{ weight: d("1"), segments: built.segments }]))).toEqual(
      rows(gateRetroJumpCap.segments),
    );
  });
});

import { empirical, flat, normal } from "./distribution";
import { realisticOutcome } from "./outcome";
import { realisticKey } from "./realisticKey";
import { d, diff, gateAcceleratorCap, linearThenAccelerator } from "./testing/fixtures";

describe("realisticOutcome", () => {
  it("the published director check: OTE $240k at 60/40, team at 70%", () => {
    // OTE 240,000 with base 144,000 (60%) → target variable 96,000 (40%).
    const ote = d("240000");
    const base = d("144000");
    const targetVariable = ote.minus(base);
    const o = realisticOutcome(linearThenAccelerator, flat(d("0.7")));
    expect(o.expectedMultiple.toString()).toBe("0.7");
    // 0.7 × 96,000 = 67,200 expected variable; 240,000 − (144,000 + 67,200) = 28,800 short = 12% of OTE
    const expectedVariable = targetVariable.times(o.expectedMultiple);
    expect(expectedVariable.toString()).toBe("67200");
    const gap = ote.minus(base.plus(expectedVariable));
    expect(gap.toString()).toBe("28800");
    expect(gap.div(ote).toString()).toBe("0.12");
    expect(o.probAtOrAboveTarget.toString()).toBe("0");
    expect([o.p10, o.p50, o.p90, o.expectedAttainment].map(String)).toEqual(["0.7", "0.7", "0.7", "0.7"]);
  });

  it("Normal(0.7, 0.2) on linear-then-1.5×: every figure at once", () => {
    const o = realisticOutcome(linearThenAccelerator, normal(d("0.7"), d("0.2")));
    // See expectation.test.ts and percentiles.test.ts for the arithmetic.
    expect(diff(o.expectedMultiple, "0.702942375559944747348411140120")).toBeLessThan(1e-29);
    expect(o.p50.toString()).toBe("0.7");
    expect(diff(o.p10, "0.443689686891079906606979334110")).toBeLessThan(1e-30);
    expect(diff(o.p90, "0.956310313108920093393020665890")).toBeLessThan(1e-30);
    expect(diff(o.probAtOrAboveTarget, "0.066807201268858066004494040980")).toBeLessThan(1e-30);
    expect(diff(o.expectedAttainment, "0.700011696183684284487675290472")).toBeLessThan(1e-30);
  });

  it("a few historical attainments", () => {
    // 0.4, 0.6, 0.9, 1.1, 1.3 on gate/2×/cap pay 0, 0.6, 0.9, 1.2, 1.6: mean 0.86, 2 of 5 reach target.
    const o = realisticOutcome(gateAcceleratorCap, empirical(["0.9", "1.3", "0.4", "1.1", "0.6"].map(d)));
    expect([o.expectedMultiple, o.p10, o.p50, o.p90, o.probAtOrAboveTarget, o.expectedAttainment].map(String)).toEqual([
      "0.86",
      "0",
      "0.9",
      "1.44",
      "0.4",
      "0.86",
    ]);
  });

  it("keys equal inputs equally and different inputs differently", () => {
    const a = realisticKey(linearThenAccelerator, normal(d("0.7"), d("0.2")));
    expect(realisticKey(linearThenAccelerator, normal(d("0.70"), d("0.2")))).toBe(a);
    expect(realisticKey(linearThenAccelerator, normal(d("0.7"), d("0.21")))).not.toBe(a);
    expect(realisticKey(gateAcceleratorCap, normal(d("0.7"), d("0.2")))).not.toBe(a);
  });

  it("refuses segments that do not tile [0, ∞)", () => {
    const gap = {
      segments: [
        { from: d("0"), to: d("1"), intercept: d("0"), slope: d("1") },
        { from: d("1.1"), to: null, intercept: d("0"), slope: d("1") },
      ],
    };
    expect(() => realisticOutcome(gap, flat(d("1")))).toThrow(/tile/);
  });
});

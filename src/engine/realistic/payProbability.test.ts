import { empirical, flat, normal } from "./distribution";
import { probAtLeast, probAtMost } from "./payProbability";
import {
  curve,
  d,
  diff,
  gateAcceleratorCap,
  gateRetroJumpCap,
  linearThenAccelerator,
  retroDecelerator,
} from "./testing/fixtures";

describe("probabilities of pay", () => {
  it("Normal(0.7, 0.2): P(reach target) = P(A ≥ 1) = 1 − Φ(1.5)", () => {
    // 1 − 0.933192798731141933995505959020 = 0.066807201268858066004494040980 (≈ 0.0668072012688581)
    expect(
      diff(probAtLeast(linearThenAccelerator, normal(d("0.7"), d("0.2")), d("1")), "0.066807201268858066004494040980"),
    ).toBeLessThan(1e-30);
  });

  it("adds the censored mass at 0 to the density: P(gated) = P(A < 0.5) = Φ(−1)", () => {
    // atom Φ(−3.5) at 0 plus Φ(−1) − Φ(−3.5) on (0, 0.5) = Φ(−1) = 0.158655253931457051414767454368
    expect(
      diff(probAtMost(gateAcceleratorCap, normal(d("0.7"), d("0.2")), d("0")), "0.158655253931457051414767454368"),
    ).toBeLessThan(1e-30);
    // A flat 1× curve pays 1 everywhere, the censored mass included.
    expect(probAtLeast(curve(["0", "1", "0"]), normal(d("0.1"), d("0.2")), d("1")).toString()).toBe("1");
  });

  it("handles the retroactive jump: pay ≥ 1.2 exactly when A ≥ 1", () => {
    // Below quota pay = a < 1; from quota 1.5a ≥ 1.5. Under N(0.9, 0.3): 1 − Φ(1/3) = 1 − 0.630558659818236361727207717930
    expect(
      diff(probAtLeast(gateRetroJumpCap, normal(d("0.9"), d("0.3")), d("1.2")), "0.369441340181763638272792282070"),
    ).toBeLessThan(1e-30);
  });

  it("works on a curve that falls (retroactive decelerator)", () => {
    // pay = a below 1, 0.8a from 1. pay ≥ 0.9 ⇔ 0.9 ≤ A < 1 or A ≥ 0.9/0.8 = 1.125. Under N(0.9, 0.3):
    //   [Φ(1/3) − Φ(0)] + [1 − Φ(0.75)] = 0.130558659818236361727207717930 + 0.226627352376868199327062169383
    //   = 0.357186012195104561054269887313
    expect(
      diff(probAtLeast(retroDecelerator, normal(d("0.9"), d("0.3")), d("0.9")), "0.357186012195104561054269887313"),
    ).toBeLessThan(1e-30);
  });

  it("counts sample points exactly at a boundary", () => {
    const sample = empirical(["0.4", "0.6", "0.9", "1.1", "1.3"].map(d)); // pays 0, 0.6, 0.9, 1.2, 1.6
    expect(probAtLeast(gateAcceleratorCap, sample, d("1")).toString()).toBe("0.4"); // 1.2, 1.6
    expect(probAtLeast(gateAcceleratorCap, sample, d("0.9")).toString()).toBe("0.6"); // 0.9 counts
    expect(probAtMost(gateAcceleratorCap, sample, d("0")).toString()).toBe("0.2"); // the gated 0.4
    expect(probAtLeast(gateAcceleratorCap, sample, d("2")).toString()).toBe("0");
    // Exactly at quota on linear-then-1.5× pays exactly 1: it reaches target.
    expect(probAtLeast(linearThenAccelerator, flat(d("1")), d("1")).toString()).toBe("1");
    expect(probAtLeast(linearThenAccelerator, flat(d("0.7")), d("1")).toString()).toBe("0");
  });
});

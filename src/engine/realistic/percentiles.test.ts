import { empirical, flat, logNormalFromMoments, normal } from "./distribution";
import { attainmentPercentile, payPercentile } from "./percentiles";
import { curve, d, diff, gateAcceleratorCap, linearThenAccelerator, retroDecelerator } from "./testing/fixtures";

// Φ⁻¹(0.9) = 1.281551565544600466965103329449 throughout.
describe("attainment percentiles", () => {
  it("Normal: μ + σΦ⁻¹(q), and 0 while q is within the censored mass", () => {
    const n = normal(d("0.7"), d("0.2"));
    expect(attainmentPercentile(n, d("0.5")).toString()).toBe("0.7");
    // 0.7 + 0.2 × 1.281551565544600466965103329449 = 0.956310313108920093393020665890
    expect(diff(attainmentPercentile(n, d("0.9")), "0.956310313108920093393020665890")).toBeLessThan(1e-30);
    expect(diff(attainmentPercentile(n, d("0.1")), "0.443689686891079906606979334110")).toBeLessThan(1e-30);
    // N(0.1, 0.2): P(A ≤ 0) = Φ(−0.5) = 0.3085 ≥ 0.1, so P10 = 0; P90 = 0.1 + 0.2 × Φ⁻¹(0.9) = 0.356310313108920093393020665890
    const low = normal(d("0.1"), d("0.2"));
    expect(attainmentPercentile(low, d("0.1")).toString()).toBe("0");
    expect(diff(attainmentPercentile(low, d("0.9")), "0.356310313108920093393020665890")).toBeLessThan(1e-30);
  });

  it("LogNormal(mean 1, sd 0.3): median e^μ = 1.09^(−1/2)", () => {
    const ln = logNormalFromMoments(d("1"), d("0.3"));
    // e^(−ln(1.09)/2) = 1/√1.09 = 0.957826285221151392638326057114
    expect(diff(attainmentPercentile(ln, d("0.5")), "0.957826285221151392638326057114")).toBeLessThan(1e-30);
    // e^(μ + σ × 1.2815515655) = 1.395320189467321888819964187586 (mpmath)
    expect(diff(attainmentPercentile(ln, d("0.9")), "1.395320189467321888819964187586")).toBeLessThan(1e-30);
  });

  it("Empirical: PERCENTILE.INC interpolation", () => {
    const sample = empirical(["1.3", "0.4", "0.9", "1.1", "0.6"].map(d));
    // sorted 0.4, 0.6, 0.9, 1.1, 1.3; h = 4q: P10 → 0.4 + 0.4 × 0.2 = 0.48; P50 → 0.9; P90 → 1.1 + 0.6 × 0.2 = 1.22
    expect(attainmentPercentile(sample, d("0.1")).toString()).toBe("0.48");
    expect(attainmentPercentile(sample, d("0.5")).toString()).toBe("0.9");
    expect(attainmentPercentile(sample, d("0.9")).toString()).toBe("1.22");
  });
});

describe("pay percentiles", () => {
  it("non-decreasing curve: the curve at the attainment percentile", () => {
    // Normal(0.7, 0.2), P90 attainment 0.9563… < 1 pays the same multiple on linear-then-1.5×
    expect(
      diff(
        payPercentile(linearThenAccelerator, normal(d("0.7"), d("0.2")), d("0.9")),
        "0.956310313108920093393020665890",
      ),
    ).toBeLessThan(1e-30);
    // LogNormal(1, 0.3) on gate/2×/cap: P90 = 2 × 1.395320189467321888819964187586 − 1 = 1.790640378934643777639928375172
    expect(
      diff(
        payPercentile(gateAcceleratorCap, logNormalFromMoments(d("1"), d("0.3")), d("0.9")),
        "1.790640378934643777639928375172",
      ),
    ).toBeLessThan(1e-29);
    // Sample: P10 attainment 0.48 is below the gate → 0; P90 attainment 1.22 → 2 × 1.22 − 1 = 1.44
    const sample = empirical(["0.4", "0.6", "0.9", "1.1", "1.3"].map(d));
    expect(payPercentile(gateAcceleratorCap, sample, d("0.1")).toString()).toBe("0");
    expect(payPercentile(gateAcceleratorCap, sample, d("0.9")).toString()).toBe("1.44");
    expect(payPercentile(linearThenAccelerator, flat(d("1.2")), d("0.1")).toString()).toBe("1.3");
  });

  it("falling curve, Normal: the least y with P(pay ≤ y) ≥ q, to 1e−12", () => {
    // pay = a below quota, 0.8a from quota (≥ 0.8). For y < 0.8, pay ≤ y ⇔ A ≤ y, so
    // P10 = 0.9 + 0.3 Φ⁻¹(0.1) = 0.9 − 0.384465469663380140089530998835 = 0.515534530336619859910469001165
    const n = normal(d("0.9"), d("0.3"));
    expect(diff(payPercentile(retroDecelerator, n, d("0.1")), "0.515534530336619859910469001165")).toBeLessThan(1e-12);
    // P50, P90 from mpmath's root of G(y) = q: 0.846643691769387717559, 1.027572375730704169113
    expect(diff(payPercentile(retroDecelerator, n, d("0.5")), "0.846643691769387717559")).toBeLessThan(1e-12);
    expect(diff(payPercentile(retroDecelerator, n, d("0.9")), "1.027572375730704169113")).toBeLessThan(1e-12);
  });

  it("falling curve with a pay level held with positive probability returns that level exactly", () => {
    // pay = a below quota, then a flat 0.9 from quota. Under N(1.5, 0.2): P(pay < 0.9) = Φ(−3) = 0.00135,
    // and P(pay ≤ 0.9) = Φ(−3) + P(A ≥ 1) = 0.00135 + Φ(2.5) = 0.99514: P10, P50 and P90 are all 0.9.
    const dropToFlat = curve(["0", "0", "1"], ["1", "0.9", "0"]);
    const n = normal(d("1.5"), d("0.2"));
    for (const q of ["0.1", "0.5", "0.9"]) expect(payPercentile(dropToFlat, n, d(q)).toString()).toBe("0.9");
  });

  it("falling curve, sample: PERCENTILE.INC over the pays", () => {
    // attainments 0.5, 0.99, 1.2, 1.3, 2 pay 0.5, 0.99, 0.96, 1.04, 1.6 → in pay order 0.5, 0.96, 0.99, 1.04, 1.6
    // P10: 0.5 + 0.4 × (0.96 − 0.5) = 0.684;  P50: 0.99 (the curve at the median attainment 1.2 would say 0.96);
    // P90: 1.04 + 0.6 × (1.6 − 1.04) = 1.376
    const sample = empirical(["2", "1.2", "0.5", "1.3", "0.99"].map(d));
    expect(payPercentile(retroDecelerator, sample, d("0.1")).toString()).toBe("0.684");
    expect(payPercentile(retroDecelerator, sample, d("0.5")).toString()).toBe("0.99");
    expect(payPercentile(retroDecelerator, sample, d("0.9")).toString()).toBe("1.376");
  });
});

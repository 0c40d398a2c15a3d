import { empirical, flat, logNormalFromMoments, normal } from "./distribution";
import { expectedAttainment, expectedMultiple } from "./expectation";
import { curve, d, diff, gateAcceleratorCap, linearThenAccelerator } from "./testing/fixtures";

describe("expected payout multiple, exactly", () => {
  it("Flat: the curve at that attainment", () => {
    expect(expectedMultiple(linearThenAccelerator, flat(d("0.7"))).toString()).toBe("0.7");
    // 1.5 × 1.2 − 0.5 = 1.3
    expect(expectedMultiple(linearThenAccelerator, flat(d("1.2"))).toString()).toBe("1.3");
  });

  it("Normal(0.7, 0.2) on linear-then-1.5×, from the closed form", () => {
    // curve(a) = a + 0.5·(a − 1)⁺, and censoring at 0 makes the first term E[max(A, 0)]:
    //   E[max(A,0)] = μ(1 − Φ(−3.5)) + σφ(3.5)            (α = (0 − 0.7)/0.2 = −3.5)
    //              = 0.7 − 0.7 × 0.000232629079035525036349925886728 + 0.2 × 0.000872682695045760065601192961311
    //              = 0.7 − 0.000162840355324867525444948120709 + 0.000174536539009152013120238592262
    //              = 0.700011696183684284487675290471553
    //   E[(A−1)⁺]  = σφ(β) − (1 − μ)(1 − Φ(β)),  β = (1 − 0.7)/0.2 = 1.5
    //              = 0.2 × 0.129517595665891727614099557955 − 0.3 × 0.066807201268858066004494040980
    //              = 0.025903519133178345522819911591 − 0.020042160380657419801348212294
    //              = 0.005861358752520925721471699297
    //   E = 0.700011696183684284487675290472 + 0.5 × 0.005861358752520925721471699297
    //     = 0.702942375559944747348411140120
    const dist = normal(d("0.7"), d("0.2"));
    expect(diff(expectedMultiple(linearThenAccelerator, dist), "0.702942375559944747348411140120")).toBeLessThan(1e-29);
    expect(diff(expectedAttainment(dist), "0.700011696183684284487675290471553")).toBeLessThan(1e-32);
  });

  it("Normal censored at 0: the mass below 0 pays curve(0)", () => {
    // A flat 1× curve (a guarantee) pays exactly 1 whatever the attainment, including the censored mass.
    const guarantee = curve(["0", "1", "0"]);
    expect(diff(expectedMultiple(guarantee, normal(d("0.1"), d("0.2"))), "1")).toBeLessThan(1e-32);
    // E[max(A,0)] for N(0.1, 0.2²): μΦ(0.5) + σφ(0.5)
    //   = 0.1 × 0.691462461274013103637704610608 + 0.2 × 0.352065326764299477774680441597
    //   = 0.069146246127401310363770461061 + 0.070413065352859895554936088319 = 0.139559311480261205918706549380
    expect(diff(expectedAttainment(normal(d("0.1"), d("0.2"))), "0.139559311480261205918706549380")).toBeLessThan(
      1e-29,
    );
  });

  it("LogNormal(mean 1, sd 0.3) on gate 50% / 2× above quota / cap 2×", () => {
    // σ = √ln 1.09 = 0.29356037920852386776, μ = −σ²/2. With F(x) = Φ((ln x − μ)/σ) and the partial
    // moment M(x) = E[A; A < x] = 1 × Φ((ln x − μ − σ²)/σ):
    //   F(1) = 0.558347239142893646458709263926   F(1.5) = 0.936741065457945538856608185670
    //   M(0.5) = 0.006071617778443813254148936046  M(1) = 0.441652760857106353541290736074
    //   M(1.5) = 0.891476435248655348316068027192
    // E = [M(1) − M(0.5)]                     (pays a on [0.5, 1))        = 0.435581143078662540287141800028
    //   − 1 × [F(1.5) − F(1)]                 (intercept −1 on [1, 1.5))  = −0.378393826315051892397898921744
    //   + 2 × [M(1.5) − M(1)]                 (slope 2 on [1, 1.5))       = 0.899647348783097989549554582236
    //   + 2 × [1 − F(1.5)]                    (capped at 2)               = 0.126517869084108922286783628660
    //   = 1.083352534630817559725581089180
    const dist = logNormalFromMoments(d("1"), d("0.3"));
    expect(diff(expectedMultiple(gateAcceleratorCap, dist), "1.083352534630817559725581089180")).toBeLessThan(1e-29);
    expect(expectedAttainment(dist).toString()).toBe("1");
  });

  it("Empirical: the exact (weighted) average pay", () => {
    // Pays on gate/accelerator/cap: 0.4 → 0 (gated), 0.6 → 0.6, 0.9 → 0.9, 1.1 → 2.2 − 1 = 1.2, 1.3 → 1.6
    // (0 + 0.6 + 0.9 + 1.2 + 1.6) / 5 = 4.3 / 5 = 0.86
    const sample = ["1.3", "0.4", "0.9", "1.1", "0.6"].map(d);
    expect(expectedMultiple(gateAcceleratorCap, empirical(sample)).toString()).toBe("0.86");
    // Weights 1, 1, 2, 1, 1 on 0.4, 0.6, 0.9, 1.1, 1.3: (0 + 0.6 + 1.8 + 1.2 + 1.6)/6 = 5.2/6 = 0.8666…
    const weighted = empirical(["0.4", "0.6", "0.9", "1.1", "1.3"].map(d), ["1", "1", "2", "1", "1"].map(d));
    expect(diff(expectedMultiple(gateAcceleratorCap, weighted), "0.866666666666666666666666666666667")).toBeLessThan(
      1e-32,
    );
    // A negative history value counts as 0: on linear-then-1.5×, {−0.1, 0.5} pays (0 + 0.5)/2 = 0.25.
    expect(expectedMultiple(linearThenAccelerator, empirical(["-0.1", "0.5"].map(d))).toString()).toBe("0.25");
    expect(expectedAttainment(empirical(["-0.1", "0.5"].map(d))).toString()).toBe("0.25");
  });
});

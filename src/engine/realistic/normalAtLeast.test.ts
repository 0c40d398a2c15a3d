import { Decimal } from "../decimal";
import { curveView } from "./curveView";
import { normal } from "./distribution";
import { massModel } from "./massModel";
import { normalAtLeastModel } from "./normalAtLeast";
import { NORMAL_TAIL_REL_ERROR, normalTail } from "./normalTail";
import { payProbability, probAttainmentAtLeast } from "./payProbability";
import { normalAtW } from "./standardNormal";
import { d } from "./testing/fixtures";
import { W } from "./workingPrecision";

const ATTAINMENT = { segments: [{ from: d("0"), to: null, intercept: d("0"), slope: d("1") }] };

/** P(A ≥ x) the long way: the full 50-digit mass model, as before the shortcut. */
function longWay(mu: Decimal, sigma: Decimal, x: Decimal): Decimal {
  return payProbability(curveView(ATTAINMENT).segments, massModel(normal(mu, sigma)), x, "atLeast");
}

describe("the normal's far tail in double-double (normalTail)", () => {
  it("is within its stated error of the 50-digit Φ, from 8 to 30 standard deviations out", () => {
    let worst = 0;
    for (let i = 0; i <= 600; i++) {
      const x = new W(8).plus(new W(i).times("0.0366666"));
      const hi = x.toNumber();
      const lo = x.minus(new W(hi.toFixed(60))).toNumber();
      const tail = normalTail(hi, lo)!;
      const value = new W(tail.hi.toPrecision(40)).plus(new W(tail.lo.toPrecision(40)));
      const ref = normalAtW(x.neg()).cdf;
      worst = Math.max(worst, Math.abs(value.div(ref).minus(1).toNumber()));
    }
    expect(worst).toBeLessThan(NORMAL_TAIL_REL_ERROR / 100);
  });

  it("declines outside [8, 30]", () => {
    expect(normalTail(7.99, 0)).toBeNull();
    expect(normalTail(30.5, 0)).toBeNull();
  });
});

describe("P(A ≥ x) of a Normal year level without its 50-digit censored mass (normalAtLeast)", () => {
  it("gives the full model's probability to the last of its 34 digits, narrow teams and wide ones alike", () => {
    let shortcut = 0;
    for (let i = 0; i < 120; i++) {
      // Means 70%–130%, spreads 3%–20% (μ/σ from 3.5 to 43), quota and a cap's start.
      const mu = d((0.7 + ((i * 37) % 61) / 100).toFixed(2)).plus("0.00000012345678901234567");
      const sigma = d((0.03 + ((i * 11) % 18) / 100).toFixed(2))
        .div(7)
        .times(7);
      for (const x of [d("1"), d("1.5"), d("0.35")]) {
        if (normalAtLeastModel(normal(mu, sigma), x) !== null) shortcut++;
        expect(probAttainmentAtLeast(normal(mu, sigma), x).toString()).toBe(longWay(mu, sigma, x).toString());
      }
    }
    // Most of these are narrow enough for the shortcut; the rest took the long way.
    expect(shortcut).toBeGreaterThan(100);
    expect(shortcut).toBeLessThan(360);
  });

  it("takes the long way when the bracket straddles a rounding or the mean is too few σ from 0", () => {
    expect(normalAtLeastModel(normal(d("0.9"), d("0.25")), d("1"))).toBeNull();
    const narrow = normalAtLeastModel(normal(d("0.99"), d("0.1075")), d("1"));
    expect(narrow).not.toBeNull();
    expect(() => narrow!.continuous!.mass(d("2"))).toThrow();
  });
});

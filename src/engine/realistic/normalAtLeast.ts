import { ONE, ZERO, type Decimal } from "../decimal";
import type { NormalDistribution } from "./distribution";
import type { MassModel } from "./massModel";
import { NORMAL_TAIL_REL_ERROR, normalTail } from "./normalTail";
import { normalAtW } from "./standardNormal";
import { W, fromW, toW } from "./workingPrecision";

/**
 * P(A ≥ x) for a Normal year level and x > 0 reads two values of its mass
 * model (massModel.ts): mass(∞) = 1 − m₀ and mass(x) = Φ(zₓ) − m₀, each
 * rounded from 50 digits to 34, where m₀ = Φ(−μ/σ) is the mass censored at
 * 0. For a narrow distribution (a team's: μ/σ of 8 or more) m₀ is below
 * 1e−15 and its 50-digit continued fraction is the whole cost. Here m₀ is
 * bracketed in double-double arithmetic (normalTail.ts) to 1e−25 relative,
 * and both 34-digit values are taken at either end of the bracket: when they
 * agree, they are what the 50-digit m₀ gives (both are monotone in m₀), so
 * the probability is the same to the last digit. Returns the two-value model
 * for payProbability, or null (the caller then builds the full model) when
 * the bracket straddles a rounding or μ/σ is outside the tail's range.
 */
export function normalAtLeastModel(d: NormalDistribution, x: Decimal): MassModel | null {
  const mu = toW(d.mu);
  const sigma = toW(d.sigma);
  // As massModel.ts computes z at attainment 0: (0 − μ)/σ at 50 digits.
  const z0 = toW(ZERO).minus(mu).div(sigma);
  if (!z0.isNeg()) return null;
  const far = z0.neg();
  const hi = far.toNumber();
  if (!(hi >= 8 && hi <= 30)) return null;
  // hi's exact decimal expansion (toFixed is exact for a double this size at 60 places).
  const lo = far.minus(new W(hi.toFixed(60))).toNumber();
  const tail = normalTail(hi, lo);
  if (tail === null) return null;
  const m0 = new W(tail.hi.toPrecision(40)).plus(new W(tail.lo.toPrecision(40)));
  const low = m0.times(1 - NORMAL_TAIL_REL_ERROR * 10);
  const high = m0.times(1 + NORMAL_TAIL_REL_ERROR * 10);
  const whole = (m: W) => fromW(new W(1).minus(m));
  const all = whole(low);
  if (!all.eq(whole(high))) return null;
  const cdf = normalAtW(toW(x).minus(mu).div(sigma)).cdf;
  const below = (m: W) => fromW(cdf.minus(m));
  const atX = below(low);
  if (!atX.eq(below(high))) return null;
  return {
    atoms: { values: [ZERO], cumWeight: [ZERO, ZERO], cumMoment: [ZERO, ZERO], total: ONE },
    continuous: {
      mass: (at) => {
        if (at === null) return all;
        if (at.eq(x)) return atX;
        throw new Error(`normalAtLeastModel: mass at ${at.toString()} (only at ${x.toString()})`);
      },
      moment: () => {
        throw new Error("normalAtLeastModel: no moments");
      },
    },
  };
}

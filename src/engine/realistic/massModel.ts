import { Decimal, ONE, ZERO } from "../decimal";
import type { AttainmentDistribution, LogNormalDistribution, NormalDistribution } from "./distribution";
import { cdfW, normalAtW } from "./standardNormal";
import { W, fromW, toW } from "./workingPrecision";
import { assertNever } from "../assertNever";

/**
 * Every distribution seen as point masses plus a density on (0, ∞), the two
 * things the closed forms need: the mass and the first moment of attainment
 * on an interval. Expectation, pay probabilities and the pay CDF are then
 * written once for all kinds.
 *  - Flat: one point mass. Empirical: its sample.
 *  - Normal: the censored mass Φ(−μ/σ) as a point at 0, plus the normal
 *    density on (0, ∞).
 *  - LogNormal: a density only.
 */
export interface MassModel {
  readonly atoms: AtomSet | null;
  readonly continuous: ContinuousPart | null;
}

/** Sorted point masses with prefix sums; probability of atom k = weight_k / total. */
export interface AtomSet {
  readonly values: readonly Decimal[];
  readonly cumWeight: readonly Decimal[];
  readonly cumMoment: readonly Decimal[];
  readonly total: Decimal;
}

/** The density part. `x` ≥ 0; null is +∞. */
export interface ContinuousPart {
  /** P(0 < A < x). */
  mass(x: Decimal | null): Decimal;
  /** E[A · 1{0 < A < x}]. */
  moment(x: Decimal | null): Decimal;
}

const models = new WeakMap<AttainmentDistribution, MassModel>();

/** One model per distribution object (they are immutable): its Φ values are memoised inside. */
export function massModel(dist: AttainmentDistribution): MassModel {
  let m = models.get(dist);
  if (!m) {
    m = buildMassModel(dist);
    models.set(dist, m);
  }
  return m;
}

function buildMassModel(dist: AttainmentDistribution): MassModel {
  switch (dist.kind) {
    case "Flat":
      return { atoms: singleAtom(dist.attainment, ONE), continuous: null };
    case "Empirical":
      return {
        atoms: {
          values: dist.values,
          cumWeight: dist.cumWeight,
          cumMoment: dist.cumMoment,
          total: dist.cumWeight[dist.values.length],
        },
        continuous: null,
      };
    case "Normal":
      return normalModel(dist);
    case "LogNormal":
      return { atoms: null, continuous: logNormalPart(dist) };
    default:
      return assertNever(dist);
  }
}

/** First index whose value is ≥ x (values.length when none; x null = +∞). */
export function lowerBound(values: readonly Decimal[], x: Decimal | null): number {
  if (x === null) return values.length;
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid].lt(x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function singleAtom(value: Decimal, weight: Decimal): AtomSet {
  return { values: [value], cumWeight: [ZERO, weight], cumMoment: [ZERO, weight.times(value)], total: ONE };
}

function normalModel(d: NormalDistribution): MassModel {
  const mu = toW(d.mu);
  const sigma = toW(d.sigma);
  const at = memo((x: Decimal) => normalAtW(toW(x).minus(mu).div(sigma)));
  // Φ and the partial first moment μΦ(z) − σφ(z) at 0 are the base of every interval above 0.
  const atZero = at(ZERO);
  const massAt0 = atZero.cdf;
  const momentAt0 = mu.times(atZero.cdf).minus(sigma.times(atZero.pdf));
  const continuous: ContinuousPart = {
    mass: (x) => fromW(x === null ? new W(1).minus(massAt0) : at(x).cdf.minus(massAt0)),
    moment: (x) => {
      if (x === null) return fromW(mu.minus(momentAt0));
      const { cdf, pdf } = at(x);
      return fromW(mu.times(cdf).minus(sigma.times(pdf)).minus(momentAt0));
    },
  };
  return { atoms: singleAtom(ZERO, fromW(massAt0)), continuous };
}

function logNormalPart(d: LogNormalDistribution): ContinuousPart {
  // P(A < x) = Φ((ln x − μ)/σ);  E[A; A < x] = e^(μ+σ²/2) · Φ((ln x − μ − σ²)/σ).
  const mu = toW(d.mu);
  const sigma = toW(d.sigma);
  const mean = toW(d.mean);
  const z = memo((x: Decimal) => toW(x).ln().minus(mu).div(sigma));
  return {
    mass: memo((x: Decimal | null) => (x === null ? ONE : x.isZero() ? ZERO : fromW(cdfW(z(x))))),
    moment: memo((x: Decimal | null) =>
      x === null ? d.mean : x.isZero() ? ZERO : fromW(mean.times(cdfW(z(x).minus(sigma)))),
    ),
  };
}

/** Caches by the point's exact value: breakpoints recur across segments and calls on one model. */
function memo<X extends Decimal | null, R>(f: (x: X) => R): (x: X) => R {
  const seen = new Map<string, R>();
  return (x) => {
    const key = x === null ? "inf" : x.toString();
    let r = seen.get(key);
    if (r === undefined) {
      r = f(x);
      seen.set(key, r);
    }
    return r;
  };
}

import { Decimal, ONE, ZERO } from "../decimal";
import { fixedOf, fixedTimes, type Fixed } from "../exact/fixed";
import type { Ratio } from "../exact/ratio";
import type { RateType, TierBasis } from "../types";
import type { CurveContext } from "./mechanic";
import type { CurveSegment } from "./segments";

/**
 * How a rate-stage mechanic's y = intercept + slope × x (x on the tiers' axis,
 * y in the plan's rate unit) becomes money, for a quota qn/qd and a target
 * tn/td. With scaled = credit × qd, a piece pays n ÷ D:
 *  - Attainment × Multiplier: target × y, x = credit ÷ quota  → tn(i·qn + s·scaled) / (td·qn)
 *  - Attainment × Percent:    quota × y (money per band)       → (i·qn + s·scaled) / qd
 *  - Amount × Multiplier:     BCR × y, x = credit              → tn(i·qd + s·scaled) / (td·qn)
 *  - Amount × Percent:        y                                → (i·qd + s·scaled) / qd
 */
export interface RateUnits {
  readonly axis: TierBasis;
  readonly rateType: RateType;
}

/** The rate units bound to one line's quota and target, as exact scaled integers (the kernel's view). */
export interface LineUnits extends RateUnits {
  readonly quota: Ratio;
  readonly target: Ratio;
  readonly qn: Fixed;
  readonly qd: Fixed;
  readonly tn: Fixed;
  readonly td: Fixed;
  /** A zero quota: no attainment to gate, cap or price on. */
  readonly noQuota: boolean;
  /** The payout's denominator: n ÷ D. */
  readonly D: Fixed;
  /** A true attainment a as credit × qd: a × qn. */
  attainment(a: Fixed): Fixed;
  /** A point x on the tiers' axis as credit × qd. */
  axisPoint(x: Fixed): Fixed;
  /** The coefficients of n for y = i + s × x. */
  intercept(i: Fixed): Fixed;
  slope(s: Fixed): Fixed;
}

export function lineUnits(rate: RateUnits, quota: Ratio, target: Ratio): LineUnits {
  return new Units(rate, quota, target);
}

/** Methods on the prototype, not closures per pricer: a run holds a pricer per distinct quota and target. */
class Units implements LineUnits {
  readonly axis: TierBasis;
  readonly rateType: RateType;
  readonly qn: Fixed;
  readonly qd: Fixed;
  readonly tn: Fixed;
  readonly td: Fixed;
  readonly noQuota: boolean;
  readonly D: Fixed;
  private readonly multiplier: boolean;
  private readonly edgeScale: Fixed;

  constructor(
    rate: RateUnits,
    readonly quota: Ratio,
    readonly target: Ratio,
  ) {
    this.axis = rate.axis;
    this.rateType = rate.rateType;
    this.qn = fixedOf(quota.num);
    this.qd = fixedOf(quota.den);
    this.tn = fixedOf(target.num);
    this.td = fixedOf(target.den);
    this.multiplier = rate.rateType === "Multiplier";
    this.edgeScale = rate.axis === "Attainment" ? this.qn : this.qd;
    this.noQuota = this.qn.int === 0n;
    this.D = this.multiplier ? fixedTimes(this.td, this.qn) : this.qd;
  }

  attainment(a: Fixed): Fixed {
    return fixedTimes(a, this.qn);
  }
  axisPoint(x: Fixed): Fixed {
    return fixedTimes(x, this.edgeScale);
  }
  intercept(i: Fixed): Fixed {
    return this.multiplier ? fixedTimes(this.tn, fixedTimes(i, this.edgeScale)) : fixedTimes(i, this.edgeScale);
  }
  slope(s: Fixed): Fixed {
    return this.multiplier ? fixedTimes(this.tn, s) : s;
  }
}

/** The same conversion in Decimals, for the trace: the money of y = (intercept + slope × x) ÷ den at scaled = credit × qd. */
export function moneyAt(
  rate: RateUnits,
  intercept: Decimal,
  slope: Decimal,
  scaled: Decimal,
  quota: Ratio,
  target: Ratio,
  den: Decimal = ONE,
): Decimal {
  const { num: qn, den: qd } = quota;
  const base = rate.axis === "Attainment" ? qn : qd;
  const inner = (intercept.isZero() ? ZERO : intercept.times(base)).plus(slope.times(scaled));
  // One division, last, so an amount with a finite decimal comes out exactly.
  if (rate.rateType === "Multiplier") {
    if (qn.isZero()) return ZERO;
    return target.num.times(inner).div(target.den.times(qn).times(den));
  }
  const divisor = qd.times(den);
  return divisor.eq(ONE) ? inner : inner.div(divisor);
}

/**
 * Pieces y(x) in the rate unit as curve segments: attainment → multiple of
 * target, multiple(a) = k × y(c × a) for a rep-like BCR and quota.
 */
export function toAttainmentSpace(
  rate: RateUnits,
  pieces: readonly CurveSegment[],
  { bcr, quota }: CurveContext,
): CurveSegment[] {
  const target = bcr.times(quota);
  const amountAxis = rate.axis === "Amount";
  const c = amountAxis ? quota : ONE;
  let k: Decimal;
  if (!amountAxis) k = rate.rateType === "Multiplier" ? ONE : ONE.div(bcr);
  else k = rate.rateType === "Multiplier" ? ONE.div(quota) : ONE.div(target);
  return pieces.map((p) => ({
    from: p.from.div(c),
    to: p.to === null ? null : p.to.div(c),
    intercept: k.times(p.intercept),
    slope: k.times(p.slope).times(c),
  }));
}

import { Decimal, ONE } from "./decimal";

/**
 * An exact quotient num ÷ den, kept unevaluated. Target incentives are fractions
 * of the target variable (a month is 1/12, a prorated quarter 45/90 of that), and
 * 1/12 has no finite decimal: carrying the fraction lets a payout line do its one
 * division last, so the rounded line is exactly what pencil and paper give.
 */
export interface Ratio {
  readonly num: Decimal;
  readonly den: Decimal;
}

export function ratio(num: Decimal, den: Decimal = ONE): Ratio {
  return { num, den };
}

export function ratioValue(r: Ratio): Decimal {
  return r.den.eq(ONE) ? r.num : r.num.div(r.den);
}

export function scaleRatio(r: Ratio, factor: Ratio): Ratio {
  return { num: r.num.times(factor.num), den: r.den.times(factor.den) };
}

export function ratioIsZero(r: Ratio): boolean {
  return r.num.isZero();
}

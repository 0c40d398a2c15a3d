import { Decimal, ONE, same } from "../decimal";

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

/** Σ of fractions; exact. Period quotas of one rep share a denominator, which keeps this to additions. */
export function sumRatios(list: readonly Ratio[]): Ratio {
  if (list.length === 0) return { num: new Decimal(0), den: ONE };
  // A quota spread evenly is one shared object: n copies sum to n × it.
  if (list.every((r) => r === list[0])) return { num: list[0].num.times(list.length), den: list[0].den };
  const den = list[0].den;
  if (list.every((r) => r.den.eq(den))) {
    let num = new Decimal(0);
    for (const r of list) num = num.plus(r.num);
    return { num, den };
  }
  let num = new Decimal(0);
  let common = ONE;
  for (const r of list) {
    num = num.times(r.den).plus(r.num.times(common));
    common = common.times(r.den);
  }
  return { num, den: common };
}

/** Same numerator and denominator (not just equal value): cheap, and enough to reuse work. */
export function sameRatio(a: Ratio, b: Ratio): boolean {
  return a === b || (same(a.num, b.num) && same(a.den, b.den));
}

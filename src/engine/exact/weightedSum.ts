import { Decimal } from "../decimal";
import { fixedOf, fixedPlus, fixedTimes, quotientDecimal, type Fixed } from "./fixed";
import { ratio, type Ratio } from "./ratio";

/** Wide enough that a line's sums and products of finite decimals are never rounded (the kernel takes any digits). */
const Exact = Decimal.clone({ precision: 1_000 });

/**
 * Σ weight × num ÷ den as one fraction N ÷ D, never evaluated: a weighted
 * attainment exactly on a gate or band edge (0.48 × 4/3 = 64%) stays on it,
 * where a 34-digit quotient would land a hair below. Terms with no fraction
 * (no quota) are left out.
 */
export function weightedFraction(terms: readonly { weight: Decimal; fraction: Ratio | null }[]): Ratio {
  let num = new Exact(0);
  let den = new Exact(1);
  for (const t of terms) {
    if (!t.fraction) continue;
    const aNum = new Exact(t.fraction.num.toString());
    const aDen = new Exact(t.fraction.den.toString());
    num = num.times(aDen).plus(new Exact(t.weight.toString()).times(aNum).times(den));
    den = den.times(aDen);
  }
  // Engine Decimals made from the exact digits keep them all; only their arithmetic rounds to 34.
  return ratio(new Decimal(num.toString()), new Decimal(den.toString()));
}

/**
 * Σ weight × credit ÷ quota over a year's measures, in scaled integers and one
 * division correctly rounded to 34 digits; null when a weighted measure's
 * quota is missing or 0, or no measure has weight. A negative year's credit
 * counts as 0; a measure of weight 0 (a commission paid whatever its weight)
 * adds nothing, quota or not.
 */
export function weightedQuotient(
  terms: readonly { weight: Decimal; credit: Fixed; quota: Ratio | undefined }[],
): Decimal | null {
  let num: Fixed = { int: 0n, scale: 0 };
  let den: Fixed = { int: 1n, scale: 0 };
  let weighted = false;
  for (const t of terms) {
    if (t.weight.isZero()) continue;
    if (!t.quota || t.quota.num.isZero()) return null;
    weighted = true;
    const credit = t.credit.int < 0n ? { int: 0n, scale: 0 } : t.credit;
    const qn = fixedOf(t.quota.num);
    // a/b + w·c·qd/qn = (a·qn + w·c·qd·b) / (b·qn)
    num = fixedPlus(
      fixedTimes(num, qn),
      fixedTimes(fixedTimes(fixedOf(t.weight), credit), fixedTimes(fixedOf(t.quota.den), den)),
    );
    den = fixedTimes(den, qn);
  }
  return weighted ? quotientDecimal(num, den) : null;
}

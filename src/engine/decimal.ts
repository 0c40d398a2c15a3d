import DecimalJs from "decimal.js";

/**
 * The one Decimal constructor the engine uses. 34 significant digits (IEEE 754
 * decimal128) keeps every product of money × rate exact, and ROUND_HALF_UP in
 * decimal.js rounds halves away from zero — Excel's ROUND.
 */
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO: Decimal = new Decimal(0);
export const ONE: Decimal = new Decimal(1);

/**
 * The same Decimal with its digit words in an array of their own length.
 * decimal.js builds the words of a parsed value with push(), which leaves room
 * for 17 (about 150 bytes for a two-word amount): fine for a temporary, but an
 * input of 500,000 cells keeps every one. Values held for the whole run (input
 * cells) go through this once; the value is unchanged.
 */
export function compactDecimal(x: Decimal): Decimal {
  const digits = (x as unknown as { d: number[] | null }).d;
  if (digits !== null && digits.length < 8) (x as unknown as { d: number[] }).d = digits.slice();
  return x;
}

/** 10^0 … 10^22: every one exact as a double. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const TWO_POW_53 = 2 ** 53;

/**
 * `x.toNumber()`, the same double, without the text decimal.js goes through
 * (a result sheet converts a million values). When the digits make an integer
 * m below 2^53 and x = m × 10^p with |p| ≤ 22, m and 10^|p| are exact doubles,
 * so the one multiplication or division IEEE rounds correctly gives the double
 * nearest x — what parsing its text gives. Anything else goes through toNumber.
 */
export function toNumber(x: Decimal): number {
  const d = (x as unknown as { d: number[] | null }).d;
  if (d !== null && d.length <= 3) {
    let m = d[0];
    let digits = 1;
    for (let w = m; w >= 10; w = Math.floor(w / 10)) digits++;
    for (let i = 1; i < d.length; i++) {
      m = m * 1e7 + d[i];
      digits += 7;
    }
    const p = x.e - digits + 1;
    if (m < TWO_POW_53 && p <= 22 && p >= -22) {
      const n = p >= 0 ? m * EXACT_POWERS[p] : m / EXACT_POWERS[-p];
      return x.s < 0 ? -n : n;
    }
  }
  return x.toNumber();
}

/** Accepts a string like "1200.50", a bigint, or another Decimal. Never a JS number. */
export type DecimalInput = string | bigint | Decimal;

export function dec(value: DecimalInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(typeof value === "bigint" ? value.toString() : value);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Same sign, exponent and digit words (so −0 and 0 differ): enough to reuse work
 * in a hot path, without the Decimal that decimal.js's eq() builds from its argument.
 */
export function same(a: Decimal, b: Decimal): boolean {
  if (a === b) return true;
  if (a.s !== b.s || a.e !== b.e || !a.d || !b.d || a.d.length !== b.d.length) return false;
  for (let i = 0; i < a.d.length; i++) if (a.d[i] !== b.d[i]) return false;
  return true;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

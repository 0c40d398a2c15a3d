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

/** Doubles up to this size with at most two decimals (cents) are read by fromDouble's fast path. */
const CENTS_LIMIT = 1e13;
/** Digits in one of decimal.js's words (base 1e7). */
const WORD_DIGITS = 7;

/**
 * `new Decimal(n)`: the Decimal of the double's shortest round-trip text, the
 * same sign, exponent and digit words, without the text for an amount of whole
 * cents up to 1e13 (almost every input cell). There, two amounts of whole cents
 * are further apart than two neighbouring doubles, so the cents m with
 * m / 100 === n are exactly the value of n's shortest text. Its digits are laid
 * out in words as decimal.js lays them out: aligned on multiples of 7 of the
 * base-10 exponent, the first word holding the digits above the highest
 * multiple, the last padded with zeros to 7 digits. Its words take no more room
 * than they need (compactDecimal), as a value held for the whole run should.
 */
export function fromDouble(n: number): Decimal {
  const v = Math.abs(n);
  const cents = Math.round(v * 100);
  if (!(v !== 0 && v <= CENTS_LIMIT && cents / 100 === v)) return compactDecimal(new Decimal(n));
  // value = m × 10^low, m without trailing zeros.
  let m = cents;
  let low = -2;
  while (m % 10 === 0) {
    m /= 10;
    low++;
  }
  // Digits of m counted by comparison (m < 1e15), not by dividing.
  let digits = 1;
  while (digits < 16 && m >= EXACT_POWERS[digits]) digits++;
  const top = low + digits - 1;
  // The last word's unit is 10^(7 × floor(low / 7)); below m's lowest digit, `shift` zeros pad it.
  const shift = low - WORD_DIGITS * Math.floor(low / WORD_DIGITS);
  const lowSpan = EXACT_POWERS[WORD_DIGITS - shift];
  // The words as array literals of their length (packed, no spare room: input amounts are held for the whole run).
  const last = (m % lowSpan) * EXACT_POWERS[shift];
  const rest = Math.floor(m / lowSpan);
  const words =
    rest === 0
      ? [last]
      : rest < 1e7
        ? [rest, last]
        : rest < 1e14
          ? [Math.floor(rest / 1e7), rest % 1e7, last]
          : [Math.floor(rest / 1e14), Math.floor(rest / 1e7) % 1e7, rest % 1e7, last];
  // Made as a small integer is (the constructor's fields, in its order), then given n's sign, exponent and words.
  const x = new Decimal(1) as unknown as { s: number; e: number; d: number[] };
  x.s = n < 0 ? -1 : 1;
  x.e = top;
  x.d = words;
  return x as unknown as Decimal;
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

/**
 * `values` sorted in place, ascending, in exactly the order of comparedTo: by
 * their doubles first (a correctly rounded conversion never reverses two
 * values), comparing Decimals only where the doubles tie. A large list (a
 * plan's 10,000 quotas) sorts without a Decimal comparison per step.
 */
export function sortDecimals(values: Decimal[]): Decimal[] {
  if (values.length < 64) return values.sort((a, b) => a.comparedTo(b));
  const keyed = values.map((value) => ({ value, key: toNumber(value) }));
  keyed.sort((a, b) => a.key - b.key || a.value.comparedTo(b.value));
  for (let i = 0; i < keyed.length; i++) values[i] = keyed[i].value;
  return values;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

/** x², as x.times(x): the same digits as pow(2) (a square is exact before its one rounding) at a fraction of its cost. */
export function sq(x: Decimal): Decimal {
  return x.times(x);
}

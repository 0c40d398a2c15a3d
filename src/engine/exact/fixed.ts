import { Decimal, ZERO } from "../decimal";

/**
 * An exact decimal as a scaled integer: value = int × 10^-scale, scale ≥ 0.
 *
 * The pricing kernel works in these (bigint, no rounding anywhere) because a
 * payout line is a handful of products and one quotient, and decimal.js spends
 * most of such a line allocating and normalising intermediate Decimals. Money
 * never becomes a JS number: the integers are bigints; the JS numbers here are
 * scales (counts of decimal places) and decimal.js's own base-1e7 digit words.
 */
export interface Fixed {
  readonly int: bigint;
  readonly scale: number;
}

const POWERS: bigint[] = [1n];

/** 10^k as a bigint, cached. */
export function pow10(k: number): bigint {
  while (POWERS.length <= k) POWERS.push(POWERS[POWERS.length - 1] * 10n);
  return POWERS[k];
}

const WORD = 10_000_000n;

function wordDigits(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1e3 ? 3 : w < 1e4 ? 4 : w < 1e5 ? 5 : w < 1e6 ? 6 : 7;
}

/**
 * The exact scaled integer of a finite Decimal, read from its digit words (no
 * string round trip), with trailing zeros dropped: 123456.78 has scale 2.
 */
export function fixedOf(x: Decimal): Fixed {
  const words = x.d;
  if (!words) throw new RangeError(`${x.toString()} is not a finite amount`);
  const n = words.length;
  // x = coefficient × 10^shift, where e is the exponent of the leading digit.
  let shift = x.e - (wordDigits(words[0]) + 7 * (n - 1)) + 1;
  let c: bigint;
  if (n <= 2) {
    // At most 14 digits: two words join exactly (below 2^53, as decimal.js itself
    // multiplies its words), so trailing zeros come off before the one bigint is made.
    let w = n === 1 ? words[0] : words[0] * 1e7 + words[1];
    while (shift < 0 && w !== 0 && w % 10 === 0) {
      w /= 10;
      shift++;
    }
    c = BigInt(w);
  } else {
    c = BigInt(words[0]);
    for (let i = 1; i < n; i++) c = c * WORD + BigInt(words[i]);
  }
  if (x.s < 0) c = -c;
  if (shift >= 0) return { int: shift === 0 ? c : c * pow10(shift), scale: 0 };
  return { int: c, scale: -shift };
}

/** The integer of `f` at a scale at least its own. */
export function atScale(f: Fixed, scale: number): bigint {
  return scale === f.scale ? f.int : f.int * pow10(scale - f.scale);
}

export function fixedTimes(a: Fixed, b: Fixed): Fixed {
  return { int: a.int * b.int, scale: a.scale + b.scale };
}

export function fixedPlus(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { int: atScale(a, scale) + atScale(b, scale), scale };
}

/** int × 10^-scale as a Decimal (exact: money and quotas have far fewer than 34 digits). */
export function toDecimal(int: bigint, scale: number): Decimal {
  if (int === 0n) return ZERO;
  return new Decimal(scale === 0 ? int.toString() : `${int.toString()}e-${scale}`);
}

/**
 * n ÷ D rounded half away from zero (Excel's ROUND) to `digits` places, for
 * many numerators n at one scale: minor = round(n × 10^-numScale × 10^digits ÷ D),
 * one bigint multiplication and one division. Exact: no reciprocal, no precision.
 */
export class QuotientRounding {
  private readonly mul: bigint;
  private readonly q: bigint;
  private readonly q2: bigint;
  /** q ÷ 2 when q is even (always, when the numerator carries more decimals than the answer): round in two steps. */
  private readonly half: bigint | null;

  constructor(
    private readonly den: Fixed,
    private readonly numScale: number,
    digits: number,
  ) {
    if (den.int === 0n) throw new RangeError("division by zero in a payout");
    const k = den.scale + digits - numScale;
    const negative = den.int < 0n;
    this.mul = (negative ? -2n : 2n) * pow10(Math.max(k, 0));
    this.q = (negative ? -den.int : den.int) * pow10(Math.max(-k, 0));
    this.q2 = 2n * this.q;
    this.half = k <= 0 && !negative && this.q % 2n === 0n ? this.q / 2n : null;
  }

  /** round(n ÷ D) in minor units: (2p + q) ÷ 2q, mirrored for negatives; (n + q/2) ÷ q when that is the same. */
  round(n: bigint): bigint {
    if (this.half !== null && n >= 0n) return (n + this.half) / this.q;
    const p2 = n * this.mul;
    return p2 < 0n ? -((this.q - p2) / this.q2) : (p2 + this.q) / this.q2;
  }

  /** The unrounded n ÷ D to 34 significant digits (traces and checks). */
  exact(n: bigint): Decimal {
    return n === 0n ? ZERO : toDecimal(n, this.numScale).div(toDecimal(this.den.int, this.den.scale));
  }
}

/**
 * n ÷ d as a Decimal correctly rounded (half up) to `precision` significant
 * digits — what decimal.js's div gives at the engine's precision, in one bigint
 * division. The truncated quotient keeps at least one digit beyond `precision`,
 * which is enough: a dropped part below half stays below half with any remainder.
 */
export function quotientDecimal(n: Fixed, d: Fixed, precision = 34): Decimal {
  if (d.int === 0n) throw new RangeError("division by zero");
  if (n.int === 0n) return ZERO;
  const negative = n.int < 0n !== d.int < 0n;
  const a = n.int < 0n ? -n.int : n.int;
  const b = d.int < 0n ? -d.int : d.int;
  const k = Math.max(0, precision + 1 - (a.toString().length - b.toString().length));
  const q = (a * pow10(k)) / b;
  const extra = q.toString().length - precision;
  const unit = pow10(extra);
  let r = q / unit;
  if (2n * (q - r * unit) >= unit) r += 1n;
  const exponent = extra - k + d.scale - n.scale;
  return new Decimal(`${negative ? "-" : ""}${r.toString()}e${exponent}`);
}

/** Σ of scaled integers at the largest scale seen. */
export class FixedSum {
  private int = 0n;
  private scale = 0;

  add(f: Fixed): void {
    if (f.scale > this.scale) {
      this.int *= pow10(f.scale - this.scale);
      this.scale = f.scale;
    }
    this.int += atScale(f, this.scale);
  }

  get value(): Fixed {
    return { int: this.int, scale: this.scale };
  }
}

/**
 * a ÷ (a + b) as a whole percent, halves away from zero (decimal.js's
 * ROUND_HALF_UP) — the base side of a pay mix — exactly, in scaled integers
 * (no Decimal division); null when a + b is 0.
 */
export function wholePercentShare(a: Decimal, b: Decimal): number | null {
  const fa = fixedOf(a);
  const fb = fixedOf(b);
  const scale = Math.max(fa.scale, fb.scale);
  const x = atScale(fa, scale);
  const whole = x + atScale(fb, scale);
  if (whole === 0n) return null;
  // The magnitude rounded half up, floor((100|x| + |whole|/2) ÷ |whole|) with 2|whole| below; then the sign.
  const ax = x < 0n ? -x : x;
  const aw = whole < 0n ? -whole : whole;
  const magnitude = Number((200n * ax + aw) / (2n * aw));
  return x < 0n !== whole < 0n ? -magnitude : magnitude;
}

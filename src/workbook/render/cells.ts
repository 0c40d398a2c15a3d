import { toNumber, ZERO, type Decimal, type Ratio } from "../../engine";
import type { SpecCell } from "../types";

/**
 * Engine values become sheet cells here, at the edge: Excel stores doubles, and
 * every money value has already been rounded to its minor unit by the engine.
 */
export function num(value: Decimal | null | undefined): SpecCell {
  if (value === null || value === undefined) return null;
  return value === ZERO ? 0 : toNumber(value); // the engine's shared zero fills most statement columns
}

/**
 * A payout held as minor units (cents): the double nearest the exact amount,
 * as Decimal.toNumber gives — an integer below 2^53 converts exactly, and one
 * division by a power of ten rounds correctly.
 */
export function minorNum(minor: bigint, digits: number): number {
  return Number(minor) / 10 ** digits;
}

/** A fraction as a percent with one decimal, for text on a sheet or a headline: 0.8715 → "87.2%". */
export function percentText(d: Decimal): string {
  return `${d.times(100).toDecimalPlaces(1).toString()}%`;
}

/** A Decimal that many cells share (a tier's rate), converted once. */
const sharedNums = new WeakMap<Decimal, number>();
export function sharedNum(value: Decimal): number {
  let n = sharedNums.get(value);
  if (n === undefined) {
    n = toNumber(value);
    sharedNums.set(value, n);
  }
  return n;
}

const parts = new WeakMap<Ratio, readonly [number, number]>();

/** A fraction's numerator and denominator as doubles (fractions are shared between lines: each converted once). */
export function ratioParts(value: Ratio): readonly [number, number] {
  let p = parts.get(value);
  if (p === undefined) {
    p = [toNumber(value.num), toNumber(value.den)];
    parts.set(value, p);
  }
  return p;
}

/**
 * A fraction shown on a sheet (a quota, an attainment, a proration factor):
 * numerator and denominator as doubles, divided as doubles. Display only — no
 * payout is computed from it — and the result is the double nearest the exact
 * value to within an ulp.
 */
export function ratioNum(value: Ratio): number {
  const [num, den] = ratioParts(value);
  return num / den;
}

/** A display-only money value (a prorated target, a spread quota): to the cent. */
export function money(value: Decimal | Ratio): number {
  const n = "num" in value ? ratioNum(value) : toNumber(value);
  return Math.round(n * 100) / 100;
}

export function subtitle(sourceName: string, computedAt: Date, extra = ""): string {
  const when = computedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return `Computed from ${sourceName} on ${when}${extra ? ` · ${extra}` : ""}`;
}

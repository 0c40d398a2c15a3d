import type { Decimal } from "../decimal";
import { atScale, fixedOf, toDecimal } from "./fixed";

/**
 * Money in minor units (cents for USD, yen for JPY: `digits` from
 * rounding.ts's minorUnits). Rounded payouts add up as integers, so every
 * total foots exactly; Decimals meet them only at the edges.
 */

/** A rounded amount (at most `digits` decimal places) as minor units. */
export function toMinor(x: Decimal, digits: number): bigint {
  const f = fixedOf(x);
  if (f.scale > digits) throw new RangeError(`${x.toString()} has more than ${digits} decimal places`);
  return atScale(f, digits);
}

/** Minor units back to money. */
export function fromMinor(minor: bigint, digits: number): Decimal {
  return toDecimal(minor, digits);
}

/** The total of amounts in minor units. */
export function sumMinor(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

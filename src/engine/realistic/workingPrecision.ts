import { Decimal } from "../decimal";

/**
 * Guard digits for the special functions (Φ, φ, Φ⁻¹, ln, exp). Their series
 * and continued fractions lose a few digits to cancellation in the tails, so
 * they run at 50 significant digits and hand back engine Decimals rounded to
 * the engine's 34. Nothing outside this folder sees a W value.
 */
export const W = Decimal.clone({ precision: 50 });
export type W = InstanceType<typeof W>;

export function toW(x: Decimal): W {
  return new W(x);
}

/** Back to the engine's Decimal, rounded to its precision. */
export function fromW(x: W): Decimal {
  return new Decimal(x.toSignificantDigits(Decimal.precision));
}

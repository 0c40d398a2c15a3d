import { Decimal } from "../decimal";

/**
 * ISO 4217 minor units for currencies whose minor unit is not 2. Everything
 * else rounds to cents.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  HUF: 2,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency.toUpperCase()] ?? 2;
}

/**
 * An amount rounded to the currency's minor unit, half away from zero (Excel's
 * ROUND). Payout lines do not come through here: the pricing kernel rounds each
 * line once, by the same rule, in integers (`QuotientRounding` in fixed.ts).
 * This rounds every other amount that becomes money: a ramp guarantee's floor,
 * a prorated base, expected (realistic) pay, a total converted to the reporting
 * currency, an offer's figures. Totals are sums of rounded amounts, so every
 * sheet foots.
 */
export function roundMoney(amount: Decimal, currency: string): Decimal {
  const digits = minorUnits(currency);
  // Already whole minor units (most amounts): the same value, without the Decimal toDecimalPlaces makes.
  if (amount.isFinite() && amount.decimalPlaces() <= digits) return amount;
  return amount.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

/** A rep's variable pay at a payout multiple of target variable, rounded once in the rep's currency. */
export function variableMoney(
  rep: { readonly targetVariable: Decimal; readonly currency: string },
  multiple: Decimal,
): Decimal {
  return roundMoney(rep.targetVariable.times(multiple), rep.currency);
}

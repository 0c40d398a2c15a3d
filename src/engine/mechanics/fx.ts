import { ONE, type Decimal } from "../decimal";
import { roundMoney } from "../exact/rounding";
import type { Settings } from "../types";

/**
 * Converting pay to the reporting currency.
 *
 * - One planning rate per currency: Settings' FX rate (units of the reporting
 *   currency per one unit of the rep's currency) applies to every period.
 *   Comp plans are budgeted at a fixed rate, and a fixed rate keeps a rep's
 *   cost comparable across periods and scenarios.
 * - A rep's lines are paid and rounded in the rep's currency (the payout line
 *   is the one rounding point); totals are converted afterwards, and the
 *   converted total is rounded once to the reporting currency's minor unit
 *   (`toReportingRounded`). Converting each line and rounding again would let
 *   reporting totals drift from the rep's statement.
 */

export function fxRate(currency: string, settings: Pick<Settings, "reportingCurrency" | "fxRates">): Decimal {
  const code = currency.toUpperCase();
  if (code === settings.reportingCurrency.toUpperCase()) return ONE;
  const rate = settings.fxRates.get(currency) ?? settings.fxRates.get(code);
  if (rate === undefined) {
    throw new Error(
      `No FX rate for ${code}: add FX:${code} to Settings (how many ${settings.reportingCurrency} one ${code} is worth).`,
    );
  }
  return rate;
}

/** `amount` in `currency`, in the reporting currency (unrounded). Throws on a currency without a rate. */
export function toReporting(
  amount: Decimal,
  currency: string,
  settings: Pick<Settings, "reportingCurrency" | "fxRates">,
): Decimal {
  return amount.times(fxRate(currency, settings));
}

/**
 * `amount` in `from`, in `to`, through the reporting currency at the Settings
 * rates (unrounded): a report's quota or credit in its leader's currency.
 * The same currency is returned as it is.
 */
export function convert(
  amount: Decimal,
  from: string,
  to: string,
  settings: Pick<Settings, "reportingCurrency" | "fxRates">,
): Decimal {
  return from === to ? amount : amount.times(fxRate(from, settings)).div(fxRate(to, settings));
}

/** A total already rounded in the rep's currency, converted and rounded to the reporting currency's minor unit. */
export function toReportingRounded(
  total: Decimal,
  currency: string,
  settings: Pick<Settings, "reportingCurrency" | "fxRates">,
): Decimal {
  return roundMoney(toReporting(total, currency, settings), settings.reportingCurrency);
}

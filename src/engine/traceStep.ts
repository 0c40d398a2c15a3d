import type { Decimal } from "./decimal";

/** One step of how a payout line was built, for Results_Trace. */
export interface TraceStep {
  /**
   * What the step is: the line's own steps ("Quota", "Target", "Team",
   * "Attainment", "True-up", "Guarantee", "Payout", "Team member", "Statement")
   * or a line mechanic's ("Threshold", "Cap attainment", "Band", "Curve",
   * "Cap payout", …: each mechanic names its own, so a new one needs no entry here).
   */
  readonly step: string;
  readonly detail: string;
  readonly from: Decimal | null;
  readonly to: Decimal | null;
  /** Credited amount the step applies to (a band's slice, or the whole credit). */
  readonly credit: Decimal | null;
  readonly rate: Decimal | null;
  /** Money this step contributes (bands) or the running result (caps, payout). */
  readonly amount: Decimal | null;
}

/** An attainment or rate as a percentage, to two decimals: 112.5%. */
export const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(2).toString()}%`;

/** Money in a trace sentence: grouped, to the currency's minor unit. */
export const moneyText = (d: Decimal, digits = 2) =>
  d
    .toDecimalPlaces(digits)
    .toNumber()
    .toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

import { ZERO, type Decimal } from "../decimal";

/**
 * A manager's override: `rate` × the team's amount (credited team actuals, or
 * the team's payouts, as the plan says), paid only when the team's attainment
 * is at or above `threshold`. With a threshold but no attainment (no team
 * quota) nothing is paid: the gate cannot be shown to be met. Unrounded: the
 * payout line rounds.
 */
export function overridePayout(
  teamAmount: Decimal,
  rate: Decimal,
  threshold: Decimal | null,
  attainment: Decimal | null,
): Decimal {
  if (threshold !== null && (attainment === null || attainment.lt(threshold))) return ZERO;
  return teamAmount.times(rate);
}

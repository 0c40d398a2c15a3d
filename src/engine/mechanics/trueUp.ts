import { ZERO, type Decimal } from "../decimal";
import type { NegativeTrueUp } from "../types";

export interface TrueUps {
  /** What each period pays: YTD earned minus what was already paid (never negative under Hold). */
  readonly paid: Decimal[];
  /**
   * Under Hold, the shortfall outstanding at the end of each period: what has
   * been paid beyond YTD earned. Later positive true-ups repay it before
   * anything more is paid. Always 0 under Clawback and NegativePay.
   */
  readonly heldBack: Decimal[];
}

/**
 * True-ups of a cumulative (year-to-date) plan. Each period pays YTD earned
 * minus what was already paid. When YTD earned falls (a bigger quarter
 * followed by a weak one under a decelerating or gated curve), the true-up is
 * negative and the rule decides:
 *
 * - Clawback and NegativePay: it is a negative amount, so Σ paid = final YTD
 *   earned. Under Clawback the statement turns it into a debit recovered from
 *   later pay (applyAdjustments), so net pay never goes below 0.
 * - Hold: nothing is paid and the shortfall is held; paid-to-date is then the
 *   running maximum of YTD earned (floored at 0), so
 *   Σ paid = max(0, max_k YTD_k) and Σ paid = final YTD + final heldBack.
 *   The final heldBack is what the rep was paid beyond the year's earnings.
 */
export function trueUps(ytdEarned: readonly Decimal[], rule: NegativeTrueUp): TrueUps {
  const paid: Decimal[] = [];
  const heldBack: Decimal[] = [];
  let paidToDate = ZERO;
  for (const ytd of ytdEarned) {
    const due = ytd.minus(paidToDate);
    const pay = rule === "Hold" && due.isNeg() ? ZERO : due;
    paidToDate = paidToDate.plus(pay);
    paid.push(pay);
    heldBack.push(pay.minus(due)); // 0, or the shortfall -due under Hold
  }
  return { paid, heldBack };
}

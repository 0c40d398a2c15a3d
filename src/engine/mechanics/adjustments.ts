import { ZERO, max, min, type Decimal } from "../decimal";
import type { Period } from "../periods";
import type { Adjustment } from "../types";

/** A rep's adjustments falling in one payout period. */
export interface PeriodAdjustments {
  /** SPIFs and bonuses: paid on top. */
  readonly additions: Decimal;
  /** Clawbacks, as positive amounts taken back. */
  readonly clawbacks: Decimal;
}

export interface AdjustmentLine {
  readonly additions: Decimal;
  readonly clawbacks: Decimal;
  /** Clawback actually taken from this period's pay (this period's and any carried in). */
  readonly clawbackApplied: Decimal;
  /** additions − clawbackApplied: the statement's Adjustments column. */
  readonly adjustments: Decimal;
  /** Clawback still to recover after this period. */
  readonly clawbackCarried: Decimal;
  /** payBefore + adjustments. */
  readonly netPaid: Decimal;
}

export interface AdjustmentResult {
  readonly lines: AdjustmentLine[];
  /** Clawback left unrecovered when the year ends: report it, it is owed by the rep. */
  readonly outstanding: Decimal;
}

/**
 * Settles SPIFs, bonuses and clawbacks on top of what the period already pays
 * (`payBefore`: commission after true-ups and after the draw). SPIFs and
 * bonuses are added. A clawback is taken from what the period would pay, but
 * never takes it below 0: what does not fit is carried forward and taken from
 * later periods first; what is left after the last period is `outstanding`.
 *
 * A period whose pay is negative before adjustments (a negative true-up under
 * the Clawback rule) recovers no clawback; its negative pay is left as it is.
 */
export function applyAdjustments(
  payBefore: readonly Decimal[],
  perPeriod: readonly PeriodAdjustments[],
): AdjustmentResult {
  const lines: AdjustmentLine[] = [];
  let carried = ZERO;
  payBefore.forEach((pay, k) => {
    const { additions, clawbacks } = perPeriod[k] ?? NONE;
    const due = carried.plus(clawbacks);
    const available = max(ZERO, pay.plus(additions));
    const clawbackApplied = min(due, available);
    carried = due.minus(clawbackApplied);
    const adjustments = additions.minus(clawbackApplied);
    lines.push({
      additions,
      clawbacks,
      clawbackApplied,
      adjustments,
      clawbackCarried: carried,
      netPaid: pay.plus(adjustments),
    });
  });
  return { lines, outstanding: carried };
}

const NONE: PeriodAdjustments = { additions: ZERO, clawbacks: ZERO };

/**
 * Sorts one rep's adjustments into payout periods. An adjustment belongs to
 * the period that contains the last day of its span: a SPIF given for Q1 is
 * paid with the period that closes Q1 (March under a monthly plan). Those
 * ending outside the plan year are returned in `outside` so they can be
 * reported, never silently dropped.
 */
export function adjustmentsByPeriod(
  adjustments: readonly Adjustment[],
  periods: readonly Period[],
): { perPeriod: PeriodAdjustments[]; outside: Adjustment[] } {
  const additions = periods.map(() => ZERO);
  const clawbacks = periods.map(() => ZERO);
  const outside: Adjustment[] = [];
  for (const a of adjustments) {
    const k = periods.findIndex((p) => a.end >= p.start && a.end <= p.end);
    if (k < 0) outside.push(a);
    else if (a.type === "Clawback") clawbacks[k] = clawbacks[k].plus(a.amount);
    else additions[k] = additions[k].plus(a.amount);
  }
  return { perPeriod: periods.map((_, k) => ({ additions: additions[k], clawbacks: clawbacks[k] })), outside };
}

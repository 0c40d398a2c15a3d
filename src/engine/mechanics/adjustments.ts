import { ZERO, max, min, type Decimal } from "../decimal";
import type { Period } from "../periods";
import type { Adjustment } from "../types";
import { assertNever } from "../assertNever";

/** A rep's adjustments falling in one payout period. */
export interface PeriodAdjustments {
  /** SPIFs and bonuses: paid on top. */
  readonly additions: Decimal;
  /** Clawbacks, as positive amounts taken back. */
  readonly clawbacks: Decimal;
  /** The adjustments' notes, as typed ("Q1 SPIF"), for the statement. */
  readonly notes?: readonly string[];
}

export interface AdjustmentLine {
  readonly additions: Decimal;
  readonly clawbacks: Decimal;
  /** Clawback actually taken from this period's pay (this period's and any carried in). */
  readonly clawbackApplied: Decimal;
  /** additions − clawbackApplied: the statement's Adjustments column. */
  readonly adjustments: Decimal;
  /** Negative pay (a clawed-back true-up) not paid this period but carried as a debit; 0 when negative pay is allowed. */
  readonly deferred: Decimal;
  /** Carried debit taken from this period's pay. */
  readonly debitRecovered: Decimal;
  /** Clawbacks and debits still to recover after this period. */
  readonly clawbackCarried: Decimal;
  /** payBefore + deferred + adjustments − debitRecovered. */
  readonly netPaid: Decimal;
}

export interface AdjustmentResult {
  readonly lines: AdjustmentLine[];
  /** Clawbacks and debits left unrecovered when the year ends: report it, it is owed by the rep. */
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
 * the Clawback rule) pays 0 when `allowNegative` is false: the negative amount
 * becomes a debit, recovered from later pay before any clawback, and what is
 * left at year end is outstanding too. With `allowNegative` (NegativePay) the
 * negative pay is left as it is and recovers no clawback.
 */
export function applyAdjustments(
  payBefore: readonly Decimal[],
  perPeriod: readonly PeriodAdjustments[],
  allowNegative = true,
): AdjustmentResult {
  const lines: AdjustmentLine[] = [];
  let carried = ZERO;
  let debit = ZERO;
  payBefore.forEach((before, k) => {
    const { additions, clawbacks } = perPeriod[k] ?? NONE;
    let pay = before;
    let deferred = ZERO;
    if (!allowNegative && pay.isNeg()) {
      deferred = pay.neg();
      pay = ZERO;
      debit = debit.plus(deferred);
    }
    let available = max(ZERO, pay.plus(additions));
    const debitRecovered = min(debit, available);
    debit = debit.minus(debitRecovered);
    available = available.minus(debitRecovered);
    const due = carried.plus(clawbacks);
    const clawbackApplied = min(due, available);
    carried = due.minus(clawbackApplied);
    const adjustments = additions.minus(clawbackApplied);
    lines.push({
      additions,
      clawbacks,
      clawbackApplied,
      adjustments,
      deferred,
      debitRecovered,
      clawbackCarried: carried.plus(debit),
      netPaid: pay.plus(adjustments).minus(debitRecovered),
    });
  });
  return { lines, outstanding: carried.plus(debit) };
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
  const notes: string[][] = periods.map(() => []);
  const outside: Adjustment[] = [];
  for (const a of adjustments) {
    const k = periods.findIndex((p) => a.end >= p.start && a.end <= p.end);
    if (k < 0) {
      outside.push(a);
      continue;
    }
    switch (a.type) {
      case "Clawback":
        clawbacks[k] = clawbacks[k].plus(a.amount);
        break;
      case "SPIF":
      case "Bonus":
        additions[k] = additions[k].plus(a.amount);
        break;
      default:
        assertNever(a.type);
    }
    const note = a.note.trim();
    notes[k].push(`${a.type} ${a.amount.toFixed()}${note ? `: ${note}` : ""}`);
  }
  return {
    perPeriod: periods.map((_, k) => ({ additions: additions[k], clawbacks: clawbacks[k], notes: notes[k] })),
    outside,
  };
}

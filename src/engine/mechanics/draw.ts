import { ZERO, max, min, type Decimal } from "../decimal";
import type { DrawRecovery, DrawType } from "../types";

/** One period of a rep's draw account. */
export interface DrawLine {
  /** Commission earned this period (after true-ups). */
  readonly earned: Decimal;
  /** Draw paid on top of earnings to reach the draw amount. */
  readonly topUp: Decimal;
  /** Earlier top-ups taken back from this period's earnings. */
  readonly recovered: Decimal;
  /** What the rep still owes at the end of the period (recoverable draws only). */
  readonly balance: Decimal;
  /** earned + topUp − recovered. */
  readonly netPaid: Decimal;
}

/**
 * Applies a per-period draw to commission earnings. `activePeriods[k]` says
 * whether the draw runs in period k (default: every period); when it stops,
 * no more is topped up but a recoverable balance is still recovered.
 *
 * - NonRecoverable: a guarantee. netPaid = max(earned, draw) while the draw
 *   runs; topUp = max(0, draw − earned) is never owed back (balance stays 0).
 * - Recoverable, AboveDraw: recovery only ever takes the part of earnings
 *   above the draw amount. When earned < draw (and the draw runs), topUp =
 *   draw − earned is added to the balance; when earned > draw, recovered =
 *   min(balance, earned − draw). Net pay never falls below the draw while it
 *   runs, and recovery never takes pay below the draw amount after it stops.
 * - Recoverable, FullBalance: each period first nets the whole balance against
 *   earnings, recovered = min(balance, earned), then — while the draw runs —
 *   tops up what is left to the draw (that top-up adds to the balance).
 *
 * While the draw runs, AboveDraw and FullBalance pay the same net amount,
 * max(draw, earned − balance), and carry the same balance; FullBalance shows
 * the gross flows (the whole balance recovered, a bigger top-up). They differ
 * once the draw stops: FullBalance then recovers from all earnings, AboveDraw
 * only from earnings above the draw amount.
 *
 * In every case Σ netPaid = Σ earned + final balance: the final balance is
 * what the rep still owes when the year ends.
 */
export function applyDraw(
  earned: readonly Decimal[],
  draw: Decimal,
  type: DrawType,
  recovery: DrawRecovery,
  activePeriods?: readonly boolean[],
): DrawLine[] {
  const lines: DrawLine[] = [];
  let balance = ZERO;
  earned.forEach((e, k) => {
    const active = activePeriods?.[k] ?? true;
    let topUp = ZERO;
    let recovered = ZERO;
    if (type === "NonRecoverable") {
      if (active) topUp = max(ZERO, draw.minus(e));
    } else if (recovery === "AboveDraw") {
      if (active && e.lt(draw)) topUp = draw.minus(e);
      else if (e.gt(draw)) recovered = min(balance, e.minus(draw));
    } else {
      recovered = min(balance, max(ZERO, e));
      if (active) topUp = max(ZERO, draw.minus(e.minus(recovered)));
    }
    if (type === "Recoverable") balance = balance.plus(topUp).minus(recovered);
    lines.push({ earned: e, topUp, recovered, balance, netPaid: e.plus(topUp).minus(recovered) });
  });
  return lines;
}

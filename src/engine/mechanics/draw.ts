import { ZERO, max, min, type Decimal } from "../decimal";
import { fromDay, monthEnd, monthStart, toDay } from "../calendar";
import type { Period } from "../periods";
import type { DrawRecovery, DrawType, IsoDate, Plan } from "../types";
import { prorationFactor } from "./proration";

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
  /** The draw of each period while it runs (prorated in a partial period); default `draw`. */
  amounts?: readonly Decimal[],
): DrawLine[] {
  const lines: DrawLine[] = [];
  let balance = ZERO;
  earned.forEach((e, k) => {
    const active = activePeriods?.[k] ?? true;
    // While it runs the period's draw is what is topped up to; after, the plan's amount is what recovery leaves.
    const level = active ? (amounts?.[k] ?? draw) : draw;
    let topUp = ZERO;
    let recovered = ZERO;
    if (type === "NonRecoverable") {
      if (active) topUp = max(ZERO, level.minus(e));
    } else if (recovery === "AboveDraw") {
      if (active && e.lt(level)) topUp = level.minus(e);
      else if (e.gt(level)) recovered = min(balance, e.minus(level));
    } else {
      recovered = min(balance, max(ZERO, e));
      if (active) topUp = max(ZERO, level.minus(e.minus(recovered)));
    }
    if (type === "Recoverable") balance = balance.plus(topUp).minus(recovered);
    lines.push({ earned: e, topUp, recovered, balance, netPaid: e.plus(topUp).minus(recovered) });
  });
  return lines;
}

/**
 * The draw of each period: the plan's Draw while the draw runs, prorated by
 * the days of the period inside both the rep's tenure and the draw's term
 * (DrawMonths of tenure, or DrawUntil), rounded by `round`; 0 outside it.
 * A hire on 15 April gets 77 of Q2's 91 days of the quarterly draw.
 */
export function drawAmounts(
  plan: Pick<Plan, "draw" | "drawMonths" | "drawUntil">,
  periods: readonly Period[],
  start: IsoDate | null,
  end: IsoDate | null,
  round: (x: Decimal) => Decimal,
): Decimal[] {
  const draw = plan.draw ?? ZERO;
  let until = end;
  const earlier = (d: IsoDate) => (until === null || d < until ? d : until);
  if (plan.drawUntil) until = earlier(plan.drawUntil);
  if (plan.drawMonths !== undefined && plan.drawMonths !== null) {
    // N months of tenure from the start date (or the plan year's first day), the last day included.
    const from = start ?? periods[0].start;
    const [y, m, d] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
    const sameDay = Math.min(
      toDay(monthStart(y, m, plan.drawMonths)) + (d - 1),
      toDay(monthEnd(y, m, plan.drawMonths)),
    );
    until = earlier(fromDay(sameDay - 1));
  }
  return periods.map((p) => {
    const f = prorationFactor(p, start, until);
    if (f.num.isZero()) return ZERO;
    return f.num.eq(f.den) ? draw : round(draw.times(f.num).div(f.den));
  });
}

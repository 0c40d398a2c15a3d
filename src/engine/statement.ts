import { Decimal, ZERO } from "./decimal";
import { toDecimal } from "./exact/fixed";
import { weightedQuotient } from "./exact/weightedSum";
import { adjustmentsByPeriod, applyAdjustments } from "./mechanics/adjustments";
import { applyDraw } from "./mechanics/draw";
import { ratioValue } from "./exact/ratio";
import { FULL, prorations, type RepContext } from "./repContext";
import type { PayoutLine, RepLines, RepResult, StatementLine } from "./results";
import { minorUnits, roundMoney } from "./exact/rounding";
import type { Period } from "./periods";
import type { Adjustment, Plan } from "./types";

/** A rep's year: the pay statement (draws, adjustments), totals and attainment. */
export function summarise(
  ctx: RepContext,
  { lines, year: credited }: RepLines,
  adjustments: readonly Adjustment[],
  over: RepResult["overAssignment"],
): RepResult {
  const { rep, plan, periods } = ctx;
  // Totals add rounded lines as integer minor units: exact, and every sheet foots.
  const digits = minorUnits(rep.currency);
  let capped = false;
  const earnedMinor = periods.map(() => 0n);
  const held = periods.map(() => ZERO);
  for (const l of lines) {
    earnedMinor[l.period.index] += l.minor;
    if (l.capped) capped = true;
    if (l.ytd && !l.ytd.held.isZero()) held[l.period.index] = held[l.period.index].plus(l.ytd.held);
  }
  let variableMinor = 0n;
  for (const e of earnedMinor) variableMinor += e;
  const variablePay = toDecimal(variableMinor, digits);
  const factors = prorations(ctx);
  const active = factors.map((f) => !f.num.isZero());

  // Draws apply to commission earned; SPIFs, bonuses and clawbacks are settled after (mechanics/README.md).
  const draw = plan.draw;
  const statement: StatementLine[] = [];
  let totalAdjustments = ZERO;
  let netPaid = ZERO;
  let outstanding = ZERO;
  let drawBalance = ZERO;
  let heldAtYearEnd = ZERO;
  if (!draw && adjustments.length === 0 && !plan.cumulative) {
    // The common case: the statement is the commission earned, period by period.
    periods.forEach((period, k) => {
      if (active[k]) statement.push(new CommissionOnly(period, earnedMinor[k], digits));
    });
    netPaid = variablePay;
  } else {
    const earned = earnedMinor.map((e) => toDecimal(e, digits));
    const drawLines = draw ? applyDraw(earned, draw, plan.drawType, plan.drawRecovery, active) : null;
    const afterDraw = drawLines ? drawLines.map((d) => d.netPaid) : earned;
    drawBalance = drawLines?.[drawLines.length - 1]?.balance ?? ZERO;
    const { perPeriod, outside } = adjustmentsByPeriod(adjustments, periods);
    for (const a of outside) {
      ctx.issues.push({
        severity: "Warning",
        source: a.source,
        column: "Period",
        message: `Adjustment for rep ${a.repId} (${a.type} ${a.amount.toString()}) falls outside the plan year and was left out.`,
      });
    }
    // Only a plan that says NegativePay pays a negative amount; a clawed-back true-up is otherwise a debit.
    const settled = applyAdjustments(afterDraw, perPeriod, plan.negativeTrueUp === "NegativePay");
    outstanding = settled.outstanding;
    periods.forEach((period, k) => {
      const d = drawLines?.[k];
      const s = settled.lines[k];
      // A clawback booked after a leaver's last day still gets its row: the statement shows what is owed.
      const hasActivity =
        active[k] ||
        !s.adjustments.isZero() ||
        !s.clawbacks.isZero() ||
        !s.debitRecovered.isZero() ||
        (d && !d.recovered.isZero());
      if (active[k]) heldAtYearEnd = held[k];
      totalAdjustments = totalAdjustments.plus(s.adjustments);
      netPaid = netPaid.plus(s.netPaid);
      if (!hasActivity) return;
      statement.push({
        period,
        earned: earned[k],
        adjustments: s.adjustments,
        drawTopUp: d?.topUp ?? ZERO,
        recovered: d?.recovered ?? ZERO,
        drawBalance: d?.balance ?? ZERO,
        deferred: s.deferred,
        debitRecovered: s.debitRecovered,
        held: held[k],
        clawbackCarried: s.clawbackCarried,
        netPaid: s.netPaid,
        notes: (perPeriod[k]?.notes ?? []).join("; "),
      });
    });
  }

  const yearShare =
    rep.startDate === null && rep.endDate === null ? FULL : ctx.shared.yearShare(rep.startDate, rep.endDate);
  return {
    rep,
    plan,
    lines,
    statement,
    attainment: yearAttainment(plan, lines, credited),
    variablePay,
    adjustments: totalAdjustments,
    netPaid,
    drawBalance,
    clawbackOutstanding: outstanding,
    heldAtYearEnd,
    proration: yearShare,
    baseEarned:
      yearShare === FULL ? rep.base : roundMoney(rep.base.times(yearShare.num).div(yearShare.den), rep.currency),
    overAssignment: over,
    capped,
  };
}

function yearAttainment(plan: Plan, lines: readonly PayoutLine[], credited: RepLines["year"]): Decimal | null {
  if (lines.length === 0) return null;
  if (credited === null) {
    // Year view of a weighted plan: the mean of its period attainments.
    return lines.reduce((a, l) => a.plus(l.attainment ? ratioValue(l.attainment) : ZERO), ZERO).div(lines.length);
  }
  // Σ weight × max(0, Σ credit) ÷ Σ quota over the measures, as one exact fraction and one division.
  const terms = [];
  for (const m of plan.measures) {
    const year = credited.get(m.measure);
    if (!year) return null;
    terms.push({ weight: m.weight, credit: year.credit, quota: year.quota });
  }
  return weightedQuotient(terms);
}

/**
 * A period whose statement is its commission alone (no draw, no adjustments):
 * the usual line, so its Decimal is made only when a sheet reads it.
 */
class CommissionOnly implements StatementLine {
  private value?: Decimal;

  constructor(
    readonly period: Period,
    private readonly minor: bigint,
    private readonly digits: number,
  ) {}

  get earned(): Decimal {
    return (this.value ??= toDecimal(this.minor, this.digits));
  }
  get netPaid(): Decimal {
    return this.earned;
  }
  get adjustments(): Decimal {
    return ZERO;
  }
  get drawTopUp(): Decimal {
    return ZERO;
  }
  get recovered(): Decimal {
    return ZERO;
  }
  get drawBalance(): Decimal {
    return ZERO;
  }
  get clawbackCarried(): Decimal {
    return ZERO;
  }
  get deferred(): Decimal {
    return ZERO;
  }
  get debitRecovered(): Decimal {
    return ZERO;
  }
  get held(): Decimal {
    return ZERO;
  }
  get notes(): string {
    return "";
  }
}

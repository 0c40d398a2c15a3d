import { daysBetween } from "./calendar";
import { Decimal, ZERO, max } from "./decimal";
import { adjustmentsByPeriod, applyAdjustments } from "./mechanics/adjustments";
import { applyDraw } from "./mechanics/draw";
import { overlapDays } from "./mechanics/proration";
import { planYearSpan } from "./periods";
import { ratio, ratioValue, sumRatios, type Ratio } from "./ratio";
import { FULL, prorations, type RepContext } from "./repContext";
import type { PayoutLine, RepResult, StatementLine } from "./results";
import { roundMoney } from "./rounding";
import type { Adjustment, Plan } from "./types";

/** A rep's year: the pay statement (draws, adjustments), totals and attainment. */
export function summarise(
  ctx: RepContext,
  lines: readonly PayoutLine[],
  adjustments: readonly Adjustment[],
  over: Decimal | null,
): RepResult {
  const { rep, plan, periods } = ctx;
  let variablePay = ZERO;
  let capped = false;
  const earned = periods.map(() => ZERO);
  for (const l of lines) {
    earned[l.period.index] = earned[l.period.index].plus(l.payout);
    if (l.capped) capped = true;
  }
  for (const e of earned) variablePay = variablePay.plus(e);
  const factors = prorations(ctx);
  const active = factors.map((f) => !f.num.isZero());

  // Draws apply to commission earned; SPIFs, bonuses and clawbacks are settled after (mechanics/README.md).
  const draw = plan.draw;
  const drawLines = draw ? applyDraw(earned, draw, plan.drawType, plan.drawRecovery, active) : null;
  const afterDraw = drawLines ? drawLines.map((d) => d.netPaid) : earned;
  const statement: StatementLine[] = [];
  let totalAdjustments = ZERO;
  let netPaid = ZERO;
  let outstanding = ZERO;
  if (!drawLines && adjustments.length === 0) {
    // The common case: the statement is the commission earned, period by period.
    periods.forEach((period, k) => {
      if (!active[k]) return;
      statement.push({
        period,
        earned: earned[k],
        adjustments: ZERO,
        drawTopUp: ZERO,
        recovered: ZERO,
        drawBalance: ZERO,
        clawbackCarried: ZERO,
        netPaid: earned[k],
      });
    });
    netPaid = variablePay;
  } else {
    const { perPeriod, outside } = adjustmentsByPeriod(adjustments, periods);
    for (const a of outside) {
      ctx.issues.push({
        severity: "Warning",
        source: a.source,
        column: "Period",
        message: `Adjustment for rep ${a.repId} (${a.type} ${a.amount.toString()}) falls outside the plan year and was left out.`,
      });
    }
    const settled = applyAdjustments(afterDraw, perPeriod);
    outstanding = settled.outstanding;
    periods.forEach((period, k) => {
      const d = drawLines?.[k];
      const s = settled.lines[k];
      const hasActivity = active[k] || !s.adjustments.isZero() || (d && !d.recovered.isZero());
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
        clawbackCarried: s.clawbackCarried,
        netPaid: s.netPaid,
      });
    });
  }

  const year = planYearSpan(ctx.input.settings);
  const yearShare =
    rep.startDate === null && rep.endDate === null
      ? FULL
      : ratio(
          new Decimal(overlapDays(year.start, year.end, rep.startDate, rep.endDate)),
          new Decimal(daysBetween(year.start, year.end)),
        );
  return {
    rep,
    plan,
    lines,
    statement,
    attainment: yearAttainment(plan, lines),
    variablePay,
    adjustments: totalAdjustments,
    netPaid,
    drawBalance: drawLines?.[drawLines.length - 1]?.balance ?? ZERO,
    clawbackOutstanding: outstanding,
    proration: yearShare,
    baseEarned:
      yearShare === FULL ? rep.base : roundMoney(rep.base.times(yearShare.num).div(yearShare.den), rep.currency),
    overAssignment: over,
    capped,
  };
}

function yearAttainment(plan: Plan, lines: readonly PayoutLine[]): Decimal | null {
  if (lines.length === 0) return null;
  if (plan.combine === "WeightedAttainment") {
    // Year view of a weighted plan: the mean of its period attainments.
    return lines.reduce((a, l) => a.plus(l.attainment ? ratioValue(l.attainment) : ZERO), ZERO).div(lines.length);
  }
  // One pass: Σ quota (exact) and Σ actual per measure.
  const sums = new Map<string, { quotas: Ratio[]; actual: Decimal }>();
  for (const l of lines) {
    let acc = sums.get(l.measure);
    if (!acc) {
      acc = { quotas: [], actual: ZERO };
      sums.set(l.measure, acc);
    }
    if (l.quota) acc.quotas.push(l.quota);
    if (l.actual) acc.actual = acc.actual.plus(l.actual);
  }
  let attainment = ZERO;
  for (const m of plan.measures) {
    const acc = sums.get(m.measure);
    const quota = sumRatios(acc?.quotas ?? []);
    if (!acc || quota.num.isZero()) return null;
    attainment = attainment.plus(m.weight.times(max(ZERO, acc.actual).times(quota.den).div(quota.num)));
  }
  return attainment;
}

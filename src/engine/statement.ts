import { Decimal, ZERO } from "./decimal";
import { fixedOf, FixedSum, toDecimal } from "./exact/fixed";
import { fromMinor, sumMinor, toMinor } from "./exact/minor";
import { weightedQuotient } from "./exact/weightedSum";
import { adjustmentsByPeriod, applyAdjustments } from "./mechanics/adjustments";
import { settleAdvances, type YearEndTerms } from "./mechanics/advances";
import { applyDraw, drawAmounts } from "./mechanics/draw";
import { sumRatios, type Ratio } from "./exact/ratio";
import { FULL, prorations, type RepContext } from "./repContext";
import type { PayoutLine, RepLines, RepResult, StatementLine } from "./results";
import { minorUnits, roundMoney } from "./exact/rounding";
import type { Period } from "./periods";
import type { Adjustment, Plan, Rep } from "./types";

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
  // The share of the plan year employed (by days, or by counted months under Proration Months).
  const yearShare =
    rep.startDate === null && rep.endDate === null ? FULL : ctx.shared.yearShare(rep.startDate, rep.endDate);
  // An annual cap on the year's incentive: what passes it year to date is not paid.
  const cap = annualCapMinor(plan, rep, yearShare, digits);
  const paidMinor = cap === null ? earnedMinor : underCap(earnedMinor, cap);
  const overCap = paidMinor === earnedMinor ? null : earnedMinor.map((e, k) => fromMinor(e - paidMinor[k], digits));
  if (overCap?.some((o) => !o.isZero())) capped = true;
  const factors = prorations(ctx);
  const active = factors.map((f) => !f.num.isZero());
  const attainment = yearAttainment(plan, lines, credited);
  // Advances and an annual gate: part of each period held, the year settled in its last period paid.
  const terms = yearEndTermsOf(plan);
  const lastActive = active.lastIndexOf(true);
  const yearEnd =
    terms === null
      ? null
      : settleAdvances(paidMinor, lastActive, terms, attainment, ytdAttainments(plan, lines, periods.length));
  const payMinor = yearEnd?.paid ?? paidMinor;
  const variableMinor = sumMinor(payMinor);
  const variablePay = fromMinor(variableMinor, digits);

  // Draws apply to commission earned; SPIFs, bonuses and clawbacks are settled after (mechanics/README.md).
  const draw = plan.draw;
  const statement: StatementLine[] = [];
  let totalAdjustments = ZERO;
  let netPaid = ZERO;
  let outstanding = ZERO;
  let drawBalance = ZERO;
  let drawForgiven = ZERO;
  let heldAtYearEnd = ZERO;
  if (!draw && adjustments.length === 0 && !plan.cumulative && cap === null && yearEnd === null) {
    // The common case: the statement is the commission earned, period by period.
    periods.forEach((period, k) => {
      if (active[k]) statement.push(new CommissionOnly(period, earnedMinor[k], digits));
    });
    netPaid = variablePay;
  } else {
    const earned = payMinor.map((e) => fromMinor(e, digits));
    const amounts = draw
      ? drawAmounts(plan, periods, rep.startDate, rep.endDate, (x) => roundMoney(x, rep.currency))
      : null;
    const drawLines =
      draw && amounts
        ? applyDraw(
            earned,
            draw,
            plan.drawType,
            plan.drawRecovery,
            amounts.map((a) => !a.isZero()),
            amounts,
          )
        : null;
    const afterDraw = drawLines ? drawLines.map((d) => d.netPaid) : earned;
    drawBalance = drawLines?.[drawLines.length - 1]?.balance ?? ZERO;
    // A leaver's recoverable balance: still owed, or forgiven under DrawOnExit Forgiven (said on the last statement).
    const exitNote =
      drawBalance.gt(ZERO) && leftInYear(rep, periods) ? exitDrawNote(drawBalance, plan, rep.currency) : null;
    if (exitNote && plan.drawOnExit === "Forgiven") {
      drawForgiven = drawBalance;
      drawBalance = ZERO;
    }
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
        earned: fromMinor(earnedMinor[k], digits),
        overCap: overCap?.[k] ?? ZERO,
        deferredToYearEnd: yearEnd ? fromMinor(yearEnd.deferred[k], digits) : ZERO,
        adjustments: s.adjustments,
        drawTopUp: d?.topUp ?? ZERO,
        recovered: d?.recovered ?? ZERO,
        drawBalance: drawForgiven.gt(ZERO) && k >= lastActive ? ZERO : (d?.balance ?? ZERO),
        deferred: s.deferred,
        debitRecovered: s.debitRecovered,
        held: held[k],
        clawbackCarried: s.clawbackCarried,
        netPaid: s.netPaid,
        notes: [
          ...(perPeriod[k]?.notes ?? []),
          ...(exitNote && k === lastActive ? [exitNote] : []),
          ...(yearEnd?.gateMissed && k === lastActive ? [gateNote(plan, attainment, yearEnd.advanced !== 0n)] : []),
        ].join("; "),
      });
    });
  }

  return {
    rep,
    plan,
    lines,
    statement,
    attainment,
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
    bookings: bookingsOf(plan, credited),
  };
}

/**
 * What the rep booked in the year: the credit of each individual measure over
 * the periods employed. A Team measure re-counts the reports' credit and an
 * MBO's "actual" is its score, so neither is bookings.
 */
function bookingsOf(plan: Plan, credited: RepLines["year"]): Decimal {
  const sum = new FixedSum();
  for (const m of plan.measures) {
    if (m.basis === "Team" || m.basis === "Score") continue;
    const year = credited.get(m.measure);
    if (year) sum.add(year.credit);
  }
  const { int, scale } = sum.value;
  return toDecimal(int, scale);
}

/** The annual cap in minor units: AnnualCap × target variable × the share of the year employed, or AnnualCapAmount; the lower. */
function annualCapMinor(plan: Plan, rep: Rep, yearShare: Ratio, digits: number): bigint | null {
  const caps: Decimal[] = [];
  if (plan.annualCap) caps.push(rep.targetVariable.times(plan.annualCap).times(yearShare.num).div(yearShare.den));
  if (plan.annualCapAmount) caps.push(plan.annualCapAmount);
  if (caps.length === 0) return null;
  const lowest = caps.reduce((a, b) => (b.lt(a) ? b : a));
  return toMinor(roundMoney(lowest, rep.currency), digits);
}

/**
 * What each period pays under an annual cap: the year-to-date earned, capped,
 * less what the periods before paid. A later negative true-up first gives
 * back earnings that were over the cap.
 */
function underCap(earned: readonly bigint[], cap: bigint): bigint[] {
  let ytd = 0n;
  let paid = 0n;
  return earned.map((e) => {
    ytd += e;
    const allowed = ytd < cap ? ytd : cap;
    const pay = allowed - paid;
    paid = allowed;
    return pay;
  });
}

/** The plan's advance and annual-gate terms, or null when it has neither. */
function yearEndTermsOf(plan: Plan): YearEndTerms | null {
  const advancePct = plan.advancePct ?? null;
  const gate = plan.annualGate ?? null;
  if (advancePct === null && gate === null) return null;
  return { advancePct, gate, gateBasis: plan.annualGateBasis ?? "FullYear" };
}

/** The year-to-date attainment after each period: Σ weight × Σ credit ÷ Σ quota over the measures (null without quotas). */
function ytdAttainments(plan: Plan, lines: readonly PayoutLine[], periods: number): (k: number) => Decimal | null {
  const cache: (Decimal | null | undefined)[] = [];
  return (k) => {
    if (cache[k] !== undefined) return cache[k];
    // A weighted plan's measures are the components of its Weighted lines.
    const credits: { measure: string; actual: Decimal | null; quota: Ratio | null }[] = [];
    for (const l of lines) if (l.period.index <= k) credits.push(...(l.components ?? [l]));
    const terms = plan.measures.map((m) => {
      const own = credits.filter((c) => c.measure === m.measure && c.quota !== null);
      const credit = new FixedSum();
      for (const c of own) credit.add(fixedOf(c.actual ?? ZERO));
      return {
        weight: m.weight,
        credit: credit.value,
        quota: own.length ? sumRatios(own.map((c) => c.quota!)) : undefined,
      };
    });
    return (cache[k] = k < periods ? weightedQuotient(terms) : null);
  };
}

/** The last statement of a year that missed its annual gate says so. */
function gateNote(plan: Plan, attainment: Decimal | null, advanced: boolean): string {
  const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(2).toString()}%`;
  // Under a prorated year-to-date gate the year may have advanced nothing: then there is nothing to take back.
  return `Annual gate ${pct(plan.annualGate!)} not reached (year attainment ${attainment === null ? "n/a" : pct(attainment)}): the year's incentive is not paid${advanced ? " and its advances are taken back" : ""}`;
}

/** Whether the rep's employment ends inside the plan year. */
function leftInYear(rep: Rep, periods: readonly Period[]): boolean {
  return rep.endDate !== null && rep.endDate <= periods[periods.length - 1].end;
}

/** The last statement of a leaver with a recoverable draw balance says what became of it. */
function exitDrawNote(balance: Decimal, plan: Plan, currency: string): string {
  const amount = balance.toFixed(minorUnits(currency));
  return plan.drawOnExit === "Forgiven"
    ? `Draw balance ${amount} forgiven at exit (DrawOnExit Forgiven)`
    : `Draw balance ${amount} owed at exit (DrawOnExit Owed)`;
}

function yearAttainment(plan: Plan, lines: readonly PayoutLine[], credited: RepLines["year"]): Decimal | null {
  if (lines.length === 0) return null;
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
    readonly commissionMinor: bigint,
    private readonly digits: number,
  ) {}

  get earned(): Decimal {
    return (this.value ??= fromMinor(this.commissionMinor, this.digits));
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
  get overCap(): Decimal {
    return ZERO;
  }
  get deferredToYearEnd(): Decimal {
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

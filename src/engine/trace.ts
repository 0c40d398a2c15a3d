import { Decimal, ZERO } from "./decimal";
import type { PayoutLine } from "./model";
import { moneyAt } from "./measureRule";
import { ratio, ratioValue } from "./ratio";
import { pieceIndex } from "./tierSchedule";

/** One step of how a payout line was built, for Results_Trace. */
export interface TraceStep {
  readonly step:
    | "Quota"
    | "Team"
    | "Attainment"
    | "Threshold"
    | "Cap attainment"
    | "Band"
    | "Curve"
    | "Cap payout"
    | "True-up"
    | "Guarantee"
    | "Payout";
  readonly detail: string;
  readonly from: Decimal | null;
  readonly to: Decimal | null;
  /** Credited amount the step applies to (a band's slice, or the whole credit). */
  readonly credit: Decimal | null;
  readonly rate: Decimal | null;
  /** Money this step contributes (bands) or the running result (caps, payout). */
  readonly amount: Decimal | null;
}

const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(2).toString()}%`;

/**
 * Rebuilds the steps of a payout line from its rule. Derived on demand rather
 * than recorded on the hot path: a 10,000-rep run pays 240,000 lines and most
 * are never audited. Band amounts add up to the line's payout before any
 * payout cap and rounding.
 */
export function explainLine(line: PayoutLine): TraceStep[] {
  const { rule } = line;
  const m = rule.measure;
  const steps: TraceStep[] = [];
  const step = (s: Partial<TraceStep> & Pick<TraceStep, "step" | "detail">): void => {
    steps.push({ from: null, to: null, credit: null, rate: null, amount: null, ...s });
  };
  if (line.quota) {
    const parts = [line.quotaSource === "Quotas" ? "from Quotas" : "annual quota × period share"];
    if (line.ramp) parts.push(`× ramp ${pct(ratioValue(line.ramp))}`);
    if (!line.proration.num.eq(line.proration.den)) parts.push(`× proration ${pct(ratioValue(line.proration))}`);
    step({ step: "Quota", detail: parts.join(" "), amount: ratioValue(line.quota).toDecimalPlaces(2) });
  }
  if (line.team)
    step({ step: "Team", detail: `credit = the team's bookings (${line.rep.id}'s reports)`, credit: line.actual });
  // Cumulative plans run the curve on year-to-date figures, then true up.
  const ytd = line.ytd;
  const quota = ytd?.quota ?? line.quota ?? ratio(new Decimal(1));
  const target = ytd?.target ?? line.target;
  const quotaValue = ratioValue(quota);
  const a = ytd
    ? quotaValue.isZero()
      ? null
      : ytd.actual.div(quotaValue)
    : line.attainment
      ? ratioValue(line.attainment)
      : null;
  const actual = ytd?.actual ?? line.actual ?? a ?? ZERO;
  step({
    step: "Attainment",
    detail:
      line.components !== undefined
        ? `weighted: ${line.components.map((c) => `${pct(c.weight)} × ${c.attainment ? pct(ratioValue(c.attainment)) : "n/a"} (${c.measure})`).join(" + ")}`
        : `${ytd ? "YTD " : ""}${actual.toString()} ÷ ${quotaValue.toDecimalPlaces(2).toString()} = ${a ? pct(a) : "n/a (no quota)"}`,
    credit: actual,
  });
  if (m.threshold !== null) {
    step({
      step: "Threshold",
      detail: line.gated
        ? `below the ${pct(m.threshold)} gate: the measure pays 0`
        : `at or above the ${pct(m.threshold)} gate`,
      from: m.threshold,
    });
    if (line.gated) {
      return finish(steps, line, step);
    }
  }
  let credit = actual;
  if (line.capped === "Attainment" && m.capAttainment !== null) {
    credit = m.capAttainment.times(quotaValue);
    step({
      step: "Cap attainment",
      detail: `credit limited to ${pct(m.capAttainment)} of quota`,
      credit,
      to: m.capAttainment,
    });
  }
  const x = rule.axis === "Attainment" ? (quotaValue.isZero() ? ZERO : credit.div(quotaValue)) : credit;
  const toCredit = (v: Decimal) => (rule.axis === "Attainment" ? v.times(quotaValue) : v);
  // moneyAt works on credit × quota denominator (see measureRule.ts).
  const scaledOf = (v: Decimal) => v.times(quota.den);
  let subtotal = ZERO;
  if (m.tierMode === "Marginal") {
    for (const t of rule.tiers) {
      if (x.lte(t.from)) continue;
      const top = t.to !== null && t.to.lt(x) ? t.to : x;
      const amount = moneyAt(rule, ZERO, t.rate, scaledOf(toCredit(top.minus(t.from))), quota, target);
      subtotal = subtotal.plus(amount);
      step({
        step: "Band",
        detail: `slice ${rule.axis === "Attainment" ? pct(t.from) : t.from.toString()} to ${rule.axis === "Attainment" ? pct(top) : top.toString()} at ${t.rate.toString()}${rule.rateType === "Multiplier" ? "× BCR" : " of credit"}`,
        from: t.from,
        to: t.to,
        credit: toCredit(top.minus(t.from)),
        rate: t.rate,
        amount,
      });
    }
  } else {
    const piece = rule.schedule[pieceIndex(rule.schedule, x)];
    subtotal = moneyAt(rule, piece.intercept, piece.slope, scaledOf(credit), quota, target);
    step({
      step: m.tierMode === "Retroactive" ? "Band" : "Curve",
      detail:
        m.tierMode === "Retroactive"
          ? `all credit at the rate of the band reached, ${piece.rate.toString()}`
          : `payout multiple interpolated between curve points`,
      from: piece.from,
      to: piece.to,
      credit,
      rate: piece.rate,
      amount: subtotal,
    });
  }
  if (line.capped === "Payout" && m.capPayout !== null) {
    step({
      step: "Cap payout",
      detail: `limited to ${m.capPayout.toString()}× target incentive`,
      amount: m.capPayout.times(ratioValue(target)),
    });
  }
  return finish(steps, line, step);
}

function finish(
  steps: TraceStep[],
  line: PayoutLine,
  step: (s: Partial<TraceStep> & Pick<TraceStep, "step" | "detail">) => void,
): TraceStep[] {
  if (line.ytd) {
    step({
      step: "True-up",
      detail: `YTD earned ${line.ytd.earned.toFixed(2)} − paid before${line.ytd.held.isZero() ? "" : `; ${line.ytd.held.toFixed(2)} held back`}`,
      amount: line.ytd.earned,
    });
  }
  if (line.guarantee) step({ step: "Guarantee", detail: "ramp guarantee: paid at least this", amount: line.guarantee });
  step({
    step: "Payout",
    detail: line.gated ? "gated" : `rounded to the ${line.rep.currency} minor unit`,
    amount: line.payout,
  });
  return steps;
}

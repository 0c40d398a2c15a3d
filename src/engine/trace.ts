import { Decimal, ZERO } from "./decimal";
import type { PayoutLine } from "./model";
import { moneyAt } from "./measureRule";
import { ratio, ratioValue } from "./ratio";
import { pieceIndex } from "./tierSchedule";

/** One step of how a payout line was built, for Results_Trace. */
export interface TraceStep {
  readonly step: "Attainment" | "Threshold" | "Cap attainment" | "Band" | "Curve" | "Cap payout" | "Payout";
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
  const quota = line.quota ?? ratio(new Decimal(1));
  const quotaValue = ratioValue(quota);
  const a = line.attainment ? ratioValue(line.attainment) : null;
  const actual = line.actual ?? a ?? ZERO;
  const steps: TraceStep[] = [];
  const step = (s: Partial<TraceStep> & Pick<TraceStep, "step" | "detail">): void => {
    steps.push({ from: null, to: null, credit: null, rate: null, amount: null, ...s });
  };
  step({
    step: "Attainment",
    detail:
      line.components !== undefined
        ? `weighted: ${line.components.map((c) => `${pct(c.weight)} × ${c.attainment ? pct(ratioValue(c.attainment)) : "n/a"} (${c.measure})`).join(" + ")}`
        : `${actual.toString()} ÷ ${quotaValue.toDecimalPlaces(2).toString()} = ${a ? pct(a) : "n/a (no quota)"}`,
    credit: actual,
  });
  if (m.threshold !== null) {
    step({
      step: "Threshold",
      detail: line.gated ? `below the ${pct(m.threshold)} gate: the measure pays 0` : `at or above the ${pct(m.threshold)} gate`,
      from: m.threshold,
    });
    if (line.gated) {
      step({ step: "Payout", detail: "gated", amount: line.payout });
      return steps;
    }
  }
  let credit = actual;
  if (line.capped === "Attainment" && m.capAttainment !== null) {
    credit = m.capAttainment.times(quotaValue);
    step({ step: "Cap attainment", detail: `credit limited to ${pct(m.capAttainment)} of quota`, credit, to: m.capAttainment });
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
      const amount = moneyAt(rule, ZERO, t.rate, scaledOf(toCredit(top.minus(t.from))), quota, line.target);
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
    subtotal = moneyAt(rule, piece.intercept, piece.slope, scaledOf(credit), quota, line.target);
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
      amount: m.capPayout.times(ratioValue(line.target)),
    });
  }
  step({ step: "Payout", detail: `rounded to the ${line.rep.currency} minor unit`, amount: line.payout });
  return steps;
}

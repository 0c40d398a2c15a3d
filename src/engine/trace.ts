import { Decimal, ZERO } from "./decimal";
import type { PayoutLine } from "./model";
import { ratio, ratioValue } from "./exact/ratio";
import { minorUnits } from "./exact/rounding";
import { prorationBasis } from "./mechanics/proration";
import type { TraceState } from "./line/mechanic";
import { moneyText, pct, type TraceStep } from "./traceStep";

export { moneyText, type TraceStep } from "./traceStep";

/**
 * Rebuilds the steps of a payout line from its rule. Derived on demand rather
 * than recorded on the hot path: a 10,000-rep run pays 240,000 lines and most
 * are never audited. Band amounts add up to the line's payout before any
 * payout cap and rounding.
 */
export function explainLine(line: PayoutLine): TraceStep[] {
  const { rule } = line;
  const m = rule.measure;
  const digits = minorUnits(line.rep.currency);
  const money = (d: Decimal) => moneyText(d, digits);
  const steps: TraceStep[] = [];
  const step = (s: Partial<TraceStep> & Pick<TraceStep, "step" | "detail">): void => {
    steps.push({ from: null, to: null, credit: null, rate: null, amount: null, ...s });
  };
  const prorated = !line.proration.num.eq(line.proration.den);
  // The proration and its basis: "× proration 50.55% (46 of 91 days employed)", or months counted.
  const prorationText = prorated
    ? `× proration ${pct(ratioValue(line.proration))} (${prorationBasis(line.period, line.rep.startDate, line.rep.endDate)})`
    : "";
  const share = line.period.share;
  const shareText = share.num.eq(share.den) ? "the whole year" : fractionText(share.num, share.den);
  const scored = line.quotaSource === "Score";
  if (line.quota && !scored) {
    const annual = line.rep.annualQuota.get(line.measure);
    const parts = [
      line.quotaSource === "Quotas"
        ? "from Quotas"
        : `annual quota ${annual ? money(annual) : "n/a"} × period share ${shareText}`,
    ];
    if (line.ramp) parts.push(`× ramp ${pct(ratioValue(line.ramp))}`);
    if (prorated) parts.push(prorationText);
    step({ step: "Quota", detail: parts.join(" "), amount: ratioValue(line.quota).toDecimalPlaces(2) });
  }
  if (line.rule.rateType === "Multiplier") {
    // Target incentive, and the base commission rate it implies on the quota.
    const weight = line.components === undefined ? m.weight : null;
    const targetValue = ratioValue(line.target);
    const parts = [`target variable ${money(line.rep.targetVariable)}`];
    if (weight !== null && !weight.eq(1)) parts.push(`× weight ${pct(weight)}`);
    parts.push(`× period share ${shareText}`);
    if (prorated) parts.push(prorationText);
    const quotaValue = line.quota && !scored ? ratioValue(line.quota) : null;
    const bcr =
      quotaValue && !quotaValue.isZero()
        ? `; BCR ${money(targetValue)} ÷ ${money(quotaValue)} = ${pct(targetValue.div(quotaValue))}`
        : "";
    step({
      step: "Target",
      detail: `${parts.join(" ")} = ${money(targetValue)}${bcr}`,
      amount: targetValue.toDecimalPlaces(2),
    });
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
        : scored
          ? `${ytd ? "YTD mean " : ""}score ${a ? pct(a) : "n/a"} (Scores)`
          : `${ytd ? "YTD " : ""}${actual.toString()} ÷ ${quotaValue.toDecimalPlaces(2).toString()} = ${a ? pct(a) : "n/a (no quota)"}`,
    credit: actual,
  });
  // Each line mechanic narrates its own step, in the order the line applied them.
  const t: TraceState = { line, quota, target, quotaValue, credit: actual, subtotal: ZERO, stopped: false, step };
  for (const mechanic of rule.mechanics) {
    mechanic.trace(t);
    if (t.stopped) break;
  }
  return finish(steps, line, step, money);
}

function finish(
  steps: TraceStep[],
  line: PayoutLine,
  step: (s: Partial<TraceStep> & Pick<TraceStep, "step" | "detail">) => void,
  money: (d: Decimal) => string,
): TraceStep[] {
  if (line.ytd) {
    // What earlier periods paid: YTD earned less this true-up, plus anything held back (Hold pays no negative).
    const paidBefore = line.ytd.earned.minus(line.payout).plus(line.ytd.held);
    step({
      step: "True-up",
      detail:
        `YTD earned ${money(line.ytd.earned)} − paid before ${money(paidBefore)} = ${money(line.ytd.earned.minus(paidBefore))}` +
        (line.ytd.held.isZero() ? "" : `: not paid below 0, ${money(line.ytd.held)} held back`),
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

/** "1/4" for 3/12: a whole-number fraction in lowest terms (as a decimal when it is not whole numbers). */
function fractionText(num: Decimal, den: Decimal): string {
  if (!num.isInteger() || !den.isInteger()) return num.div(den).toString();
  let a = BigInt(num.toFixed(0));
  let b = BigInt(den.toFixed(0));
  const n = a;
  const d = b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? "0" : `${n / a}/${d / a}`;
}

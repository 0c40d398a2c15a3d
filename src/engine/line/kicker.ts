import { ZERO } from "../decimal";
import { fixedOf, fixedTimes } from "../exact/fixed";
import { pct } from "../traceStep";
import { KernelOp } from "./kernelOp";
import type { LineMechanic } from "./mechanic";
import { rateTypeOf } from "./rateType";
import { addCurves } from "./segments";
import { moneyAt, toAttainmentSpace, type RateUnits } from "./units";

/**
 * Kicker: an extra rate on top of the tiers from a trigger up, without
 * rewriting the tier table ("+0.5× above 120%"). Marginal pays it on the
 * credit above the trigger; Retroactive, once the trigger is reached, on all
 * credit. It sees the credit the tiers see (after an attainment cap), pays only
 * past the gate, and counts toward the payout cap. Plans columns `Kicker`,
 * `KickerFrom`, `KickerMode`.
 */
export const kicker: LineMechanic = {
  name: "Kicker",
  stage: "rate",
  compile(measure) {
    const k = measure.kicker;
    if (!k) return null;
    const rate: RateUnits = { axis: measure.tierBasis, rateType: rateTypeOf(measure) };
    // y = intercept + rate × x from the trigger up: rate × (x − from), or rate × x.
    const intercept = k.mode === "Marginal" ? k.rate.times(k.from).neg() : ZERO;
    const [from, i, s] = [fixedOf(k.from), fixedOf(intercept), fixedOf(k.rate)];
    const flat = k.amount ? fixedOf(k.amount) : null;
    return {
      stage: "rate",
      kernel(units) {
        const edge = units.axisPoint(from);
        const c0 = units.intercept(i);
        const c1 = units.slope(s);
        // A flat amount is money: n ÷ D is money, so it adds amount × D.
        const c2 = flat === null ? null : fixedTimes(flat, units.D);
        return {
          compared: [edge],
          intercepts: c2 === null ? [c0] : [c0, c2],
          slopes: [c1],
          lift(l) {
            const a = l.intercept(c0) + (c2 === null ? 0n : l.intercept(c2));
            return KernelOp.addAbove(l.credit(edge), a, l.slope(c1));
          },
        };
      },
      curve(segments, at) {
        const pieces = [
          { from: ZERO, to: k.from, intercept: ZERO, slope: ZERO },
          { from: k.from, to: null, intercept, slope: k.rate },
        ];
        const extra = toAttainmentSpace(rate, pieces, at);
        // The flat amount as a multiple of the context's target incentive (BCR × quota), from the trigger up.
        const target = at.bcr.times(at.quota);
        if (k.amount && !target.isZero()) {
          const jump = k.amount.div(target);
          const last = extra[extra.length - 1];
          extra[extra.length - 1] = { ...last, intercept: last.intercept.plus(jump) };
        }
        return addCurves(segments, extra);
      },
      trace(t) {
        const attainment = rate.axis === "Attainment";
        const x = attainment ? (t.quotaValue.isZero() ? ZERO : t.credit.div(t.quotaValue)) : t.credit;
        if (x.lt(k.from)) return;
        const onAxis = attainment ? pct : (v: typeof x) => v.toString();
        const credit =
          k.mode === "Marginal" ? (attainment ? x.minus(k.from).times(t.quotaValue) : x.minus(k.from)) : t.credit;
        const flatAmount = k.amount ?? ZERO;
        const amount = moneyAt(rate, ZERO, k.rate, credit.times(t.quota.den), t.quota, t.target).plus(flatAmount);
        t.subtotal = t.subtotal.plus(amount);
        const unit = rate.rateType === "Multiplier" ? "× BCR" : " of credit";
        const flatText = flatAmount.isZero() ? "" : `${k.rate.isZero() ? "" : ","} a flat ${flatAmount.toString()}`;
        const rateText = k.rate.isZero()
          ? ""
          : k.mode === "Marginal"
            ? ` +${k.rate.toString()}${unit} on the slice ${onAxis(k.from)} to ${onAxis(x)}`
            : ` +${k.rate.toString()}${unit} on all credit`;
        t.step({
          step: "Kicker",
          detail:
            k.mode === "Marginal" && !k.rate.isZero()
              ? `kicker:${rateText}${flatText}`
              : `kicker: ${onAxis(k.from)} reached,${rateText}${flatText}`,
          from: k.from,
          credit,
          rate: k.rate,
          amount,
        });
      },
    };
  },
};

import { ZERO } from "../decimal";
import { fixedOf } from "../exact/fixed";
import { pct } from "../traceStep";
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
    return {
      stage: "rate",
      kernel(units) {
        const edge = units.axisPoint(from);
        const c0 = units.intercept(i);
        const c1 = units.slope(s);
        return {
          compared: [edge],
          intercepts: [c0],
          slopes: [c1],
          lift(l) {
            const [e, a, b] = [l.credit(edge), l.intercept(c0), l.slope(c1)];
            return (line) => {
              if (line.scaled >= e) line.n += a + b * line.scaled;
              return null;
            };
          },
        };
      },
      curve(segments, at) {
        const pieces = [
          { from: ZERO, to: k.from, intercept: ZERO, slope: ZERO },
          { from: k.from, to: null, intercept, slope: k.rate },
        ];
        return addCurves(segments, toAttainmentSpace(rate, pieces, at));
      },
      trace(t) {
        const attainment = rate.axis === "Attainment";
        const x = attainment ? (t.quotaValue.isZero() ? ZERO : t.credit.div(t.quotaValue)) : t.credit;
        if (x.lt(k.from)) return;
        const onAxis = attainment ? pct : (v: typeof x) => v.toString();
        const credit =
          k.mode === "Marginal" ? (attainment ? x.minus(k.from).times(t.quotaValue) : x.minus(k.from)) : t.credit;
        const amount = moneyAt(rate, ZERO, k.rate, credit.times(t.quota.den), t.quota, t.target);
        t.subtotal = t.subtotal.plus(amount);
        const unit = rate.rateType === "Multiplier" ? "× BCR" : " of credit";
        t.step({
          step: "Kicker",
          detail:
            k.mode === "Marginal"
              ? `kicker: +${k.rate.toString()}${unit} on the slice ${onAxis(k.from)} to ${onAxis(x)}`
              : `kicker: ${onAxis(k.from)} reached, +${k.rate.toString()}${unit} on all credit`,
          from: k.from,
          credit,
          rate: k.rate,
          amount,
        });
      },
    };
  },
};

import { atScale, fixedOf, fixedTimes, pow10, QuotientRounding, type Fixed } from "../exact/fixed";
import { ratioValue } from "../exact/ratio";
import type { LineMechanic } from "./mechanic";
import { capCurve } from "./segments";

const UNIT: Fixed = { int: 1n, scale: 0 };

/**
 * CapPayout: a line pays at most this multiple of its target incentive.
 * Plans column `CapPayout`.
 */
export const payoutCap: LineMechanic = {
  name: "Cap payout",
  stage: "payout",
  compile(measure) {
    const cap = measure.capPayout;
    if (cap === null) return null;
    const fixed = fixedOf(cap);
    return {
      stage: "payout",
      kernel(units) {
        const multiplier = units.rateType === "Multiplier";
        // payout > cap × target ⇔ n × td > cap × tn × D × denominator (× over); with multiplier rates
        // D = td × qn, so td cancels: n > cap × tn × qn × denominator.
        const capTarget = fixedTimes(fixed, units.tn);
        const factor = multiplier ? UNIT : units.td;
        return {
          lift(l) {
            const rhs = fixedTimes(fixedTimes(capTarget, multiplier ? units.qn : units.D), l.denominator);
            const scale = Math.max(l.numeratorScale + factor.scale, rhs.scale);
            const mul = factor.int * pow10(scale - l.numeratorScale - factor.scale);
            const at = atScale(rhs, scale);
            // The cap's amount, rounded once (made the first time it binds).
            let rounding: QuotientRounding | null = null;
            const { td } = units;
            const { digits } = l;
            return (s) => {
              // A line over a denominator of its own (LineState.over) compares against the cap × it.
              if (s.n * mul <= (s.over === 1n ? at : at * s.over)) return null;
              rounding ??= new QuotientRounding(td, capTarget.scale, digits);
              const numerator = capTarget.int;
              return {
                minor: rounding.round(numerator),
                numerator,
                rounding,
                rate: s.rate,
                gated: false,
                capped: "Payout",
              };
            };
          },
        };
      },
      curve(segments) {
        return capCurve(segments, cap);
      },
      trace(t) {
        if (t.line.capped !== "Payout") return;
        t.step({
          step: "Cap payout",
          detail: `limited to ${cap.toString()}× target incentive`,
          amount: cap.times(ratioValue(t.target)),
        });
      },
    };
  },
};

import { atScale, fixedOf, fixedTimes, pow10, QuotientRounding, type Fixed } from "../exact/fixed";
import { ratioValue } from "../exact/ratio";
import { KernelOp } from "./kernelOp";
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
        const ceiling = fixedTimes(capTarget, multiplier ? units.qn : units.D);
        return {
          lift(l) {
            const over = l.denominator;
            const rhs = over.int === 1n && over.scale === 0 ? ceiling : fixedTimes(ceiling, over);
            const scale = Math.max(l.numeratorScale + factor.scale, rhs.scale);
            const mul = factor.int * pow10(scale - l.numeratorScale - factor.scale);
            const at = atScale(rhs, scale);
            // The cap's amount, rounded once (made the first time it binds).
            let rounding: QuotientRounding | null = null;
            const { td } = units;
            const { digits } = l;
            // The pricer compares n × mul with at × the line's own denominator (LineState.over; 1 but on a matrix line).
            return KernelOp.ceiling(mul, at, (rate) => {
              rounding ??= new QuotientRounding(td, capTarget.scale, digits);
              const numerator = capTarget.int;
              return { minor: rounding.round(numerator), numerator, rounding, rate, gated: false, capped: "Payout" };
            });
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

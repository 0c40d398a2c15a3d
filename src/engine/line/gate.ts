import { fixedOf } from "../exact/fixed";
import { pct } from "../traceStep";
import { KernelOp } from "./kernelOp";
import type { LineMechanic } from "./mechanic";
import { gateCurve } from "./segments";

/**
 * Threshold: below this attainment the measure pays 0. It looks at the true
 * attainment (before any attainment cap), so it is the first thing a line meets.
 * Plans column `Threshold`.
 */
export const gate: LineMechanic = {
  name: "Threshold",
  stage: "credit",
  compile(measure) {
    const threshold = measure.threshold;
    if (threshold === null) return null;
    const fixed = fixedOf(threshold);
    return {
      stage: "credit",
      kernel(units) {
        const at = units.attainment(fixed);
        return {
          compared: [at],
          lift(l) {
            // No quota, no attainment to clear the gate with.
            return units.noQuota ? KernelOp.stop(true) : KernelOp.below(l.credit(at));
          },
        };
      },
      curve(segments) {
        return gateCurve(segments, threshold);
      },
      trace(t) {
        const gated = t.line.gated;
        t.step({
          step: "Threshold",
          detail: gated
            ? `below the ${pct(threshold)} gate: the measure pays 0`
            : `at or above the ${pct(threshold)} gate`,
          from: threshold,
        });
        if (gated) t.stopped = true;
      },
    };
  },
};

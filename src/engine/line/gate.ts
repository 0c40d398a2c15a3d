import { fixedOf } from "../exact/fixed";
import { pct } from "../traceStep";
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
            const g = l.credit(at);
            const none = l.none;
            // No quota, no attainment to clear the gate with.
            if (units.noQuota) return () => none(true, null);
            return (s) => (s.scaled < g ? none(true, null) : null);
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

import { ZERO } from "../decimal";
import { fixedOf } from "../exact/fixed";
import { pct } from "../traceStep";
import { KernelOp } from "./kernelOp";
import type { LineMechanic } from "./mechanic";
import { valueAt, type CurveSegment } from "./segments";

/**
 * CapAttainment: the tiers see at most this attainment's credit; above it the
 * payout stays where it reached. Plans column `CapAttainment`.
 */
export const attainmentCap: LineMechanic = {
  name: "Cap attainment",
  stage: "credit",
  compile(measure) {
    const cap = measure.capAttainment;
    if (cap === null) return null;
    const fixed = fixedOf(cap);
    return {
      stage: "credit",
      kernel(units) {
        const at = units.attainment(fixed);
        return {
          compared: [at],
          lift(l) {
            return units.noQuota ? KernelOp.pass : KernelOp.clamp(l.credit(at), "Attainment");
          },
        };
      },
      curve(segments) {
        const out: CurveSegment[] = [];
        for (const s of segments) {
          if (s.from.gte(cap)) break;
          out.push(s.to === null || s.to.gt(cap) ? { ...s, to: cap } : s);
        }
        out.push({ from: cap, to: null, intercept: valueAt(segments, cap), slope: ZERO });
        return out;
      },
      trace(t) {
        if (t.line.capped !== "Attainment") return;
        t.credit = cap.times(t.quotaValue);
        t.step({ step: "Cap attainment", detail: `credit limited to ${pct(cap)} of quota`, credit: t.credit, to: cap });
      },
    };
  },
};

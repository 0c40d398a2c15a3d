import type { ModelResult } from "../../engine/model";
import { ratioValue } from "../../engine/ratio";
import type { Issue } from "../types";

/** A plain JSON view for scripts: money as strings, exact as the engine computed them. */
export function resultsJson(result: ModelResult, issues: readonly Issue[]): unknown {
  return {
    ok: true,
    issues,
    scenarios: result.scenarios.map((s) => ({
      name: s.name,
      reps: s.reps.map((r) => ({
        repId: r.rep.id,
        name: r.rep.name,
        plan: r.rep.plan,
        currency: r.rep.currency,
        base: r.rep.base.toFixed(2),
        targetVariable: r.rep.targetVariable.toFixed(2),
        attainment: r.attainment?.toString() ?? null,
        variablePay: r.variablePay.toFixed(2),
        capped: r.capped,
        lines: r.lines.map((l) => ({
          period: l.period.key,
          measure: l.measure,
          quota: l.quota ? ratioValue(l.quota).toString() : null,
          actual: l.actual?.toString() ?? null,
          attainment: l.attainment ? ratioValue(l.attainment).toString() : null,
          payout: l.payout.toFixed(2),
        })),
      })),
    })),
  };
}

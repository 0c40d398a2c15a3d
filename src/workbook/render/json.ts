import { Decimal, ratioValue, minorUnits, type ModelResult } from "../../engine";
import type { Issue } from "../types";

/** Money to the currency's minor unit, as text: "1234.50", whole yen "1235". */
const money = (amount: Decimal, currency: string) => amount.toFixed(minorUnits(currency), Decimal.ROUND_HALF_UP);

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
        base: money(r.rep.base, r.rep.currency),
        targetVariable: money(r.rep.targetVariable, r.rep.currency),
        attainment: r.attainment?.toString() ?? null,
        variablePay: money(r.variablePay, r.rep.currency),
        capped: r.capped,
        lines: r.lines.map((l) => ({
          period: l.period.key,
          measure: l.measure,
          quota: l.quota ? ratioValue(l.quota).toString() : null,
          actual: l.actual?.toString() ?? null,
          attainment: l.attainment ? ratioValue(l.attainment).toString() : null,
          payout: money(l.payout, r.rep.currency),
        })),
      })),
    })),
  };
}

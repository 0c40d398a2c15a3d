import { ONE, ZERO, type Decimal } from "../decimal";
import { atScale, fixedOf, pow10 } from "../exact/fixed";
import { ratioValue, type Ratio } from "../exact/ratio";
import { pct } from "../traceStep";
import type { Modifier } from "../types";
import { KernelOp } from "./kernelOp";
import type { LineMechanic } from "./mechanic";
import type { CurveSegment } from "./segments";

/**
 * Modifier (a linked measure's multiplier): the measure's payout × the factor
 * of the step its linked measure's attainment reached ("Renewals below 90%:
 * New ARR × 0.8; from 110%: × 1.1"). It acts on the money the rates made,
 * before the payout cap, and only past the measure's own gate. Below the first
 * step the payout is unchanged; a gate on another measure is the steps
 * (0%: 0, X: 1). The Modifiers table.
 */
export const modifier: LineMechanic = {
  name: "Modifier",
  stage: "payout",
  compile(measure) {
    const m = measure.modifier;
    if (!m || m.steps.length === 0) return null;
    const { steps } = m;
    // Factors as integers over 10^scale: n × factor stays exact, and the payout gains that denominator.
    const scale = Math.max(...steps.map((s) => fixedOf(s.factor).scale));
    const ints = steps.map((s) => atScale(fixedOf(s.factor), scale));
    const unit = pow10(scale);
    return {
      stage: "payout",
      kernel() {
        return {
          multiplies: { int: unit, scale: 0 },
          lift() {
            return KernelOp.custom((s) => {
              const k = stepIndex(m, s.linked);
              s.n *= k < 0 ? unit : ints[k];
              return null;
            });
          },
        };
      },
      curve(segments) {
        // One attainment drives every measure on a curve: the linked measure's is the curve's own.
        return scaleBySteps(segments, m);
      },
      trace(t) {
        const linked = t.line.linked ?? null;
        const k = stepIndex(m, linked);
        const factor = k < 0 ? ONE : steps[k].factor;
        const before = t.subtotal;
        t.subtotal = t.subtotal.times(factor);
        const where = m.measured === "YTD" ? "year to date" : "this period";
        const reached = linked === null ? "no attainment (read as 0%)" : pct(ratioValue(linked));
        t.step({
          step: "Modifier",
          detail:
            k < 0
              ? `${m.linkedMeasure} at ${reached} ${where}, below the first step (${pct(steps[0].from)}): payout unchanged`
              : `${m.linkedMeasure} at ${reached} ${where}, step from ${pct(steps[k].from)}: × ${factor.toString()}`,
          from: k < 0 ? null : steps[k].from,
          rate: factor,
          amount: t.subtotal,
          credit: before,
        });
      },
    };
  },
};

/** The step the linked attainment reached (the greatest From at or below it); -1 below the first. */
function stepIndex(m: Modifier, linked: Ratio | null): number {
  for (let i = m.steps.length - 1; i >= 0; i--) {
    const from = m.steps[i].from;
    // num ÷ den ≥ from ⇔ num ≥ from × den (den > 0); no attainment reads as 0%.
    if (linked === null ? !from.gt(ZERO) : linked.num.gte(from.times(linked.den))) return i;
  }
  return -1;
}

/** The curve × the step factor at each attainment: cut at every step, each piece scaled. */
function scaleBySteps(segments: readonly CurveSegment[], m: Modifier): CurveSegment[] {
  const out: CurveSegment[] = [];
  const factorAt = (a: Decimal) => {
    let f = ONE;
    for (const s of m.steps) if (a.gte(s.from)) f = s.factor;
    return f;
  };
  const cuts = m.steps.map((s) => s.from);
  for (const seg of segments) {
    const inside = cuts.filter((c) => c.gt(seg.from) && (seg.to === null || c.lt(seg.to)));
    const edges = [seg.from, ...inside];
    edges.forEach((from, i) => {
      const to = i + 1 < edges.length ? edges[i + 1] : seg.to;
      const f = factorAt(from);
      out.push({ from, to, intercept: seg.intercept.times(f), slope: seg.slope.times(f) });
    });
  }
  return out;
}

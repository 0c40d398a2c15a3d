import { Decimal, ZERO } from "../decimal";
import type { CurveSegment } from "../line/segments";

/**
 * A multi-measure plan as ONE payout curve in attainment. The realistic model
 * assumes a single attainment drives every measure (a rep at 80% of the
 * bookings quota is at 80% of the others too; we have one distribution, not
 * a joint one), so the plan pays
 *   Σ weightᵢ × curveᵢ(a)   (as a multiple of the whole target variable).
 * That is again piecewise linear: merge all breakpoints and, between two,
 * add the weighted intercepts and slopes. Expectation, percentiles and
 * probabilities then apply unchanged.
 */
export interface WeightedCurve {
  /** Share of target variable, 0.7 = 70%. */
  readonly weight: Decimal;
  readonly segments: readonly CurveSegment[];
}

export function combineCurves(parts: readonly WeightedCurve[]): CurveSegment[] {
  if (parts.length === 0) return [{ from: ZERO, to: null, intercept: ZERO, slope: ZERO }];
  const edges = uniqueSorted(parts.flatMap((p) => p.segments.map((s) => s.from)));
  const out: CurveSegment[] = [];
  edges.forEach((from, k) => {
    const to = k + 1 < edges.length ? edges[k + 1] : null;
    let intercept = ZERO;
    let slope = ZERO;
    for (const p of parts) {
      const s = segmentAt(p.segments, from);
      intercept = intercept.plus(p.weight.times(s.intercept));
      slope = slope.plus(p.weight.times(s.slope));
    }
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.intercept.eq(intercept) && prev.slope.eq(slope))
      out[out.length - 1] = { ...prev, to };
    else out.push({ from, to, intercept, slope });
  });
  return out;
}

/** The segment holding attainment x (segments tile [0, ∞), each [from, to)). */
function segmentAt(segments: readonly CurveSegment[], x: Decimal): CurveSegment {
  for (let k = segments.length - 1; k > 0; k--) if (x.gte(segments[k].from)) return segments[k];
  return segments[0];
}

function uniqueSorted(values: readonly Decimal[]): Decimal[] {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return sorted.filter((v, k) => k === 0 || !v.eq(sorted[k - 1]));
}

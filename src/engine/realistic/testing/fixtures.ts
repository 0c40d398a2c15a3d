import { Decimal } from "../../decimal";
import type { CurveSegment } from "../../line/segments";

/** Shorthands and the hand-checked payout curves the realistic tests share. */
export const d = (s: string): Decimal => new Decimal(s);

/** Segments from rows [from, intercept, slope]; each runs to the next row's from, the last to ∞. */
export function curve(...rows: readonly (readonly [string, string, string])[]): { segments: CurveSegment[] } {
  return {
    segments: rows.map(([from, intercept, slope], k) => ({
      from: d(from),
      to: k + 1 < rows.length ? d(rows[k + 1][0]) : null,
      intercept: d(intercept),
      slope: d(slope),
    })),
  };
}

/** Marginal: rate 1 on [0, 1), 1.5 above → pays a below 100%, 1 + 1.5(a − 1) = 1.5a − 0.5 above. */
export const linearThenAccelerator = curve(["0", "0", "1"], ["1", "-0.5", "1.5"]);

/** Gate at 50%, then pays a; 2× accelerator above 100% (2a − 1); capped at 2× target, reached at 150%. */
export const gateAcceleratorCap = curve(["0", "0", "0"], ["0.5", "0", "1"], ["1", "-1", "2"], ["1.5", "2", "0"]);

/** Gate at 50%; retroactive 1.0 below 100% and 1.5 from 100% (pay jumps 1 → 1.5 at quota); payout cap 2.25× at 150%. */
export const gateRetroJumpCap = curve(["0", "0", "0"], ["0.5", "0", "1"], ["1", "0", "1.5"], ["1.5", "2.25", "0"]);

/** Not monotone: a retroactive decelerator, everything at 0.8 once past quota (pay drops 1 → 0.8 at 100%). */
export const retroDecelerator = curve(["0", "0", "1"], ["1", "0", "0.8"]);

/** Absolute difference, for "equal to n digits" assertions. */
export function diff(a: Decimal, b: Decimal | string): number {
  return a.minus(b).abs().toNumber();
}

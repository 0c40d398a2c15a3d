import type { MeasurePlan, TierMode } from "../../../src/engine/types";
import { d, measure } from "../../../src/engine/testing/builders";

/**
 * Exact fractions of bigints and a payout line read straight from the rulebook
 * (docs/calculation.md, "One payout line"), for tiers on attainment with rates
 * as multiples of target incentive. Written without the engine's schedule,
 * curve or kernel, so the model-level oracles check the engine from outside.
 */
export type Q = readonly [bigint, bigint]; // n / d, d > 0

export const q = (n: bigint | number, den: bigint | number = 1n): Q => {
  const dd = BigInt(den);
  return dd < 0n ? [-BigInt(n), -dd] : [BigInt(n), dd];
};
export const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
export const sub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
export const mul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]];
export const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);
export const cmp = (a: Q, b: Q): number => {
  const x = a[0] * b[1] - b[0] * a[1];
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const minQ = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
export const maxQ = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
export const ZERO_Q: Q = [0n, 1n];
/** Hundredths as a fraction: 125 → 1.25. */
export const pct = (hundredths: number): Q => q(BigInt(hundredths), 100n);

/** Rounded half away from zero to the cent, as an integer number of cents. */
export function centsHalfAway(x: Q): bigint {
  const [n, den] = x;
  const abs = n < 0n ? -n : n;
  const c = (2n * abs * 100n + den) / (2n * den);
  return n < 0n ? -c : c;
}

/** Cents as a two-decimal string, for comparing with a Decimal's toFixed(2). */
export function centsText(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return neg && abs !== 0n ? `-${s}` : s;
}

/** A measure's line rules in hundredths (of attainment for edges and points, of a multiple for rates). */
export interface RuleSpec {
  readonly mode: TierMode;
  /** [from, to|null, rate]; in Curve mode a row is the point (from, rate) and `to` is not used. */
  readonly bands: readonly (readonly [number, number | null, number])[];
  readonly threshold: number | null;
  readonly capAttainment: number | null;
  readonly capPayout: number | null;
}

/** The tier table's value at a (credited) attainment, in multiples of target incentive. */
export function tierMultiple(spec: RuleSpec, credited: Q): Q {
  const bands = [...spec.bands].sort((a, b) => a[0] - b[0]);
  switch (spec.mode) {
    case "Marginal": {
      // Each band pays its rate on the slice of attainment inside it.
      let y = ZERO_Q;
      for (const [from, to, rate] of bands) {
        if (cmp(credited, pct(from)) <= 0) continue;
        const top = to === null ? credited : minQ(credited, pct(to));
        y = add(y, mul(pct(rate), sub(top, pct(from))));
      }
      return y;
    }
    case "Retroactive": {
      // All credit at the rate of the band that holds it (From included, To excluded).
      const band = bands.find(
        ([from, to]) => cmp(credited, pct(from)) >= 0 && (to === null || cmp(credited, pct(to)) < 0),
      );
      return band ? mul(pct(band[2]), credited) : ZERO_Q;
    }
    case "Curve": {
      // Points (From = attainment, Rate = payout multiple), linear between them, 0 below the first, flat after the last.
      if (bands.length === 0 || cmp(credited, pct(bands[0][0])) < 0) return ZERO_Q;
      let i = 0;
      while (i + 1 < bands.length && cmp(credited, pct(bands[i + 1][0])) >= 0) i++;
      const [x0, , y0] = bands[i];
      if (i + 1 === bands.length) return pct(y0);
      const [x1, , y1] = bands[i + 1];
      const t = div(sub(credited, pct(x0)), sub(pct(x1), pct(x0)));
      return add(pct(y0), mul(t, sub(pct(y1), pct(y0))));
    }
  }
}

/** A line's exact payout: gate on true attainment, attainment cap, tiers × target, payout cap. */
export function linePayout(spec: RuleSpec, attainment: Q, target: Q): Q {
  if (spec.threshold !== null && cmp(attainment, pct(spec.threshold)) < 0) return ZERO_Q;
  if (cmp(attainment, ZERO_Q) < 0) return ZERO_Q;
  const credited = spec.capAttainment === null ? attainment : minQ(attainment, pct(spec.capAttainment));
  const payout = mul(target, tierMultiple(spec, credited));
  return spec.capPayout === null ? payout : minQ(payout, mul(target, pct(spec.capPayout)));
}

/** The same rules as the engine's MeasurePlan (Attainment basis, Multiplier rates). */
export function measureOf(spec: RuleSpec, overrides: Partial<MeasurePlan> = {}): MeasurePlan {
  return measure({
    tierMode: spec.mode,
    tiers: spec.bands.map(([from, to, rate]) => ({
      from: d(from).div(100),
      to: to === null || spec.mode === "Curve" ? null : d(to).div(100),
      rate: d(rate).div(100),
    })),
    threshold: spec.threshold === null ? null : d(spec.threshold).div(100),
    capAttainment: spec.capAttainment === null ? null : d(spec.capAttainment).div(100),
    capPayout: spec.capPayout === null ? null : d(spec.capPayout).div(100),
    ...overrides,
  });
}

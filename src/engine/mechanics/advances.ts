import type { Decimal } from "../decimal";
import { atScale, fixedOf, pow10 } from "../exact/fixed";
import type { AnnualGateBasis } from "../types";

/** A plan's year-end terms: part of each period's pay advanced, an annual gate settled at year end. */
export interface YearEndTerms {
  /** Share of each period's earnings paid as it is earned (0.8 = 80%); the rest is settled at year end. Null = all. */
  readonly advancePct: Decimal | null;
  /** The year's attainment must reach this for the year's incentive to be paid; null = no annual gate. */
  readonly gate: Decimal | null;
  readonly gateBasis: AnnualGateBasis;
}

/** What each period pays under the terms, and what it holds to (or, at year end, settles from) the year end. */
export interface Settled {
  readonly paid: bigint[];
  /** earned − paid: held to year end before it; at year end negative for what is released, positive for what is forfeited. */
  readonly deferred: bigint[];
  readonly gateMissed: boolean;
  /** What the periods before the settlement paid in advance (minor units). */
  readonly advanced: bigint;
}

/**
 * Quarterly advances with a year-end settlement. Before the settlement
 * period (`last`: the year's last period the rep is paid in) a period pays
 * AdvancePct of what it earned (all of a negative amount), and nothing under
 * a ProratedYTD gate while the year to date is below it. The settlement
 * period pays the year's earnings — or nothing when the year's attainment
 * misses the annual gate — less every advance paid before: what was held is
 * released, and a missed gate takes the advances back (a negative amount,
 * handled as any negative true-up).
 */
export function settleAdvances(
  earned: readonly bigint[],
  last: number,
  terms: YearEndTerms,
  yearAttainment: Decimal | null,
  ytdAttainment: (k: number) => Decimal | null,
): Settled {
  const { advancePct, gate } = terms;
  const pct = advancePct === null ? null : fixedOf(advancePct);
  const unit = pct === null ? 1n : pow10(pct.scale);
  const paid = earned.map(() => 0n);
  let advanced = 0n;
  let year = 0n;
  for (let k = 0; k < earned.length; k++) {
    const e = earned[k];
    if (k > last) {
      paid[k] = e;
      continue;
    }
    year += e;
    if (k === last) break;
    const below = gate !== null && terms.gateBasis === "ProratedYTD" && !(ytdAttainment(k)?.gte(gate) ?? false);
    // An advance is AdvancePct of a positive amount, rounded half up to the minor unit; a negative one passes whole.
    const advance = below ? 0n : e <= 0n || pct === null ? e : (2n * e * atScale(pct, pct.scale) + unit) / (2n * unit);
    paid[k] = advance;
    advanced += advance;
  }
  const gateMissed = gate !== null && (yearAttainment === null || yearAttainment.lt(gate));
  if (last >= 0) paid[last] = (gateMissed ? 0n : year) - advanced;
  return { paid, deferred: earned.map((e, k) => e - paid[k]), gateMissed, advanced };
}

import { ONE, ZERO, type Decimal } from "../decimal";
import { DistributionError, fitDistribution, normal, type AttainmentDistribution } from "../realistic";
import { pct } from "../realistic/distributionError";
import { orgYears, orgYearSpread } from "../realistic/history/historyStats";
import { repYears } from "../realistic/history/repYears";
import type { AttainmentRecord, Plan } from "../types";
import { drivingMeasures } from "./offerCurve";
import { DEFAULT_ORG_SPREAD, type Offer, type SpreadHistory, type SpreadSource } from "./types";

/**
 * The org's year-to-year spread measured from AttainmentHistory: each plan
 * year's org attainment (its rep-years' levels, weighted by quota when every
 * rep-year has one, else equally), then the sample standard deviation of
 * those year attainments (n − 1 divisor). Null unless the history spans at
 * least 2 plan years; records whose period names no plan year are left out.
 */
export function orgSpreadFromHistory(records: readonly AttainmentRecord[]): SpreadHistory | null {
  const years = orgYears(repYears(records));
  const spread = orgYearSpread(years);
  if (spread === null) return null;
  return { spread, firstYear: years[0].year, lastYear: years[years.length - 1].year, years: years.length };
}

/**
 * An individual-contributor plan: every measure that drives pay is on the
 * candidate's own credit (basis Individual), so the candidate's attainment is
 * one rep's and a share of reps at quota describes its spread.
 */
function isIndividualPlan(plan: Plan | null): boolean {
  return plan !== null && drivingMeasures(plan).every((m) => m.measure.basis === "Individual");
}

/** The attainment an offer is valued at, and where its spread came from. */
export interface OfferAttainment {
  readonly distribution: AttainmentDistribution;
  /** ExpectedAttainment, or 100% when not given. */
  readonly mean: Decimal;
  /** Standard deviation of attainment used (of the latent Normal); 0 for a flat attainment. */
  readonly spread: Decimal;
  readonly spreadSource: SpreadSource;
  /** The org history the spread was measured on (spreadSource "AttainmentHistory" only). */
  readonly spreadHistory: SpreadHistory | null;
  /** ShareAtQuota was given but not used: the plan is not an individual-contributor plan (or there is none). */
  readonly shareAtQuotaNotUsed: boolean;
}

/**
 * The attainment the candidate should expect: Normal around the org's mean
 * (ExpectedAttainment, 100% when unknown), censored at 0, with the ORG's
 * spread — the org's attainment varies far less from year to year than one
 * rep's. The spread, first that applies:
 *  1. StdDev, the year-to-year spread of the org's (team's) attainment; 0 is a
 *     flat attainment at the mean (spreadSource "None");
 *  2. ShareAtQuota, only on an individual-contributor plan, where the
 *     candidate's attainment is one rep's: σ = (1 − mean) ÷ Φ⁻¹(1 − share).
 *     On any other plan (or none) it describes individual reps, not the org,
 *     and is not used (`shareAtQuotaNotUsed`; the caller warns);
 *  3. the org's year-to-year spread measured from AttainmentHistory (2+ plan years);
 *  4. DEFAULT_ORG_SPREAD.
 * Throws DistributionError for a spread that cannot be used.
 */
export function offerAttainment(
  offer: Pick<Offer, "expectedAttainment" | "stdDev" | "shareAtQuota">,
  plan: Plan | null,
  history: SpreadHistory | null,
): OfferAttainment {
  const mean = offer.expectedAttainment ?? ONE;
  const { stdDev, shareAtQuota } = offer;
  if (stdDev !== null && shareAtQuota !== null)
    throw new DistributionError("ShareAtQuota", "Give StdDev or ShareAtQuota, not both: each alone fixes the spread.");
  const result = (
    distribution: AttainmentDistribution,
    spreadSource: SpreadSource,
    shareAtQuotaNotUsed = false,
  ): OfferAttainment => ({
    distribution,
    mean,
    spread: distribution.kind === "Normal" ? distribution.sigma : ZERO,
    spreadSource,
    spreadHistory: spreadSource === "AttainmentHistory" ? history : null,
    shareAtQuotaNotUsed,
  });

  if (stdDev !== null) {
    const distribution = fitDistribution({ kind: "Normal", mean, stdDev, shareAtQuota: null }, []);
    return result(distribution, stdDev.isZero() ? "None" : "StdDev");
  }
  if (shareAtQuota !== null && isIndividualPlan(plan))
    return result(fitDistribution({ kind: "Normal", mean, stdDev: null, shareAtQuota }, []), "ShareAtQuota");

  const notUsed = shareAtQuota !== null;
  if (history !== null) return result(orgNormal(mean, history.spread), "AttainmentHistory", notUsed);
  return result(orgNormal(mean, DEFAULT_ORG_SPREAD), "Default", notUsed);
}

/**
 * Normal(mean, sd) censored at 0, for a spread the offer did not state. A
 * mean of 0 is allowed here (an org that reached nothing: the candidate is
 * paid curve(0) half the time), and a measured spread of 0 is flat.
 */
function orgNormal(mean: Decimal, sd: Decimal): AttainmentDistribution {
  if (mean.isNeg()) throw new DistributionError("Mean", `Mean attainment must be at least 0%, got ${pct(mean)}.`);
  return sd.isZero() ? { kind: "Flat", attainment: mean } : normal(mean, sd);
}

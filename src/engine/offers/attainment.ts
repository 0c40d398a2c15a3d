import { ONE } from "../decimal";
import type { DistributionSpec } from "../types";
import type { Offer } from "./types";

/**
 * The attainment the candidate should expect, as a distribution spec: the
 * org's mean (100% when unknown), spread Normal when a StdDev or ShareAtQuota
 * is given, otherwise flat at the mean — every period of every year lands
 * exactly there, which understates the spread but not the mean.
 */
export function offerAttainmentSpec(
  offer: Pick<Offer, "expectedAttainment" | "stdDev" | "shareAtQuota">,
): DistributionSpec {
  const mean = offer.expectedAttainment ?? ONE;
  if (offer.stdDev === null && offer.shareAtQuota === null) return { kind: "Flat", attainment: mean };
  return { kind: "Normal", mean, stdDev: offer.stdDev, shareAtQuota: offer.shareAtQuota };
}

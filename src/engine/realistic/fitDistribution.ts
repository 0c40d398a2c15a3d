import type { Decimal } from "../decimal";
import type { DistributionSpec } from "../types";
import {
  empirical,
  flat,
  logNormalFromMoments,
  logNormalFromSigma,
  normal,
  requirePositiveMean,
  type AttainmentDistribution,
} from "./distribution";
import { DistributionError } from "./distributionError";
import { logNormalSigmaFromShare, normalSigmaFromShare } from "./spreadFromShare";
import { assertNever } from "../assertNever";

/**
 * A scenario's or offer's attainment assumption turned into a distribution.
 * `history` holds the attainments of the records in scope (the engine picks
 * the rep's, the team's or the org's); it is used only for Historical.
 * Throws DistributionError, which the caller reports as a workbook issue.
 *
 * Normal and LogNormal take Mean with exactly one of StdDev (the spread of
 * attainment itself) and ShareAtQuota (share of reps at or above 100%).
 * A StdDev of 0 is a Flat attainment at the mean.
 */
export function fitDistribution(spec: DistributionSpec, history: readonly Decimal[]): AttainmentDistribution {
  switch (spec.kind) {
    case "Flat":
      return flat(spec.attainment);
    case "Historical":
      if (history.length === 0) {
        throw new DistributionError(
          "AttainmentHistory",
          `No AttainmentHistory rows for the ${spec.scope.toLowerCase()} in scope.`,
        );
      }
      return empirical(history);
    case "Normal": {
      requirePositiveMean(spec.mean);
      const sd = spreadOf(spec);
      if (sd.kind === "StdDev") return sd.value.isZero() ? flat(spec.mean) : normal(spec.mean, sd.value);
      return normal(spec.mean, normalSigmaFromShare(spec.mean, sd.value));
    }
    case "LogNormal": {
      requirePositiveMean(spec.mean);
      const sd = spreadOf(spec);
      if (sd.kind === "StdDev") return sd.value.isZero() ? flat(spec.mean) : logNormalFromMoments(spec.mean, sd.value);
      return logNormalFromSigma(spec.mean, logNormalSigmaFromShare(spec.mean, sd.value));
    }
    default:
      return assertNever(spec);
  }
}

function spreadOf(spec: { readonly stdDev: Decimal | null; readonly shareAtQuota: Decimal | null }): {
  kind: "StdDev" | "ShareAtQuota";
  value: Decimal;
} {
  if (spec.stdDev !== null && spec.shareAtQuota !== null) {
    throw new DistributionError("ShareAtQuota", "Give StdDev or ShareAtQuota, not both: each alone fixes the spread.");
  }
  if (spec.stdDev !== null) {
    if (spec.stdDev.isNeg()) throw new DistributionError("StdDev", "StdDev cannot be negative.");
    return { kind: "StdDev", value: spec.stdDev };
  }
  if (spec.shareAtQuota !== null) return { kind: "ShareAtQuota", value: spec.shareAtQuota };
  throw new DistributionError("StdDev", "A Normal or LogNormal needs StdDev or ShareAtQuota besides Mean.");
}

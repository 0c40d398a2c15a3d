/**
 * Realistic earnings: exact expected pay, pay percentiles and the chance of
 * reaching OTE under an attainment distribution — closed forms and exact
 * sums over the payout curve's segments, never Monte Carlo.
 */
export type {
  AttainmentDistribution,
  EmpiricalDistribution,
  FlatDistribution,
  LogNormalDistribution,
  NormalDistribution,
} from "./distribution";
export { empirical, flat, logNormalFromMoments, logNormalFromSigma, logNormalStdDev, normal } from "./distribution";
export { DistributionError, type DistributionField } from "./distributionError";
export { fitDistribution } from "./fitDistribution";
export { logNormalSigmaFromShare, normalSigmaFromShare } from "./spreadFromShare";
export { expectedAttainment, expectedMultiple } from "./expectation";
export { probAtLeast, probAtMost, probAttainmentAtLeast } from "./payProbability";
export { attainmentPercentile, payPercentile } from "./percentiles";
export { percentileInc } from "./percentileInc";
export { combineCurves, type WeightedCurve } from "./combine";
export { realisticOutcome, type RealisticOutcome } from "./outcome";
export { curveKey, distributionKey, realisticKey } from "./realisticKey";
export { normalCdf, normalPdf } from "./standardNormal";
export { normalQuantile } from "./normalQuantile";

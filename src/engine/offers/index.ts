/**
 * Offer evaluation for candidates: what an offer is realistically worth in
 * year one and in steady state, its equity vesting, multi-year totals, the
 * gap to the OTE on the letter, and where two offers break even.
 */
export type {
  BreakEven,
  EquityVesting,
  Offer,
  OfferResult,
  SpreadHistory,
  SpreadSource,
  VestingFrequency,
  YearOne,
} from "./types";
export { DEFAULT_CLIFF_MONTHS, DEFAULT_ORG_SPREAD, DEFAULT_VESTING_FREQUENCY, DEFAULT_VESTING_YEARS } from "./types";
export { evaluateOffers, type OffersEvaluation } from "./evaluate";
export { offerCurve, capMultiple, capAttainment, needsQuota, drivingMeasures, LINEAR_UNCAPPED } from "./offerCurve";
export { offerAttainment, orgSpreadFromHistory, type OfferAttainment } from "./attainment";
export { yearOneMonths, yearOneVariable, rampFactor, yearOneEnd, type YearOneTerms } from "./yearOne";
export { vestedMonths, vestingByYear, vestedInFirstYears, type VestingSchedule } from "./vesting";
export { cashLine, crossings, BREAK_EVEN_LIMIT, type Crossing } from "./breakEven";
export { openQuestions } from "./warnings";

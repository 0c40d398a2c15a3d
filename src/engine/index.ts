/**
 * The engine's public API: the only engine path that src/workbook, the
 * adapters (src/excel, src/xlsx, src/cli) and the pane (src/taskpane) import
 * (lint enforces it, eslint.config.mjs). It re-exports exactly what they use;
 * nothing inside src/engine imports this file, so it cannot close a cycle.
 */

// Model input: plans, reps, scenarios, settings and the history the workbook parses into.
export type {
  Adjustment,
  AdjustmentType,
  AttainmentRecord,
  Basis,
  Combine,
  DistributionSpec,
  AnnualGateBasis,
  DrawOnExit,
  DrawRecovery,
  DrawType,
  IsoDate,
  Kicker,
  KickerMode,
  Modifier,
  MatrixCell,
  MatrixMode,
  MeasurePlan,
  PayoutMatrix,
  MonthProration,
  ModelInput,
  NegativeTrueUp,
  PeriodAmount,
  PeriodKind,
  PeriodsPerYear,
  Plan,
  RampMonthOne,
  RampSchedule,
  RateType,
  Rep,
  Scenario,
  Settings,
  TeamScope,
  Tier,
  TierBasis,
  TierMode,
} from "./types";

// Month names, January first (messages and month pickers).
export { MONTH_NAMES } from "./calendar";

// Week-based fiscal calendars (4-4-5, 4-5-4, 5-4-4): the workbook places period labels on them.
export {
  WeekCalendar,
  WEEKDAY_NAMES,
  describeYearEnd,
  type FiscalMonth,
  type WeekCalendarSpec,
  type WeekPattern,
  type YearEndRule,
} from "./fiscalCalendar";
export { weekCalendarOf } from "./periods";

// Running the model, and checking a plan and drawing its payout curve (the plan editor, Results_PayoutCurve).
export { runModel, inputChecks, BASELINE } from "./model";
export type { RepProgress } from "./types";
export { checkPlan } from "./planChecks";
export { buildPayoutCurve } from "./line/payoutCurve";
export { yearMeasureCurve } from "./realistic/planYearPay";
export { lowerBound } from "./realistic/massModel";
export { rateTypeOf } from "./line/measureRule";

// Results: per scenario, the payout lines, statements and their trace.
export type { ModelResult, PayoutLine, RepResult, ScenarioResult, StatementLine } from "./model";
export type { TeamMemberCredit } from "./teamCredit";
export { explainLine, moneyText, type TraceStep } from "./trace";

// Realistic earnings: attainment distributions, the realistic run and context, the backtest.
export {
  RealisticContext,
  realisticBacktest,
  runRealistic,
  type AssumptionSource,
  type RealisticRep,
  type RealisticScenario,
  type SwingAssumption,
} from "./realisticModel";
export { DistributionError, fitDistribution, normalCdf, normalPdf, probAtLeast } from "./realistic";
export type { Backtest } from "./realistic/history/backtest";

// Offers: what a candidate's offer is worth, and where two offers break even.
export {
  DEFAULT_ORG_SPREAD,
  drivingMeasures,
  evaluateOffers,
  needsQuota,
  orgSpreadFromHistory,
  type BreakEven,
  type Offer,
  type OfferResult,
  type OffersEvaluation,
  type SpreadHistory,
  type VestingFrequency,
} from "./offers";

// Decimal values, exact ratios, rounding to a currency's minor unit, FX conversion.
export { compactDecimal, Decimal, ONE, ZERO, dec, fromDouble, same, sortDecimals, toNumber } from "./decimal";
export { ratioValue, type Ratio } from "./exact/ratio";
export { wholePercentShare } from "./exact/fixed";
export { minorUnits, roundMoney, variableMoney } from "./exact/rounding";
export { fxRate } from "./mechanics/fx";

// Issues the engine reports, and the exhaustiveness check for switches over unions.
export type { EngineIssue } from "./issues";
export { assertNever } from "./assertNever";

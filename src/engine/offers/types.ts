import { Decimal } from "../decimal";
import type { CurveSegment } from "../line/segments";
import type { AttainmentDistribution, RealisticOutcome } from "../realistic";
import type { DrawType, IsoDate } from "../types";

/**
 * A job offer as the candidate reads it, already validated by the workbook
 * contract. Fields the offer letter left out stay null, so the engine can
 * both apply the documented default and tell the candidate what to ask.
 */
export type VestingFrequency = "Monthly" | "Quarterly" | "Annual";

export interface Offer {
  readonly name: string;
  /** Currency of every amount on the offer. */
  readonly currency: string;
  readonly base: Decimal;
  readonly targetVariable: Decimal;
  /** Baseline plan in Plans whose payout curve the bonus follows; null = 1.0× target from 0%, uncapped. */
  readonly plan: string | null;
  /** Mean attainment the org (or team) reached last year, 0.7 = 70%; null = not known (100% assumed). */
  readonly expectedAttainment: Decimal | null;
  /**
   * Year-to-year spread (standard deviation) of the org's (team's) attainment
   * around the mean, Normal; 0 = flat at the mean. At most one of stdDev and shareAtQuota.
   */
  readonly stdDev: Decimal | null;
  /**
   * Share of individual reps at or above quota: it describes one rep's spread,
   * so it is used only on an individual-contributor plan (every driving measure
   * of basis Individual); otherwise it is not used, with a warning.
   */
  readonly shareAtQuota: Decimal | null;
  /** Annual quota of the plan's first measure: needed only when the plan pays a percent of bookings or has amount bands. */
  readonly quota: Decimal | null;
  /** Months of ramp at the start of year one, 0–12. */
  readonly rampMonths: number;
  /** Share of monthly target variable guaranteed during the ramp (non-recoverable); null = none. */
  readonly rampGuarantee: Decimal | null;
  /** Monthly draw in year one; null = none. */
  readonly draw: Decimal | null;
  /** null = not stated (a draw is then taken as recoverable, the usual meaning). */
  readonly drawType: DrawType | null;
  readonly signOnBonus: Decimal;
  /** Total value of the equity grant at offer. */
  readonly equityValue: Decimal;
  /** null = not stated (4 years assumed). */
  readonly vestingYears: number | null;
  /** null = not stated (12 months assumed, or the whole schedule when shorter). */
  readonly cliffMonths: number | null;
  /** null = not stated (monthly assumed). */
  readonly vestingFrequency: VestingFrequency | null;
  /** null = the first day of the plan year. */
  readonly startDate: IsoDate | null;
  /** "Offers row 5", for messages. */
  readonly source?: string;
}

export const DEFAULT_VESTING_YEARS = 4;
/**
 * Year-to-year spread (standard deviation) of an org's attainment when the
 * offer gives no StdDev (nor a usable ShareAtQuota) and AttainmentHistory
 * spans fewer than 2 plan years: 10 percentage points. An org's attainment
 * moves far less from year to year than one rep's.
 */
export const DEFAULT_ORG_SPREAD = new Decimal("0.1");

/**
 * Where an offer's attainment spread came from: the offer's StdDev; its
 * ShareAtQuota (individual-contributor plans only); the org's year-to-year
 * spread in AttainmentHistory; DEFAULT_ORG_SPREAD; or "None" — a StdDev of 0,
 * a flat attainment at the mean.
 */
export type SpreadSource = "StdDev" | "ShareAtQuota" | "AttainmentHistory" | "Default" | "None";

/** The org's year-to-year spread as measured in AttainmentHistory. */
export interface SpreadHistory {
  /** Sample standard deviation (n − 1) of the org's attainment across plan years. */
  readonly spread: Decimal;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Plan years with history (at least 2). */
  readonly years: number;
}
export const DEFAULT_CLIFF_MONTHS = 12;
export const DEFAULT_VESTING_FREQUENCY: VestingFrequency = "Monthly";

/** Where the two offers' annual cash at a flat attainment meet, searched over 0%–300%. */
export interface BreakEven {
  /** The other offer's name. */
  readonly other: string;
  /**
   * "cross": the better offer changes at each attainment in `at` (ascending);
   * "none": one offer pays more (or the same) throughout 0–300%;
   * "identical": both pay the same at every attainment in 0–300%.
   */
  readonly kind: "cross" | "none" | "identical";
  readonly at: readonly Decimal[];
  /** Which offer pays more below the first break-even ("cross") or throughout ("none"); "tie" when identical. */
  readonly aheadBelow: "this" | "other" | "tie";
}

/** Year one = the first 12 months from the start date. */
export interface YearOne {
  readonly start: IsoDate;
  /** Last day of the 12th month of tenure. */
  readonly end: IsoDate;
  readonly base: Decimal;
  /** Expected variable over the 12 months, after ramp, ramp guarantee and non-recoverable draw. */
  readonly variable: Decimal;
  readonly signOn: Decimal;
  /** base + variable + sign-on. */
  readonly cash: Decimal;
}

export interface EquityVesting {
  readonly value: Decimal;
  readonly vestingYears: number;
  readonly cliffMonths: number;
  readonly frequency: VestingFrequency;
  /** Amount vesting in tenure year 1, 2, … vestingYears; sums to value. */
  readonly byYear: readonly Decimal[];
  /** value ÷ vestingYears (0 without a grant). */
  readonly perYear: Decimal;
}

/**
 * What an offer is worth. Every money figure is in `currency` (the reporting
 * currency: offers in other currencies are converted at Settings' planning
 * rate so they can be compared) and rounded once to its minor unit; totals
 * are sums of the rounded parts, so the sheet foots.
 */
export interface OfferResult {
  readonly offer: Offer;
  readonly currency: string;
  /** Reporting-currency units per unit of the offer's currency (1 when the same). */
  readonly fxRate: Decimal;
  readonly base: Decimal;
  readonly targetVariable: Decimal;
  readonly ote: Decimal;
  /** The mean attainment assumed (ExpectedAttainment, or 100% when not given). */
  readonly expectedAttainment: Decimal;
  /** Standard deviation of attainment used (of the Normal, before censoring at 0); 0 for a flat attainment. */
  readonly spread: Decimal;
  readonly spreadSource: SpreadSource;
  /** The history the spread was measured on, when spreadSource is "AttainmentHistory"; else null. */
  readonly spreadHistory: SpreadHistory | null;
  readonly distribution: AttainmentDistribution;
  /** The bonus as one payout curve, as a multiple of target variable. */
  readonly curve: readonly CurveSegment[];
  /** The most the bonus can pay, as a multiple of target variable; null = uncapped. */
  readonly capMultiple: Decimal | null;
  /** Multiples of target variable, exact. */
  readonly outcome: RealisticOutcome;
  /** Expected annual variable in steady state (a full year, no ramp). */
  readonly expectedVariable: Decimal;
  /** base + expectedVariable. */
  readonly steadyStateExpected: Decimal;
  /** Total annual cash (base + variable) at the 10th, 50th and 90th percentile of attainment. */
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  /** P(variable ≥ target variable), the chance of earning at least OTE. */
  readonly probReachOte: Decimal;
  /** OTE − steadyStateExpected (positive = the realistic pay falls short of OTE). */
  readonly gapToOte: Decimal;
  /** gapToOte ÷ OTE; null when OTE is 0. */
  readonly gapPct: Decimal | null;
  readonly yearOne: YearOne;
  readonly equity: EquityVesting;
  /** Year-one cash + equity vesting in tenure year 1. */
  readonly oneYearTotal: Decimal;
  /** Year-one cash + 3 × steady-state expected + equity vesting in tenure years 1–4. */
  readonly fourYearTotal: Decimal;
  /** Break-evens against every offer listed after this one (each pair once). */
  readonly breakEvens: readonly BreakEven[];
}

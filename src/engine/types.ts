import type { Decimal } from "./decimal";
import type { WeekCalendarSpec } from "./fiscalCalendar";
import type { Offer } from "./offers/types";

/**
 * Engine input model. Everything here has already been validated by the
 * workbook contract (src/workbook); the engine trusts it. Money and rates are
 * Decimal; dates are ISO day strings ("2026-02-15"); attainment and rates are
 * fractions (1.2 = 120%).
 */

export type PeriodKind = "Month" | "Quarter" | "Year";
/** Whose credit a measure pays on: the rep's own, the team's, or a score per period (an MBO, the Scores table). */
export type Basis = "Individual" | "Team" | "Score";
export type TierMode = "Marginal" | "Retroactive" | "Curve";
export type TierBasis = "Attainment" | "Amount";
export type RateType = "Multiplier" | "Percent";
export type Combine = "PerMeasure" | "WeightedAttainment";
export type DrawType = "Recoverable" | "NonRecoverable";
export type DrawRecovery = "AboveDraw" | "FullBalance";
/** How an annual gate is tested before the year end (see Plan.annualGateBasis). */
export type AnnualGateBasis = "FullYear" | "ProratedYTD";

/** What happens to a recoverable draw balance when the rep leaves. */
export type DrawOnExit = "Owed" | "Forgiven";
export type TeamScope = "Subtree" | "Direct";
/**
 * What a cumulative plan does when YTD earned falls below what was paid:
 * `Hold` pays nothing and holds the shortfall against later true-ups (what is
 * still held at year end is kept by the rep); `Clawback` carries it as a debit
 * recovered from later pay (net pay never below 0; what is left at year end is
 * owed by the rep); `NegativePay` pays the negative amount in that period.
 */
export type NegativeTrueUp = "Hold" | "Clawback" | "NegativePay";
export type AdjustmentType = "SPIF" | "Bonus" | "Clawback";

/** ISO date, "YYYY-MM-DD". */
export type IsoDate = string;

/** A band of a tier table. `from` included, `to` excluded; `to` null = no upper limit. */
export interface Tier {
  readonly from: Decimal;
  readonly to: Decimal | null;
  /** Multiple of BCR (RateType Multiplier), fraction of credited amount (Percent), or payout multiple (Curve). */
  readonly rate: Decimal;
  /** Where the band came from, for messages: "Tiers row 7". */
  readonly source?: string;
}

/**
 * A kicker: an extra `rate` (in the measure's rate unit, as a Tiers Rate) from
 * `from` (on the measure's TierBasis axis) up. Marginal pays it on the credit
 * above the trigger only; Retroactive, once the trigger is reached, on all credit.
 */
export interface Kicker {
  readonly rate: Decimal;
  readonly from: Decimal;
  readonly mode: KickerMode;
  /** A flat amount (the rep's currency) paid on a line once the trigger is reached; absent = none. */
  readonly amount?: Decimal | null;
}

export type KickerMode = "Marginal" | "Retroactive";

/**
 * A linked measure's multiplier (a modifier): the payout of this measure is
 * multiplied by the `factor` of the step with the greatest `from` at or below
 * the linked measure's attainment, measured in the same period or year to
 * date; below the first step it is unchanged. A gate on another measure is
 * the table (0%: 0, X: 1).
 */
export interface Modifier {
  readonly linkedMeasure: string;
  readonly measured: "Period" | "YTD";
  /** Sorted by `from`, each `from` once. */
  readonly steps: readonly { readonly from: Decimal; readonly factor: Decimal; readonly source?: string }[];
}

/** How a payout matrix reads between its grid lines (see PayoutMatrix). */
export type MatrixMode = "Stepped" | "Interpolated";

/** One cell of a payout matrix: the payout multiple at a point of the grid. */
export interface MatrixCell {
  /** The measure's own attainment (the cell's row). */
  readonly attainment: Decimal;
  /** The linked measure's attainment (the cell's column). */
  readonly linked: Decimal;
  /** Payout as a multiple of the measure's target incentive. */
  readonly multiple: Decimal;
  /** Where the cell came from, for messages: "PayoutMatrix row 4". */
  readonly source?: string;
}

/**
 * A payout matrix: the measure pays a multiple of its target incentive looked
 * up from its own attainment (rows) and a linked measure's attainment
 * (columns), measured in the same period or year to date. `Stepped` pays the
 * cell of the band reached in each dimension (the greatest row and column at
 * or below the attainments); `Interpolated` is bilinear between grid points
 * (linear along an edge). Below the first row or column it pays 0; beyond the
 * last it holds the edge. A missing cell of the grid counts as 0×. It replaces
 * the measure's tiers (line/matrix.ts).
 */
export interface PayoutMatrix {
  readonly linkedMeasure: string;
  readonly measured: "Period" | "YTD";
  readonly mode: MatrixMode;
  /** Each (attainment, linked) once; any order. */
  readonly cells: readonly MatrixCell[];
}

/** One measure of a plan: its share of target variable and its payout rules. */
export interface MeasurePlan {
  readonly measure: string;
  /** Share of target variable, 0.7 = 70%. */
  readonly weight: Decimal;
  readonly basis: Basis;
  readonly tierMode: TierMode;
  readonly tierBasis: TierBasis;
  readonly rateType: RateType;
  /** Gate on attainment: below it the measure pays 0. */
  readonly threshold: Decimal | null;
  /** Attainment above this pays as if at this attainment. */
  readonly capAttainment: Decimal | null;
  /** Payout never exceeds this multiple of the line's target incentive. */
  readonly capPayout: Decimal | null;
  /** Sorted by `from`. Empty = 1.0× from 0, uncapped. */
  readonly tiers: readonly Tier[];
  /** An extra rate at and above a trigger, on top of the tiers (line/kicker.ts); absent = none. */
  readonly kicker?: Kicker | null;
  /** Scales the payout by another measure's attainment (line/modifier.ts); absent = none. */
  readonly modifier?: Modifier | null;
  /** Pays a multiple of target looked up from its own and another measure's attainment, in place of the tiers (line/matrix.ts); absent = none. */
  readonly matrix?: PayoutMatrix | null;
  /** Where the measure came from, for messages: "Plans row 4". */
  readonly source?: string;
}

export interface Plan {
  readonly name: string;
  readonly measures: readonly MeasurePlan[];
  readonly period: PeriodKind;
  readonly combine: Combine;
  /** Year-to-date plan: each period pays YTD payout minus what was already paid. */
  readonly cumulative: boolean;
  readonly negativeTrueUp: NegativeTrueUp;
  /** Draw per period, in the rep's currency; null = none. */
  readonly draw: Decimal | null;
  readonly drawType: DrawType;
  readonly drawRecovery: DrawRecovery;
  /** A cap on the year's incentive across measures, as a multiple of the rep's target variable for the part of the year employed; absent = none. */
  readonly annualCap?: Decimal | null;
  /** The same cap as an amount in the rep's currency; with both, the lower applies. */
  readonly annualCapAmount?: Decimal | null;
  /** Share of each period's earnings paid as an advance (0.8 = 80%); the rest is settled at year end; absent = all. */
  readonly advancePct?: Decimal | null;
  /** The year's attainment must reach this for the year's incentive to be paid, settled at year end; absent = none. */
  readonly annualGate?: Decimal | null;
  /** FullYear: advances are paid and the year end takes them back if the year misses; ProratedYTD: an advance also needs the year to date at the gate. */
  readonly annualGateBasis?: AnnualGateBasis;
  /** The draw runs for the first N months of the rep's tenure (from StartDate, else the plan year's start); absent = all year. */
  readonly drawMonths?: number | null;
  /** The draw runs until this day, inclusive; absent = all year. */
  readonly drawUntil?: IsoDate | null;
  /** A recoverable draw balance when the rep leaves: still owed (the default) or forgiven. */
  readonly drawOnExit?: DrawOnExit;
  readonly teamScope: TeamScope;
  readonly source?: string;
}

export interface Rep {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly managerId: string | null;
  readonly plan: string;
  readonly currency: string;
  readonly base: Decimal;
  readonly targetVariable: Decimal;
  /** Annual quota per measure (from Reps.Quota for the plan's first measure, or Quota <Measure> columns). */
  readonly annualQuota: ReadonlyMap<string, Decimal>;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  readonly ramp: string | null;
  /** Excel row of the rep in the Reps table, for messages. */
  readonly row?: number;
}

/** A quota or credited amount for a rep, measure and calendar span (already mapped from the period label). */
export interface PeriodAmount {
  readonly repId: string;
  readonly measure: string;
  /** First and last day of the span the amount covers (inclusive). */
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly amount: Decimal;
  readonly source?: string;
}

export interface Adjustment {
  readonly repId: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly type: AdjustmentType;
  /** Positive for SPIF/Bonus; positive amount of a Clawback is taken back. */
  readonly amount: Decimal;
  readonly note: string;
  readonly source?: string;
}

/**
 * Which month is tenure month 1 of a ramp: the calendar month that contains
 * StartDate (the default), or the first full month on the job, the stub
 * month before it ramped at month 1's percent too.
 */
export type RampMonthOne = "StartMonth" | "FirstFullMonth";

export interface RampSchedule {
  readonly name: string;
  /** Absent = "StartMonth". */
  readonly monthOne?: RampMonthOne;
  /** Quota percent by month of tenure, month 1 first. Months past the end are 100%. */
  readonly quotaPct: readonly Decimal[];
  /** Minimum payout during the ramp as a fraction of target incentive (not recoverable); null = none. */
  readonly guarantee: Decimal | null;
}

export type DistributionSpec =
  | { readonly kind: "Flat"; readonly attainment: Decimal }
  | { readonly kind: "Historical"; readonly scope: "Org" | "Team" | "Rep" }
  | {
      readonly kind: "Normal";
      readonly mean: Decimal;
      readonly stdDev: Decimal | null;
      readonly shareAtQuota: Decimal | null;
    }
  | {
      readonly kind: "LogNormal";
      readonly mean: Decimal;
      readonly stdDev: Decimal | null;
      readonly shareAtQuota: Decimal | null;
    };

export interface Scenario {
  readonly name: string;
  /** null = actuals (the baseline uses actual bookings where given). */
  readonly assumption: DistributionSpec | null;
  readonly description: string;
  /**
   * How a rep's periods swing around the year's level (realistic model):
   * standard deviation of a period's attainment relative to the year's level,
   * at the plan's own period length. null = from AttainmentHistory, else the
   * default; 0 = every period lands on the year's level.
   */
  readonly periodSpread?: Decimal | null;
  /** Lag-one correlation of consecutive periods' swings; null = from history, else 0. */
  readonly periodCorrelation?: Decimal | null;
  /** Correlation between team members' year levels, for Team-basis leaders; null = from history, else the default. */
  readonly teamCorrelation?: Decimal | null;
  /** "Scenarios row 5": where an issue about the scenario points. */
  readonly source?: string;
}

/** Periods per year of a history record's period: Year 1, Half 2, Quarter 4, Month 12. */
export type PeriodsPerYear = 1 | 2 | 4 | 12;

export interface AttainmentRecord {
  readonly repId: string | null;
  /** The period as written. */
  readonly period: string;
  readonly attainment: Decimal;
  /**
   * Where the period sits: its plan year, its grain and its 0-based index in
   * that year. null when the label could not be placed (the record then
   * counts as a year of its own).
   */
  readonly placed?: { readonly year: number; readonly periodsPerYear: PeriodsPerYear; readonly index: number } | null;
  /** The period's quota, when given: it weights the period in its rep-year's attainment. */
  readonly quota?: Decimal | null;
  /** "AttainmentHistory row 7", for messages. */
  readonly source?: string;
}

/**
 * Proration by whole months instead of days: `Months` counts a month when the
 * rep started on or before its 15th day and was still employed on it (the
 * mid-month rule); `FullMonths` counts only months employed from the first day
 * to the last.
 */
export type MonthProration = "Months" | "FullMonths";

export interface Settings {
  readonly reportingCurrency: string;
  /** 1 = January. */
  readonly fiscalYearStartMonth: number;
  /** Calendar year in which the plan year starts (on a week calendar: the year its first nominal month is in). */
  readonly planYear: number;
  /** Units of the reporting currency per one unit of the keyed currency. */
  readonly fxRates: ReadonlyMap<string, Decimal>;
  /** A week-based (4-4-5, 4-5-4, 5-4-4) 52/53-week calendar; absent = calendar months. */
  readonly calendar?: WeekCalendarSpec;
  /** Proration by whole months; absent = by days. */
  readonly proration?: MonthProration;
}

/** Everything the engine needs for one run. Plans are keyed by scenario ("" = baseline). */
export interface ModelInput {
  readonly settings: Settings;
  readonly reps: readonly Rep[];
  readonly plans: ReadonlyMap<string, Plan>;
  /** Scenario-specific plan replacements: scenario -> plan name -> plan. */
  readonly scenarioPlans: ReadonlyMap<string, ReadonlyMap<string, Plan>>;
  readonly scenarios: readonly Scenario[];
  readonly quotas: readonly PeriodAmount[];
  readonly actuals: readonly PeriodAmount[];
  readonly adjustments: readonly Adjustment[];
  readonly ramps: ReadonlyMap<string, RampSchedule>;
  readonly attainmentHistory: readonly AttainmentRecord[];
  /** MBO scores (the Scores table): a Score-basis measure's attainment per period, as a fraction (0.85 = 85%). */
  readonly scores?: readonly PeriodAmount[];
  /** Candidate offers (the Offers table), valued by src/engine/offers; absent = none. */
  readonly offers?: readonly Offer[];
}

/**
 * Hears the engine's progress: `done` of `total` reps priced (each rep once
 * per scenario). Called often and cheaply; a caller that shows it throttles.
 */
export type RepProgress = (done: number, total: number) => void;

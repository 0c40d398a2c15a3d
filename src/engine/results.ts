import type { Decimal } from "./decimal";
import type { Fixed } from "./exact/fixed";
import type { EngineIssue } from "./issues";
import type { MeasureRule } from "./line/measureRule";
import type { TeamMemberCredit } from "./teamCredit";
import type { Period } from "./periods";
import type { Ratio } from "./exact/ratio";
import type { Plan, Rep, Scenario } from "./types";

/** One payout line: scenario × rep × period × measure. */
export interface PayoutLine {
  readonly rep: Rep;
  readonly period: Period;
  /** Measure name; "Weighted" for a WeightedAttainment plan's single line. */
  readonly measure: string;
  /** Exact period quota (after ramp and proration); null on a Weighted line. */
  readonly quota: Ratio | null;
  /** Credited amount: the rep's own, or the team's on a Team-basis measure. */
  readonly actual: Decimal | null;
  readonly attainment: Ratio | null;
  readonly target: Ratio;
  /**
   * What the line pays this period, rounded to the currency's minor unit (the
   * one rounding point). On a cumulative plan: the true-up (YTD earned − paid before).
   */
  readonly payout: Decimal;
  /** The same payout as an integer count of minor units (cents): what totals add. */
  readonly minor: bigint;
  readonly rate: Decimal;
  readonly gated: boolean;
  readonly capped: "Attainment" | "Payout" | null;
  /** The compiled rule that paid it, so the trace can be rebuilt on demand. */
  readonly rule: MeasureRule;
  /** How the quota was built: ramp factor (null when no ramp applied) and proration factor. */
  readonly ramp: Ratio | null;
  readonly proration: Ratio;
  /** Where the quota came from; "Score": an MBO line, whose attainment is the period's score (quota 1, actual = score). */
  readonly quotaSource: "Quotas" | "Annual" | "Score";
  readonly team: boolean;
  /** Cumulative plans: year-to-date quota, actual and earned (rounded) up to this period. */
  readonly ytd?: {
    readonly quota: Ratio;
    readonly target: Ratio;
    readonly actual: Decimal;
    readonly earned: Decimal;
    readonly held: Decimal;
  };
  /** A modified measure's line: the linked measure's attainment its modifier read (null: none, read as 0%). */
  readonly linked?: Ratio | null;
  /** Ramp guarantee lifted the payout to this floor. */
  readonly guarantee?: Decimal;
  /** Weighted lines: each measure's period quota, credited actual, attainment and weight. */
  readonly components?: readonly {
    measure: string;
    weight: Decimal;
    quota: Ratio;
    actual: Decimal;
    attainment: Ratio | null;
  }[];
}

/** A rep's payout lines, and per measure the year's Σ credit and Σ quota over the periods paid (null: a Weighted plan). */
export interface RepLines {
  readonly lines: PayoutLine[];
  /** Each measure's credit and quota over the periods employed: the year's attainment is Σ weight × credit ÷ quota. */
  readonly year: ReadonlyMap<string, { readonly credit: Fixed; readonly quota: Ratio }>;
}

/** One period of a rep's pay statement. */
export interface StatementLine {
  readonly period: Period;
  /** Σ the period's payout lines. */
  readonly earned: Decimal;
  /** SPIFs and bonuses minus the clawback taken this period. */
  readonly adjustments: Decimal;
  readonly drawTopUp: Decimal;
  readonly recovered: Decimal;
  readonly drawBalance: Decimal;
  /** Negative pay (a clawed-back true-up) not paid this period but carried as a debit. */
  readonly deferred: Decimal;
  /** Carried debit taken from this period's pay. */
  readonly debitRecovered: Decimal;
  /** Under Hold: what has been paid beyond YTD earned at the period's end, held against later true-ups. */
  readonly held: Decimal;
  /** Clawbacks and debits still to take from later periods. */
  readonly clawbackCarried: Decimal;
  /** Earnings held to the year end (AdvancePct, a ProratedYTD gate); in the settlement period negative for what is released, positive for what a missed annual gate forfeits. */
  readonly deferredToYearEnd: Decimal;
  /** Earnings of the period above the plan's annual cap (not paid): the year-to-date earned beyond the cap. */
  readonly overCap: Decimal;
  /** What the rep is paid this period. */
  readonly netPaid: Decimal;
  /** The period's adjustments in words ("SPIF 2500: Multi-year prepaid deal SPIF"); empty when none. */
  readonly notes: string;
  /**
   * Set when the period is its commission alone (every other amount 0, no
   * notes, NetPaid = Earned): Earned in minor units, which a sheet writes
   * without making the Decimal.
   */
  readonly commissionMinor?: bigint;
}

export interface RepResult {
  readonly rep: Rep;
  readonly plan: Plan;
  /** Lines of this rep, in period then measure order. */
  readonly lines: readonly PayoutLine[];
  readonly statement: readonly StatementLine[];
  /** Σ measure weight × (Σ actual ÷ Σ quota) over the year. */
  readonly attainment: Decimal | null;
  /** Σ payout lines (commission earned). */
  readonly variablePay: Decimal;
  /** Σ adjustments (SPIF + bonus − clawback taken). */
  readonly adjustments: Decimal;
  /** Σ net paid: variable pay + draw top-ups − recoveries + adjustments. */
  readonly netPaid: Decimal;
  readonly drawBalance: Decimal;
  /** Clawbacks and clawed-back true-ups not recovered by year end: owed by the rep. */
  readonly clawbackOutstanding: Decimal;
  /** Under Hold: paid beyond the year's earnings and still held at year end; the rep keeps it. */
  readonly heldAtYearEnd: Decimal;
  /** Share of the plan year the rep was employed (active days ÷ days). */
  readonly proration: Ratio;
  /** Base salary earned in the plan year: base × proration. */
  readonly baseEarned: Decimal;
  /**
   * Team-basis leaders (null otherwise), quotas in the leader's currency:
   * `directs` = Σ direct reports' quotas ÷ own quota; `paidOn` = Σ quotas of
   * the people the leader is paid on ÷ own quota (a Subtree director: the
   * sellers below the managers).
   */
  readonly overAssignment: { readonly directs: Decimal | null; readonly paidOn: Decimal | null } | null;
  readonly capped: boolean;
  /** Credited on individual measures over the periods employed (not Team, not Score): what the rep booked. */
  readonly bookings: Decimal;
}

export interface ScenarioResult {
  /** "Baseline" for the plans as written. */
  readonly name: string;
  readonly scenario: Scenario | null;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly reps: readonly RepResult[];
  readonly lines: readonly PayoutLine[];
  /** A Team line's members and their credit, converted to the leader's currency (computed when asked: the trace). */
  readonly teamMembers?: (line: PayoutLine) => readonly TeamMemberCredit[];
}

export interface ModelResult {
  readonly scenarios: readonly ScenarioResult[];
  readonly issues: readonly EngineIssue[];
  /**
   * Per flat scenario, the baseline plans paid at the same flat attainment:
   * what the scenario is compared with, like for like. Not a result sheet's
   * scenario of its own.
   */
  readonly baselineAt?: ReadonlyMap<string, ScenarioResult>;
}

export const BASELINE = "Baseline";

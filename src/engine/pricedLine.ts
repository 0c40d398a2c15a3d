import type { Decimal } from "./decimal";
import { fromMinor } from "./exact/minor";
import type { MeasureRule } from "./line/measureRule";
import type { Period } from "./periods";
import type { Ratio } from "./exact/ratio";
import type { PayoutLine } from "./results";
import { minorUnits } from "./exact/rounding";
import type { Rep } from "./types";

/** What every line of one rep's measure shares. */
export interface LineSeat {
  readonly rep: Rep;
  readonly measure: string;
  readonly rule: MeasureRule;
  readonly team: boolean;
}

/** A period's quota and how it was built. */
export interface PeriodQuota {
  readonly quota: Ratio | null;
  readonly ramp: Ratio | null;
  /** Quotas row, the annual quota spread, or none: a Score line's attainment is its score (quota 1). */
  readonly source: "Quotas" | "Annual" | "Score";
}

/** What a line is priced against: its period's quota, target incentive and proration (shared while they repeat). */
export interface LineTerms extends PeriodQuota {
  readonly target: Ratio;
  readonly proration: Ratio;
}

/** The rarer parts of a line: cumulative, guaranteed and weighted lines. */
export interface LineExtras {
  readonly ytd?: PayoutLine["ytd"];
  readonly guarantee?: Decimal;
  readonly linked?: Ratio | null;
  readonly components?: PayoutLine["components"];
  /** A Weighted line's attainment (Σ weight × attainment); others derive theirs from actual ÷ quota. */
  readonly weightedAttainment?: Ratio;
}

/**
 * A payout line as the engine stores it: the rounded payout as minor units
 * (what totals add), with the Decimal and the attainment fraction made only
 * when a sheet or trace asks. What a rep's measure shares, and a period's
 * quota, target and proration while they repeat, are held once, not copied
 * into each line: 240,000 lines are kept in memory
 * at once, and every byte of them is copied by the garbage collector.
 */
export class PricedLine implements PayoutLine {
  private payoutValue?: Decimal;
  private attainmentValue?: Ratio | null;

  constructor(
    private readonly seat: LineSeat,
    readonly period: Period,
    private readonly terms: LineTerms,
    readonly actual: Decimal | null,
    readonly minor: bigint,
    readonly rate: Decimal,
    readonly gated: boolean,
    readonly capped: "Attainment" | "Payout" | null,
    private readonly extras: LineExtras | null = null,
  ) {}

  get rep(): Rep {
    return this.seat.rep;
  }
  get measure(): string {
    return this.seat.measure;
  }
  get rule(): MeasureRule {
    return this.seat.rule;
  }
  get team(): boolean {
    return this.seat.team;
  }
  get quota(): Ratio | null {
    return this.terms.quota;
  }
  get ramp(): Ratio | null {
    return this.terms.ramp;
  }
  get quotaSource(): PeriodQuota["source"] {
    return this.terms.source;
  }
  get target(): Ratio {
    return this.terms.target;
  }
  get proration(): Ratio {
    return this.terms.proration;
  }
  get ytd(): PayoutLine["ytd"] {
    return this.extras?.ytd;
  }
  get linked(): Ratio | null | undefined {
    return this.extras?.linked;
  }
  get guarantee(): Decimal | undefined {
    return this.extras?.guarantee;
  }
  get components(): PayoutLine["components"] {
    return this.extras?.components;
  }

  get payout(): Decimal {
    return (this.payoutValue ??= fromMinor(this.minor, minorUnits(this.seat.rep.currency)));
  }

  /** actual ÷ quota (year to date on a cumulative plan); null without a quota. */
  get attainment(): Ratio | null {
    if (this.attainmentValue === undefined) {
      const ytd = this.extras?.ytd;
      const actual = ytd ? ytd.actual : this.actual;
      const quota = ytd ? ytd.quota : this.terms.quota;
      this.attainmentValue =
        this.extras?.weightedAttainment ??
        (quota === null || actual === null || quota.num.isZero()
          ? null
          : { num: actual.times(quota.den), den: quota.num });
    }
    return this.attainmentValue;
  }
}

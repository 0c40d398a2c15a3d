import type { Decimal } from "../decimal";
import type { EngineIssue } from "../issues";
import { DEFAULT_CLIFF_MONTHS, DEFAULT_VESTING_FREQUENCY, DEFAULT_VESTING_YEARS, type Offer } from "./types";

/** What the offer leaves open, in the terms the candidate needs to hear. */
export interface OpenQuestionsContext {
  /** The most the bonus pays, as a multiple of target variable; null = uncapped. */
  readonly capMultiple: Decimal | null;
  /** Attainment where the cap is reached. */
  readonly capAttainment: Decimal | null;
  /** Cap × target variable, rounded, in the result's currency. */
  readonly maxVariable: Decimal | null;
  readonly currency: string;
}

const pct = (x: Decimal): string => `${x.times(100).toDecimalPlaces(1).toString()}%`;
const amount = (x: Decimal): string =>
  x.toNumber().toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/**
 * Warnings naming the Offers row for what a candidate should still ask before
 * accepting: the bonus structure, the attainment the org really reaches, the
 * vesting terms, the cap on the upside, and whether a draw is recoverable.
 */
export function openQuestions(offer: Offer, ctx: OpenQuestionsContext): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const warn = (column: string, message: string) =>
    issues.push({ severity: "Warning", source: offer.source, column, message: `Offer ${offer.name}: ${message}` });

  if (offer.plan === null && offer.targetVariable.gt(0)) {
    warn(
      "Plan",
      "no Plan given, so the bonus is modelled as 1.0× target variable per 100% of quota, from 0% and uncapped. Ask for the bonus structure: accelerators, caps, thresholds.",
    );
  }
  if (offer.expectedAttainment === null && offer.targetVariable.gt(0)) {
    warn(
      "ExpectedAttainment",
      "no ExpectedAttainment, so 100% of quota is assumed. Ask what share of quota the org reached last year: at 70% the bonus pays far less than the OTE suggests.",
    );
  }
  if (offer.equityValue.gt(0) && (offer.vestingYears === null || offer.cliffMonths === null)) {
    const missing = [
      offer.vestingYears === null ? "VestingYears" : null,
      offer.cliffMonths === null ? "CliffMonths" : null,
    ]
      .filter((x) => x !== null)
      .join(" and ");
    const years = offer.vestingYears ?? DEFAULT_VESTING_YEARS;
    const cliff = offer.cliffMonths ?? Math.min(DEFAULT_CLIFF_MONTHS, years * 12);
    const frequency = (offer.vestingFrequency ?? DEFAULT_VESTING_FREQUENCY).toLowerCase();
    warn(
      "EquityValue",
      `the equity grant has no ${missing}; assumed ${years} years with a ${cliff}-month cliff, vesting ${frequency}. Ask about vesting: schedule, cliff, and what happens to unvested equity if you leave.`,
    );
  }
  if (ctx.capMultiple !== null && ctx.capAttainment !== null && offer.targetVariable.gt(0)) {
    const most = ctx.maxVariable === null ? "" : ` (${ctx.currency} ${amount(ctx.maxVariable)} a year)`;
    warn(
      "Plan",
      `upside is capped at ${ctx.capMultiple.toDecimalPlaces(4).toString()}× target variable${most}, reached at ${pct(ctx.capAttainment)} attainment: a great year pays no more than that.`,
    );
  }
  if (offer.draw !== null && offer.draw.gt(0) && offer.drawType === null) {
    warn(
      "Draw",
      "the Draw does not say whether it is recoverable; it is taken as recoverable, which moves pay earlier but adds nothing. Ask whether the draw is recoverable.",
    );
  }
  return issues;
}

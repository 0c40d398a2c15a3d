import { minorUnits } from "../exact/rounding";
import type { Decimal } from "../decimal";
import type { EngineIssue } from "../issues";
import type { Plan } from "../types";
import type { OfferAttainment } from "./attainment";
import {
  DEFAULT_CLIFF_MONTHS,
  DEFAULT_VESTING_FREQUENCY,
  DEFAULT_VESTING_YEARS,
  type Offer,
  type SpreadHistory,
} from "./types";

/** What the offer leaves open, in the terms the candidate needs to hear. */
export interface OpenQuestionsContext {
  /** The most the bonus pays, as a multiple of target variable; null = uncapped. */
  readonly capMultiple: Decimal | null;
  /** Attainment where the cap is reached. */
  readonly capAttainment: Decimal | null;
  /** Cap × target variable, rounded, in the result's currency. */
  readonly maxVariable: Decimal | null;
  readonly currency: string;
  /** The offer's plan (null = none); with `attainment`, says why a ShareAtQuota was not used. */
  readonly plan: Plan | null;
  readonly attainment: Pick<OfferAttainment, "spread" | "spreadSource" | "spreadHistory" | "shareAtQuotaNotUsed">;
}

const pct = (x: Decimal): string => `${x.times(100).toDecimalPlaces(1).toString()}%`;
/** Money in a warning, to the currency's minor unit: "168,187.50", never "168,187.5". */
const amount = (x: Decimal, currency: string): string => {
  const digits = minorUnits(currency);
  return x.toNumber().toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

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
  if (ctx.attainment.shareAtQuotaNotUsed) {
    const { plan } = ctx;
    const why =
      plan === null
        ? "the offer has no Plan saying the bonus is on the candidate's own quota"
        : `plan ${plan.name} has a Team-basis measure`;
    warn(
      "ShareAtQuota",
      `ShareAtQuota is the share of individual reps at quota: it describes one rep's spread, not the org's, whose attainment varies far less from year to year. As ${why}, ShareAtQuota is not used; the spread used is ${spreadWords(ctx.attainment)}. Give StdDev for the year-to-year spread of the org's attainment.`,
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
    const most = ctx.maxVariable === null ? "" : ` (${ctx.currency} ${amount(ctx.maxVariable, ctx.currency)} a year)`;
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

/** "the org's year-to-year spread in AttainmentHistory 2023–2025, 8.2%", "the default org spread, 10%". */
function spreadWords(a: { readonly spread: Decimal; readonly spreadHistory: SpreadHistory | null }): string {
  const h = a.spreadHistory;
  return h === null
    ? `the default org spread, ${pct(a.spread)}`
    : `the org's year-to-year spread in AttainmentHistory ${h.firstYear}–${h.lastYear}, ${pct(a.spread)}`;
}

import { DEFAULT_ORG_SPREAD, assertNever, type OfferResult } from "../../engine";
import { spreadSourceText } from "../../workbook/render/offers";
import { formatPercent } from "./format";

/** The attainment spread an offer was valued with, as the pane shows it next to the realistic figures. */
export interface SpreadWords {
  /** The spread and Results_Offers' SpreadSource: "±12% (StdDev)", "±6.2% (Org history 2023–2025)". */
  readonly text: string;
  /** What the spread is and where it came from, for a tooltip. */
  readonly tooltip: string;
}

const ORG =
  "The year-to-year spread of the org's attainment around the expected attainment (one standard deviation): it sets P10, P90 and the chance of OTE.";

/** The spread, where it came from in the words of Results_Offers' SpreadSource column, and a tooltip. */
export function spreadWords(r: Pick<OfferResult, "spread" | "spreadSource" | "spreadHistory">): SpreadWords {
  return { text: `±${formatPercent(r.spread)} (${spreadSourceText(r)})`, tooltip: spreadTooltip(r) };
}

function spreadTooltip(r: Pick<OfferResult, "spreadSource" | "spreadHistory">): string {
  switch (r.spreadSource) {
    case "StdDev":
      return `${ORG} As the offer's StdDev gives it.`;
    case "None":
      return "StdDev 0: the org reaches exactly the expected attainment every year.";
    case "ShareAtQuota":
      return "One rep's spread around the expected attainment (one standard deviation), from the share of reps at quota: the plan pays on the candidate's own results.";
    case "AttainmentHistory":
      // spreadHistory is set whenever the spread came from AttainmentHistory.
      return `${ORG} Measured in AttainmentHistory over ${r.spreadHistory!.years} plan years, as the offer gives no StdDev.`;
    case "Default":
      return `${ORG} The offer gives no StdDev and AttainmentHistory has fewer than 2 plan years: ${formatPercent(DEFAULT_ORG_SPREAD)} is assumed.`;
    default:
      return assertNever(r.spreadSource);
  }
}

import { DEFAULT_ORG_SPREAD, type OfferResult } from "../../engine/offers";
import { formatPercent } from "./format";

/** The attainment spread an offer was valued with, as the pane shows it next to the realistic figures. */
export interface SpreadWords {
  /** "±12% (StdDev)", "±6.2% (org history 2023–2025)", "±10% (default)", "none (StdDev 0)". */
  readonly text: string;
  /** What the spread is and where it came from, for a tooltip. */
  readonly tooltip: string;
}

const ORG =
  "The year-to-year spread of the org's attainment around the expected attainment (one standard deviation): it sets P10, P90 and the chance of OTE.";

/** Where the spread came from, in the words of Results_Offers' SpreadSource column. */
export function spreadWords(r: Pick<OfferResult, "spread" | "spreadSource" | "spreadHistory">): SpreadWords {
  const pm = `±${formatPercent(r.spread)}`;
  switch (r.spreadSource) {
    case "StdDev":
      return { text: `${pm} (StdDev)`, tooltip: `${ORG} As the offer's StdDev gives it.` };
    case "None":
      return {
        text: "none (StdDev 0)",
        tooltip: "StdDev 0: the org reaches exactly the expected attainment every year.",
      };
    case "ShareAtQuota":
      return {
        text: `${pm} (ShareAtQuota)`,
        tooltip:
          "One rep's spread around the expected attainment (one standard deviation), from the share of reps at quota: the plan pays on the candidate's own results.",
      };
    case "AttainmentHistory": {
      const h = r.spreadHistory;
      const years = h === null ? "" : ` ${h.firstYear}–${h.lastYear}`;
      const measured = h === null ? "" : ` over ${h.years} plan years`;
      return {
        text: `${pm} (org history${years})`,
        tooltip: `${ORG} Measured in AttainmentHistory${measured}, as the offer gives no StdDev.`,
      };
    }
    case "Default":
      return {
        text: `${pm} (default)`,
        tooltip: `${ORG} The offer gives no StdDev and AttainmentHistory has fewer than 2 plan years: ${formatPercent(DEFAULT_ORG_SPREAD)} is assumed.`,
      };
  }
}

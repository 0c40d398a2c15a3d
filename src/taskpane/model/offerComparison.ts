import type { Decimal, BreakEven, Offer, OfferResult } from "../../engine";
import { nameKey } from "../../workbook/parse/names";
import { formatPercent } from "./format";
import { valueOffers, type OfferContext } from "./offerEvaluation";

/** Side by side stays readable in a 320 px pane up to this many offers. */
export const MAX_COMPARED = 4;

/** An offer the comparison can include: the unsaved form first, then the workbook's Offers rows. */
export interface OfferChoice {
  readonly name: string;
  readonly fromForm: boolean;
  readonly offer: Offer;
}

/** The form's offer replaces a workbook row of the same name (it is that row, edited). */
export function offerChoices(ctx: OfferContext, draft: Offer | null): OfferChoice[] {
  const rows = ctx.workbookOffers
    .filter((o) => draft === null || nameKey(o.name) !== nameKey(draft.name))
    .map((offer) => ({ name: offer.name, fromForm: false, offer }));
  return draft ? [{ name: draft.name, fromForm: true, offer: draft }, ...rows] : rows;
}

/** One pair's break-even in words. */
export interface PairBreakEven {
  readonly first: string;
  readonly second: string;
  readonly text: string;
}

export interface OfferComparison {
  readonly currency: string;
  readonly results: readonly OfferResult[];
  readonly breakEvens: readonly PairBreakEven[];
}

/** Values the chosen offers together (break-evens need them in one evaluation), in choice order. */
export function compareOffers(ctx: OfferContext, chosen: readonly OfferChoice[]): OfferComparison {
  const offers = chosen.slice(0, MAX_COMPARED).map((c) => c.offer);
  const { results } = valueOffers(offers, ctx);
  const breakEvens = results.flatMap((r) =>
    r.breakEvens.map((b) => ({ first: r.offer.name, second: b.other, text: breakEvenWords(r.offer.name, b) })),
  );
  return { currency: ctx.settings.reportingCurrency, results, breakEvens };
}

const at = (a: Decimal) => formatPercent(a, 1);

/** The attainment range the engine searches break-evens over (its BREAK_EVEN_LIMIT), in the pane's locale. */
const everywhere = () => `from ${formatPercent(0)} to ${formatPercent(3)}`;

/**
 *   "equal at 92% attainment; above it, Late-stage pays more"
 *   "Growth pays more at every attainment from 0% to 300%"
 */
export function breakEvenWords(first: string, b: BreakEven): string {
  if (b.kind === "identical") return `they pay the same at every attainment ${everywhere()}`;
  const below = b.aheadBelow === "other" ? b.other : first;
  if (b.kind === "none" || b.at.length === 0)
    return b.aheadBelow === "tie"
      ? `they pay the same at every attainment ${everywhere()}`
      : `${below} pays more at every attainment ${everywhere()}`;
  // The better offer changes at each break-even: after an odd number of them the other one leads.
  const other = below === first ? b.other : first;
  const above = b.at.length % 2 === 1 ? other : below;
  const points = b.at.map(at);
  const list = points.length > 1 ? `${points.slice(0, -1).join(", ")} and ${points[points.length - 1]}` : points[0];
  const last = points.length > 1 ? `above ${points[points.length - 1]}` : "above it";
  return `equal at ${list} attainment; ${last}, ${above} pays more`;
}

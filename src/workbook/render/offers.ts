import { assertNever, type Decimal, type BreakEven, type OfferResult } from "../../engine";
import type { ChartSpec, ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num, percentText } from "./cells";
import { payMix } from "./summary";

export const OFFERS_SHEET = "Results_Offers";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Offer", format: "text" },
  { header: "Currency", format: "text" },
  { header: "Base", format: "money" },
  { header: "Target variable", format: "money" },
  { header: "OTE", format: "money" },
  { header: "Pay mix", format: "text" },
  { header: "Expected attainment", format: "percent" },
  { header: "Attainment spread", format: "percent" },
  { header: "Spread source", format: "text", width: 28 },
  { header: "Expected variable", format: "money" },
  { header: "Steady-state expected", format: "money" },
  { header: "P10", format: "money" },
  { header: "P50", format: "money" },
  { header: "P90", format: "money" },
  { header: "P(reach OTE)", format: "percent" },
  { header: "Gap to OTE", format: "money" },
  { header: "Gap %", format: "percent" },
  { header: "Year-one expected", format: "money" },
  { header: "Equity per year", format: "money" },
  { header: "One-year total", format: "money" },
  { header: "Four-year total", format: "money" },
  { header: "Break-even", format: "text", width: 60 },
];

const column = (header: string): number => COLUMNS.findIndex((c) => c.header === header);

/** The three parts of a year's pay the chart stacks, per offer. */
const STACKED = [
  ["Base", "Base"],
  ["Expected variable", "Expected variable"],
  ["Equity per year", "Equity per year"],
] as const;

/**
 * Results_Offers: the offers side by side, one row each — what the letter says
 * (OTE), what the org's real attainment makes of it (expected, P10/P50/P90,
 * the chance of reaching OTE, the gap, and the attainment spread behind them), year one, equity, one- and four-year
 * totals, and where each pair of offers breaks even — with a stacked bar of
 * base, expected variable and equity per year.
 */
export function offersSheet(result: readonly OfferResult[], subtitle: string): SheetSpec {
  const rows: SpecCell[][] = result.map((r) => [
    r.offer.name,
    r.currency,
    num(r.base),
    num(r.targetVariable),
    num(r.ote),
    payMix(r.base, r.targetVariable),
    num(r.expectedAttainment),
    num(r.spread),
    spreadSourceText(r),
    num(r.expectedVariable),
    num(r.steadyStateExpected),
    num(r.p10),
    num(r.p50),
    num(r.p90),
    num(r.probReachOte),
    num(r.gapToOte),
    num(r.gapPct),
    num(r.yearOne.cash),
    num(r.equity.perYear),
    num(r.oneYearTotal),
    num(r.fourYearTotal),
    r.breakEvens.map(breakEvenText).join("; "),
  ]);
  const charts: ChartSpec[] =
    rows.length === 0
      ? []
      : [
          {
            kind: "stackedBar",
            title: "Expected pay per year by offer (steady state)",
            xTitle: "Offer",
            yTitle: `Per year (${result[0].currency})`,
            series: STACKED.map(([name, header]) => ({
              name,
              xColumn: column("Offer"),
              yColumn: column(header),
              firstRow: 0,
              lastRow: rows.length - 1,
            })),
          },
        ];
  return {
    name: OFFERS_SHEET,
    title: "Offers: what each is realistically worth",
    subtitle: [subtitle, ...conversionNotes(result)].join(" · "),
    columns: COLUMNS,
    rows,
    charts,
  };
}

/**
 * One pair's break-even as the candidate reads it, on the row of the offer listed first:
 *   "Even with Late-stage director at 92% attainment (above it, Late-stage director pays more)"
 *   "Even with Current job: none in 0–300% (this offer pays more throughout)"
 * (Words, not "=": a cell that begins with "=" reads as a formula in a spreadsheet, and CSV had to mark it as text.)
 */
export function breakEvenText(b: BreakEven): string {
  const who = (side: "this" | "other") => (side === "this" ? "this offer" : b.other);
  if (b.kind === "identical") return `Even with ${b.other} at every attainment in 0–300%`;
  if (b.kind === "none" || b.at.length === 0)
    return `Even with ${b.other}: none in 0–300% (${who(b.aheadBelow === "other" ? "other" : "this")} pays more throughout)`;
  // The better offer changes at each break-even: after an odd number of them the other side leads.
  const below = b.aheadBelow === "other" ? "other" : "this";
  const above = b.at.length % 2 === 1 ? (below === "this" ? "other" : "this") : below;
  const texts = b.at.map(percentText);
  const points = texts.length > 1 ? `${texts.slice(0, -1).join(", ")} and ${texts[texts.length - 1]}` : texts[0];
  const last = b.at.length > 1 ? ` ${percentText(b.at[b.at.length - 1])}` : " it";
  return `Even with ${b.other} at ${points} attainment (above${last}, ${who(above)} pays more)`;
}

/**
 * Where the attainment spread came from, for the SpreadSource column (and,
 * after the spread, in the task pane): "StdDev", "StdDev 0", "ShareAtQuota (individual plan)",
 * "Org history 2023–2025", "Default" (the spread itself is in the column before).
 */
export function spreadSourceText(r: Pick<OfferResult, "spreadSource" | "spreadHistory">): string {
  switch (r.spreadSource) {
    case "StdDev":
      return "StdDev";
    case "None":
      return "StdDev 0";
    case "ShareAtQuota":
      return "ShareAtQuota (individual plan)";
    case "AttainmentHistory":
      // spreadHistory is set whenever the spread came from AttainmentHistory.
      return `Org history ${r.spreadHistory!.firstYear}–${r.spreadHistory!.lastYear}`;
    case "Default":
      return "Default";
    default:
      return assertNever(r.spreadSource);
  }
}

/** Offers in another currency are shown converted; say at what rate. */
function conversionNotes(result: readonly OfferResult[]): string[] {
  const seen = new Map<string, Decimal>();
  for (const r of result)
    if (r.offer.currency.toUpperCase() !== r.currency.toUpperCase()) seen.set(r.offer.currency, r.fxRate);
  if (seen.size === 0) return [];
  const currency = result[0].currency;
  const rates = [...seen].map(([c, rate]) => `${c} at ${rate.toString()} ${currency}`).join(", ");
  return [`Amounts in ${currency}; offers in other currencies converted at the Settings rate (${rates})`];
}

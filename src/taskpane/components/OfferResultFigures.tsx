import type { OfferResult } from "../../engine";
import { formatMoney, formatPercent } from "../model/format";
import { FigureGrid, type Figure } from "./FigureGrid";
import { OfferSpread } from "./OfferSpread";

/** "$15,000 below OTE (10%)", "$30,000 above OTE", "on OTE". */
export function gapWords(r: OfferResult): string {
  if (r.gapToOte.isZero()) return "exactly OTE";
  const pct = r.gapPct === null ? "" : ` (${formatPercent(r.gapPct.abs())})`;
  return `${formatMoney(r.gapToOte.abs(), r.currency)} ${r.gapToOte.isPos() ? "below" : "above"} OTE${pct}`;
}

/** What the offer is realistically worth, in the reporting currency. */
export function OfferResultFigures({ result: r }: { result: OfferResult }) {
  const money = (v: Parameters<typeof formatMoney>[0]) => formatMoney(v, r.currency);
  const figures: Figure[] = [
    { label: "OTE (the letter)", value: money(r.ote), testId: "offer-ote" },
    {
      label: "Realistic, per year",
      value: money(r.steadyStateExpected),
      note: (
        <>
          at {formatPercent(r.expectedAttainment)} attainment,{" "}
          <OfferSpread result={r} prefix="spread " testId="offer-spread" />
        </>
      ),
      tone: "strong",
      testId: "offer-expected",
    },
    {
      label: "Gap to OTE",
      value: r.gapToOte.isZero() ? "none" : money(r.gapToOte.abs()),
      note:
        r.gapPct === null || r.gapToOte.isZero()
          ? undefined
          : `${formatPercent(r.gapPct.abs())} ${r.gapToOte.isPos() ? "below" : "above"} OTE`,
      tone: r.gapToOte.isPos() ? "warn" : undefined,
      testId: "offer-gap",
    },
    { label: "Chance of OTE", value: formatPercent(r.probReachOte, 0), testId: "offer-prob" },
    { label: "P10 / bad year", value: money(r.p10) },
    { label: "P50 / typical", value: money(r.p50) },
    { label: "P90 / great year", value: money(r.p90) },
    { label: "Year one cash", value: money(r.yearOne.cash), note: "ramp, guarantee, sign-on", testId: "offer-year1" },
    { label: "Equity per year", value: money(r.equity.perYear) },
    { label: "4-year total", value: money(r.fourYearTotal), note: "cash + equity vested", testId: "offer-4y" },
  ];
  return <FigureGrid figures={figures} />;
}

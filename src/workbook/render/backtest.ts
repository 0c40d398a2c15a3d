import { variableMoney, type Decimal, type Backtest } from "../../engine";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num, percentText } from "./cells";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Plan", format: "text" },
  { header: "Currency", format: "text" },
  { header: "Actual attainment", format: "percent" },
  { header: "Actual variable", format: "money" },
  { header: "Predicted P10", format: "money" },
  { header: "Predicted P50", format: "money" },
  { header: "Predicted P90", format: "money" },
  { header: "In band", format: "text" },
];

function years(list: readonly number[]): string {
  return list.length === 1 ? String(list[0]) : `${list[0]}–${list[list.length - 1]}`;
}

/** The backtest in one sentence: what was predicted, what happened, and the band's coverage. */
export function describeBacktest(b: Backtest): string {
  const coverage =
    b.coverage === null
      ? "no rep of the last year is on an individual plan in Reps to score"
      : `${b.reps.filter((r) => r.band === "Inside").length} of ${b.reps.length} reps' actual pay (${percentText(b.coverage)}) fell inside the predicted P10–P90 band (well calibrated ≈ 80%)`;
  return (
    `Backtest: fitted on ${years(b.fitYears)}, scored on ${b.testYear} (${b.testRepYears} rep-years): ` +
    `share of reps at quota predicted ${percentText(b.predictedShareAtQuota)}, actual ${percentText(b.actualShareAtQuota)}; ` +
    `mean attainment predicted ${percentText(b.predictedMeanAttainment)}, actual ${percentText(b.actualMeanAttainment)}; ${coverage}.`
  );
}

/**
 * Results_Backtest: the realistic model fitted on the earlier years of
 * AttainmentHistory and scored on the last — for each rep of the last year,
 * what the current plan paid on their actual periods against the predicted
 * P10–P90 band. The summary figures are the subtitle's.
 */
export function backtestSheet(b: Backtest, subtitleText: string): SheetSpec {
  const rows: SpecCell[][] = b.reps.map((r) => {
    const money = (m: Decimal) => num(variableMoney(r.rep, m));
    return [
      r.rep.id,
      r.rep.name,
      r.plan.name,
      r.rep.currency,
      num(r.actualAttainment),
      money(r.actualMultiple),
      money(r.p10),
      money(r.p50),
      money(r.p90),
      r.band,
    ];
  });
  return {
    name: "Results_Backtest",
    title: "Backtest: would the realistic model have predicted last year?",
    subtitle: `${subtitleText} · ${describeBacktest(b)}`,
    columns: COLUMNS,
    rows,
  };
}

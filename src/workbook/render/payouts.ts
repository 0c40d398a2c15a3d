import { minorUnits, toNumber, type PayoutLine, type ScenarioResult, type Ratio } from "../../engine";
import { rowsArray, type ColumnSpec, type SheetSpec, type SpecCell, type StreamedSheet } from "../types";
import { minorNum, money, num, ratioNum, ratioParts, sharedNum } from "./cells";
import { nestedRows } from "./rows";

/** actual ÷ quota for display; a year-to-date or weighted line's own fraction. */
function attainmentNum(l: PayoutLine, actual: number | null): number | null {
  if (l.ytd || l.components || actual === null || l.quota === null) return l.attainment ? ratioNum(l.attainment) : null;
  // actual × den ÷ num, one division last: with whole amounts (below 2^53) that is the double nearest the exact
  // attainment — 36% reads 0.36, where actual ÷ (num ÷ den) rounded twice and read 0.36000000000000004.
  const [num, den] = ratioParts(l.quota);
  return num === 0 ? null : (actual * den) / num;
}

/**
 * Payout ÷ target incentive; on a cumulative line the year-to-date multiple
 * (YTD earned ÷ YTD target), since its Payout is the period's true-up and may
 * be negative while the curve's multiple never is.
 */
function payoutMultiple(l: PayoutLine, target: number): number | null {
  if (l.ytd) {
    const ytdTarget = ratioNum(l.ytd.target);
    return ytdTarget === 0 ? null : toNumber(l.ytd.earned) / ytdTarget;
  }
  if (target === 0) return null;
  // minor × den ÷ (num × 10^digits), one division last: 6,000 on a target of 20,000 ÷ 3 reads 0.9, where
  // 6,000 ÷ 6,666.666… rounded twice and read 0.8999999999999999.
  const [num, den] = ratioParts(l.target);
  return (Number(l.minor) * den) / (num * 10 ** minorUnits(l.rep.currency));
}

/** A row of Results_Payouts from the cells it has, by column header; every other column blank. */
function byHeader(cells: Readonly<Record<string, SpecCell>>): SpecCell[] {
  return PAYOUT_COLUMNS.map((c) => cells[c.header] ?? null);
}

type PayoutComponent = NonNullable<PayoutLine["components"]>[number];

/** Base commission rate: target incentive ÷ quota (display). */
function bcr(target: Ratio, quota: Ratio): number {
  // (tn ÷ td) ÷ (qn ÷ qd) as (tn × qd) ÷ (td × qn): one division, so 10,000 ÷ 100,000 reads 0.1.
  const [tn, td] = ratioParts(target);
  const [qn, qd] = ratioParts(quota);
  return (tn * qd) / (td * qn);
}

export const PAYOUT_COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Plan", format: "text" },
  { header: "Period", format: "text" },
  { header: "Measure", format: "text" },
  { header: "Currency", format: "text" },
  { header: "Quota", format: "money" },
  { header: "Actual", format: "money" },
  { header: "Attainment", format: "precisePercent" },
  { header: "Target incentive", format: "money" },
  { header: "BCR", format: "precisePercent" },
  { header: "Rate", format: "multiple" },
  { header: "Payout multiple", format: "multiple" },
  { header: "Payout", format: "money" },
  { header: "Gate", format: "text" },
  { header: "Cap", format: "text" },
  { header: "Basis", format: "text" },
  { header: "Ramp %", format: "percent" },
  { header: "Proration", format: "percent" },
  { header: "YTD quota", format: "money" },
  { header: "YTD actual", format: "money" },
  { header: "YTD earned", format: "money" },
  { header: "Guarantee", format: "money" },
  { header: "Weight", format: "percent" },
];

/**
 * Results_Payouts: one row per scenario × rep × period × measure. A
 * weighted-attainment plan pays one "Weighted" line per period, followed by
 * one row per measure with its quota, actual, attainment and weight (payout
 * blank: the measures are paid together, on the weighted line).
 */
export function payoutsSheet(scenarios: readonly ScenarioResult[], subtitleText: string): SheetSpec {
  const sheet = payoutsStreamed(scenarios, subtitleText);
  return { ...sheet, rows: rowsArray(sheet.rows) };
}

/** Results_Payouts with its rows made as they are written (the CLI's streaming writer). */
export function payoutsStreamed(scenarios: readonly ScenarioResult[], subtitleText: string): StreamedSheet {
  return {
    name: "Results_Payouts",
    title: "Payouts by rep, period and measure",
    subtitle: subtitleText,
    columns: PAYOUT_COLUMNS,
    // A weighted-attainment line is explained by its measures: one row each, payout blank, right below it.
    rows: nestedRows(
      scenarios,
      (s) => s.lines,
      (l) => 1 + (l.components?.length ?? 0),
      (s, l, part) => (part === 0 ? lineRow(s, l) : componentRow(s, l, l.components![part - 1])),
    ),
  };
}

function lineRow(s: ScenarioResult, l: PayoutLine): SpecCell[] {
  const target = ratioNum(l.target);
  const payout = minorNum(l.minor, minorUnits(l.rep.currency));
  // An MBO line has a score, not a quota and credited money: its Attainment column says it all.
  const scored = l.quotaSource === "Score";
  const actual = l.actual === null || scored ? null : toNumber(l.actual);
  return [
    s.name,
    l.rep.id,
    l.rep.name,
    l.rep.plan,
    l.period.key,
    l.measure,
    l.rep.currency,
    l.quota && !scored ? money(l.quota) : null,
    actual,
    scored ? (l.attainment ? ratioNum(l.attainment) : null) : attainmentNum(l, actual),
    money(l.target),
    l.quota && !scored && !l.quota.num.isZero() ? bcr(l.target, l.quota) : null,
    sharedNum(l.rate),
    payoutMultiple(l, target),
    payout,
    l.gated ? "Below threshold" : null, // blank, not empty text: COUNTA and filters see only flagged lines
    l.capped,
    l.team ? "Team" : scored ? "Score" : "Individual",
    l.ramp ? ratioNum(l.ramp) : null,
    ratioNum(l.proration),
    l.ytd && !scored ? money(l.ytd.quota) : null,
    l.ytd && !scored ? num(l.ytd.actual) : null,
    l.ytd ? num(l.ytd.earned) : null,
    l.guarantee ? num(l.guarantee) : null,
    null,
  ];
}

/**
 * One measure of a weighted-attainment line: its quota, actual, attainment and
 * weight. An MBO measure shows its score as the Attainment and no Quota or
 * Actual, as an MBO line does (its "quota" is 1 and its "actual" the score).
 */
function componentRow(s: ScenarioResult, l: PayoutLine, c: PayoutComponent): SpecCell[] {
  const basis = s.plans.get(l.rep.plan)?.measures.find((m) => m.measure === c.measure)?.basis;
  const scored = basis === "Score";
  return byHeader({
    Scenario: s.name,
    RepID: l.rep.id,
    Name: l.rep.name,
    Plan: l.rep.plan,
    Period: l.period.key,
    Measure: c.measure,
    Currency: l.rep.currency,
    Quota: scored ? null : money(c.quota),
    Actual: scored ? null : toNumber(c.actual),
    Attainment: c.attainment ? ratioNum(c.attainment) : null,
    Basis: basis === "Team" ? "Team" : scored ? "Score" : "Individual",
    Proration: ratioNum(l.proration),
    Weight: toNumber(c.weight),
  });
}

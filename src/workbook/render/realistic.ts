import {
  variableMoney,
  assertNever,
  type Decimal,
  type AssumptionSource,
  type RealisticScenario,
  type SwingAssumption,
  type DistributionSpec,
} from "../../engine";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num, percentText } from "./cells";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "Assumption", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Plan", format: "text" },
  { header: "Currency", format: "text" },
  { header: "OTE", format: "money" },
  { header: "Attainment basis", format: "text" },
  { header: "Over-assignment (paid on)", format: "percent" },
  { header: "Period spread", format: "percent" },
  { header: "Expected attainment", format: "percent" },
  { header: "Expected variable", format: "money" },
  { header: "Expected total", format: "money" },
  { header: "% of OTE", format: "percent" },
  { header: "Gap to OTE", format: "money" },
  { header: "P10", format: "money" },
  { header: "P50", format: "money" },
  { header: "P90", format: "money" },
  { header: "P(reach OTE)", format: "percent" },
  { header: "P(at or above quota)", format: "percent" },
  { header: "Method", format: "text" },
];

/** "Normal, mean 70%, 25% at quota": the scenario's attainment assumption in words. */
export function describeAssumption(spec: DistributionSpec): string {
  switch (spec.kind) {
    case "Flat":
      return `Flat ${percentText(spec.attainment)}`;
    case "Historical":
      return `Historical (${spec.scope.toLowerCase()})`;
    case "Normal":
    case "LogNormal": {
      const spread = spec.stdDev
        ? `sd ${percentText(spec.stdDev)}`
        : spec.shareAtQuota
          ? `${percentText(spec.shareAtQuota)} at quota`
          : "";
      return `${spec.kind}, mean ${percentText(spec.mean)}${spread ? `, ${spread}` : ""}`;
    }
    default:
      return assertNever(spec);
  }
}

const GRAIN: Record<number, string> = { 1: "year", 2: "half", 4: "quarter", 12: "month" };

/** Where an assumption came from, in the words of the sheet. */
export const SOURCE_WORDS: Record<AssumptionSource, string> = {
  Scenario: "stated",
  AttainmentHistory: "from AttainmentHistory",
  Default: "default",
};

/** "periods ±19.0% per quarter around the year's level (from AttainmentHistory)": the period swing in words. */
function describeSwing(s: SwingAssumption): string {
  if (s.spread.isZero()) return "no period swing";
  const per = s.periodsPerYear === null ? "per period" : `per ${GRAIN[s.periodsPerYear] ?? "period"}`;
  // The correlation's own source when it differs from the spread's ("stated; correlation −59.9% from AttainmentHistory").
  const corr = s.correlation.isZero()
    ? ""
    : s.correlationSource === s.source
      ? `, correlation ${percentText(s.correlation)}`
      : `; correlation ${percentText(s.correlation)} ${SOURCE_WORDS[s.correlationSource]}`;
  return `periods ±${percentText(s.spread)} ${per} around the year's level (${SOURCE_WORDS[s.source]}${corr})`;
}

/** The full assumption of a realistic scenario: year level, period swing, team correlation. */
export function describeRealistic(s: RealisticScenario): string {
  const parts = [describeAssumption(s.spec)];
  // Said only where it is used: a flat scenario has neither; an annual plan has no periods to swing.
  if (s.spec.kind !== "Flat" && s.reps.some((r) => r.periods > 1)) parts.push(describeSwing(s.swing));
  if (s.spec.kind !== "Flat" && s.reps.some((r) => r.team !== null))
    parts.push(
      `team members correlated ${percentText(s.teamCorrelation.value)} (${SOURCE_WORDS[s.teamCorrelation.source]})`,
    );
  return parts.join("; ");
}

/**
 * Results_Realistic: what each rep will realistically earn under each
 * scenario's attainment assumption — expected pay, the P10/P50/P90 range and
 * the chance of reaching OTE. A rep's year level comes from the scenario's
 * distribution (a leader's from the team's), and each period swings around
 * it on the plan's own period terms. Totals are base + variable on a full
 * year in the rep's currency, to the cent.
 */
export function realisticSheet(scenarios: readonly RealisticScenario[], subtitleText: string): SheetSpec {
  const rows: SpecCell[][] = [];
  for (const s of scenarios) {
    const assumption = describeRealistic(s);
    for (const r of s.reps) {
      const { rep, outcome } = r;
      const tv = rep.targetVariable;
      const ote = rep.base.plus(tv);
      const money = (m: Decimal) => variableMoney(rep, m);
      const variable = money(outcome.expectedMultiple);
      const total = rep.base.plus(variable);
      rows.push([
        s.name,
        assumption,
        rep.id,
        rep.name,
        r.plan.name,
        rep.currency,
        num(ote),
        r.team === null ? "Individual" : `Team of ${r.team.members}`,
        r.team === null ? null : num(r.team.overAssignment),
        r.periods > 1 ? num(r.swing.spread) : null,
        num(outcome.expectedAttainment),
        num(variable),
        num(total),
        ote.isZero() ? null : total.div(ote).toNumber(),
        num(ote.minus(total)),
        num(rep.base.plus(money(outcome.p10))),
        num(rep.base.plus(money(outcome.p50))),
        num(rep.base.plus(money(outcome.p90))),
        num(outcome.probAtOrAboveTarget),
        num(r.probAtOrAboveQuota),
        r.method === "exact" ? "Exact" : "Numerical",
      ]);
    }
  }
  return {
    name: "Results_Realistic",
    title: "Realistic earnings: what reps will really take home",
    subtitle: `${subtitleText} · a full year: each rep's level for the year from the scenario's distribution (a leader's from the team's), each period swinging around it; Exact = closed forms, Numerical = see docs/calculation.md`,
    columns: COLUMNS,
    rows,
  };
}

import { shareAtQuotaProblem } from "./cells/numbers";
import { Decimal, ONE, ZERO, assertNever, type DistributionSpec, type Scenario } from "../../engine";
import type { Issue, RawTable } from "../types";
import { choice } from "./cells/enums";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import { formatPercent, formatRows } from "./format";
import { mapColumns, type FieldSpec } from "./headers";
import { NameIndex } from "./names";
import { TableReader, type RowReader } from "./reader";

export const SCENARIOS_FIELDS: readonly FieldSpec[] = [
  { key: "scenario", name: "Scenario", aliases: ["Scenario Name", "Name"], required: true },
  { key: "attainment", name: "Attainment", aliases: ["Flat Attainment"] },
  { key: "distribution", name: "Distribution", aliases: ["Dist", "Attainment Distribution"] },
  { key: "mean", name: "Mean", aliases: ["Mean Attainment", "Average", "Average Attainment"] },
  { key: "stdDev", name: "StdDev", aliases: ["Std Dev", "Standard Deviation", "SD", "Sigma"] },
  {
    key: "shareAtQuota",
    name: "ShareAtQuota",
    aliases: ["Share At Quota", "Pct At Quota", "Percent At Quota", "Share Of Reps At Quota"],
  },
  { key: "scope", name: "Scope", aliases: ["History Scope"] },
  { key: "periodSpread", name: "PeriodSpread", aliases: ["Period Spread", "Period Swing", "Quarterly Spread"] },
  { key: "periodCorrelation", name: "PeriodCorrelation", aliases: ["Period Correlation", "Period Autocorrelation"] },
  { key: "teamCorrelation", name: "TeamCorrelation", aliases: ["Team Correlation", "Member Correlation"] },
  { key: "description", name: "Description", aliases: ["Notes", "Note"] },
];

const DISTRIBUTION = choice<"Flat" | "Historical" | "Normal" | "LogNormal">({
  Flat: ["Fixed"],
  Historical: ["History", "Empirical"],
  Normal: ["Gaussian"],
  LogNormal: ["Log Normal"],
});
const SCOPE = choice<"Org" | "Team" | "Rep">({
  Org: ["Organization", "Organisation", "Company", "All"],
  Team: [],
  Rep: ["Individual"],
});

/** The swing columns, read only with a Distribution: each with its inclusive bounds (fractions) for the message. */
const SWINGS = [
  { key: "periodSpread", min: ZERO, max: ONE },
  { key: "periodCorrelation", min: new Decimal("-0.9"), max: new Decimal("0.95") },
  { key: "teamCorrelation", min: ZERO, max: ONE },
] as const;
const SWING_KEYS = SWINGS.map((s) => s.key);

type Swings = Pick<Scenario, "periodSpread" | "periodCorrelation" | "teamCorrelation">;
const NO_SWINGS: Swings = { periodSpread: null, periodCorrelation: null, teamCorrelation: null };

export interface ScenariosRead {
  /** null when the workbook has no (readable) Scenarios table: scenario names used in Plans/Tiers then define scenarios. */
  readonly names: NameIndex | null;
  readonly scenarios: Scenario[];
}

/**
 * Scenarios: one row each, with the attainment assumption the realistic-pay
 * view uses. Blank assumption = actuals.
 */
export function readScenarios(table: RawTable | undefined, issues: Issue[]): ScenariosRead {
  if (!table) return { names: null, scenarios: [] };
  const names = new NameIndex();
  const scenarios: Scenario[] = [];
  const columns = mapColumns(table, SCENARIOS_FIELDS, issues);
  // Unreadable (already an Error): don't also fail every scenario name used in Plans and Tiers.
  if (!columns) return { names: null, scenarios };
  const firstRow = new Map<string, number>();
  for (const row of new TableReader(table, columns, issues).rows()) {
    const name = row.required("scenario", text);
    if (name !== null) {
      const canonical = names.add(name);
      const earlier = firstRow.get(canonical);
      if (earlier !== undefined)
        row.error(
          "scenario",
          `Scenario ${canonical} is listed twice (${formatRows([earlier, row.excelRow])}); keep one`,
        );
      else firstRow.set(canonical, row.excelRow);
    }
    const { assumption, swings } = readAssumption(row);
    const description = row.optional("description", text) ?? "";
    if (name !== null && !row.failed)
      scenarios.push({ name: names.get(name)!, assumption, description, ...swings, source: row.source });
  }
  return { names, scenarios };
}

function readAssumption(row: RowReader): { assumption: DistributionSpec | null; swings: Swings } {
  const attainment = row.optional("attainment", percent);
  const named = row.optional("distribution", DISTRIBUTION);
  const mean = row.optional("mean", percent);
  const stdDev = row.optional("stdDev", percent);
  const shareAtQuota = row.optional("shareAtQuota", percent);
  const scope = row.optional("scope", SCOPE);
  const kind = named ?? (attainment !== null ? "Flat" : null);
  const header = (key: string) => row.reader.header(key);
  const unused = (keys: string[], what: string) => {
    for (const k of keys) if (!row.blank(k)) row.warn(k, `${header(k)} is not used by ${what}`);
  };
  if (attainment !== null && attainment.lt(ZERO)) row.error("attainment", `${header("attainment")} can't be negative`);

  switch (kind) {
    case null:
      unused(
        ["mean", "stdDev", "shareAtQuota", "scope", ...SWING_KEYS],
        "a scenario without an Attainment or Distribution",
      );
      return { assumption: null, swings: NO_SWINGS };
    case "Flat":
      if (attainment === null) row.error("attainment", `A Flat scenario needs ${header("attainment")} (e.g. 90%)`);
      unused(["mean", "stdDev", "shareAtQuota", "scope", ...SWING_KEYS], "a flat attainment");
      return { assumption: attainment === null ? null : { kind: "Flat", attainment }, swings: NO_SWINGS };
    case "Historical":
      if (attainment !== null)
        row.error("attainment", `Give a flat ${header("attainment")} or a Distribution, not both`);
      unused(["mean", "stdDev", "shareAtQuota"], "a Historical distribution");
      return { assumption: { kind: "Historical", scope: scope ?? "Org" }, swings: readSwings(row) };
    case "Normal":
    case "LogNormal": {
      if (attainment !== null)
        row.error("attainment", `Give a flat ${header("attainment")} or a Distribution, not both`);
      unused(["scope"], `a ${kind} distribution`);
      const swings = readSwings(row);
      return { assumption: fitted(row, kind, mean, stdDev, shareAtQuota), swings };
    }
    default:
      return assertNever(kind);
  }
}

/** PeriodSpread, PeriodCorrelation and TeamCorrelation of a scenario with a Distribution; null when blank. */
function readSwings(row: RowReader): Swings {
  const read = (s: (typeof SWINGS)[number]): Decimal | null => {
    const value = row.optional(s.key, percent);
    if (value === null || (value.gte(s.min) && value.lte(s.max))) return value;
    row.error(s.key, `${row.reader.header(s.key)} must be between ${formatPercent(s.min)} and ${formatPercent(s.max)}`);
    return null;
  };
  const [periodSpread, periodCorrelation, teamCorrelation] = SWINGS.map(read);
  return { periodSpread, periodCorrelation, teamCorrelation };
}

function fitted(
  row: RowReader,
  kind: "Normal" | "LogNormal",
  mean: Decimal | null,
  stdDev: Decimal | null,
  shareAtQuota: Decimal | null,
): DistributionSpec | null {
  const header = (key: string) => row.reader.header(key);
  // One message says everything the row lacks (a blank Mean and a blank spread are not two problems to fix).
  const noMean = mean === null && row.blank("mean");
  const noSpread = row.blank("stdDev") && row.blank("shareAtQuota");
  if (noMean || noSpread) {
    const spread = "StdDev (e.g. 25%) or ShareAtQuota (e.g. 55%)";
    const needs = noMean && noSpread ? `Mean (e.g. 95%) and ${spread}` : noMean ? "Mean (e.g. 95%)" : spread;
    row.error(noMean && row.reader.has("mean") ? "mean" : null, `A ${kind} distribution needs ${needs}`);
  }
  if (mean !== null && !mean.gt(ZERO)) row.error("mean", `${header("mean")} must be more than 0`);
  if (stdDev !== null && shareAtQuota !== null)
    row.error(
      "shareAtQuota",
      `Give StdDev or ShareAtQuota, not both: either one fixes the spread of a ${kind} distribution`,
    );
  if (stdDev !== null && !stdDev.gt(ZERO)) row.error("stdDev", `${header("stdDev")} must be more than 0`);
  const shareProblem = shareAtQuota === null ? null : shareAtQuotaProblem(shareAtQuota, header("shareAtQuota"));
  if (shareProblem) row.error("shareAtQuota", shareProblem);
  if (row.failed || mean === null) return null;
  return { kind, mean, stdDev, shareAtQuota };
}

import {
  ONE,
  rateTypeOf,
  ZERO,
  type MeasurePlan,
  type Modifier,
  type PayoutMatrix,
  type Plan,
  type Tier,
} from "../../engine";
import { tableIssue } from "../issues";
import type { Issue, RawTable } from "../types";
import { formatRows } from "./format";
import { mapColumns, type FieldSpec } from "./headers";
import { listForMessage, NameIndex } from "./names";
import { measureOf, PLAN_FIELDS, PLAN_LEVEL_KEYS, readPlanRow, type PlanLevel, type PlanRow } from "./planRows";
import { TableReader, type RowReader } from "./reader";
import { readTierRow, TIER_FIELDS, tierOf, type TierRow } from "./tierRows";
import { MODIFIER_FIELDS, modifierOf, readModifierRow, type ModifierRow } from "./modifierRows";
import { MATRIX_FIELDS, matrixOf, readMatrixRow, type MatrixRow } from "./matrixRows";
import type { LocatedInputs } from "./locate";

type Level = Required<PlanLevel>;

const DEFAULT_LEVEL: Level = {
  period: "Quarter",
  combine: "PerMeasure",
  cumulative: false,
  negativeTrueUp: "Hold",
  draw: null,
  drawType: "Recoverable",
  drawRecovery: "AboveDraw",
  annualCap: null,
  annualCapAmount: null,
  advancePct: null,
  annualGate: null,
  annualGateBasis: "FullYear",
  drawMonths: null,
  drawUntil: null,
  drawOnExit: "Owed",
  teamScope: "Subtree",
};

const LEVEL_NAMES: Record<keyof Level, string> = {
  period: "Period",
  combine: "Combine",
  cumulative: "Cumulative",
  negativeTrueUp: "NegativeTrueUp",
  draw: "Draw",
  drawType: "DrawType",
  drawRecovery: "DrawRecovery",
  annualCap: "AnnualCap",
  annualCapAmount: "AnnualCapAmount",
  advancePct: "AdvancePct",
  annualGate: "AnnualGate",
  annualGateBasis: "AnnualGateBasis",
  drawMonths: "DrawMonths",
  drawUntil: "DrawUntil",
  drawOnExit: "DrawOnExit",
  teamScope: "TeamScope",
};

export interface PlansRead {
  /** False when Plans is missing or unreadable: references to plans are then not checked (there is already an Error). */
  readonly readable: boolean;
  /** Plans with at least one baseline row (no Scenario), as first spelled. */
  readonly baselineNames: NameIndex;
  /** Every plan named in Plans, baseline or scenario-only. */
  readonly allNames: NameIndex;
  /** Every measure named in Plans, as first spelled. */
  readonly measures: NameIndex;
  /** A baseline plan's first measure (what Reps' plain Quota column and a blank Measure mean). */
  readonly firstMeasure: ReadonlyMap<string, string>;
  /** Measures a plan has in any version (baseline or scenario). */
  readonly planMeasures: ReadonlyMap<string, ReadonlySet<string>>;
  /** Measures whose Basis is Score (MBO) in some plan version: their attainment comes from Scores. */
  readonly scoreMeasures: ReadonlySet<string>;
  readonly plans: Map<string, Plan>;
  readonly scenarioPlans: Map<string, Map<string, Plan>>;
  /** Scenario names used in Plans and Tiers, canonical. */
  readonly scenariosUsed: string[];
}

/** How scenario names in Plans and Tiers are checked. */
export interface ScenarioNames {
  /** The Scenarios table's names, or null when there is no Scenarios table (names used then define scenarios). */
  readonly known: NameIndex | null;
}

/**
 * Plans (one row per plan × measure) and Tiers (bands of a plan × measure)
 * into baseline plans and per-scenario versions. A scenario's Plans row
 * replaces the baseline row of the same plan × measure (or adds a measure);
 * a scenario's Tiers rows for a plan × measure replace all baseline bands of
 * it. Plan-wide values (Period, Combine, …) must agree across a plan's rows;
 * in a scenario, values stated on its rows win over the baseline's.
 */
export function readPlans(
  {
    Plans: plansTable,
    Tiers: tiersTable,
    Modifiers: modifiersTable,
    PayoutMatrix: matrixTable,
  }: Pick<LocatedInputs, "Plans" | "Tiers" | "Modifiers" | "PayoutMatrix">,
  scenarioNames: ScenarioNames,
  issues: Issue[],
): PlansRead {
  const spelled = new NameIndex();
  const baselineNames = new NameIndex();
  const measures = new NameIndex();
  const used = new NameIndex();
  const result = {
    readable: false,
    baselineNames,
    allNames: spelled,
    measures,
    firstMeasure: new Map<string, string>(),
    planMeasures: new Map<string, Set<string>>(),
    scoreMeasures: new Set<string>(),
    plans: new Map<string, Plan>(),
    scenarioPlans: new Map<string, Map<string, Plan>>(),
    scenariosUsed: [] as string[],
  };
  if (!plansTable) return result;
  const columns = mapColumns(plansTable, PLAN_FIELDS, issues);
  if (!columns) return result;
  result.readable = true;

  const scenarioOf = (name: string | null, row: { error(key: string, message: string): void }): string | null => {
    if (name === null) return null;
    if (scenarioNames.known === null) return used.add(name);
    const known = scenarioNames.known.get(name);
    if (known === undefined) {
      row.error(
        "scenario",
        `Scenario "${name}" is not in the Scenarios table (scenarios: ${listForMessage(scenarioNames.known.list())})`,
      );
      return null;
    }
    return used.add(known);
  };

  const baseline = new Map<string, PlanRow[]>();
  const byScenario = new Map<string, Map<string, PlanRow[]>>();
  let planRowCount = 0;
  for (const row of new TableReader(plansTable, columns, issues).rows()) {
    planRowCount++;
    const raw = readPlanRow(row);
    const scenario = scenarioOf(raw.scenario, row);
    if (raw.plan === null || (raw.scenario !== null && scenario === null)) continue;
    const plan = spelled.add(raw.plan);
    const r: PlanRow = { ...raw, plan, measure: measures.add(raw.measure), scenario };
    if (scenario === null) {
      baselineNames.add(plan);
      push(baseline, plan, r);
    } else {
      const plans = byScenario.get(scenario) ?? new Map<string, PlanRow[]>();
      byScenario.set(scenario, plans);
      push(plans, plan, r);
    }
  }
  if (planRowCount === 0)
    issues.push(tableIssue(plansTable, "Error", "Plans has no rows: add one row per plan and measure"));

  const tierRows = readPlanKeyed(tiersTable, TIER_FIELDS, readTierRow, spelled, scenarioOf, issues);
  const baselineTiers = tierRows.filter((t) => t.scenario === null);
  const modifierRows = readPlanKeyed(modifiersTable, MODIFIER_FIELDS, readModifierRow, spelled, scenarioOf, issues);
  const baselineModifiers = modifierRows.filter((r) => r.scenario === null);
  const matrixRows = readPlanKeyed(matrixTable, MATRIX_FIELDS, readMatrixRow, spelled, scenarioOf, issues);
  const baselineMatrices = matrixRows.filter((r) => r.scenario === null);

  // Baseline plans.
  const baselineVersions = new Map<string, Version>();
  for (const [plan, rows] of baseline) {
    const unique = uniqueMeasures(plan, rows, "");
    const level = resolveLevel(plan, unique, DEFAULT_LEVEL, "");
    const version = buildVersion(plan, unique, level, null, () => true);
    attachTiers(
      version,
      baselineTiers.filter((t) => t.plan === plan),
      measures,
    );
    attachModifiers(
      version,
      baselineModifiers.filter((r) => r.plan === plan),
      measures,
    );
    attachMatrices(
      version,
      baselineMatrices.filter((r) => r.plan === plan),
      measures,
    );
    baselineVersions.set(plan, version);
    result.plans.set(plan, toPlan(version));
    result.firstMeasure.set(plan, unique[0].measure);
  }

  for (const t of [...baselineTiers, ...baselineMatrices]) {
    if (!baseline.has(t.plan!))
      t.row.error(
        "plan",
        `Plan ${t.plan} has only scenario rows in Plans, so a band without a Scenario belongs to no plan; give it a Scenario or add a baseline Plans row`,
      );
  }

  // Scenario versions: the baseline plus the scenario's rows.
  const scenarios = new Set([
    ...byScenario.keys(),
    ...[...tierRows, ...modifierRows, ...matrixRows].flatMap((t) => (t.scenario ? [t.scenario] : [])),
  ]);
  for (const scenario of scenarios) {
    const planRows = byScenario.get(scenario) ?? new Map<string, PlanRow[]>();
    const scenarioTiers = tierRows.filter((t) => t.scenario === scenario);
    const scenarioModifiers = modifierRows.filter((r) => r.scenario === scenario);
    const scenarioMatrices = matrixRows.filter((r) => r.scenario === scenario);
    const touched = new Set([
      ...planRows.keys(),
      ...scenarioTiers.map((t) => t.plan!),
      ...scenarioModifiers.map((r) => r.plan!),
      ...scenarioMatrices.map((r) => r.plan!),
    ]);
    const versions = new Map<string, Plan>();
    for (const plan of touched) {
      const base = baselineVersions.get(plan);
      const own = uniqueMeasures(plan, planRows.get(plan) ?? [], ` in scenario ${scenario}`);
      const ownTiers = scenarioTiers.filter((t) => t.plan === plan);
      const ownModifiers = scenarioModifiers.filter((r) => r.plan === plan);
      const ownMatrices = scenarioMatrices.filter((r) => r.plan === plan);
      if (!base && own.length === 0) {
        for (const t of [...ownTiers, ...ownModifiers, ...ownMatrices])
          t.row.error("plan", `Plan "${plan}" has no Plans row, neither in the baseline nor in scenario ${scenario}`);
        continue;
      }
      // A rep's Plan must name a baseline plan, so nobody can be on a plan that exists only in a scenario.
      if (!base)
        own[0].row.warn(
          "plan",
          `Plan ${plan} has rows only in scenario ${scenario}, and a rep's Plan must name a baseline plan, so nobody is paid on it and these rows change nothing; add a baseline Plans row for ${plan}, or give the rows the plan the reps are on`,
        );
      const merged = mergeRows(base?.rows ?? [], own);
      const level = resolveLevel(plan, own, base?.level ?? DEFAULT_LEVEL, ` in scenario ${scenario}`);
      // A kept baseline row lacking a Weight was already reported in the baseline, unless the scenario made the plan multi-measure.
      const reportWeight = (r: PlanRow) => r.scenario !== null || (base?.rows.length ?? 0) <= 1;
      const version = buildVersion(plan, merged, level, scenario, reportWeight);
      version.source = own[0]?.row.source ?? ownTiers[0]?.row.source ?? base?.source ?? version.source;
      attachTiers(version, ownTiers, measures, base);
      attachModifiers(version, ownModifiers, measures, base);
      attachMatrices(version, ownMatrices, measures, base);
      versions.set(plan, toPlan(version));
    }
    if (versions.size > 0) result.scenarioPlans.set(scenario, versions);
  }

  for (const versions of [result.plans, ...result.scenarioPlans.values()]) {
    for (const [name, plan] of versions) {
      const set = result.planMeasures.get(name) ?? new Set<string>();
      for (const m of plan.measures) {
        set.add(m.measure);
        if (m.basis === "Score") result.scoreMeasures.add(m.measure);
      }
      result.planMeasures.set(name, set);
    }
  }
  result.scenariosUsed.push(...used.list());
  return result;
}

/** A plan being assembled: its measure rows and the bands found for each measure. */
interface Version {
  readonly name: string;
  readonly scenario: string | null;
  readonly rows: PlanRow[];
  readonly level: Level;
  readonly measures: MeasurePlan[];
  /** Measure -> bands, before sorting. */
  readonly tiers: Map<string, Tier[]>;
  /** Measure -> the Tiers rows tied to it in this version (a scenario falls back to the baseline's). */
  tierRowsByMeasure?: Map<string, TierRow[]>;
  /** Measure -> its modifier, and the Modifiers rows tied to it (a scenario falls back to the baseline's). */
  readonly modifiers: Map<string, Modifier>;
  modifierRowsByMeasure?: Map<string, ModifierRow[]>;
  /** Measure -> its payout matrix, and the PayoutMatrix rows tied to it (a scenario falls back to the baseline's). */
  readonly matrices: Map<string, PayoutMatrix>;
  matrixRowsByMeasure?: Map<string, MatrixRow[]>;
  source: string;
}

function buildVersion(
  name: string,
  rows: PlanRow[],
  level: Level,
  scenario: string | null,
  reportWeight: (r: PlanRow) => boolean,
): Version {
  const context = scenario ? ` in scenario ${scenario}` : "";
  const measures = rows.map((r): MeasurePlan => {
    let weight = r.weight;
    if (weight === null && rows.length === 1) weight = ONE;
    // A pay-per-dollar measure (Percent rate) pays rate × credit whatever its share of target incentive, so a
    // pure commission plan ("10% on new, 6% on expansion") needs no weights; a weighted-attainment plan does.
    const weightMatters = rateTypeOf(r) === "Multiplier" || level.combine === "WeightedAttainment";
    if (weight === null && !weightMatters) weight = ZERO;
    if (weight === null) {
      if (r.row.blank("weight") && reportWeight(r)) {
        r.row.error(
          "weight",
          `Weight is required: plan ${name}${context} has ${rows.length} measures (${rows.map((x) => x.measure).join(", ")}), so say each one's share of target incentive`,
        );
      }
      weight = ZERO;
    }
    return measureOf(r, weight);
  });
  return {
    name,
    scenario,
    rows,
    level,
    measures,
    tiers: new Map(),
    modifiers: new Map(),
    matrices: new Map(),
    source: rows[0]?.row.source ?? "",
  };
}

/**
 * Ties Tiers rows to this version's measures and reads their values by each
 * measure's rules. In a scenario version, a measure without scenario bands
 * keeps the baseline's bands (re-read by the scenario's rules).
 */
function attachTiers(version: Version, rows: readonly TierRow[], measures: NameIndex, base?: Version): void {
  const byMeasure = byPlanMeasure(rows, version, measures);
  for (const m of version.measures) {
    const own = byMeasure.get(m.measure);
    const chosen = own ?? base?.tierRowsByMeasure?.get(m.measure) ?? [];
    const tiers: Tier[] = [];
    let curveToNoted = false;
    for (const t of chosen) {
      if (m.tierMode === "Curve" && !curveToNoted && !t.row.blank("to")) {
        t.row.info(
          "to",
          "To is not used in Curve mode: each row is a point (From = attainment, Rate = payout multiple)",
        );
        curveToNoted = true;
      }
      const tier = tierOf(t, m);
      if (tier) tiers.push(tier);
    }
    version.tiers.set(m.measure, tiers);
  }
  version.tierRowsByMeasure = byMeasure;
}

/**
 * Ties Modifiers rows to this version's measures. In a scenario version, a
 * measure without scenario rows keeps the baseline's modifier (re-checked
 * against the scenario's measures).
 */
function attachModifiers(version: Version, rows: readonly ModifierRow[], measures: NameIndex, base?: Version): void {
  const byMeasure = byPlanMeasure(rows, version, measures);
  const where = version.scenario ? ` in scenario ${version.scenario}` : "";
  const names = version.measures.map((m) => m.measure);
  for (const m of version.measures) {
    const chosen = byMeasure.get(m.measure) ?? base?.modifierRowsByMeasure?.get(m.measure);
    if (!chosen || chosen.length === 0) continue;
    if (version.level.combine === "WeightedAttainment") {
      chosen[0].row.error(
        "plan",
        `Plan ${version.name}${where} combines its measures by WeightedAttainment, so no measure is paid on its own to modify; Modifiers apply to PerMeasure plans`,
      );
      continue;
    }
    const modifier = modifierOf(chosen, m, names, measures, where);
    if (modifier) version.modifiers.set(m.measure, modifier);
  }
  version.modifierRowsByMeasure = byMeasure;
}

/** A plan-keyed table's rows (Tiers, Modifiers, PayoutMatrix) grouped by the version's measure they name. */
function byPlanMeasure<R extends Parameters<typeof tierMeasure>[0]>(
  rows: readonly R[],
  version: Version,
  measures: NameIndex,
): Map<string, R[]> {
  const byMeasure = new Map<string, R[]>();
  for (const r of rows) {
    const m = tierMeasure(r, version, measures);
    if (m !== null) push(byMeasure, m, r);
  }
  return byMeasure;
}

/**
 * Ties PayoutMatrix rows to this version's measures. A matrix is the
 * measure's rate in place of its tiers: a measure with both, from the same
 * rows (the baseline's, or one scenario's), is an error on its Tiers rows; in
 * a scenario the scenario's own rows win over what it keeps of the baseline
 * (a scenario's matrix replaces baseline bands, its bands a baseline matrix).
 */
function attachMatrices(version: Version, rows: readonly MatrixRow[], measures: NameIndex, base?: Version): void {
  const byMeasure = byPlanMeasure(rows, version, measures);
  const where = version.scenario ? ` in scenario ${version.scenario}` : "";
  const names = version.measures.map((m) => m.measure);
  for (const m of version.measures) {
    const own = byMeasure.get(m.measure);
    const chosen = own ?? base?.matrixRowsByMeasure?.get(m.measure);
    if (!chosen || chosen.length === 0) continue;
    const ownTiers = version.tierRowsByMeasure?.get(m.measure) ?? [];
    if (!own) {
      // A scenario's bands replace a baseline matrix; a baseline with both was reported in the baseline.
      if (ownTiers.length > 0 || (base?.tierRowsByMeasure?.get(m.measure)?.length ?? 0) > 0) continue;
    } else if (ownTiers.length > 0) {
      for (const t of ownTiers)
        t.row.error(
          t.row.reader.has("measure") ? "measure" : "plan",
          `${m.measure} of plan ${version.name}${where} is paid by its PayoutMatrix (${own[0].row.source}), so it has no tier bands: a measure's rate is its tiers or its matrix; remove these bands or the matrix rows`,
        );
      continue;
    }
    if (version.level.combine === "WeightedAttainment") {
      chosen[0].row.error(
        "plan",
        `Plan ${version.name}${where} combines its measures by WeightedAttainment, so no measure is paid on its own to look up in a matrix; PayoutMatrix applies to PerMeasure plans`,
      );
      continue;
    }
    const planRow = version.rows.find((r) => r.measure === m.measure);
    if (planRow && m.tierBasis === "Amount") {
      planRow.row.error(
        "tierBasis",
        `TierBasis Amount cannot be used with a PayoutMatrix: ${m.measure}'s matrix rows are attainments; use TierBasis Attainment`,
      );
      continue;
    }
    if (planRow && planRow.rateType === "Percent") {
      planRow.row.error(
        "rateType",
        `RateType Percent cannot be used with a PayoutMatrix: its cells are payout multiples of ${m.measure}'s target incentive; use Multiplier (or leave RateType blank)`,
      );
      continue;
    }
    if (planRow && !planRow.row.blank("tierMode"))
      planRow.row.info(
        "tierMode",
        `TierMode is not used: ${m.measure} is paid by its PayoutMatrix (Mode there says Stepped or Interpolated)`,
      );
    const matrix = matrixOf(chosen, m, names, measures, where);
    if (!matrix) continue;
    // One linked attainment per line: a modifier on the same measure must read the same one.
    const modifier = version.modifiers.get(m.measure);
    if (modifier && (modifier.linkedMeasure !== matrix.linkedMeasure || modifier.measured !== matrix.measured)) {
      chosen[0].row.error(
        "linked",
        `${m.measure}${where} has a payout matrix on ${matrix.linkedMeasure} (${matrix.measured}) and a modifier on ${modifier.linkedMeasure} (${modifier.measured}): a measure reads one linked measure, measured one way; make them the same`,
      );
      continue;
    }
    version.matrices.set(m.measure, matrix);
    // The matrix replaces the bands the scenario kept from the baseline.
    version.tiers.set(m.measure, []);
  }
  version.matrixRowsByMeasure = byMeasure;
}

function tierMeasure(t: TierRow | ModifierRow | MatrixRow, version: Version, measures: NameIndex): string | null {
  const names = version.measures.map((m) => m.measure);
  const where = version.scenario ? ` in scenario ${version.scenario}` : "";
  if (t.measure !== null) {
    const m = measures.get(t.measure);
    if (m === undefined || !names.includes(m)) {
      t.row.error(
        "measure",
        `Plan ${version.name}${where} has no measure "${t.measure}" (its measures: ${names.join(", ")})`,
      );
      return null;
    }
    return m;
  }
  if (names.length > 1 && version.level.combine === "PerMeasure") {
    t.row.error(
      t.row.reader.has("measure") ? "measure" : null,
      `Plan ${version.name}${where} has several measures (${names.join(", ")}): say in Measure which one this band is for`,
    );
    return null;
  }
  return names[0] ?? null;
}

function toPlan(v: Version): Plan {
  return {
    name: v.name,
    measures: v.measures.map((m) => {
      const modifier = v.modifiers.get(m.measure);
      const matrix = v.matrices.get(m.measure);
      return {
        ...m,
        tiers: sortByFrom(v.tiers.get(m.measure) ?? []),
        ...(modifier ? { modifier } : {}),
        ...(matrix ? { matrix } : {}),
      };
    }),
    ...v.level,
    source: v.source,
  };
}

function sortByFrom(tiers: Tier[]): Tier[] {
  return tiers
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.from.comparedTo(b.t.from) || a.i - b.i)
    .map((x) => x.t);
}

/** Drops a repeated measure of a plan (reported) so each measure has one row. */
function uniqueMeasures(plan: string, rows: PlanRow[], context: string): PlanRow[] {
  const seen = new Map<string, PlanRow>();
  for (const r of rows) {
    const first = seen.get(r.measure);
    if (first) {
      r.row.error(
        r.row.reader.has("measure") ? "measure" : "plan",
        `Plan ${plan}${context} has measure ${r.measure} twice (${formatRows([first.row.excelRow, r.row.excelRow])}); a plan has one row per measure`,
      );
    } else seen.set(r.measure, r);
  }
  return [...seen.values()];
}

/** Baseline rows with the scenario's rows in place of the same measure; new measures at the end. */
function mergeRows(base: readonly PlanRow[], own: readonly PlanRow[]): PlanRow[] {
  const ownBy = new Map(own.map((r) => [r.measure, r]));
  const merged = base.map((b) => ownBy.get(b.measure) ?? b);
  const baseMeasures = new Set(base.map((b) => b.measure));
  return [...merged, ...own.filter((r) => !baseMeasures.has(r.measure))];
}

/** Plan-wide values: stated values must agree; unstated ones come from `fallback`. */
function resolveLevel(plan: string, rows: readonly PlanRow[], fallback: Level, context: string): Level {
  const level: Record<string, unknown> = { ...fallback };
  for (const key of PLAN_LEVEL_KEYS) {
    const stated = rows.filter((r) => key in r.level);
    if (stated.length === 0) continue;
    const shown = (r: PlanRow) => {
      const v = r.level[key];
      return v === null ? "none" : typeof v === "object" ? v.toString() : String(v);
    };
    const distinct = [...new Set(stated.map(shown))];
    if (distinct.length > 1) {
      const last = stated[stated.length - 1];
      last.row.error(
        key,
        `Plan ${plan}${context} has different ${LEVEL_NAMES[key]} on ${formatRows(stated.map((r) => r.row.excelRow))} (${distinct.join(", ")}); a plan has one ${LEVEL_NAMES[key]}: write it once or the same on every row`,
      );
    }
    level[key] = stated[0].level[key];
  }
  return level as Level;
}

/** Rows of a table keyed by plan (Tiers, Modifiers, PayoutMatrix), each on a plan in Plans and a known scenario. */
function readPlanKeyed<
  R extends { readonly row: RowReader; readonly plan: string | null; readonly scenario: string | null },
>(
  table: RawTable | undefined,
  fields: readonly FieldSpec[],
  readRow: (row: RowReader) => R,
  plans: NameIndex,
  scenarioOf: (name: string | null, row: RowReader) => string | null,
  issues: Issue[],
): R[] {
  if (!table) return [];
  const columns = mapColumns(table, fields, issues);
  if (!columns) return [];
  const rows: R[] = [];
  for (const row of new TableReader(table, columns, issues).rows()) {
    const r = readRow(row);
    const scenario = scenarioOf(r.scenario, row);
    if (r.plan === null || (r.scenario !== null && scenario === null)) continue;
    const plan = plans.get(r.plan);
    if (plan === undefined) {
      row.error("plan", `Plan "${r.plan}" is not in Plans (plans: ${listForMessage(plans.list())})`);
      continue;
    }
    rows.push({ ...r, plan, scenario });
  }
  return rows;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

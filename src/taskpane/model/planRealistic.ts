import {
  Decimal,
  ZERO,
  DistributionError,
  fitDistribution,
  RealisticContext,
  variableMoney,
  type EngineIssue,
  type RealisticRep,
  type RealisticScenario,
  type DistributionSpec,
  type ModelInput,
  type Plan,
  type Rep,
  type Scenario,
  type Tier,
} from "../../engine";
import { readAttainmentHistory } from "../../workbook/parse/history";
import { locateInputs } from "../../workbook/parse/locate";
import { readPlans } from "../../workbook/parse/plans";
import { readRamps } from "../../workbook/parse/ramps";
import { readReps } from "../../workbook/parse/reps";
import { readSettings } from "../../workbook/parse/settings";
import { UNIT_ID, UNIT_PLAN, unitRep } from "../../workbook/planStandIn";
import { WorkbookModel } from "../../workbook/workbookModel";

export { medianRep } from "../../workbook/planStandIn";
import type { Issue, RawTable } from "../../workbook/types";
import { formatPercent } from "./format";
import { canonicalNumber, entryLocale, type NumberLocale } from "./numberEntry";
import { SOURCE_WORDS } from "../../workbook/render/realistic";

/**
 * Realistic pay beside the plan editor: what the plan's median rep can expect
 * under the org's attainment history and under a quick "what if", recomputed
 * from the bands being edited. It is the run's own model — a RealisticContext,
 * as Results_Realistic uses — asked about one rep: the year's level from the
 * distribution (a leader's from the team's), each period swinging around it
 * on the plan's period terms, money rounded as the sheet rounds it.
 */

/**
 * What the editor prices against, built once per workbook change (not per
 * keystroke): the workbook read as the run reads it, and the engine's
 * realistic context over it (history as rep-years, measured swings, org chart,
 * caches).
 */
export interface RealisticModel {
  /** The workbook's reps, for picking the plan's median rep. */
  readonly reps: readonly Rep[];
  /** Rep-years in AttainmentHistory; 0 = no history to show. */
  readonly historyYears: number;
  /** Null when the workbook reads cleanly; else why the figures rest on the rows that read. */
  readonly partial: string | null;
  readonly context: RealisticContext;
}

/**
 * The workbook as the run reads it (parseModelInput). When some table has an
 * error the run stops, but the editor need not: the tables the realistic
 * model uses (Settings, Plans and Tiers, Ramps, Reps, AttainmentHistory) are
 * then read leniently, keeping the rows that read. On a WorkbookModel (the
 * model thread's, for the tables it holds) the parse and the realistic context
 * are the ones the functions and the Run use.
 */
export function realisticModel(source: readonly RawTable[] | WorkbookModel, today: Date = new Date()): RealisticModel {
  const workbook = source instanceof WorkbookModel ? source : new WorkbookModel(source);
  const parsed = workbook.at(today);
  const input = parsed.parsed.input ?? lenientInput(workbook.tables, today);
  const context = parsed.parsed.input ? parsed.standInContext() : standInContext(input);
  return {
    reps: input.reps,
    historyYears: context.years.length,
    partial: parsed.parsed.input
      ? null
      : "The workbook has input errors (see Inputs): these figures use the rows that read without them.",
    context,
  };
}

const standInContext = (input: ModelInput): RealisticContext =>
  new RealisticContext({ ...input, reps: [...input.reps, unitRep(input.settings.reportingCurrency)] });

function lenientInput(tables: readonly RawTable[], today: Date): ModelInput {
  const found = locateInputs(tables);
  const ignored: Issue[] = [];
  const settings = readSettings(found.Settings, ignored);
  const ramps = readRamps(found.Ramps, ignored);
  const plans = readPlans(found, { known: null }, ignored);
  const reps = readReps(found.Reps, { plans, ramps, settings }, ignored).reps;
  return {
    settings: {
      reportingCurrency: settings.reportingCurrency,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      planYear: settings.planYear ?? today.getFullYear(),
      fxRates: settings.fxRates,
    },
    reps,
    plans: plans.plans,
    scenarioPlans: new Map(),
    scenarios: [],
    quotas: [],
    actuals: [],
    adjustments: [],
    ramps: ramps.ramps,
    attainmentHistory: readAttainmentHistory(found.AttainmentHistory, ignored, settings),
  };
}

/** The plan with one measure's bands replaced by the edited ones. */
export function withTiers(plan: Plan, measure: string, tiers: readonly Tier[]): Plan {
  return { ...plan, measures: plan.measures.map((m) => (m.measure === measure ? { ...m, tiers } : m)) };
}

/** The org's attainment history, as the run's "Baseline (history)" reads it. */
export const HISTORY: DistributionSpec = { kind: "Historical", scope: "Org" };

/** Realistic figures for one rep; money in the rep's currency, rounded to its minor unit as on Results_Realistic. */
export interface RealisticFigures {
  /** E[payout multiple of target variable]. */
  readonly expectedMultiple: Decimal;
  readonly expectedVariable: Decimal;
  /** (base + expected variable) ÷ OTE; null when OTE is 0. */
  readonly pctOfOte: Decimal | null;
  /** Total cash (base + variable) at the 10th, 50th and 90th percentile of the year's pay. */
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  /** P(variable ≥ target variable). */
  readonly probReachOte: Decimal;
  /** Expected variable under the saved bands, same attainment and rounding: what the edit is compared with. */
  readonly savedVariable: Decimal;
}

/** How the rep's attainment was modelled, in words for the pane. */
export interface RealisticBasis {
  /** "Individual", or "Team of 8, over-assignment 111%" for a leader paid on the team. */
  readonly attainment: string;
  /** "quarters ±17.6% around the year's level (from AttainmentHistory)". */
  readonly swing: string;
}

export interface RealisticPricing {
  readonly figures: RealisticFigures;
  readonly basis: RealisticBasis;
}

export type Priced = RealisticPricing | { readonly problem: string };

const GRAIN: Record<number, string> = { 2: "halves", 4: "quarters", 12: "months" };

/** The rep's line of the run, described: who the attainment is and how its periods swing. */
function describeBasis(r: RealisticRep, s: Pick<RealisticScenario, "swing">, locale: NumberLocale): RealisticBasis {
  const attainment =
    r.team === null
      ? "Individual"
      : `Team of ${r.team.members}, over-assignment ${formatPercent(r.team.overAssignment, 0, locale)}`;
  const grain = GRAIN[r.periods] ?? `${r.periods} periods`;
  const source = SOURCE_WORDS[s.swing.source];
  const swing =
    r.periods <= 1
      ? "paid on the year's level (one period a year)"
      : r.swing.spread.isZero()
        ? `${grain} at the year's level (no period swing)`
        : `${grain} ±${formatPercent(r.swing.spread, 1, locale)} around the year's level (${source}${r.team ? ", averaged over the team" : ""})`;
  return { attainment, swing };
}

/**
 * The edited plan priced for one rep (or, with none, per 1 of target) under
 * one attainment assumption, exactly as the run prices that rep under the
 * same assumption. A synthetic scenario that states nothing (so the period
 * swing and team correlation come from history or the defaults, as for the
 * run's "Baseline (history)") makes the engine price the saved plan beside
 * it, like for like.
 */
export function priceRealistic(
  model: RealisticModel,
  edited: Plan,
  rep: Rep | null,
  spec: DistributionSpec,
  locale: NumberLocale = entryLocale(),
): Priced {
  const key = rep ? rep.plan : UNIT_PLAN;
  const id = rep ? rep.id : UNIT_ID;
  const plans = new Map(model.context.input.plans);
  plans.set(key, edited);
  const scenario: Scenario = { name: edited.name, assumption: spec, description: "" };
  const issues: EngineIssue[] = [];
  const only = new Set([id]);
  const run = model.context.run({ name: edited.name, scenario, spec, plans }, issues, only);
  const r = run.reps[0];
  if (!r) return { problem: problemOf(issues, edited.name) };
  // The unit rep has no saved plan in the input: price the saved one too (cached by the context).
  let saved = r.baseline ?? r.outcome;
  if (!rep) {
    const savedPlan = model.context.input.plans.get(edited.name);
    if (savedPlan) {
      const s = model.context.run(
        { name: edited.name, scenario, spec, plans: new Map([[UNIT_PLAN, savedPlan]]) },
        [],
        only,
      );
      saved = s.reps[0]?.outcome ?? saved;
    }
  }
  const { base, targetVariable: tv } = r.rep;
  const money = (m: Decimal) => (rep ? variableMoney(r.rep, m) : tv.times(m));
  const expectedVariable = money(r.outcome.expectedMultiple);
  const ote = base.plus(tv);
  return {
    figures: {
      expectedMultiple: r.outcome.expectedMultiple,
      expectedVariable,
      pctOfOte: ote.isZero() ? null : base.plus(expectedVariable).div(ote),
      p10: base.plus(money(r.outcome.p10)),
      p50: base.plus(money(r.outcome.p50)),
      p90: base.plus(money(r.outcome.p90)),
      probReachOte: r.outcome.probAtOrAboveTarget,
      savedVariable: money(saved.expectedMultiple),
    },
    basis: describeBasis(r, run, locale),
  };
}

/** The engine's reason, without the scenario-sheet framing ("Scenario AE: …", "Those reps are left out …"). */
function problemOf(issues: readonly EngineIssue[], name: string): string {
  const message = issues.find((i) => i.severity === "Error")?.message ?? issues[0]?.message;
  if (!message) return "No realistic figures for this rep.";
  const prefix = `Scenario ${name}: `;
  return (message.startsWith(prefix) ? message.slice(prefix.length) : message)
    .replace(/ Those reps are left out of its realistic earnings\.$/, "")
    .trim();
}

/** The what-if, or its problem and, when one field is at fault, which (to mark it). */
export type WhatIf = { readonly spec: DistributionSpec } | { readonly problem: string; readonly field?: "mean" | "sd" };

const HUNDRED = new Decimal(100);

/** A percent typed in the user's locale ("87,5" in de-DE): the fraction, or why it cannot be read (numberEntry.ts). */
function percentText(text: string, locale: NumberLocale): Decimal | string | null {
  const entry = canonicalNumber(text.trim(), locale);
  if (!entry.ok) return entry.message;
  const t = entry.text.trim().replace(/%$/, "").trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? new Decimal(t).div(HUNDRED) : null;
}

/**
 * The typed "what if": each rep's year level Normal with mean and sd in
 * percent of quota (sd 0 = every rep's year at the mean; the periods still
 * swing around it).
 */
export function whatIfSpec(meanText: string, sdText: string, locale: NumberLocale = entryLocale()): WhatIf {
  const mean = percentText(meanText, locale);
  const sd = percentText(sdText, locale);
  if (typeof mean === "string") return { problem: `Mean: ${mean}`, field: "mean" };
  if (mean === null || !mean.gt(ZERO)) return { problem: "Mean: type a percent above 0, like 90", field: "mean" };
  if (typeof sd === "string") return { problem: `Spread: ${sd}`, field: "sd" };
  if (sd === null || sd.isNeg())
    return { problem: "Spread: type a percent, like 25 (0 = every year at the mean)", field: "sd" };
  const spec: DistributionSpec = { kind: "Normal", mean, stdDev: sd, shareAtQuota: null };
  try {
    fitDistribution(spec, []);
  } catch (e) {
    return { problem: e instanceof DistributionError ? e.message : String(e) };
  }
  return { spec };
}

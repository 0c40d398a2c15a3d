import { Decimal, ONE, ZERO } from "../../engine/decimal";
import { fitDistribution, realisticOutcome, type AttainmentDistribution } from "../../engine/realistic";
import { planCurve } from "../../engine/realisticModel";
import { roundMoney } from "../../engine/rounding";
import type { Plan, Rep, Tier } from "../../engine/types";
import { readAttainmentHistory } from "../../workbook/parse/history";
import { locateInputs } from "../../workbook/parse/locate";
import { readPlans } from "../../workbook/parse/plans";
import { readRamps } from "../../workbook/parse/ramps";
import { readReps } from "../../workbook/parse/reps";
import { readSettings } from "../../workbook/parse/settings";
import type { Issue, RawTable } from "../../workbook/types";

/**
 * Realistic pay beside the plan editor: what the plan's median rep can expect
 * under last year's attainment and under a quick "what if", recomputed from
 * the bands being edited. The same engine calls as Results_Realistic (the
 * plan as one curve, exact expectations), for one rep instead of all.
 */

/** What the editor needs from the workbook, read once per workbook change (not per keystroke). */
export interface RealisticInputs {
  readonly reps: readonly Rep[];
  /** Every AttainmentHistory attainment: the org-wide Historical distribution. */
  readonly history: readonly Decimal[];
}

export function realisticInputs(tables: readonly RawTable[]): RealisticInputs {
  const found = locateInputs(tables);
  const ignored: Issue[] = [];
  const plans = readPlans(found.Plans, found.Tiers, { known: null }, ignored);
  const ramps = readRamps(found.Ramps, ignored);
  const settings = readSettings(found.Settings, ignored);
  const reps = readReps(found.Reps, { plans, ramps, settings }, ignored).reps;
  const history = readAttainmentHistory(found.AttainmentHistory, ignored, settings).map((h) => h.attainment);
  return { reps, history };
}

/**
 * The plan's median rep by target variable (the upper middle one, as the
 * payout-curve sheet picks it; ties by RepID), or null when nobody is on it.
 */
export function medianRep(reps: readonly Rep[], planName: string): Rep | null {
  const on = reps
    .filter((r) => r.plan === planName)
    .sort((a, b) => a.targetVariable.comparedTo(b.targetVariable) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return on.length ? on[Math.floor(on.length / 2)] : null;
}

/** The plan with one measure's bands replaced by the edited ones. */
export function withTiers(plan: Plan, measure: string, tiers: readonly Tier[]): Plan {
  return { ...plan, measures: plan.measures.map((m) => (m.measure === measure ? { ...m, tiers } : m)) };
}

/** Realistic figures for one rep; money in the rep's currency, rounded to its minor unit. */
export interface RealisticFigures {
  /** E[payout multiple of target variable]. */
  readonly expectedMultiple: Decimal;
  readonly expectedVariable: Decimal;
  /** (base + expected variable) ÷ OTE; null when OTE is 0. */
  readonly pctOfOte: Decimal | null;
  /** Total cash (base + variable) at the 10th, 50th and 90th percentile of attainment. */
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  /** P(variable ≥ target variable). */
  readonly probReachOte: Decimal;
}

/**
 * Without a rep on the plan the figures are per 1 of target variable and no
 * base: the money rows then read as multiples.
 */
export function realisticFigures(plan: Plan, rep: Rep | null, dist: AttainmentDistribution): RealisticFigures {
  const unit: Rep = rep ?? {
    id: "",
    name: "",
    role: "",
    managerId: null,
    plan: plan.name,
    currency: "",
    base: ZERO,
    targetVariable: ONE,
    annualQuota: new Map(),
    startDate: null,
    endDate: null,
    ramp: null,
  };
  const outcome = realisticOutcome({ segments: planCurve(plan, unit) }, dist);
  const tv = unit.targetVariable;
  const round = (x: Decimal) => (rep ? roundMoney(x, rep.currency) : x);
  const expectedVariable = round(tv.times(outcome.expectedMultiple));
  const ote = unit.base.plus(tv);
  const total = (m: Decimal) => unit.base.plus(round(tv.times(m)));
  return {
    expectedMultiple: outcome.expectedMultiple,
    expectedVariable,
    pctOfOte: ote.isZero() ? null : unit.base.plus(expectedVariable).div(ote),
    p10: total(outcome.p10),
    p50: total(outcome.p50),
    p90: total(outcome.p90),
    // Without a variable, OTE is the base: reached for sure.
    probReachOte: tv.isZero() ? ONE : outcome.probAtOrAboveTarget,
  };
}

/** Org-wide attainment history as a distribution; null without history. */
export function historyDistribution(history: readonly Decimal[]): AttainmentDistribution | null {
  return history.length ? fitDistribution({ kind: "Historical", scope: "Org" }, history) : null;
}

export type WhatIf = { readonly dist: AttainmentDistribution } | { readonly problem: string };

const HUNDRED = new Decimal(100);

function percentText(text: string): Decimal | null {
  const t = text.trim().replace(/%$/, "").trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? new Decimal(t).div(HUNDRED) : null;
}

/** The typed "what if": Normal with mean and sd in percent of quota (sd 0 = everyone at the mean). */
export function whatIfDistribution(meanText: string, sdText: string): WhatIf {
  const mean = percentText(meanText);
  const sd = percentText(sdText);
  if (mean === null || !mean.gt(ZERO)) return { problem: "Mean: type a percent above 0, like 90" };
  if (sd === null || sd.isNeg()) return { problem: "Spread: type a percent, like 25 (0 = everyone at the mean)" };
  return { dist: fitDistribution({ kind: "Normal", mean, stdDev: sd, shareAtQuota: null }, []) };
}

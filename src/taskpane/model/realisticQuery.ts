import { Decimal, type Tier } from "../../engine";
import {
  HISTORY,
  medianRep,
  priceRealistic,
  whatIfSpec,
  withTiers,
  type Priced,
  type RealisticFigures,
  type RealisticModel,
} from "./planRealistic";
import { entryLocale, numberLocaleOf } from "./numberEntry";

/**
 * The plan editor's question to the model thread, and its answer. The
 * workbook's realistic model (parse, history, org chart, caches) is built
 * once per workbook on that thread and kept there; each edit sends only the
 * bands. Both ways the message is a structured clone, which drops Decimal's
 * prototype, so every Decimal crosses as its exact string.
 */

/** A band as it crosses: the Tier's values as exact decimal strings. */
export interface TierText {
  readonly from: string;
  readonly to: string | null;
  readonly rate: string;
}

export interface RealisticQuery {
  readonly plan: string;
  readonly measure: string;
  /** The measure's bands as edited. */
  readonly tiers: readonly TierText[];
  /** The what-if as typed: mean and sd in percent of quota, in the user's number format (`locale`). */
  readonly mean: string;
  readonly sd: string;
  /**
   * The pane's locale (numberEntry.ts): the model thread reads the what-if and writes the figures in the basis
   * with it, as the pane would (the worker has no locale of its own). Absent: the thread's own (en-US).
   */
  readonly locale?: string;
  /** The day the workbook is read as of (epoch ms): a plan year left out of Settings is this day's year. */
  readonly today: number;
}

/** The rep priced (the plan's median rep by target variable), as the pane names them. */
export interface RepSummary {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly ote: Decimal;
}

export interface RealisticAnswer {
  /** Rep-years in AttainmentHistory; 0 = no history column. */
  readonly historyYears: number;
  readonly partial: string | null;
  /** Null when nobody is on the plan: figures are multiples of target incentive. */
  readonly rep: RepSummary | null;
  /** Null without history. */
  readonly history: Priced | null;
  readonly whatIf: Priced;
}

export const tierText = (t: Tier): TierText => ({
  from: t.from.toString(),
  to: t.to === null ? null : t.to.toString(),
  rate: t.rate.toString(),
});

const tierOf = (t: TierText): Tier => ({
  from: new Decimal(t.from),
  to: t.to === null ? null : new Decimal(t.to),
  rate: new Decimal(t.rate),
});

/** The answer, worked out where the model is held (the model thread, or here without one). */
export function answerRealistic(model: RealisticModel, query: RealisticQuery): RealisticAnswer {
  const plan = model.context.input.plans.get(query.plan);
  const rep = medianRep(model.reps, query.plan);
  const missing: Priced = {
    problem: `Plan ${query.plan} · ${query.measure} is not in the workbook as last read: refresh.`,
  };
  const edited =
    plan && plan.measures.some((m) => m.measure === query.measure)
      ? withTiers(plan, query.measure, query.tiers.map(tierOf))
      : null;
  const locale = query.locale ? numberLocaleOf(query.locale) : entryLocale();
  const whatIf = whatIfSpec(query.mean, query.sd, locale);
  return {
    historyYears: model.historyYears,
    partial: model.partial,
    rep: rep && {
      id: rep.id,
      name: rep.name,
      currency: rep.currency,
      ote: rep.base.plus(rep.targetVariable),
    },
    history: model.historyYears === 0 ? null : edited ? priceRealistic(model, edited, rep, HISTORY, locale) : missing,
    whatIf: "problem" in whatIf ? whatIf : edited ? priceRealistic(model, edited, rep, whatIf.spec, locale) : missing,
  };
}

/** The answer as a structured clone delivers it (Decimals as strings) … */
export type RealisticAnswerWire = ReturnType<typeof answerToWire>;

const FIGURES: readonly (keyof RealisticFigures)[] = [
  "expectedMultiple",
  "expectedVariable",
  "pctOfOte",
  "p10",
  "p50",
  "p90",
  "probReachOte",
  "savedVariable",
];

function pricedToWire(p: Priced | null) {
  if (!p || "problem" in p) return p;
  const figures: Record<string, string | null> = {};
  for (const k of FIGURES) figures[k] = p.figures[k]?.toString() ?? null;
  return { figures, basis: p.basis };
}

function pricedFromWire(p: ReturnType<typeof pricedToWire>): Priced | null {
  if (!p || "problem" in p) return p;
  const figures: Record<string, Decimal | null> = {};
  for (const k of FIGURES) figures[k] = p.figures[k] === null ? null : new Decimal(p.figures[k]);
  return { figures: figures as unknown as RealisticFigures, basis: p.basis };
}

export function answerToWire(a: RealisticAnswer) {
  return {
    historyYears: a.historyYears,
    partial: a.partial,
    rep: a.rep && { ...a.rep, ote: a.rep.ote.toString() },
    history: pricedToWire(a.history),
    whatIf: pricedToWire(a.whatIf)!,
  };
}

/** … and back, with its Decimals. */
export function answerFromWire(w: RealisticAnswerWire): RealisticAnswer {
  return {
    historyYears: w.historyYears,
    partial: w.partial,
    rep: w.rep && { ...w.rep, ote: new Decimal(w.rep.ote) },
    history: pricedFromWire(w.history),
    whatIf: pricedFromWire(w.whatIf)!,
  };
}

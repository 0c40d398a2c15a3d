import {
  drivingMeasures,
  evaluateOffers,
  needsQuota,
  orgSpreadFromHistory,
  type Offer,
  type OfferResult,
  type OffersEvaluation,
  type SpreadHistory,
  type Settings,
} from "../../engine";
import { readAttainmentHistory } from "../../workbook/parse/history";
import { locateInputs } from "../../workbook/parse/locate";
import { readOffers } from "../../workbook/parse/offers";
import { readPlans, type PlansRead } from "../../workbook/parse/plans";
import { readSettings, type SettingsRead } from "../../workbook/parse/settings";
import type { Issue, RawTable } from "../../workbook/types";
import { keyOfHeader, OFFER_COLUMNS } from "./offerColumns";
import { draftCells, fieldOfKey, type DraftField, type OfferDraft } from "./offerDraft";

/**
 * What offers are valued against, read once per workbook change: Plans/Tiers,
 * Settings, AttainmentHistory, the Offers rows.
 */
export interface OfferContext {
  readonly plans: PlansRead;
  readonly settingsRead: SettingsRead;
  readonly settings: Settings;
  /**
   * The org's year-to-year spread in AttainmentHistory (the spread of an offer
   * that states none), measured once here rather than on every valuation;
   * null with fewer than 2 plan years.
   */
  readonly spreadHistory: SpreadHistory | null;
  /** Baseline plan names, for the form's dropdown. */
  readonly planNames: readonly string[];
  /** The workbook's Offers rows that read without errors, in table order. */
  readonly workbookOffers: readonly Offer[];
}

export function offerContext(tables: readonly RawTable[], today: Date = new Date()): OfferContext {
  const found = locateInputs(tables);
  const ignored: Issue[] = [];
  const plans = readPlans(found, { known: null }, ignored);
  const settingsRead = readSettings(found.Settings, ignored);
  const attainmentHistory = readAttainmentHistory(found.AttainmentHistory, ignored, settingsRead);
  const settings: Settings = {
    reportingCurrency: settingsRead.reportingCurrency,
    fiscalYearStartMonth: settingsRead.fiscalYearStartMonth,
    // Only the default start date depends on it, and no year-one figure depends on the start date.
    planYear: settingsRead.planYear ?? today.getFullYear(),
    fxRates: settingsRead.fxRates,
  };
  return {
    plans,
    settingsRead,
    settings,
    spreadHistory: orgSpreadFromHistory(attainmentHistory),
    planNames: [...plans.plans.keys()],
    workbookOffers: readOffers(found.Offers, { plans, settings: settingsRead }, ignored),
  };
}

/** The offers valued as Results_Offers values them: against the workbook's plans, settings and org history. */
export function valueOffers(offers: readonly Offer[], ctx: OfferContext): OffersEvaluation {
  return evaluateOffers({
    offers,
    plans: ctx.plans.plans,
    settings: ctx.settings,
    spreadHistory: ctx.spreadHistory,
  });
}

/** True when the chosen plan pays a percent of bookings (or on amount bands): the offer then needs its quota. */
export function planNeedsQuota(ctx: OfferContext, planName: string): boolean {
  const plan = planName ? ctx.plans.plans.get(planName) : undefined;
  return plan !== undefined && drivingMeasures(plan).some((m) => needsQuota(m.measure));
}

export interface DraftEvaluation {
  /** The offer as the engine read it; null while the form has errors. */
  readonly offer: Offer | null;
  readonly result: OfferResult | null;
  /** Errors by form field. */
  readonly problems: ReadonlyMap<DraftField, string>;
  /** Errors not about one field. */
  readonly general: readonly string[];
  /** What to ask before accepting (the engine's open questions). */
  readonly warnings: readonly string[];
}

/** The draft as a one-row Offers table under the documented headers, with the formats a sheet would carry. */
export function draftTable(draft: OfferDraft): RawTable {
  const { cells } = draftCells(draft);
  const formats: Record<string, string> = { percent: "0.0%", date: "yyyy-mm-dd", money: "#,##0.00" };
  return {
    name: "Offers",
    sheet: "Offers",
    source: "table",
    headerRow: 1,
    firstColumn: 1,
    headers: OFFER_COLUMNS.map((c) => c.name),
    rows: [OFFER_COLUMNS.map((c) => cells[c.key])],
    numberFormats: [OFFER_COLUMNS.map((c) => formats[c.format] ?? "General")],
  };
}

/**
 * The Offers columns the parser's and the engine's messages name ("ShareAtQuota must be between…"), each with the
 * label the form shows for it ("Share at quota must be between…"); "Offer" is also a word of their sentences.
 */
const RENAMED = OFFER_COLUMNS.filter((c) => c.key !== "offer" && c.label !== c.name).map((c) => {
  // "needs its annual Quota" reads "needs its Annual quota", not "its annual Annual quota".
  const lead = c.label.toLowerCase().endsWith(` ${c.name.toLowerCase()}`)
    ? `(?:\\b${c.label.slice(0, -c.name.length).toLowerCase()})?`
    : "";
  return { pattern: new RegExp(`${lead}\\b${c.name}\\b`, "g"), label: c.label };
});

/** A message about an Offers row in the words of the form: its fields' labels where it names the columns. */
export function inFormWords(message: string): string {
  return RENAMED.reduce((m, r) => m.replace(r.pattern, r.label), message);
}

/**
 * Values the draft exactly as a row of the Offers table would be: the
 * workbook's parser checks it, the engine's offers module values it.
 */
export function evaluateDraft(draft: OfferDraft, ctx: OfferContext): DraftEvaluation {
  const typed = draftCells(draft);
  const problems = new Map(typed.problems);
  const general: string[] = [];
  const warnings: string[] = [];
  const table = draftTable(draft);
  // The engine's messages start "Offer <name>: ", which the form is about already; only that prefix goes ("Offer X
  // is in EUR but Settings has no FX rate for it: …" is a sentence).
  const prefix = `Offer ${draft.name.trim()}: `;
  const said = (m: string) => inFormWords(m.startsWith(prefix) ? m.slice(prefix.length) : m);
  const place = (column: string | null | undefined, message: string) => {
    const key = keyOfHeader(column ?? null, table);
    const field = key ? fieldOfKey(key) : null;
    if (field && !problems.has(field)) problems.set(field, said(message));
    else if (!field) general.push(said(message));
  };

  const issues: Issue[] = [];
  const offers = typed.problems.size ? [] : readOffers(table, { plans: ctx.plans, settings: ctx.settingsRead }, issues);
  for (const i of issues) if (i.severity === "Error") place(i.column, i.message);
  if (offers.length !== 1 || problems.size || general.length)
    return { offer: null, result: null, problems, general, warnings };

  for (const i of issues) if (i.severity === "Warning") warnings.push(said(i.message));
  const valued = valueOffers(offers, ctx);
  for (const i of valued.issues) {
    if (i.severity === "Error") place(i.column, i.message);
    else if (i.severity === "Warning") warnings.push(said(i.message));
  }
  const result = valued.results[0] ?? null;
  return { offer: result ? offers[0] : null, result, problems, general, warnings };
}

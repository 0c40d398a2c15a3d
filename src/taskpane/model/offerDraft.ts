import { Decimal, assertNever, type VestingFrequency } from "../../engine";
import { parseIsoText } from "../../workbook/parse/cells/dates";
import { parseNumberText } from "../../workbook/parse/cells/numbers";
import { canonicalAmount, canonicalNumber, entryLocale, type NumberLocale } from "./numberEntry";
import type { RawCell } from "../../workbook/types";
import { formatPercent } from "./format";
import type { OfferKey } from "./offerColumns";

/**
 * The "Evaluate an offer" form as typed: text fields in the units a
 * candidate thinks in (money, percent of quota, months), turned into the
 * cells of one Offers row. Checks beyond "is it a number" are the Offers
 * parser's, so the form and the workbook agree on what a valid offer is.
 */
export interface OfferDraft {
  readonly name: string;
  readonly base: string;
  /** Which of OTE and TargetVariable `pay` holds. */
  readonly payKind: "OTE" | "TargetVariable";
  readonly pay: string;
  /** A plan in Plans, or "" for 1.0× target per 100% of quota, uncapped. */
  readonly plan: string;
  /** Annual quota: asked only when the plan pays a percent of bookings. */
  readonly quota: string;
  /** Percent of quota, "80" = 80%. */
  readonly expectedAttainment: string;
  readonly spreadKind: "ShareAtQuota" | "StdDev";
  /**
   * Percent; blank = the org's year-to-year spread measured in AttainmentHistory,
   * else the default (ShareAtQuota counts only on an individual-contributor plan).
   */
  readonly spread: string;
  readonly rampMonths: string;
  readonly rampGuarantee: string;
  readonly signOnBonus: string;
  readonly equityValue: string;
  readonly vestingYears: string;
  readonly cliffMonths: string;
  readonly vestingFrequency: VestingFrequency | "";
  /** ISO day "2026-03-01", or blank. */
  readonly startDate: string;
  readonly currency: string;
}

export const EMPTY_DRAFT: OfferDraft = {
  name: "",
  base: "",
  payKind: "OTE",
  pay: "",
  plan: "",
  quota: "",
  expectedAttainment: "",
  spreadKind: "ShareAtQuota",
  spread: "",
  rampMonths: "",
  rampGuarantee: "",
  signOnBonus: "",
  equityValue: "",
  vestingYears: "",
  cliffMonths: "",
  vestingFrequency: "",
  startDate: "",
  currency: "",
};

/**
 * Nothing typed yet (choices such as the spread's kind do not count): the
 * form shows no problems, since "give the offer a name" before the user has
 * begun is noise, not help.
 */
export function isPristine(draft: OfferDraft): boolean {
  return (Object.keys(EMPTY_DRAFT) as (keyof OfferDraft)[]).every(
    (k) => k === "payKind" || k === "spreadKind" || draft[k] === EMPTY_DRAFT[k],
  );
}

/** The draft's fields as they land in Offers columns; "pay" and "spread" land in the column their kind says. */
export type DraftField = Exclude<keyof OfferDraft, "payKind" | "spreadKind">;

export interface DraftCells {
  /** One value per Offers column (null = blank). */
  readonly cells: Readonly<Record<OfferKey, RawCell>>;
  /** Typing mistakes per field, shown under it: "Type an amount, like 150,000". */
  readonly problems: ReadonlyMap<DraftField, string>;
}

const HUNDRED = new Decimal(100);
const SCALE: Record<string, Decimal> = { k: new Decimal(1000), m: new Decimal(1_000_000) };

/** "150,000", "$150k", "1.2m" → 150000 etc. (in the user's number format); null when blank; undefined when not an amount. */
export function amountOf(text: string, locale: NumberLocale = entryLocale()): number | null | undefined {
  const entry = canonicalAmount(text.trim(), locale);
  if (!entry.ok) return undefined;
  const t = entry.text;
  if (t === "") return null;
  const suffix = /^(.*?)\s*([kKmM])$/.exec(t);
  const parsed = parseNumberText(suffix ? suffix[1] : t);
  if (!parsed.ok || parsed.value.percent || parsed.value.multiple) return undefined;
  const v = suffix ? parsed.value.value.times(SCALE[suffix[2].toLowerCase()]) : parsed.value.value;
  return v.toNumber();
}

/**
 * A percent field: "85", "85%" and "0.85" all mean 85%. A number without a
 * `%` sign up to FRACTION_LIMIT is read as a fraction (0.85, 1.2), anything
 * above as percent points (85, 12.5), the rule Excel's own percent cells
 * follow; percentShown says how it was read, beside the field. Null when
 * blank; undefined when not a number in the user's format.
 */
export function percentOf(text: string, locale: NumberLocale = entryLocale()): number | null | undefined {
  const entry = canonicalNumber(text.trim(), locale);
  if (!entry.ok) return undefined;
  const t = entry.text;
  if (t === "") return null;
  const parsed = parseNumberText(t);
  if (!parsed.ok || parsed.value.multiple) return undefined;
  const { value, percent } = parsed.value;
  return (percent || value.abs().gt(FRACTION_LIMIT) ? value.div(HUNDRED) : value).toNumber();
}

/** A plain number up to this in a percent field is a fraction: 0.85 is 85%, 1.5 is 150%; 2 is 2%. */
export const FRACTION_LIMIT = new Decimal("1.5");

/** "= 85%": how a percent field's text was read, for the hint beside it; null when blank or not a number. */
export function percentShown(text: string, locale: NumberLocale = entryLocale()): string | null {
  const v = percentOf(text, locale);
  if (v === null || v === undefined) return null;
  return `= ${formatPercent(v, 4, locale)}`;
}

export function wholeOf(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** ISO day → Excel serial (what a date cell holds). */
export function serialOf(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const iso = parseIsoText(t);
  if (!iso || !iso.ok) return undefined;
  const [y, m, d] = iso.value.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}

export function draftCells(draft: OfferDraft): DraftCells {
  const problems = new Map<DraftField, string>();
  const read = <T>(field: DraftField, parse: (t: string) => T | null | undefined, hint: string): T | null => {
    const v = parse(draft[field]);
    if (v === undefined) {
      problems.set(field, hint);
      return null;
    }
    return v;
  };
  const comma = entryLocale().decimal === ",";
  const amount = (f: DraftField) => {
    // Why the number cannot be read in the user's format, when that is the reason ("150,000" in de-DE).
    const refused = canonicalAmount(draft[f].trim());
    return read(f, amountOf, refused.ok ? `Type an amount, like ${comma ? "150.000" : "150,000"}` : refused.message);
  };
  const percent = (f: DraftField) => {
    const refused = canonicalNumber(draft[f].trim());
    return read(f, percentOf, refused.ok ? `Type a percent, like 80 or ${comma ? "12,5" : "12.5"}` : refused.message);
  };
  const whole = (f: DraftField) => read(f, wholeOf, "Type a whole number, like 12");
  const text = (f: DraftField) => draft[f].trim() || null;

  const pay = amount("pay");
  const spread = percent("spread");
  const cells: Record<OfferKey, RawCell> = {
    offer: text("name"),
    base: amount("base"),
    ote: draft.payKind === "OTE" ? pay : null,
    targetVariable: draft.payKind === "TargetVariable" ? pay : null,
    plan: text("plan"),
    quota: amount("quota"),
    expectedAttainment: percent("expectedAttainment"),
    stdDev: draft.spreadKind === "StdDev" ? spread : null,
    shareAtQuota: draft.spreadKind === "ShareAtQuota" ? spread : null,
    rampMonths: whole("rampMonths"),
    rampGuarantee: percent("rampGuarantee"),
    signOnBonus: amount("signOnBonus"),
    equityValue: amount("equityValue"),
    vestingYears: whole("vestingYears"),
    cliffMonths: whole("cliffMonths"),
    vestingFrequency: draft.vestingFrequency || null,
    startDate: read("startDate", serialOf, "Pick a date"),
    currency: text("currency")?.toUpperCase() ?? null,
  };
  if (cells.offer === null) problems.set("name", "Give the offer a name");
  return { cells, problems };
}

/** Which form field an Offers column's issue belongs under. */
export function fieldOfKey(key: OfferKey): DraftField {
  switch (key) {
    case "offer":
      return "name";
    case "ote":
    case "targetVariable":
      return "pay";
    case "stdDev":
    case "shareAtQuota":
      return "spread";
    case "base":
    case "plan":
    case "quota":
    case "expectedAttainment":
    case "rampMonths":
    case "rampGuarantee":
    case "signOnBonus":
    case "equityValue":
    case "vestingYears":
    case "cliffMonths":
    case "vestingFrequency":
    case "startDate":
    case "currency":
      return key;
    default:
      return assertNever(key);
  }
}

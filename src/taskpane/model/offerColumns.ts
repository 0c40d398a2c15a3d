import { mapColumns, type FieldSpec } from "../../workbook/parse/headers";
import { OFFER_FIELDS } from "../../workbook/parse/offers";
import type { ColumnFormat, RawTable } from "../../workbook/types";

/** An Offers column the offer form writes, with its display format and the label of its field on the form. */
export interface OfferColumn extends FieldSpec {
  readonly key: OfferKey;
  readonly format: ColumnFormat;
  /** What the form calls it ("Share at quota"), where the table says ShareAtQuota. */
  readonly label: string;
}

export type OfferKey =
  | "offer"
  | "base"
  | "targetVariable"
  | "ote"
  | "plan"
  | "quota"
  | "expectedAttainment"
  | "stdDev"
  | "shareAtQuota"
  | "rampMonths"
  | "rampGuarantee"
  | "signOnBonus"
  | "equityValue"
  | "vestingYears"
  | "cliffMonths"
  | "vestingFrequency"
  | "startDate"
  | "currency";

/** The display format and form label of each column the form writes, in the order a new Offers table gets them. */
const FORMATS: readonly (readonly [OfferKey, ColumnFormat, string])[] = [
  ["offer", "text", "Offer name"],
  ["base", "money", "Base"],
  ["targetVariable", "money", "Target variable"],
  ["ote", "money", "OTE"],
  ["plan", "text", "Plan"],
  ["quota", "money", "Annual quota"],
  ["expectedAttainment", "percent", "Expected attainment"],
  ["stdDev", "percent", "Std dev"],
  ["shareAtQuota", "percent", "Share at quota"],
  ["rampMonths", "integer", "Ramp months"],
  ["rampGuarantee", "percent", "Ramp guarantee"],
  ["signOnBonus", "money", "Sign-on bonus"],
  ["equityValue", "money", "Equity value"],
  ["vestingYears", "integer", "Vesting years"],
  ["cliffMonths", "integer", "Cliff months"],
  ["vestingFrequency", "text", "Vesting frequency"],
  ["startDate", "date", "Start date"],
  ["currency", "text", "Currency"],
];

/** Headers and accepted names are the parser's own (OFFER_FIELDS), so what the form writes is what Offers reads. */
export const OFFER_COLUMNS: readonly OfferColumn[] = FORMATS.map(([key, format, label]) => {
  const field = OFFER_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`Offers has no column ${key}`);
  return { key, name: field.name, aliases: field.aliases, format, label };
});

/** The form's label for a column. */
export function offerLabel(key: OfferKey): string {
  return OFFER_COLUMNS.find((c) => c.key === key)!.label;
}

/** Where each form field lives in a user's Offers table (key -> 0-based column), whatever its header spelling. */
export function offerColumnIndex(table: RawTable): Map<OfferKey, number> {
  return (mapColumns(table, OFFER_COLUMNS, []) ?? new Map()) as Map<OfferKey, number>;
}

/** The form field an issue's column (a header as the user wrote it) is about, or null. */
export function keyOfHeader(header: string | null, table: RawTable): OfferKey | null {
  if (header === null) return null;
  const i = table.headers.indexOf(header);
  if (i < 0) return null;
  for (const [k, col] of offerColumnIndex(table)) if (col === i) return k;
  return null;
}

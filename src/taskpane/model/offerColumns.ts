import { mapColumns, type FieldSpec } from "../../workbook/parse/headers";
import { OFFER_FIELDS } from "../../workbook/parse/offers";
import type { ColumnFormat, RawTable } from "../../workbook/types";

/** An Offers column the offer form writes, with its display format. */
export interface OfferColumn extends FieldSpec {
  readonly key: OfferKey;
  readonly format: ColumnFormat;
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

/** The display format of each column the form writes, in the order a new Offers table gets them. */
const FORMATS: readonly (readonly [OfferKey, ColumnFormat])[] = [
  ["offer", "text"],
  ["base", "money"],
  ["targetVariable", "money"],
  ["ote", "money"],
  ["plan", "text"],
  ["quota", "money"],
  ["expectedAttainment", "percent"],
  ["stdDev", "percent"],
  ["shareAtQuota", "percent"],
  ["rampMonths", "integer"],
  ["rampGuarantee", "percent"],
  ["signOnBonus", "money"],
  ["equityValue", "money"],
  ["vestingYears", "integer"],
  ["cliffMonths", "integer"],
  ["vestingFrequency", "text"],
  ["startDate", "date"],
  ["currency", "text"],
];

/** Headers and accepted names are the parser's own (OFFER_FIELDS), so what the form writes is what Offers reads. */
export const OFFER_COLUMNS: readonly OfferColumn[] = FORMATS.map(([key, format]) => {
  const field = OFFER_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`Offers has no column ${key}`);
  return { key, name: field.name, aliases: field.aliases, format };
});

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

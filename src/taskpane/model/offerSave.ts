import type { Offer } from "../../engine";
import type { RowPatch } from "../../workbook/port";
import type { ExampleTable } from "../../workbook/example/exampleTable";
import { locateInputs } from "../../workbook/parse/locate";
import { nameKey } from "../../workbook/parse/names";
import type { RawCell, RawTable } from "../../workbook/types";
import { OFFER_COLUMNS, offerColumnIndex, type OfferKey } from "./offerColumns";
import { draftCells, type OfferDraft } from "./offerDraft";

/**
 * "Save to workbook" for the offer form, as a plan the view confirms and the
 * port carries out: a new Offers table on a new sheet when there is none
 * (insertExample never overwrites), else one row added to the Offers table,
 * or the row of the same Offer name updated (only the form's columns).
 */
export type OfferSave =
  | { readonly kind: "create"; readonly table: ExampleTable }
  | { readonly kind: "add"; readonly patch: RowPatch }
  | { readonly kind: "update"; readonly patch: RowPatch; readonly row: number; readonly untouched: readonly string[] }
  | { readonly kind: "blocked"; readonly reason: string };

const PAY: readonly OfferKey[] = ["base", "targetVariable", "ote"];

/** The row's values: the draft's cells, with all three pay figures filled in consistently from the valued offer. */
function rowValues(draft: OfferDraft, offer: Offer): Record<OfferKey, RawCell> {
  const { cells } = draftCells(draft);
  return {
    ...cells,
    base: offer.base.toNumber(),
    targetVariable: offer.targetVariable.toNumber(),
    ote: offer.base.plus(offer.targetVariable).toNumber(),
  };
}

export function offerSavePlan(tables: readonly RawTable[], draft: OfferDraft, offer: Offer): OfferSave {
  const values = rowValues(draft, offer);
  const table = locateInputs(tables).Offers;
  if (!table) {
    return {
      kind: "create",
      table: {
        name: "Offers",
        headers: OFFER_COLUMNS.map((c) => c.name),
        rows: [OFFER_COLUMNS.map((c) => values[c.key])],
        formats: OFFER_COLUMNS.map((c) => c.format),
      },
    };
  }
  if (table.source !== "table")
    return {
      kind: "blocked",
      reason:
        "Offers is a plain sheet: turn it into an Excel table (Insert > Table, named Offers) to save offers here.",
    };

  const index = offerColumnIndex(table);
  const offerCol = index.get("offer");
  if (offerCol === undefined) return { kind: "blocked", reason: "The Offers table needs an Offer column." };
  const payCols = PAY.filter((k) => index.has(k));
  if (payCols.length < 2)
    return { kind: "blocked", reason: "The Offers table needs two of the columns Base, TargetVariable and OTE." };
  const missing = OFFER_COLUMNS.filter((c) => !PAY.includes(c.key) && !index.has(c.key) && values[c.key] !== null);
  if (missing.length)
    return {
      kind: "blocked",
      reason: `Your Offers table has no ${missing.map((c) => c.name).join(", ")} column: add ${missing.length === 1 ? "it" : "them"} to the table, or clear ${missing.length === 1 ? "that field" : "those fields"}, to save.`,
    };

  const written = OFFER_COLUMNS.filter((c) => c.key !== "offer" && index.has(c.key));
  const patch: RowPatch = {
    table: table.name,
    match: { [table.headers[offerCol]]: offer.name },
    columns: written.map((c) => table.headers[index.get(c.key)!]),
    rows: [written.map((c) => values[c.key])],
  };
  const same = table.rows.flatMap((r, i) => (nameKey(String(r[offerCol] ?? "")) === nameKey(offer.name) ? [i] : []));
  if (same.length > 1)
    return {
      kind: "blocked",
      reason: `Offer ${offer.name} is in the Offers table ${same.length} times: keep one row, then save.`,
    };
  if (same.length === 0) return { kind: "add", patch };
  const mine = new Set([offerCol, ...written.map((c) => index.get(c.key)!)]);
  const untouched = table.headers.filter((h, i) => !mine.has(i) && String(h ?? "").trim() !== "");
  return { kind: "update", patch, row: table.headerRow + 1 + same[0], untouched };
}

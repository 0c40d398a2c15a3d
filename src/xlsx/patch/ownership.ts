import { escapeXml } from "../shared/xml-escape";

/**
 * How we know a sheet is ours: a sheet-scoped defined name, the same mark the
 * add-in uses (src/excel/ownership.ts; the values must stay equal). In the
 * package it is a <definedName> with the sheet's index as localSheetId, so
 * sheets written by the CLI and by the add-in are recognised by both, and the
 * mark survives renames, save and reopen in Excel. A sheet without it is the
 * user's: we never replace it.
 */
export const OWNED_MARK = "CompPlan_Owned";
/** The add-in's value `="CompPlan results"`, as SpreadsheetML stores a name's formula (no "="). */
export const OWNED_MARK_FORMULA = '"CompPlan results"';
export const OWNED_MARK_COMMENT = "Written by the CompPlan add-in, which replaces this sheet on each run.";

export interface DefinedNameEntry {
  readonly name: string;
  /** Index in <sheets> of the sheet it is scoped to; null for a workbook-level name. */
  readonly localSheetId: number | null;
}

/** Indexes (in <sheets>) of the sheets that carry our mark. */
export function ownedSheetIndexes(names: readonly DefinedNameEntry[]): Set<number> {
  const owned = new Set<number>();
  for (const n of names) {
    if (n.localSheetId !== null && n.name.toLowerCase() === OWNED_MARK.toLowerCase()) owned.add(n.localSheetId);
  }
  return owned;
}

/** The <definedName> marking the sheet at `index` as ours (unprefixed; the caller adds the part's prefix). */
export function ownedMarkXml(index: number): string {
  return (
    `<definedName name="${OWNED_MARK}" localSheetId="${index}" comment="${escapeXml(OWNED_MARK_COMMENT)}">` +
    `${escapeXml(OWNED_MARK_FORMULA)}</definedName>`
  );
}

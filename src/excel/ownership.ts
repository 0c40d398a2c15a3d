/**
 * How the add-in knows a sheet is its own: a sheet-scoped defined name.
 *
 * Why a name: it is available from ExcelApi 1.4 (worksheet.names), it lives
 * inside the sheet, so it survives renames, save/reopen and the temp-to-final
 * swap, it is visible to the user in Name Manager, and it does not depend on
 * the add-in's Id like workbook settings do. Worksheet custom properties would
 * be tidier but need ExcelApi 1.12, above our 1.7 floor.
 *
 * A sheet without the mark is the user's: we never write into it or delete it.
 */
export const OWNED_MARK = "CompPlan_Owned";
const MARK_VALUE = '="CompPlan results"';
const MARK_COMMENT = "Written by the CompPlan add-in, which replaces this sheet on each run.";

export function markOwned(sheet: Excel.Worksheet): void {
  sheet.names.add(OWNED_MARK, MARK_VALUE, MARK_COMMENT);
}

/** Queues a probe; after sync, `isNullObject` is false when the sheet is ours. */
export function probeOwned(sheet: Excel.Worksheet): Excel.NamedItem {
  const mark = sheet.names.getItemOrNullObject(OWNED_MARK);
  mark.load("name");
  return mark;
}

/** Prefixes of the sheets and tables a run creates before it swaps them in. */
export const TEMP_SHEET_PREFIX = "~cp_tmp_";
export const BACKUP_SHEET_PREFIX = "~cp_old_";
export const TEMP_TABLE_PREFIX = "cp_tmp_";
export const BACKUP_TABLE_PREFIX = "cp_old_";

export function isWorkSheetName(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith(TEMP_SHEET_PREFIX) || n.startsWith(BACKUP_SHEET_PREFIX);
}

import type { WriteProgress, WriteReport } from "../workbook/port";
import type { SheetSpec } from "../workbook/types";
import {
  BACKUP_SHEET_PREFIX,
  BACKUP_TABLE_PREFIX,
  isWorkSheetName,
  probeOwned,
  TEMP_SHEET_PREFIX,
  TEMP_TABLE_PREFIX,
} from "./ownership";
import { PAYLOAD_BUDGET } from "./payload";
import { isExcelApiSupported } from "./requirements";
import { printAsReport } from "./resultSheetSteps";
import { resultSheetSteps, type BuiltSheet } from "./resultSheetSteps";
import { WriteBatcher } from "./writeBatcher";

export interface WriteOptions {
  /** Request budget per sync in JSON bytes (default 4 MB, under Excel on the web's ~5 MB). */
  readonly budget?: number;
  /** Suspend screen updating while writing; default: when ExcelApi 1.9 is supported. */
  readonly screenUpdating?: boolean;
  /** Page setup for printing (landscape, one page wide, titles repeated); default: when ExcelApi 1.9 is supported. */
  readonly printSetup?: boolean;
  readonly onProgress?: (progress: WriteProgress) => void;
}

/** A sheet (or table) of a result name that the add-in did not create: we refuse to touch it. */
export class NotOurSheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotOurSheetError";
  }
}

/** The write failed; the workbook was restored. `cause` is the host's error. */
export class WriteFailedError extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
  ) {
    super(message);
    this.name = "WriteFailedError";
  }
}

interface SheetInfo {
  readonly id: string;
  readonly name: string;
}
interface TableInfo {
  readonly id: string;
  readonly name: string;
  readonly sheetId: string;
}
interface Existing {
  readonly sheets: readonly SheetInfo[];
  readonly tables: readonly TableInfo[];
  readonly owned: ReadonlySet<string>;
}

/**
 * Writes result sheets all-or-nothing. Each sheet is built under a temporary
 * name; only when every write succeeded are the previous sheets of those
 * names (ours only) swapped out and the new ones renamed into place. On a
 * failure the temporary sheets are deleted and the workbook is as before.
 */
export async function writeResultSheets(
  context: Excel.RequestContext,
  specs: readonly SheetSpec[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  checkSpecs(specs);
  const budget = options.budget ?? PAYLOAD_BUDGET;
  const screenUpdating = options.screenUpdating ?? isExcelApiSupported("1.9");
  const printSetup = options.printSetup ?? isExcelApiSupported("1.9");
  let existing: Existing;
  try {
    existing = await inspectWorkbook(context, specs);
  } catch (e) {
    throw new WriteFailedError(`Reading the workbook before writing failed, so nothing was changed: ${message(e)}`, e);
  }

  // Refuse before writing anything if a result name belongs to the user.
  const replaced = specs.map((spec) => findReplaced(spec.name, existing));
  const leftovers = existing.sheets.filter((s) => isWorkSheetName(s.name) && existing.owned.has(s.id));

  const taken = new Set(existing.sheets.map((s) => s.name.toLowerCase()));
  const takenTables = new Set(existing.tables.map((t) => t.name.toLowerCase()));
  const built: BuiltSheet[] = specs.map((spec) => ({
    spec,
    tempSheetName: freshName(TEMP_SHEET_PREFIX, taken),
    tempTableName: freshName(TEMP_TABLE_PREFIX, takenTables),
  }));

  const rowsTotal = specs.reduce((n, s) => n + s.rows.length, 0);
  let rowsWritten = 0;
  const batcher = new WriteBatcher(context, budget, screenUpdating, (rows) => {
    rowsWritten += rows;
    options.onProgress?.({ rowsWritten, rowsTotal });
  });

  try {
    // Leftovers of an interrupted run (ours by their mark) go first.
    if (leftovers.length > 0) {
      await batcher.add({
        bytes: 400 * leftovers.length,
        rows: 0,
        queue: () => leftovers.forEach((s) => context.workbook.worksheets.getItem(s.id).delete()),
      });
    }
    for (const b of built) for (const step of resultSheetSteps(context, b, budget)) await batcher.add(step);
    await batcher.flush();
  } catch (e) {
    await deleteTempSheets(context, built);
    throw new WriteFailedError(`Writing the result sheets failed, so nothing was changed: ${message(e)}`, e);
  }

  const warnings = await swapIntoPlace(context, built, replaced, taken, takenTables);
  // Page setup for printing comes after the results are in place, in its own sync: a host that refuses part of
  // it costs a warning, never the run (the all-or-nothing write is already done).
  if (printSetup) {
    try {
      for (const spec of specs) printAsReport(context.workbook.worksheets.getItem(spec.name));
      await context.sync();
    } catch (e) {
      warnings.push(
        `The result sheets are written, but their page setup for printing could not be applied (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
  }
  return { sheets: specs.map((s) => s.name), warnings };
}

function checkSpecs(specs: readonly SheetSpec[]): void {
  const seen = new Set<string>();
  for (const s of specs) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new Error(`Two result sheets are both named ${s.name}`);
    seen.add(key);
    if (s.name.length > 31 || /[[\]:*?/\\]/.test(s.name)) throw new Error(`${s.name} is not a valid sheet name`);
    if (s.columns.length === 0) throw new Error(`Result sheet ${s.name} has no columns`);
  }
}

/** One or two syncs: every sheet and table (names, ids), then the ownership mark of those that matter. */
async function inspectWorkbook(context: Excel.RequestContext, specs: readonly SheetSpec[]): Promise<Existing> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  const tables = context.workbook.tables;
  tables.load("items/name,items/id,items/worksheet/id");
  await context.sync();

  const sheetInfo = sheets.items.map((s) => ({ id: s.id, name: s.name }));
  const tableInfo = tables.items.map((t) => ({ id: t.id, name: t.name, sheetId: t.worksheet.id }));
  const names = new Set(specs.map((s) => s.name.toLowerCase()));
  const relevant = sheetInfo.filter((s) => names.has(s.name.toLowerCase()) || isWorkSheetName(s.name));
  const owned = new Set<string>();
  if (relevant.length > 0) {
    const probes = relevant.map((s) => ({ id: s.id, mark: probeOwned(sheets.getItem(s.id)) }));
    await context.sync();
    for (const p of probes) if (!p.mark.isNullObject) owned.add(p.id);
  }
  return { sheets: sheetInfo, tables: tableInfo, owned };
}

interface Replaced {
  readonly sheet: SheetInfo | null;
  readonly table: TableInfo | null;
}

function findReplaced(name: string, existing: Existing): Replaced {
  const key = name.toLowerCase();
  const sheet = existing.sheets.find((s) => s.name.toLowerCase() === key) ?? null;
  if (sheet && !existing.owned.has(sheet.id)) {
    throw new NotOurSheetError(
      `The workbook already has a sheet named "${sheet.name}" that CompPlan did not create, so it was left alone and nothing was written. Rename or delete that sheet, then run again.`,
    );
  }
  const table = existing.tables.find((t) => t.name.toLowerCase() === key) ?? null;
  if (table && (!sheet || table.sheetId !== sheet.id)) {
    const where = existing.sheets.find((s) => s.id === table.sheetId)?.name ?? "another sheet";
    throw new NotOurSheetError(
      `The workbook already has a table named "${table.name}" (on sheet "${where}"), so the result table could not take that name and nothing was written. Rename that table, then run again.`,
    );
  }
  return { sheet, table };
}

function freshName(prefix: string, taken: Set<string>): string {
  let i = 1;
  while (taken.has(`${prefix}${i}`.toLowerCase())) i++;
  const name = `${prefix}${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Deletes whatever temporary sheets exist (by name: they are fresh names only this run used). */
async function deleteTempSheets(context: Excel.RequestContext, built: readonly BuiltSheet[]): Promise<void> {
  try {
    const probes = built.map((b) => {
      const s = context.workbook.worksheets.getItemOrNullObject(b.tempSheetName);
      s.load("name");
      return s;
    });
    await context.sync();
    const present = probes.filter((s) => !s.isNullObject);
    if (present.length === 0) return;
    for (const s of present) s.delete();
    await context.sync();
  } catch {
    // Marked as ours: the next run deletes any temporary sheet left here.
  }
}

/**
 * Renames the previous sheets out of the way, the new ones into place, in
 * one sync; if that fails, puts everything back by id. Then deletes the
 * previous sheets (a failure there only leaves a marked leftover).
 */
async function swapIntoPlace(
  context: Excel.RequestContext,
  built: readonly BuiltSheet[],
  replaced: readonly Replaced[],
  taken: Set<string>,
  takenTables: Set<string>,
): Promise<string[]> {
  const backups = replaced.map((r) => ({
    ...r,
    backupSheet: r.sheet ? freshName(BACKUP_SHEET_PREFIX, taken) : "",
    backupTable: r.table ? freshName(BACKUP_TABLE_PREFIX, takenTables) : "",
  }));
  const ids = built.map((b) => ({ sheet: b.sheet!.id, table: b.table!.id }));
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  try {
    for (const b of backups) {
      if (b.sheet) sheets.getItem(b.sheet.id).name = b.backupSheet;
      if (b.table) tables.getItem(b.table.id).name = b.backupTable;
    }
    built.forEach((b, i) => {
      sheets.getItem(ids[i].sheet).name = b.spec.name;
      tables.getItem(ids[i].table).name = b.spec.name;
    });
    if (built.length > 0) sheets.getItem(ids[0].sheet).activate();
    await context.sync();
  } catch (e) {
    try {
      for (const id of ids) sheets.getItem(id.sheet).delete();
      for (const b of backups) {
        if (b.sheet) sheets.getItem(b.sheet.id).name = b.sheet.name;
        if (b.table) tables.getItem(b.table.id).name = b.table.name;
      }
      await context.sync();
    } catch (undo) {
      throw new WriteFailedError(
        `Replacing the result sheets failed (${message(e)}) and so did putting the previous ones back (${message(undo)}). Sheets named ${BACKUP_SHEET_PREFIX}… or ${TEMP_SHEET_PREFIX}… may remain; the next run removes them.`,
        e,
      );
    }
    throw new WriteFailedError(`Replacing the result sheets failed, so nothing was changed: ${message(e)}`, e);
  }

  const old = backups.filter((b) => b.sheet);
  if (old.length === 0) return [];
  try {
    for (const b of old) sheets.getItem(b.sheet!.id).delete();
    await context.sync();
    return [];
  } catch (e) {
    return [
      `The new results are in place, but the previous sheets could not be deleted (${message(e)}); the next run removes them.`,
    ];
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

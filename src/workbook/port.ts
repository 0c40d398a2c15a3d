/**
 * The port the task pane talks to the workbook through, and the plain data
 * that crosses it. Neutral: no Office here. src/excel implements it with
 * Office.js (`officeWorkbookPort`); tests and the browser harness pass the
 * same implementation over a fake Excel.
 */
import type { ExampleTable } from "./example/exampleTable";
import type { RawCell, RawTable, SheetSpec } from "./types";

/** Everything the task pane asks of the workbook. */
export interface WorkbookPort {
  /**
   * The input tables (Reps, Plans, ...) as plain grids. A port that keeps a
   * read (the shared runtime's, sharedRead.ts) may hand it out again unless
   * `fresh` (the Inputs tab's Refresh); a read is never changed in place.
   */
  readTables(onProgress?: (p: ReadProgress) => void, options?: ReadRequest): Promise<readonly RawTable[]>;
  /** Writes result sheets all-or-nothing, replacing only sheets the add-in owns. */
  writeSheets(sheets: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void): Promise<WriteReport>;
  /** Adds the example tables on new sheets; never overwrites (with `whole`, inserts all of them or none). */
  insertExample(tables: readonly ExampleTable[], options?: InsertOptions): Promise<InsertReport>;
  /** Selects a cell like "Reps!C7" (click a problem -> Excel shows it). */
  selectCell(address: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** Replaces the rows of a user's table that match a key (plan editor: one plan's tiers). */
  replaceRows(patch: RowPatch): Promise<void>;
  /** Updates or adds key/value rows of the Settings table. */
  writeSettings(entries: readonly SettingEntry[]): Promise<void>;
  /** Writes `note` on every result sheet of the add-in's (the line under its title); resolves to how many. */
  markResultsStale(note: string): Promise<number>;
  /** The workbook's file name, for the "computed from" line. */
  workbookName(): Promise<string>;
}

export interface ReadRequest {
  /** Read the workbook now, even when a read is kept. */
  readonly fresh?: boolean;
}

/** How far reading the input tables has got. */
export interface ReadProgress {
  readonly tables: number;
  readonly rowsRead: number;
  readonly rowsTotal: number;
}

/** How far writing the result sheets has got. */
export interface WriteProgress {
  readonly rowsWritten: number;
  readonly rowsTotal: number;
}

export interface WriteReport {
  readonly sheets: readonly string[];
  /** Things that did not stop the write but the user may want to know (a leftover to tidy). */
  readonly warnings: readonly string[];
}

export interface InsertReport {
  readonly inserted: readonly string[];
  /** Tables not inserted because a sheet or table of that name already exists. */
  readonly skipped: readonly string[];
}

export interface InsertOptions {
  /**
   * All or nothing: when any name is taken, nothing is inserted and `skipped`
   * lists the taken names. The example company is one set of tables (Reps,
   * Plans and Tiers refer to each other): half of it beside the user's own
   * Plans would be a broken mix.
   */
  readonly whole?: boolean;
}

/** Replace the rows of a user's table that match a key (the plan editor's "Save to workbook"). */
export interface RowPatch {
  readonly table: string;
  /** Header -> value; a row matches when every one equals (case and spacing ignored; "" matches a blank cell). */
  readonly match: Readonly<Record<string, string>>;
  /** Headers of the columns written, in the order of each row's values. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
  /**
   * What the matching rows held (in `columns`, in order) when the edit began:
   * when set, a port writes only if they still do, and otherwise refuses
   * (RowsChangedError) — an edit made in Excel meanwhile is never overwritten.
   */
  readonly expected?: readonly (readonly RawCell[])[];
}

/** The rows a RowPatch would replace changed in the workbook since they were read: nothing was written. */
export class RowsChangedError extends Error {}

/** One key/value row of the Settings table. */
export interface SettingEntry {
  readonly key: string;
  readonly value: RawCell;
}

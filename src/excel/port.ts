import type { ExampleTable } from "../workbook/example/exampleTable";
import type { RawTable, SheetSpec } from "../workbook/types";
import type { InsertOptions, InsertReport } from "./insertExample";
import type { ReadProgress } from "./readInputTables";
import type { RowPatch } from "./replaceTableRows";
import type { SettingEntry } from "./upsertSettings";
import type { WriteProgress, WriteReport } from "./writeResultSheets";

export type { InsertOptions, InsertReport, ReadProgress, RowPatch, SettingEntry, WriteProgress, WriteReport };

/**
 * Everything the task pane asks of the workbook. Only src/excel implements
 * it with Office; tests and the browser harness pass an in-memory one.
 */
export interface WorkbookPort {
  /** The input tables (Reps, Plans, ...) as plain grids. */
  readTables(onProgress?: (p: ReadProgress) => void): Promise<readonly RawTable[]>;
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

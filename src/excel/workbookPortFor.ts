import type { WorkbookPort } from "../workbook/port";
import { activateSheet } from "./activateSheet";
import { insertExample } from "./insertExample";
import { markResultsStale } from "./markResultsStale";
import { readInputTables } from "./readInputTables";
import { replaceTableRows } from "./replaceTableRows";
import { selectCell } from "./selectCell";
import { upsertSettings } from "./upsertSettings";
import { writeResultSheets } from "./writeResultSheets";

/** Runs one batch against a workbook, as `Excel.run` does: a context, a final sync, the context closed. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookPortOptions {
  /** The workbook's file name; default: `workbook.name` read through `run` ("this workbook" when empty). */
  readonly workbookName?: () => Promise<string>;
}

/**
 * The WorkbookPort over an Excel host: each call is one `run` around one
 * adapter function. Office passes `Excel.run`; the tests and the browser
 * harness pass the fake Excel's run, so both exercise the same adapter code.
 */
export function workbookPortFor(run: ExcelRun, options: WorkbookPortOptions = {}): WorkbookPort {
  return {
    readTables: (onProgress) => run((ctx) => readInputTables(ctx, { onProgress })),
    writeSheets: (sheets, onProgress) => run((ctx) => writeResultSheets(ctx, sheets, { onProgress })),
    insertExample: (tables, options) => run((ctx) => insertExample(ctx, tables, options)),
    selectCell: (address) => run((ctx) => selectCell(ctx, address)),
    activateSheet: (name) => run((ctx) => activateSheet(ctx, name)),
    replaceRows: (patch) => run((ctx) => replaceTableRows(ctx, patch)),
    writeSettings: (entries) => run((ctx) => upsertSettings(ctx, entries)),
    markResultsStale: (note) => run((ctx) => markResultsStale(ctx, note)),
    workbookName: options.workbookName ?? (() => run(readWorkbookName)),
  };
}

async function readWorkbookName(ctx: Excel.RequestContext): Promise<string> {
  ctx.workbook.load("name");
  await ctx.sync();
  return ctx.workbook.name || "this workbook";
}

import { activateSheet } from "./activateSheet";
import { markResultsStale } from "./markResultsStale";
import { insertExample } from "./insertExample";
import type { WorkbookPort } from "../workbook/port";
import { readInputTables } from "./readInputTables";
import { replaceTableRows } from "./replaceTableRows";
import { selectCell } from "./selectCell";
import { upsertSettings } from "./upsertSettings";
import { writeResultSheets } from "./writeResultSheets";

/** The WorkbookPort over office.js: each call is one Excel.run around one adapter function. */
export function officeWorkbookPort(): WorkbookPort {
  return {
    readTables: (onProgress) => Excel.run((ctx) => readInputTables(ctx, { onProgress })),
    writeSheets: (sheets, onProgress) => Excel.run((ctx) => writeResultSheets(ctx, sheets, { onProgress })),
    insertExample: (tables, options) => Excel.run((ctx) => insertExample(ctx, tables, options)),
    selectCell: (address) => Excel.run((ctx) => selectCell(ctx, address)),
    activateSheet: (name) => Excel.run((ctx) => activateSheet(ctx, name)),
    replaceRows: (patch) => Excel.run((ctx) => replaceTableRows(ctx, patch)),
    writeSettings: (entries) => Excel.run((ctx) => upsertSettings(ctx, entries)),
    markResultsStale: (note) => Excel.run((ctx) => markResultsStale(ctx, note)),
    workbookName: () =>
      Excel.run(async (ctx) => {
        ctx.workbook.load("name");
        await ctx.sync();
        return ctx.workbook.name || "this workbook";
      }),
  };
}

import { activateSheet } from "../../src/excel/activateSheet";
import { insertExample } from "../../src/excel/insertExample";
import { markResultsStale } from "../../src/excel/markResultsStale";
import type { WorkbookPort } from "../../src/workbook/port";
import { readInputTables } from "../../src/excel/readInputTables";
import { replaceTableRows } from "../../src/excel/replaceTableRows";
import { selectCell } from "../../src/excel/selectCell";
import { upsertSettings } from "../../src/excel/upsertSettings";
import { writeResultSheets } from "../../src/excel/writeResultSheets";
import { runWith } from "./excelRun";
import type { FakeExcel } from "./index";

/** The task pane's WorkbookPort over the fake: the real adapter functions, the fake host. */
export function fakeWorkbookPort(fake: FakeExcel): WorkbookPort {
  return {
    readTables: (onProgress) => runWith(fake, (ctx) => readInputTables(ctx, { onProgress })),
    writeSheets: (sheets, onProgress) => runWith(fake, (ctx) => writeResultSheets(ctx, sheets, { onProgress })),
    insertExample: (tables, options) => runWith(fake, (ctx) => insertExample(ctx, tables, options)),
    selectCell: (address) => runWith(fake, (ctx) => selectCell(ctx, address)),
    activateSheet: (name) => runWith(fake, (ctx) => activateSheet(ctx, name)),
    replaceRows: (patch) => runWith(fake, (ctx) => replaceTableRows(ctx, patch)),
    writeSettings: (entries) => runWith(fake, (ctx) => upsertSettings(ctx, entries)),
    markResultsStale: (note) => runWith(fake, (ctx) => markResultsStale(ctx, note)),
    workbookName: async () => fake.state.workbookName,
  };
}

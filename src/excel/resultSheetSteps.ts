import type { SheetSpec } from "../workbook/types";
import { blockAddress } from "./address";
import { numberFormatFor } from "./numberFormats";
import { markOwned } from "./ownership";
import { jsonBytes, OP_BYTES } from "./payload";
import { queueCharts } from "./resultCharts";
import { BODY_ROW, bodyColumnAddress, HEADER_ROW, tableAddress, toWireRow, widthInPoints } from "./sheetLayout";
import { textSafe } from "../workbook/textSafety";
import { blocksOf } from "./valueBlocks";
import type { WriteStep } from "./writeBatcher";

/** Proxies a sheet's steps hand to each other, and what the swap needs afterwards. */
export interface BuiltSheet {
  readonly spec: SheetSpec;
  readonly tempSheetName: string;
  readonly tempTableName: string;
  sheet?: Excel.Worksheet;
  table?: Excel.Table;
}

/** Autofit looks at the header and this many body rows: enough to size, cheap on a 240,000-row sheet. */
const AUTOFIT_ROWS = 200;

/**
 * The writes that build one result sheet under its temporary name: create and
 * mark it, title block, number formats (text columns "@" before any value),
 * header, value blocks sized to the budget, then the table over the written
 * range, frozen header, column widths and charts.
 */
export function* resultSheetSteps(
  context: Excel.RequestContext,
  built: BuiltSheet,
  budget: number,
): Generator<WriteStep> {
  const { spec } = built;
  const cols = spec.columns.length;
  const sheet = (): Excel.Worksheet => {
    if (!built.sheet) throw new Error(`internal: sheet ${built.tempSheetName} used before it was created`);
    return built.sheet;
  };

  const header = spec.columns.map((c) => textSafe(c.header));
  const setup: WriteStep = {
    bytes:
      OP_BYTES * (8 + cols * 2) +
      jsonBytes([spec.title, spec.subtitle, header, spec.columns.map((c) => numberFormatFor(c.format))]),
    rows: 0,
    queue: () => {
      const ws = context.workbook.worksheets.add(built.tempSheetName);
      built.sheet = ws;
      ws.load("id");
      markOwned(ws);
      const title = ws.getRange("A1:A2");
      title.numberFormat = [["@"]];
      title.values = [[textSafe(spec.title)], [textSafe(spec.subtitle)]];
      const t = ws.getRange("A1").format.font;
      t.bold = true;
      t.size = 14;
      const sub = ws.getRange("A2").format.font;
      sub.italic = true;
      sub.color = "#605E5C";
      spec.columns.forEach((c, j) => {
        ws.getRange(bodyColumnAddress(spec, j)).numberFormat = [[numberFormatFor(c.format)]];
      });
      const headerRange = ws.getRange(blockAddress(HEADER_ROW, 0, 1, cols));
      headerRange.numberFormat = [["@"]];
      headerRange.values = [header];
    },
  };

  yield setup;
  // Value blocks are made one at a time, as the batcher asks for them (after the previous sync).
  const blockBudget = Math.max(10_000, budget - 50_000);
  for (const block of blocksOf(spec.rows, toWireRow, blockBudget))
    yield {
      bytes: block.bytes + OP_BYTES,
      rows: block.rows.length,
      queue: () => {
        sheet().getRange(blockAddress(BODY_ROW + block.first, 0, block.rows.length, cols)).values = block.rows as (
          string | number | boolean
        )[][];
      },
    };

  const finish: WriteStep = {
    bytes: OP_BYTES * (6 + cols + (spec.charts?.length ?? 0) * 12),
    rows: 0,
    queue: () => {
      const ws = sheet();
      const table = ws.tables.add(ws.getRange(tableAddress(spec)), true);
      table.name = built.tempTableName;
      table.style = "TableStyleMedium2";
      table.load("id");
      built.table = table;
      ws.freezePanes.freezeRows(BODY_ROW);
      spec.columns.forEach((c, j) => {
        const column = ws.getRange(
          blockAddress(HEADER_ROW, j, 1 + Math.min(Math.max(1, spec.rows.length), AUTOFIT_ROWS), 1),
        );
        if (c.width !== undefined) column.format.columnWidth = widthInPoints(c.width);
        else column.format.autofitColumns();
      });
      queueCharts(ws, spec);
    },
  };

  yield finish;
}

/**
 * Page setup of a result sheet, as the CLI writes it: landscape, one page wide
 * (as many pages down as it takes), title, subtitle and header repeated on
 * every page, sheet name and page numbers in the footer. ExcelApi 1.9.
 */
export function printAsReport(ws: Excel.Worksheet): void {
  const layout = ws.pageLayout;
  layout.orientation = "Landscape" as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows(`$1:$${HEADER_ROW + 1}`);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = "&A";
  footer.rightFooter = "Page &P of &N";
}

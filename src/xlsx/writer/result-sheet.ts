import { sheetRows, TITLE_ROWS, type WritableSheet } from "../../workbook/types";
import { columnLetterTable } from "../shared/cell-ref";
import { chartXml } from "./chart-xml";
import { estimateWidths } from "./column-widths";
import { drawingXml, type ChartAnchor } from "./drawing-xml";
import { uniqueColumnNames } from "./names";
import { columnFormatCode } from "./number-formats";
import { REL_TYPE, type RelationshipEntry } from "./package-xml";
import type { ResultSheetTarget } from "./sheet-target";
import { FontId } from "./style-registry";
import { tableXml } from "./table-xml";
import { blockRef, streamWorksheet } from "./worksheet-xml";

/** Chart size and spacing, in cells. */
const CHART_COLUMNS = 9;
const CHART_ROWS = 20;
const CHART_GAP_ROWS = 2;

/**
 * One result sheet: title (row 1), subtitle (row 2), a blank row, then the
 * table (header in row 4, body from row 5) named like the sheet, frozen below
 * its header, with charts to its right.
 */
export function addResultSheet(pkg: ResultSheetTarget, spec: WritableSheet): void {
  const sheetName = pkg.names.sheetName(spec.name);
  const headers = uniqueColumnNames(spec.columns.map((c) => c.header));
  const width = headers.length;
  const headerRow = TITLE_ROWS + 1;
  const firstBodyRow = headerRow + 1;
  // Excel requires at least one body row in a table: an empty one when there are no results.
  const lastRow = headerRow + Math.max(1, spec.rows.length);

  const formatCodes = spec.columns.map((c) => columnFormatCode(c.format));
  const columnStyles = formatCodes.map((code) => pkg.styles.xf(code));
  const titleStyle = pkg.styles.xf(null, FontId.Title);
  const subtitleStyle = pkg.styles.xf(null, FontId.Subtitle);

  const rels: RelationshipEntry[] = [];
  const tableRelIds: string[] = [];
  if (width > 0) {
    const tableName = pkg.names.tableName(spec.name);
    const ref = blockRef(headerRow, lastRow, width);
    const table = pkg.addTable((id) => tableXml({ id, name: tableName, ref, columns: headers }));
    rels.push({ id: "rId1", type: REL_TYPE.table, target: table.target });
    tableRelIds.push("rId1");
  }

  let drawingRelId: string | undefined;
  const charts = spec.charts ?? [];
  if (charts.length > 0 && width > 0 && Array.isArray(spec.rows)) {
    const source = { sheetName, firstBodyRow, letters: columnLetterTable(width), formatCodes, rows: spec.rows };
    const anchors: ChartAnchor[] = [];
    const chartRels: RelationshipEntry[] = [];
    charts.forEach((chart, i) => {
      const target = pkg.addChart(chartXml(chart, source));
      const relId = `rId${i + 1}`;
      chartRels.push({ id: relId, type: REL_TYPE.chart, target });
      const fromRow = headerRow - 1 + i * (CHART_ROWS + CHART_GAP_ROWS);
      anchors.push({
        relId,
        name: chart.title || `Chart ${i + 1}`,
        fromColumn: width + 1,
        fromRow,
        toColumn: width + 1 + CHART_COLUMNS,
        toRow: fromRow + CHART_ROWS,
      });
    });
    drawingRelId = `rId${rels.length + 1}`;
    rels.push({ id: drawingRelId, type: REL_TYPE.drawing, target: pkg.addDrawing(drawingXml(anchors), chartRels) });
  }

  const body = sheetRows(spec);
  // Only the columns without a set width are estimated (each sampled row made once for all of them).
  const estimated = spec.columns.flatMap((c, j) => (c.width === undefined ? [j] : []));
  const estimates = estimateWidths(
    estimated.map((j) => headers[j]),
    body,
    estimated.map((j) => spec.columns[j].format),
    estimated,
  );
  const columnWidths = spec.columns.map((c) => c.width ?? 0);
  estimated.forEach((j, k) => (columnWidths[j] = estimates[k]));
  const layout = {
    dimension: width > 0 ? blockRef(1, lastRow, width) : "A1:A2",
    selected: false,
    frozenRows: headerRow,
    columnWidths,
    drawingRelId,
    tableRelIds,
    report: true,
  };
  // The rows go straight into the deflater: the part is never held uncompressed.
  const xml = streamWorksheet(layout, pkg.strings, (data) => {
    data.row(1, [spec.title], [titleStyle], 1, { height: 18.75 });
    data.row(2, [spec.subtitle], [subtitleStyle], 1);
    data.row(headerRow, headers, [], width);
    data.body(firstBodyRow, body, columnStyles, width);
  });
  // Printed, the title, subtitle and header row repeat on every page.
  pkg.addWorksheet(sheetName, xml, rels, `$1:$${headerRow}`);
}

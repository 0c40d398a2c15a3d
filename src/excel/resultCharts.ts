import type { ChartSpec, SheetSpec } from "../workbook/types";
import { blockAddress } from "./address";
import { BODY_ROW, chartPosition } from "./sheetLayout";

const CHART_TYPES: Readonly<Record<ChartSpec["kind"], string>> = {
  line: "Line",
  scatterLine: "XYScatterLines",
  stackedBar: "ColumnStacked",
};

function seriesRange(sheet: Excel.Worksheet, column: number, firstRow: number, lastRow: number): Excel.Range {
  return sheet.getRange(blockAddress(BODY_ROW + firstRow, column, lastRow - firstRow + 1, 1));
}

/** Queues native charts for a result sheet, each beside the table (ExcelApi 1.7 for series values). */
export function queueCharts(sheet: Excel.Worksheet, spec: SheetSpec): void {
  (spec.charts ?? []).forEach((chartSpec, index) => {
    const [first, ...rest] = chartSpec.series;
    if (!first) return;
    const chart = sheet.charts.add(
      CHART_TYPES[chartSpec.kind] as Excel.ChartType,
      seriesRange(sheet, first.yColumn, first.firstRow, first.lastRow),
      "Columns" as Excel.ChartSeriesBy,
    );
    chart.title.text = chartSpec.title;
    chart.axes.categoryAxis.title.text = chartSpec.xTitle;
    chart.axes.valueAxis.title.text = chartSpec.yTitle;
    if (chartSpec.xMax !== undefined) chart.axes.categoryAxis.maximum = chartSpec.xMax;
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(seriesRange(sheet, first.xColumn, first.firstRow, first.lastRow));
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(seriesRange(sheet, s.yColumn, s.firstRow, s.lastRow));
      series.setXAxisValues(seriesRange(sheet, s.xColumn, s.firstRow, s.lastRow));
    }
    const { start, end } = chartPosition(spec, index);
    chart.setPosition(start, end);
  });
}

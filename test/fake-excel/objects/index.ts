/**
 * The subset of the Excel JavaScript object model the adapter uses, over
 * WorkbookState, through the strict machinery of context.ts: one file per
 * object family.
 */
export { FakeChart, FakeChartCollection, FakeChartSeries, FakeChartSeriesCollection } from "./charts";
export { FakeRangeFormat } from "./formats";
export { FakeNamedItem, FakeNamedItemCollection } from "./names";
export { FakeRange } from "./ranges";
export { FakeTable, FakeTableCollection, FakeTableRow, FakeTableRowCollection } from "./tables";
export { FakeApplication, FakeWorkbook } from "./workbook";
export { FakeFreezePanes, FakePageLayout, FakeWorksheet, FakeWorksheetCollection } from "./worksheets";

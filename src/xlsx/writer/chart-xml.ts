import type { ChartSeriesSpec, ChartSpec, SpecCell } from "../../workbook/types";
import { escapePlainText, escapeXml } from "../shared/xml-escape";

/** Where a chart's data sits: the result table it draws from. */
export interface ChartSource {
  readonly sheetName: string;
  /** Excel row number of body row 0. */
  readonly firstBodyRow: number;
  /** Column letters and number format codes, by 0-based table column. */
  readonly letters: readonly string[];
  readonly formatCodes: readonly (string | null)[];
  readonly rows: readonly (readonly SpecCell[])[];
}

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const X_AXIS = "500000001";
const Y_AXIS = "500000002";

/** Body rows a series covers, clamped to the rows that exist. */
interface SeriesRows {
  readonly first: number;
  readonly last: number; // < first when empty
}

function seriesRows(series: ChartSeriesSpec, source: ChartSource): SeriesRows {
  return { first: Math.max(0, series.firstRow), last: Math.min(source.rows.length - 1, series.lastRow) };
}

/** 'Sheet Name'!$C$5:$C$45 — absolute, quoted (apostrophes doubled). */
function rangeFormula(source: ChartSource, column: number, span: SeriesRows): string {
  const letter = source.letters[column];
  const top = source.firstBodyRow + span.first;
  const bottom = source.firstBodyRow + Math.max(span.first, span.last);
  return `'${source.sheetName.replace(/'/g, "''")}'!$${letter}$${top}:$${letter}$${bottom}`;
}

function pointCount(span: SeriesRows): number {
  return Math.max(0, span.last - span.first + 1);
}

function numRef(source: ChartSource, column: number, span: SeriesRows): string {
  let points = "";
  for (let i = span.first; i <= span.last; i++) {
    const v = source.rows[i][column];
    if (typeof v === "number" && Number.isFinite(v)) points += `<c:pt idx="${i - span.first}"><c:v>${v}</c:v></c:pt>`;
  }
  const code = escapeXml(source.formatCodes[column] ?? "General");
  return (
    `<c:numRef><c:f>${escapeXml(rangeFormula(source, column, span))}</c:f>` +
    `<c:numCache><c:formatCode>${code}</c:formatCode><c:ptCount val="${pointCount(span)}"/>${points}</c:numCache></c:numRef>`
  );
}

function strRef(source: ChartSource, column: number, span: SeriesRows): string {
  let points = "";
  for (let i = span.first; i <= span.last; i++) {
    const v = source.rows[i][column];
    if (v !== null && v !== undefined)
      points += `<c:pt idx="${i - span.first}"><c:v>${escapePlainText(String(v))}</c:v></c:pt>`;
  }
  return (
    `<c:strRef><c:f>${escapeXml(rangeFormula(source, column, span))}</c:f>` +
    `<c:strCache><c:ptCount val="${pointCount(span)}"/>${points}</c:strCache></c:strRef>`
  );
}

/** Whether every X value the series use is a number (then X is an axis of values, not categories). */
function numericX(chart: ChartSpec, source: ChartSource): boolean {
  let seen = false;
  for (const series of chart.series) {
    const span = seriesRows(series, source);
    for (let i = span.first; i <= span.last; i++) {
      const v = source.rows[i][series.xColumn];
      if (v === null || v === undefined) continue;
      if (typeof v !== "number") return false;
      seen = true;
    }
  }
  return seen;
}

function title(text: string, vertical = false): string {
  if (text === "") return "";
  const body = vertical ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr>` +
    `<a:r><a:t>${escapePlainText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function seriesHead(index: number, series: ChartSeriesSpec): string {
  return `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapePlainText(series.name)}</c:v></c:tx>`;
}

function valueAxis(
  id: string,
  crossId: string,
  position: "b" | "l",
  axisTitle: string,
  formatCode: string | null,
  between: boolean,
  max?: number,
): string {
  const gridlines = position === "l" ? "<c:majorGridlines/>" : "";
  const limit = max === undefined ? "" : `<c:max val="${max}"/><c:min val="0"/>`;
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/>${limit}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${position}"/>${gridlines}${title(axisTitle, position === "l")}` +
    `<c:numFmt formatCode="${escapeXml(formatCode ?? "General")}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${crossId}"/><c:crosses val="autoZero"/><c:crossBetween val="${between ? "between" : "midCat"}"/></c:valAx>`
  );
}

function categoryAxis(id: string, crossId: string, axisTitle: string): string {
  return (
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/>${title(axisTitle)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${crossId}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
  );
}

/** Line through (x, y) points over numeric X, such as a payout curve over attainment. */
function scatterPlot(chart: ChartSpec, source: ChartSource): string {
  const series = chart.series
    .map((s, i) => {
      const span = seriesRows(s, source);
      return (
        `<c:ser>${seriesHead(i, s)}<c:marker><c:symbol val="none"/></c:marker>` +
        `<c:xVal>${numRef(source, s.xColumn, span)}</c:xVal><c:yVal>${numRef(source, s.yColumn, span)}</c:yVal>` +
        '<c:smooth val="0"/></c:ser>'
      );
    })
    .join("");
  const first = chart.series[0];
  return (
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="${X_AXIS}"/><c:axId val="${Y_AXIS}"/></c:scatterChart>` +
    valueAxis(X_AXIS, Y_AXIS, "b", chart.xTitle, first ? source.formatCodes[first.xColumn] : null, false, chart.xMax) +
    valueAxis(Y_AXIS, X_AXIS, "l", chart.yTitle, first ? source.formatCodes[first.yColumn] : null, false)
  );
}

function categories(source: ChartSource, column: number, span: SeriesRows, numeric: boolean): string {
  return `<c:cat>${numeric ? numRef(source, column, span) : strRef(source, column, span)}</c:cat>`;
}

/** Line over categories (text X such as periods). */
function linePlot(chart: ChartSpec, source: ChartSource): string {
  const series = chart.series
    .map((s, i) => {
      const span = seriesRows(s, source);
      return (
        `<c:ser>${seriesHead(i, s)}<c:marker><c:symbol val="none"/></c:marker>` +
        `${categories(source, s.xColumn, span, false)}<c:val>${numRef(source, s.yColumn, span)}</c:val>` +
        '<c:smooth val="0"/></c:ser>'
      );
    })
    .join("");
  const first = chart.series[0];
  return (
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>` +
    `<c:axId val="${X_AXIS}"/><c:axId val="${Y_AXIS}"/></c:lineChart>` +
    categoryAxis(X_AXIS, Y_AXIS, chart.xTitle) +
    valueAxis(Y_AXIS, X_AXIS, "l", chart.yTitle, first ? source.formatCodes[first.yColumn] : null, true)
  );
}

/** Stacked columns: one series per component, categories from xColumn. */
function stackedBarPlot(chart: ChartSpec, source: ChartSource, numeric: boolean): string {
  const series = chart.series
    .map((s, i) => {
      const span = seriesRows(s, source);
      return (
        `<c:ser>${seriesHead(i, s)}<c:invertIfNegative val="0"/>` +
        `${categories(source, s.xColumn, span, numeric)}<c:val>${numRef(source, s.yColumn, span)}</c:val></c:ser>`
      );
    })
    .join("");
  const first = chart.series[0];
  return (
    `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/><c:overlap val="100"/><c:axId val="${X_AXIS}"/><c:axId val="${Y_AXIS}"/></c:barChart>` +
    categoryAxis(X_AXIS, Y_AXIS, chart.xTitle) +
    valueAxis(Y_AXIS, X_AXIS, "l", chart.yTitle, first ? source.formatCodes[first.yColumn] : null, true)
  );
}

/** xl/charts/chartN.xml for one ChartSpec, with cached values so it renders without recalculation. */
export function chartXml(chart: ChartSpec, source: ChartSource): string {
  for (const s of chart.series) {
    for (const column of [s.xColumn, s.yColumn]) {
      if (!Number.isInteger(column) || column < 0 || column >= source.letters.length) {
        throw new RangeError(
          `Chart "${chart.title}" series "${s.name}": column ${column} is not a column of the table.`,
        );
      }
    }
  }
  const numeric = numericX(chart, source);
  const plot =
    chart.kind === "stackedBar"
      ? stackedBarPlot(chart, source, numeric)
      : numeric
        ? scatterPlot(chart, source)
        : linePlot(chart, source);
  const chartTitle =
    chart.title === "" ? '<c:autoTitleDeleted val="1"/>' : `${title(chart.title)}<c:autoTitleDeleted val="0"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}>` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${chartTitle}<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    "</c:chartSpace>"
  );
}

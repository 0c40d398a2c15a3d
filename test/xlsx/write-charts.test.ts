import type { SheetSpec } from "../../src/workbook/types";
import { writeXlsx } from "../../src/xlsx/write";
import { attr, hasXmllint, packageProblems, tags, unzipParts, xmllintErrors, type Parts } from "./package-checks";

// Payout curve: attainment 0%..200% in 5% steps (41 points) for one plan, payout multiple = attainment (1x slope).
const curveRows = Array.from({ length: 41 }, (_, i) => ["AE", "New ARR", i * 0.05, i * 0.05, i * 0.05 * 60000]);
const curve: SheetSpec = {
  name: "Results_PayoutCurve",
  title: "Payout curve",
  subtitle: "AE plan",
  columns: [
    { header: "Plan", format: "text" },
    { header: "Measure", format: "text" },
    { header: "Attainment", format: "percent" },
    { header: "PayoutMultiple", format: "multiple" },
    { header: "Payout", format: "money" },
  ],
  rows: curveRows,
  charts: [
    {
      kind: "scatterLine",
      title: "Payout multiple by attainment",
      xTitle: "Attainment",
      yTitle: "Payout multiple",
      series: [
        { name: "AE New ARR", xColumn: 2, yColumn: 3, firstRow: 0, lastRow: 40 },
        { name: "AE first half", xColumn: 2, yColumn: 3, firstRow: 0, lastRow: 20 },
      ],
    },
  ],
};

// Stacked bars per rep: variable pay split into components; RepID as text categories.
const mix: SheetSpec = {
  name: "Pay Mix",
  title: "Pay mix",
  subtitle: "",
  columns: [
    { header: "RepID", format: "text" },
    { header: "Base", format: "money" },
    { header: "Variable", format: "money" },
    { header: "Period", format: "text" },
  ],
  rows: [
    ["E1", 100000, 50000, "2026-Q1"],
    ["E2", 90000, null, "2026-Q2"],
    ["E3", 80000, 70000, "2026-Q3"],
  ],
  charts: [
    {
      kind: "stackedBar",
      title: "Pay by rep",
      xTitle: "Rep",
      yTitle: "Pay",
      series: [
        { name: "Base", xColumn: 0, yColumn: 1, firstRow: 0, lastRow: 2 },
        { name: "Variable", xColumn: 0, yColumn: 2, firstRow: 0, lastRow: 2 },
      ],
    },
    // A "line" over text X (periods) becomes a line chart over categories; rows past the end are clamped.
    {
      kind: "line",
      title: "Variable by period",
      xTitle: "Period",
      yTitle: "Variable",
      series: [{ name: "Variable", xColumn: 3, yColumn: 2, firstRow: 0, lastRow: 99 }],
    },
  ],
};

describe("writeXlsx charts", () => {
  let parts: Parts;

  beforeAll(() => {
    parts = unzipParts(
      writeXlsx({
        sheets: [curve, mix],
        inputCopies: [],
        about: ["Charts"],
        createdAt: new Date(Date.UTC(2026, 0, 1)),
      }),
    );
  });

  it("adds one drawing per sheet with charts, related from the sheet and anchored right of the table", () => {
    expect(
      Object.keys(parts)
        .filter((p) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(p))
        .sort(),
    ).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
    ]);
    expect(parts["xl/worksheets/sheet2.xml"]).toContain('<drawing r:id="rId2"/>');
    const anchors = parts["xl/drawings/drawing2.xml"].match(/<xdr:twoCellAnchor/g);
    expect(anchors).toHaveLength(2);
    // Table of 4 columns (A..D): charts start in column F (0-based 5), one column of space.
    expect(parts["xl/drawings/drawing2.xml"]).toContain("<xdr:from><xdr:col>5</xdr:col>");
    expect(packageProblems(parts)).toEqual([]);
  });

  it("draws the payout curve as a scatter with straight lines, one <c:ser> per series, over the table's cells", () => {
    const chart = parts["xl/charts/chart1.xml"];
    expect(chart).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart.match(/<c:smooth val="0"\/>/g)).toHaveLength(2);
    // Body rows 0..40 are Excel rows 5..45; attainment is column C, payout multiple column D.
    expect(chart).toContain("<c:f>'Results_PayoutCurve'!$C$5:$C$45</c:f>");
    expect(chart).toContain("<c:f>'Results_PayoutCurve'!$D$5:$D$45</c:f>");
    expect(chart).toContain("<c:f>'Results_PayoutCurve'!$D$5:$D$25</c:f>");
    expect(chart).toContain('<c:ptCount val="41"/>');
    // Cached values: point 20 is 20 x 0.05 = 1 (100% attainment pays 1x).
    expect(chart).toContain('<c:pt idx="20"><c:v>1</c:v></c:pt>');
    expect(chart).toContain("<c:formatCode>0.0%</c:formatCode>");
    expect(chart).toContain("<a:t>Payout multiple by attainment</a:t>");
    expect(chart).toContain("<a:t>Attainment</a:t>");
    expect(chart).toContain('<c:legendPos val="b"/>');
  });

  it("stacks bars: column direction, stacked grouping, overlap 100, text categories, gaps for empty values", () => {
    const chart = parts["xl/charts/chart2.xml"];
    expect(chart).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(chart).toContain('<c:overlap val="100"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    // The sheet name has a space: quoted.
    expect(chart).toContain("<c:cat><c:strRef><c:f>'Pay Mix'!$A$5:$A$7</c:f>");
    expect(chart).toContain('<c:pt idx="1"><c:v>E2</c:v></c:pt>');
    // E2 has no variable pay: 3 points counted, 2 cached.
    const variable = chart.slice(chart.indexOf("<c:f>'Pay Mix'!$C$5:$C$7</c:f>"));
    expect(variable).toMatch(
      /^<c:f>[^<]*<\/c:f><c:numCache><c:formatCode>#,##0.00<\/c:formatCode><c:ptCount val="3"\/><c:pt idx="0"><c:v>50000<\/c:v><\/c:pt><c:pt idx="2">/,
    );
    expect(tags(chart, "c:catAx")).toHaveLength(1);
  });

  it("draws a line over text categories and clamps series to the rows that exist", () => {
    const chart = parts["xl/charts/chart3.xml"];
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain("<c:f>'Pay Mix'!$D$5:$D$7</c:f>");
    expect(attr(tags(chart, "c:ptCount")[0], "val")).toBe("3");
  });

  it("rejects a series column outside the table", () => {
    const bad: SheetSpec = {
      ...mix,
      charts: [
        {
          kind: "line",
          title: "x",
          xTitle: "",
          yTitle: "",
          series: [{ name: "s", xColumn: 0, yColumn: 9, firstRow: 0, lastRow: 1 }],
        },
      ],
    };
    expect(() => writeXlsx({ sheets: [bad], inputCopies: [], about: [] })).toThrow(/column 9/);
  });

  (hasXmllint() ? it : it.skip)("writes well-formed drawing and chart parts (xmllint)", () => {
    expect(xmllintErrors(parts)).toBe("");
  });
});

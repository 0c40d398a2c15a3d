import { scanSheet } from "./sheet-cells";
import { NO_FORMATS } from "./styles-part";

const ctx = { sharedStrings: [], formats: NO_FORMATS, date1904: false };
const sheet = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe("scanSheet's rows", () => {
  it("are as wide as their last cell, whatever the row before (rows are made at its width, then trimmed)", () => {
    const grid = scanSheet(
      sheet(
        '<row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row>' +
          '<row r="2"><c r="B2"><v>2</v></c></row>' + // narrower than row 1
          '<row r="3"><c r="F3"><v>6</v></c></row>' + // wider
          '<row r="4"><c r="A4"/></row>', // styled, empty: no row
      ),
      ctx,
    );
    expect(grid.cells.map((r) => r?.length)).toEqual([4, 2, 6, undefined]);
    expect(grid.cells[0]).toEqual([1, undefined, undefined, 4]);
    expect(grid.cells[1]).toEqual([undefined, 2]);
    expect(grid.cells[2][5]).toBe(6);
  });

  it("a row met again (its cells out of order) keeps what it had and grows", () => {
    const grid = scanSheet(
      sheet(
        '<row r="1"><c r="C1"><v>3</v></c><c r="A2"><v>10</v></c><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row>',
      ),
      ctx,
    );
    expect(grid.cells[0]).toEqual([1, undefined, 3, undefined, 5]);
    expect(grid.cells[1]).toEqual([10]);
  });
});

describe("scanSheet's cells", () => {
  it("read alike whether the value ends the cell (the short path) or something follows it", () => {
    const grid = scanSheet(
      sheet(
        '<row r="1">' +
          '<c r="A1"><v>1.5</v></c>' + // the usual cell
          '<c r="B1"><v>2</v> </c>' + // space before </c>
          '<c r="C1"><f>A1*2</f><v>3</v></c>' + // formula first
          '<c r="D1" t="str"><v>a &amp; b</v></c>' + // text with an entity, on the short path
          '<c r="E1"><v></v></c>' + // empty value: no cell
          '<c r="F1"><v xml:space="preserve">7</v></c>' + // <v> with an attribute
          '<c r="G1" t="inlineStr"><is><t>x</t></is></c>' +
          "<c><v>8</v></c>" + // no reference: the next column
          "</row>",
      ),
      ctx,
    );
    expect(grid.cells[0]).toEqual([1.5, 2, 3, "a & b", undefined, 7, "x", 8]);
  });

  it("stop at the sheet's </sheetData>: a cell after it is not read", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c></row></sheetData><extLst><c r="B1"><v>2</v></c></extLst></worksheet>';
    expect(scanSheet(xml, ctx).cells).toEqual([[1]]);
  });
});

import fc from "fast-check";
import { InlineStrings } from "./inline-strings";
import { SharedStringTable } from "./shared-string-table";
import { SheetDataBuilder } from "./sheet-data";

function sheetData(rows: readonly (readonly (string | number | boolean | null)[])[], styles: number[] = []): string {
  const builder = new SheetDataBuilder(new SharedStringTable());
  rows.forEach((row, i) => builder.row(i + 1, row, styles));
  return new TextDecoder().decode(builder.finish("", ""));
}

describe("SheetDataBuilder", () => {
  it("writes numbers, shared-string indexes, booleans and styles; no cell for null; no row when all null", () => {
    const xml = sheetData(
      [
        ["RepID", 1234.56, null, true, "RepID"],
        [null, null],
        [-0.05, Infinity, 1e21, 1e-7, false],
      ],
      [0, 3, 0, 2, 0],
    );
    expect(xml).toBe(
      "<sheetData>" +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>1234.56</v></c><c r="D1" s="2" t="b"><v>1</v></c><c r="E1" t="s"><v>0</v></c></row>' +
        '<row r="3"><c r="A3"><v>-0.05</v></c><c r="B3" s="3" t="e"><v>#NUM!</v></c><c r="C3"><v>1e+21</v></c><c r="D3" s="2"><v>1e-7</v></c><c r="E3" t="b"><v>0</v></c></row>' +
        "</sheetData>",
    );
  });

  it("writes every finite number so that it reads back as the same double", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer(),
            fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (values) => {
          const xml = sheetData([values]);
          const written = [...xml.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => Number(m[1]));
          expect(written).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
        },
      ),
    );
  });

  it("writes money amounts as their short decimal form", () => {
    // 0.1 + 0.2 is not 0.3: it keeps all its digits; amounts with up to 4 decimals stay short.
    const xml = sheetData([[1234.5, 0.01, 99999999.99, 0.1 + 0.2, 12.3456]]);
    expect([...xml.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => m[1])).toEqual([
      "1234.5",
      "0.01",
      "99999999.99",
      "0.30000000000000004",
      "12.3456",
    ]);
  });
});

describe("SheetDataBuilder with inline strings", () => {
  it("writes text inline (t=inlineStr), escaped, spaces kept; other cells as with shared strings", () => {
    const builder = new SheetDataBuilder(new InlineStrings());
    builder.row(1, ["A & <B>", " pad ", 2.5, true, null, "=1+1"], [0, 3]);
    expect(new TextDecoder().decode(builder.finish("", ""))).toBe(
      "<sheetData>" +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>A &amp; &lt;B&gt;</t></is></c>' +
        '<c r="B1" s="3" t="inlineStr"><is><t xml:space="preserve"> pad </t></is></c>' +
        '<c r="C1"><v>2.5</v></c><c r="D1" t="b"><v>1</v></c>' +
        '<c r="F1" t="inlineStr"><is><t>=1+1</t></is></c></row>' +
        "</sheetData>",
    );
  });

  it("makes room for text longer than the buffer, mid-row, and keeps the cells in order", () => {
    // 5,000,000 characters: more than one 4 MB buffer.
    const long = "x".repeat(5_000_000);
    const builder = new SheetDataBuilder(new InlineStrings());
    builder.row(1, ["Zoë", long, 7], []);
    builder.row(2, ["東京"], []);
    const xml = new TextDecoder().decode(builder.finish("<h>", "</t>"));
    expect(xml).toBe(
      '<h><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Zoë</t></is></c>' +
        `<c r="B1" t="inlineStr"><is><t>${long}</t></is></c><c r="C1"><v>7</v></c></row>` +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>東京</t></is></c></row></sheetData></t>',
    );
  });
});

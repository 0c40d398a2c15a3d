import fc from "fast-check";
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

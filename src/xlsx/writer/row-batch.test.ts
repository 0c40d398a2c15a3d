import fc from "fast-check";
import type { SpecCell } from "../../workbook/types";
import { InlineStrings } from "./inline-strings";
import { RowBatchPacker } from "./row-batch";
import { SheetDataBuilder } from "./sheet-data";

const cell: fc.Arbitrary<SpecCell> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.string(),
  fc.constantFrom("Baseline", "AE", "2026-01", " two  spaces ", "<&>"),
  fc.boolean(),
);

/** What a streaming builder hands its sink, as text. */
function written(fill: (builder: SheetDataBuilder) => void): string {
  let xml = "";
  const decoder = new TextDecoder();
  const builder = SheetDataBuilder.rowsOnly(new InlineStrings(), { write: (chunk) => (xml += decoder.decode(chunk)) });
  fill(builder);
  builder.flush();
  return xml;
}

describe("rows packed for the deflate thread", () => {
  it("are written from their batches exactly as row() writes the same cells, across batches and texts met again", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 40 }), (rows) => {
        const styles = [0, 3, 5, 2, 0];
        const expected = written((b) => rows.forEach((cells, i) => b.row(10 + i, cells, styles, 5)));
        const packer = new RowBatchPacker(5, styles);
        const split = Math.floor(rows.length / 2);
        const texts: string[] = [];
        const sent: string[] = [];
        const tails: Uint8Array[] = [];
        const got = written((b) => {
          for (const [from, to] of [
            [0, split],
            [split, rows.length],
          ]) {
            const batch = packer.pack(10, from, to, (i) => rows[i]);
            expect(batch.firstRow).toBe(10 + from);
            sent.push(...batch.newTexts);
            texts.push(...batch.newTexts);
            b.batch(batch, texts, tails);
          }
        });
        expect(got).toBe(expected);
        // Each text crosses once per part.
        expect(new Set(sent).size).toBe(sent.length);
      }),
    );
  });

  it("take a hole (undefined) as an empty cell, and a row of nothing as no row", () => {
    const packer = new RowBatchPacker(3, [0, 0, 0]);
    const rows: SpecCell[][] = [
      [1.5, undefined as unknown as SpecCell, "a"],
      [null, null, null],
    ];
    const xml = written((b) =>
      b.batch(
        packer.pack(1, 0, 2, (i) => rows[i]),
        ["a"],
        [],
      ),
    );
    expect(xml).toBe('<row r="1"><c r="A1"><v>1.5</v></c><c r="C1" t="inlineStr"><is><t>a</t></is></c></row>');
  });
});

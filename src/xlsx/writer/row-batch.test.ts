import fc from "fast-check";
import type { SpecCell } from "../../workbook/types";
import { RowBatchPacker, unpackRows } from "./row-batch";

const cell: fc.Arbitrary<SpecCell> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true }),
  fc.string(),
  fc.constantFrom("Baseline", "AE", "2026-01"),
  fc.boolean(),
);

describe("RowBatchPacker and unpackRows", () => {
  it("give back every row's cells as they were, across batches, each text sent once per part", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 40 }), (rows) => {
        const packer = new RowBatchPacker(4, [0, 3, 5, 2]);
        const split = Math.floor(rows.length / 2);
        const texts: string[] = [];
        const got: { row: number; cells: SpecCell[] }[] = [];
        const sent: string[] = [];
        for (const [from, to] of [
          [0, split],
          [split, rows.length],
        ]) {
          const batch = packer.pack(10, from, to, (i) => rows[i]);
          expect(batch.firstRow).toBe(10 + from);
          expect(batch.styles).toEqual([0, 3, 5, 2]);
          sent.push(...batch.newTexts);
          unpackRows(batch, texts, (row, cells) => got.push({ row, cells: [...cells] }));
          packer.reuse(batch);
        }
        expect(got).toEqual(rows.map((cells, i) => ({ row: 10 + i, cells })));
        // −0 stays −0 (toEqual tells them apart), and no text is sent twice.
        expect(new Set(sent).size).toBe(sent.length);
      }),
    );
  });

  it("reads an undefined cell (a hole) as empty", () => {
    const packer = new RowBatchPacker(3, [0, 0, 0]);
    const holey: SpecCell[] = [1.5, undefined as unknown as SpecCell, "a"];
    const out: SpecCell[][] = [];
    unpackRows(
      packer.pack(1, 0, 1, () => holey),
      [],
      (_, cells) => out.push([...cells]),
    );
    expect(out).toEqual([[1.5, null, "a"]]);
  });
});

import fc from "fast-check";
import { RowAssembler, rowChunks } from "./rowChunks";

describe("tables in pieces", () => {
  it("reassembles any tables exactly, whatever the piece size, with or without number formats", () => {
    const table = fc.record({
      name: fc.string(),
      headers: fc.array(fc.string(), { maxLength: 3 }),
      rows: fc.array(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 3 }), {
        maxLength: 40,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(table, { maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (tables, size, formats) => {
          type Item = (typeof tables)[number] & { numberFormats?: string[][] };
          const items: Item[] = tables.map((t) =>
            formats ? { ...t, numberFormats: t.rows.map((r) => r.map(() => "0%")) } : t,
          );
          const assembler = new RowAssembler<(typeof items)[number]>();
          let pieces = 0;
          for (const chunk of rowChunks(items, ["rows", "numberFormats"], size)) {
            pieces++;
            expect(Object.values(chunk.parts).every((p) => p.length <= size)).toBe(true);
            assembler.add(structuredClone(chunk));
          }
          expect(assembler.result()).toEqual(items);
          expect(pieces).toBe(items.reduce((n, t) => n + Math.max(1, Math.ceil(t.rows.length / size)), 0));
        },
      ),
      { numRuns: 200 },
    );
  });
});

import ExcelJS from "exceljs";
import { addResultSheets, patchWorkbook, SheetsPastLimitError } from "../../src/xlsx/patch";
import type { PendingSheet, SheetSpec } from "../../src/workbook/types";
import { columnFormatCode } from "../../src/xlsx/writer/number-formats";
import { resultSpecs, userWorkbook } from "./patch-fixtures";

/**
 * The CLI's streaming write: result sheets rendered one at a time as they are
 * written (PendingSheet), each deflated in chunks as its rows are made, and the
 * archive handed out a piece at a time. The output must be the same bytes as
 * from whole specs, and read back identically by an independent reader.
 */
describe("patchWorkbook, streaming", () => {
  let input: Uint8Array;
  const createdAt = new Date(Date.UTC(2026, 2, 1));
  beforeAll(async () => {
    input = await userWorkbook();
  });

  /** The fixture's sheets and a 20,000-row one (several megabytes of XML: deflated in many chunks), with gaps. */
  function specsWithLarge(): SheetSpec[] {
    const large: SheetSpec = {
      name: "Results_Payouts",
      title: "Payouts",
      subtitle: "streamed",
      columns: [
        { header: "RepID", format: "text" },
        { header: "Period", format: "text" },
        { header: "Payout", format: "money" },
        { header: "Attainment", format: "precisePercent" },
        { header: "Gate", format: "text" },
        { header: "Capped", format: "boolean" },
      ],
      rows: Array.from({ length: 20_000 }, (_, i) => [
        `R${String(i % 5000).padStart(6, "0")}`,
        `2026-${String((i % 12) + 1).padStart(2, "0")}`,
        Math.round(i * 137.31) / 100,
        i / 3,
        i % 7 === 0 ? "Below threshold" : null,
        i % 11 === 0 ? true : null,
      ]),
    };
    return [...resultSpecs(3), large];
  }

  function pendingOf(specs: readonly SheetSpec[], log: string[]): PendingSheet[] {
    return specs.map((spec) => ({
      name: spec.name,
      render: () => {
        log.push(spec.name);
        return spec;
      },
    }));
  }

  it("renders each pending sheet once, in order, and writes the same bytes as from whole specs", () => {
    const specs = specsWithLarge();
    const log: string[] = [];
    const streamed = patchWorkbook({ input, sheets: pendingOf(specs, log), createdAt });
    expect(log).toEqual(specs.map((s) => s.name));
    const pieces: Uint8Array[] = [];
    streamed.writeTo((chunk) => pieces.push(chunk.slice()));
    const joined = Buffer.concat(pieces);
    expect(joined.length).toBe(streamed.size);
    expect(joined.equals(Buffer.from(addResultSheets({ input, sheets: specs, createdAt })))).toBe(true);
    expect(Buffer.from(streamed.bytes).equals(joined)).toBe(true);
  });

  it("writes a large sheet in chunks that exceljs reads back with the same values and formats", async () => {
    const specs = specsWithLarge();
    const bytes = patchWorkbook({ input, sheets: pendingOf(specs, []), createdAt }).bytes;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    for (const spec of specs) {
      const ws = wb.getWorksheet(spec.name);
      expect(ws).toBeDefined();
      expect(ws!.getCell(1, 1).value).toBe(spec.title);
      spec.columns.forEach((c, j) => expect(ws!.getCell(4, j + 1).value).toBe(c.header));
      spec.rows.forEach((row, i) =>
        row.forEach((value, j) => expect(ws!.getCell(5 + i, j + 1).value).toBe(value === null ? null : value)),
      );
      // Every body row keeps its column's number format, first and last alike.
      spec.columns.forEach((c, j) => {
        const code = columnFormatCode(c.format) ?? undefined;
        expect(ws!.getCell(5, j + 1).numFmt).toBe(code);
        expect(ws!.getCell(4 + spec.rows.length, j + 1).numFmt).toBe(code);
      });
    }
  });

  it("refuses sheets past the row limit before writing anything, listing every one", () => {
    const specs = specsWithLarge();
    const log: string[] = [];
    const limit = Math.min(...specs.map((s) => s.rows.length)) + 3;
    const past = specs
      .filter((s) => s.rows.length + 4 > limit)
      .map((s) => ({ sheet: s.name, rows: s.rows.length + 4 }));
    expect(past.length).toBeGreaterThan(0);
    let error: unknown;
    try {
      patchWorkbook({ input, sheets: pendingOf(specs, log), createdAt, rowLimit: limit });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SheetsPastLimitError);
    expect((error as SheetsPastLimitError).past).toEqual(past);
    expect(log).toEqual(specs.map((s) => s.name)); // every sheet looked at, to name them all
  });
});

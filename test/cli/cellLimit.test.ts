import ExcelJS from "exceljs";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CELL_TEXT_LIMIT, withinCellLimit } from "../../src/workbook/textSafety";
import { toWireRow } from "../../src/excel/sheetLayout";
import { copyExample, readWorkbook, resultRows, runCli, tempDir } from "./helpers";

describe("Excel's 32,767 characters a cell", () => {
  it("cuts a longer text, saying so at its end, never inside a surrogate pair", () => {
    expect(withinCellLimit("short")).toBe("short");
    const long = "x".repeat(40_000);
    const cut = withinCellLimit(long);
    expect(cut).toHaveLength(CELL_TEXT_LIMIT);
    expect(cut.endsWith(" … [cut to Excel's 32,767 characters a cell; 40,000 in all]")).toBe(true);
    // A pair (😀 is two UTF-16 units) straddling the cut is dropped whole.
    const marker = " … [cut to Excel's 32,767 characters a cell; 36,705 in all]";
    const pairs = "x".repeat(CELL_TEXT_LIMIT - marker.length - 1) + "😀".repeat(1999);
    expect(pairs).toHaveLength(36_705);
    const safe = withinCellLimit(pairs);
    expect(safe).toHaveLength(CELL_TEXT_LIMIT - 1);
    expect(safe.endsWith("x" + marker)).toBe(true);
    // The add-in's write: formula-proofed, then cut.
    expect(toWireRow([`=${long}`])[0]).toHaveLength(CELL_TEXT_LIMIT);
  });

  it("writes two 20,000-character SPIF notes of one quarter as a statement note Excel can open; the CSV keeps them whole", async () => {
    const dir = tempDir();
    try {
      copyExample(dir);
      const path = join(dir, "acme-comp.xlsx");
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const sheet = book.getWorksheet("Adjustments")!;
      const note = "Deal 12345 multi-year prepaid SPIF approved by VP Sales. ".repeat(400).slice(0, 20_000);
      // Each cell within Excel's limit; E1101's 2026-Q2 statement joins them.
      sheet.getCell("E2").value = note;
      sheet.getRow(4).values = ["E1101", "2026-Q2", "SPIF", 100, `Second: ${note}`];
      await book.xlsx.writeFile(path);
      expect(runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx", "-q"], dir).code).toBe(0);
      const statement = resultRows(await readWorkbook(join(dir, "out.xlsx")), "Results_Statements").find(
        (r) => r.Scenario === "Baseline" && r.RepID === "E1101" && r.Period === "2026-Q2",
      )!;
      const notes = statement.Notes as string;
      expect(notes).toHaveLength(CELL_TEXT_LIMIT);
      expect(notes.startsWith(`SPIF 2500: ${note.slice(0, 100)}`)).toBe(true);
      expect(notes.endsWith(" … [cut to Excel's 32,767 characters a cell; 40,029 in all]")).toBe(true);
      expect(runCli(["model", "acme-comp.xlsx", "--format", "csv", "-q"], dir).code).toBe(0);
      const csv = readFileSync(join(dir, "acme-comp-results", "Results_Statements.csv"), "utf8");
      // (Text is read trimmed: the note ends in a space.)
      expect(csv).toContain(`SPIF 100: Second: ${note.trimEnd()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

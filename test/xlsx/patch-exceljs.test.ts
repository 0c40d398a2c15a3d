import ExcelJS from "exceljs";
import { addResultSheets } from "../../src/xlsx/patch";
import { resultSpecs, userWorkbook } from "./patch-fixtures";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell of a sheet with what a user sees of it: value, formula, number format, font, fill, border, alignment. */
function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = { value: cell.value, type: cell.type, style: JSON.parse(JSON.stringify(cell.style ?? {})) };
    }),
  );
  return out;
}

describe("addResultSheets read back by exceljs (an independent reader)", () => {
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = await userWorkbook();
    before = await load(input);
    after = await load(addResultSheets({ input, sheets: resultSpecs(), createdAt: new Date(Date.UTC(2026, 0, 1)) }));
  });

  it("sees the user's sheets first, then ours", () => {
    expect(after.worksheets.map((s) => s.name)).toEqual(["Inputs", "Notes", "Results_Summary", "Results_PayoutCurve"]);
  });

  it("sees the user's sheets cell by cell as they were: values, formulas, styles, merges, widths, panes", () => {
    for (const name of ["Inputs", "Notes"]) {
      const a = before.getWorksheet(name)!;
      const b = after.getWorksheet(name)!;
      expect(cells(b)).toEqual(cells(a));
      expect(b.model.merges).toEqual(a.model.merges);
      expect(b.views).toEqual(a.views);
      expect(b.columns?.map((c) => c.width)).toEqual(a.columns?.map((c) => c.width));
    }
    // Spot checks, so the comparison above cannot pass on two empty sheets.
    const inputs = after.getWorksheet("Inputs")!;
    expect(inputs.getCell("C3").value).toBe(90000.5);
    expect(inputs.getCell("C3").numFmt).toBe('"€"#,##0.00');
    expect(inputs.getCell("D3").value).toEqual({ formula: "C3*2", result: 180001 });
    expect(inputs.getCell("A2").font).toMatchObject({ bold: true, color: { argb: "FFC00000" } });
    expect(inputs.getCell("B3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFFF00" } });
    expect(inputs.getCell("B4").border?.bottom).toMatchObject({ style: "thin" });
    expect(after.getWorksheet("Notes")!.getCell("A2").numFmt).toBe("0.0%");
    expect(after.definedNames.getRanges("BaseSalaries").ranges).toEqual(["Inputs!$C$2:$C$4"]);
  });

  it("reads our sheets: title block, inline text kept as text, formats and the table", () => {
    const ws = after.getWorksheet("Results_Summary")!;
    expect(ws.getCell("A1").value).toBe("Summary by rep");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("A2").font?.italic).toBe(true);
    expect(ws.getRow(4).values).toEqual([undefined, "RepID", "VariablePay", "PctOfOTE"]);
    expect(ws.getCell("A6").value).toBe('=HYPERLINK("x")');
    expect(ws.getCell("A6").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A7").value).toBe("Zoë 東京 & <co>");
    expect(ws.getCell("B5").value).toBe(1234.56);
    expect(ws.getCell("B5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C5").numFmt).toBe("0.0%");
    const table = ws.getTables()[0] as unknown as { table: { name: string; tableRef: string } };
    // Header row 4 and three body rows: A4:C7.
    expect(table.table).toMatchObject({ name: "Results_Summary", tableRef: "A4:C7" });
    const curve = after.getWorksheet("Results_PayoutCurve")!;
    expect(curve.getCell("B6").value).toBe(0.5);
    expect(curve.getCell("B6").numFmt).toBe('0.00"x"');
  });

  it("prints each result sheet like a report: landscape, one page wide, titles and header repeated, pages numbered", () => {
    for (const name of ["Results_Summary", "Results_PayoutCurve"]) {
      const ws = after.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:4",
      });
      expect(ws.headerFooter.oddFooter).toBe("&L&A&RPage &P of &N");
    }
    // The user's sheets keep their own page setup.
    expect(after.getWorksheet("Inputs")!.pageSetup.orientation).not.toBe("landscape");
  });

  it("leaves the user's default style alone: our unformatted cells use it", () => {
    // Header cells carry no style: style index 0, the workbook's Normal.
    const ws = after.getWorksheet("Results_Summary")!;
    expect(ws.getCell("A4").numFmt).toBeUndefined();
    expect(ws.getCell("A4").font).toEqual(after.getWorksheet("Notes")!.getCell("A1").font);
  });
});

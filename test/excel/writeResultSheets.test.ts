import { OWNED_MARK } from "../../src/excel/ownership";
import { NotOurSheetError, writeResultSheets } from "../../src/excel/writeResultSheets";
import type { SheetSpec } from "../../src/workbook/types";
import { FakeExcel } from "../fake-excel";
import { runWith } from "../fake-excel/excelRun";

function spec(name: string, rows: SheetSpec["rows"], extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    title: `${name} title`,
    subtitle: "Computed from test.xlsx at 2026-01-31 10:00",
    columns: [
      { header: "RepID", format: "text" },
      { header: "Attainment", format: "percent" },
      { header: "Payout", format: "money", width: 14 },
    ],
    rows,
    ...extra,
  };
}

function workbookWithInputs(): FakeExcel {
  const fake = new FakeExcel();
  fake.state.seedTable(
    "Reps",
    "Reps",
    ["RepID", "Name"],
    [
      ["R1", "Ada"],
      ["R2", "=Bob"],
    ],
  );
  fake.state.seedSheet("Notes", [["my own notes"]]);
  return fake;
}

const write = (fake: FakeExcel, specs: readonly SheetSpec[]) =>
  runWith(fake, (ctx) => writeResultSheets(ctx, specs, { screenUpdating: true }));

/** The sheets that are not results: must come out deep-equal. */
function inputSnapshot(fake: FakeExcel): unknown {
  return fake.state.sheets.filter((s) => !s.name.startsWith("Results_")).map((s) => fake.state.sheetSnapshot(s));
}

describe("writeResultSheets", () => {
  it("sets each result sheet up to print like a report, as the CLI does, and leaves the user's sheets alone", async () => {
    const fake = workbookWithInputs();
    await runWith(fake, (ctx) =>
      writeResultSheets(ctx, [spec("Results_Payouts", [["R1", 1.25, 1234.5]])], {
        screenUpdating: true,
        printSetup: true,
      }),
    );
    expect(fake.state.sheets.map((s) => [s.name, s.print ?? null])).toEqual([
      ["Reps", null],
      ["Notes", null],
      [
        "Results_Payouts",
        {
          orientation: "Landscape",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: "$1:$4",
          leftFooter: "&A",
          rightFooter: "Page &P of &N",
        },
      ],
    ]);
  });

  it("keeps the results when a host refuses the page setup: a warning, not a failed run", async () => {
    const fake = new FakeExcel(undefined, 8); // ExcelApi 1.8: no pageLayout
    fake.state.seedSheet("Notes", [["my own notes"]]);
    const report = await runWith(fake, (ctx) =>
      writeResultSheets(ctx, [spec("Results_Payouts", [["R1", 1.25, 1234.5]])], { printSetup: true }),
    );
    expect(fake.state.tableValues("Results_Payouts").rows).toEqual([["R1", 1.25, 1234.5]]);
    expect(report.warnings).toEqual([
      expect.stringMatching(/^The result sheets are written, but their page setup for printing could not be applied/),
    ]);
  });

  it("writes a titled, formatted, marked table per sheet and swaps it into place", async () => {
    const fake = workbookWithInputs();
    const before = inputSnapshot(fake);
    await write(fake, [
      spec("Results_Payouts", [
        ["R1", 1.25, 1234.5],
        ["R2", 0.5, 0],
      ]),
      spec("Results_Issues", []),
    ]);

    const st = fake.state;
    expect(st.sheets.map((s) => s.name)).toEqual(["Reps", "Notes", "Results_Payouts", "Results_Issues"]);
    const payouts = st.tableValues("Results_Payouts");
    expect(payouts.headers).toEqual(["RepID", "Attainment", "Payout"]);
    expect(payouts.rows).toEqual([
      ["R1", 1.25, 1234.5],
      ["R2", 0.5, 0],
    ]);
    expect(payouts.formats[0]).toEqual(["@", "0.0%", "#,##0.00"]);
    const sheet = st.findSheet("Results_Payouts")!;
    expect(st.getValue(sheet, 0, 0)).toBe("Results_Payouts title");
    expect(st.getValue(sheet, 1, 0)).toBe("Computed from test.xlsx at 2026-01-31 10:00");
    expect(st.tableAddress(st.findTable("Results_Payouts")!)).toBe("Results_Payouts!A4:C6"); // header on row TITLE_ROWS + 1 = 4
    expect(sheet.frozenRows).toBe(4);
    expect(sheet.names.has(OWNED_MARK.toLowerCase())).toBe(true);
    // 14 characters -> 14 × 5.6 + 8 = 86.4 -> 86 points
    expect(sheet.columnWidths.get(2)).toBe(86);
    // An empty result is still a table (Excel keeps one blank body row).
    expect(st.tableValues("Results_Issues").rows).toEqual([["", "", ""]]);
    expect(st.activeSheetId).toBe(sheet.id);
    expect(inputSnapshot(fake)).toEqual(before);
    // Every sync that wrote cells suspended calculation and screen updating first.
    for (const s of fake.syncs.filter((x) => x.cellsWritten > 0)) {
      expect(s.calcSuspended).toBe(true);
      expect(s.screenSuspended).toBe(true);
    }
    // inspect (sheets/tables), build, swap: no old sheets, so no probe or delete sync.
    expect(fake.syncs.length).toBe(3);
  });

  it("keeps formula-looking text as text (the fake turns it into a formula when unguarded)", async () => {
    const risky = ['=HYPERLINK("http://x","y")', "+1-2", "-SUM(A1)", "@cmd", "\tTabbed", "00123", "TRUE"];
    const fake = workbookWithInputs();
    await write(fake, [
      spec(
        "Results_Payouts",
        risky.map((t) => [t, 1, 2]),
        { title: "=1+1", subtitle: "-x" },
      ),
    ]);
    const t = fake.state.tableValues("Results_Payouts");
    expect(t.rows.map((r) => r[0])).toEqual(risky);
    const sheet = fake.state.findSheet("Results_Payouts")!;
    for (let r = 0; r < risky.length; r++) expect(fake.state.getFormula(sheet, 4 + r, 0)).toBeNull();
    expect(fake.state.getValue(sheet, 0, 0)).toBe("=1+1");
    expect(fake.state.getValue(sheet, 1, 0)).toBe("-x");

    // Control: the same strings written raw into General cells become formulas/numbers.
    const raw = new FakeExcel();
    await raw.run(async (ctx) => {
      ctx.workbook.worksheets.add("S").getRange("A1:A3").values = [["=1+1"], ["00123"], ["@cmd"]];
    });
    const s = raw.state.findSheet("S")!;
    expect(raw.state.getFormula(s, 0, 0)).toBe("=1+1");
    expect(raw.state.getValue(s, 0, 0)).not.toBe("=1+1");
    expect(raw.state.getValue(s, 1, 0)).toBe(123);
    expect(raw.state.getFormula(s, 2, 0)).toBe("=@cmd");
  });

  it("a rerun replaces only our sheets", async () => {
    const fake = workbookWithInputs();
    await write(fake, [spec("Results_Payouts", [["R1", 1, 100]]), spec("Results_Summary", [["R1", 1, 100]])]);
    const firstIds = fake.state.sheets.map((s) => s.id);
    fake.state.seedSheet("Scratch", [["user sheet added later"]]);
    const before = inputSnapshot(fake);

    await write(fake, [
      spec("Results_Payouts", [
        ["R1", 2, 200],
        ["R2", 0.5, 50],
      ]),
      spec("Results_Summary", [["R1", 2, 200]]),
    ]);
    const st = fake.state;
    expect(st.sheets.map((s) => s.name)).toEqual(["Reps", "Notes", "Scratch", "Results_Payouts", "Results_Summary"]);
    expect(st.tableValues("Results_Payouts").rows).toEqual([
      ["R1", 2, 200],
      ["R2", 0.5, 50],
    ]);
    // The result sheets are new sheets; the old ones are gone, no temp or backup left.
    expect(firstIds).not.toContain(st.findSheet("Results_Payouts")!.id);
    expect(st.tables.map((t) => t.name).sort()).toEqual(["Reps", "Results_Payouts", "Results_Summary"]);
    expect(inputSnapshot(fake)).toEqual(before);
  });

  it("never touches a user's own sheet named like a result", async () => {
    const fake = workbookWithInputs();
    fake.state.seedSheet("Results_Payouts", [["the user's own work"]]);
    const before = fake.state.snapshot();
    await expect(write(fake, [spec("Results_Issues", []), spec("Results_Payouts", [["R1", 1, 1]])])).rejects.toThrow(
      NotOurSheetError,
    );
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("never takes a table name the user already uses", async () => {
    const fake = workbookWithInputs();
    fake.state.seedTable("Mine", "Results_Summary", ["A"], [[1]]);
    const before = fake.state.snapshot();
    await expect(write(fake, [spec("Results_Summary", [["R1", 1, 1]])])).rejects.toThrow(
      /table named "Results_Summary"/,
    );
    expect(fake.state.snapshot()).toEqual(before);
  });

  describe("a failure injected mid-write leaves the workbook exactly as before", () => {
    const cases: [string, string, number][] = [
      ["while creating the sheets", "WorksheetCollection.add()", 2],
      ["while writing values", "Range.values=", 5],
      ["while adding a table", "TableCollection.add()", 2],
      ["while adding a chart", "ChartCollection.add()", 1],
      ["during the swap (renaming new sheets)", "Worksheet.name=", 3],
    ];
    it.each(cases)("%s", async (_label, opName, nth) => {
      const fake = workbookWithInputs();
      const chart = {
        kind: "scatterLine" as const,
        title: "Payout curve",
        xTitle: "Attainment",
        yTitle: "Payout multiple",
        series: [{ name: "AE", xColumn: 1, yColumn: 2, firstRow: 0, lastRow: 1 }],
      };
      await write(fake, [
        spec("Results_Payouts", [["R1", 1, 100]]),
        spec("Results_Summary", [["R1", 1, 1]]),
        spec(
          "Results_PayoutCurve",
          [
            ["AE", 0, 0],
            ["AE", 1, 1],
          ],
          { charts: [chart] },
        ),
      ]);
      const before = fake.state.snapshot();
      fake.failAt(opName, nth);
      await expect(
        write(fake, [
          spec("Results_Payouts", [["R9", 9, 9]]),
          spec("Results_Summary", [["R9", 9, 9]]),
          spec(
            "Results_PayoutCurve",
            [
              ["AE", 0, 0],
              ["AE", 2, 2],
            ],
            { charts: [chart] },
          ),
        ]),
      ).rejects.toThrow(/nothing was changed/);
      expect(fake.failWhen).toBeNull(); // the injected failure did fire
      expect(fake.state.snapshot()).toEqual(before);
    });
  });

  it("a failure at every sync of a rewrite, at its first or its last operation, leaves the workbook as before or as a clean write would", async () => {
    const first = [spec("Results_Payouts", [["R1", 1, 100]]), spec("Results_Summary", [["R1", 1, 1]])];
    const second = [spec("Results_Payouts", [["R9", 9, 9]]), spec("Results_Summary", [["R9", 9, 9]])];
    const prepared = async () => {
      const fake = workbookWithInputs();
      await write(fake, first);
      return fake;
    };
    // A clean rewrite: how many syncs it takes, how many operations in each, and the workbook it leaves.
    const clean = await prepared();
    const syncsBefore = clean.syncs.length;
    await write(clean, second);
    const after = clean.state.snapshot();
    const rewrite = clean.syncs.slice(syncsBefore);
    expect(rewrite.length).toBeGreaterThan(1);
    const outcomes = { refused: 0, clean: 0, warned: 0 };
    for (const [k, stats] of rewrite.entries()) {
      for (const position of new Set([0, stats.ops - 1])) {
        const fake = await prepared();
        const before = fake.state.snapshot();
        const target = fake.syncs.length + k + 1;
        let seen = 0;
        fake.failWhen = (_op, index) => index === target && seen++ === position;
        const result = await write(fake, second).then(
          (report) => report.warnings,
          (error: Error) => error.message,
        );
        if (typeof result === "string") {
          expect(result).toMatch(/nothing was changed/);
          expect(fake.state.snapshot()).toEqual(before);
          outcomes.refused++;
        } else if (result.length === 0) {
          expect(fake.state.snapshot()).toEqual(after);
          outcomes.clean++;
        } else {
          outcomes.warned++;
          // Past the swap: the new results are in place and a warning says what was left (the previous sheets, or
          // the page setup); the next run finishes the job and leaves exactly what a clean write does.
          expect(result.join(" ")).toMatch(/^The (new results are in place|result sheets are written)/);
          fake.failWhen = null;
          await write(fake, second);
          // Object ids differ after an extra write; everything the user sees must not.
          const seen = (snapshot: unknown) =>
            JSON.stringify(snapshot, (key, value: unknown) => (key === "id" || key === "sheetId" ? 0 : value));
          expect(seen(fake.state.snapshot())).toEqual(seen(after));
        }
      }
    }
    // Most syncs come before the swap (refused, nothing changed); the last ones after it (in place, with a warning).
    expect(outcomes.refused).toBeGreaterThan(outcomes.warned);
    expect(outcomes.warned).toBeGreaterThan(0);
  });

  it("adds native charts beside the table with titles and series ranges", async () => {
    const fake = workbookWithInputs();
    await write(fake, [
      spec(
        "Results_PayoutCurve",
        [
          ["AE", 0, 0],
          ["AE", 1, 1],
          ["AE", 2, 3],
        ],
        {
          charts: [
            {
              kind: "scatterLine",
              title: "AE payout curve",
              xTitle: "Attainment",
              yTitle: "Multiple",
              series: [{ name: "New ARR", xColumn: 1, yColumn: 2, firstRow: 0, lastRow: 2 }],
            },
          ],
        },
      ),
    ]);
    const [chart] = fake.state.findSheet("Results_PayoutCurve")!.charts;
    expect(chart.type).toBe("XYScatterLines");
    expect(chart.title).toBe("AE payout curve");
    expect([chart.xTitle, chart.yTitle]).toEqual(["Attainment", "Multiple"]);
    // Body rows 5..7 (Excel rows); X in column B, Y in column C.
    const st = fake.state;
    expect(chart.series.map((x) => [x.name, st.refAddress(x.values), st.refAddress(x.xValues)])).toEqual([
      ["New ARR", "Results_PayoutCurve!C5:C7", "Results_PayoutCurve!B5:B7"],
    ]);
    // 3 columns + 1 blank column -> chart starts in column E at the header row.
    expect(chart.position).toEqual({ start: "E4", end: "L22" });
  });

  it("cleans up marked leftovers of an interrupted run", async () => {
    const fake = workbookWithInputs();
    const leftover = fake.state.seedSheet("~cp_tmp_1", [["half written"]]);
    leftover.names.set(OWNED_MARK.toLowerCase(), { name: OWNED_MARK, formula: '="CompPlan results"', comment: "" });
    const usersTilde = fake.state.seedSheet("~cp_old_1", [["not ours"]]);
    await write(fake, [spec("Results_Payouts", [["R1", 1, 1]])]);
    expect(fake.state.findSheet("~cp_tmp_1")).toBeUndefined();
    expect(fake.state.findSheet("~cp_old_1")).toBe(usersTilde);
  });
});

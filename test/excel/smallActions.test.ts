import { acmeExample } from "../../src/workbook/example/acme";
import { insertExample } from "../../src/excel/insertExample";
import { readInputTables } from "../../src/excel/readInputTables";
import { replaceTableRows } from "../../src/excel/replaceTableRows";
import { selectCell } from "../../src/excel/selectCell";
import { upsertSettings } from "../../src/excel/upsertSettings";
import { FakeExcel } from "../fake-excel";
import { runWith } from "../fake-excel/excelRun";

describe("insertExample", () => {
  it("adds each table on a new sheet, skips names in use, and reads back identically", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("Settings", [["mine"]]);
    const before = fake.state.sheetSnapshot(fake.state.findSheet("Settings")!);
    const example = acmeExample();
    const report = await runWith(fake, (ctx) => insertExample(ctx, example));
    expect(report.skipped).toEqual(["Settings"]);
    expect(report.inserted).toEqual(example.filter((t) => t.name !== "Settings").map((t) => t.name));
    expect(fake.state.sheetSnapshot(fake.state.findSheet("Settings")!)).toEqual(before);
    expect(fake.state.sheetById(fake.state.activeSheetId!).name).toBe("Reps");

    const tables = await runWith(fake, (ctx) => readInputTables(ctx));
    for (const t of example.filter((x) => x.name !== "Settings")) {
      const read = tables.find((x) => x.name === t.name && x.source === "table")!;
      expect(read.headers).toEqual(t.headers);
      expect(read.rows).toEqual(t.rows);
    }
    // Formats as inserted: text "@", percent "0.0%", multiple 0.00"×" (Tiers: Plan, Measure, From, To, Rate...).
    const tiers = tables.find((x) => x.name === "Tiers")!;
    expect(tiers.numberFormats![0].slice(0, 5)).toEqual(["@", "@", "0.0%", "0.0%", '0.00"×"']);
  });

  it("whole: inserts nothing when any name is taken, and names the clashes", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("Plans", [["my plans"]]);
    fake.state.seedTable("Notes", "Tiers", ["A"], [["x"]]);
    const before = fake.state.snapshot();
    const report = await runWith(fake, (ctx) => insertExample(ctx, acmeExample(), { whole: true }));
    expect(report).toEqual({ inserted: [], skipped: ["Plans", "Tiers"] });
    expect(fake.state.snapshot()).toEqual(before);
  });
});

describe("replaceTableRows (plan editor save)", () => {
  function tiers(): FakeExcel {
    const fake = new FakeExcel();
    fake.state.seedTable(
      "Tiers",
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate", "Scenario"],
      [
        ["AE", "New ARR", 0, 0.5, 0.5, null],
        ["AE", "New ARR", 0.5, 1, 1.5, null],
        ["AE", "New ARR", 1, null, 2, null],
        ["Mgr", "New ARR", 0, null, 1, null],
        ["AE", "New ARR", 0, null, 9, "Rich"],
      ],
    );
    return fake;
  }
  const match = { Plan: "ae", Measure: "new arr", Scenario: "" };

  it("updates in place and inserts extra bands after the plan's last row", async () => {
    const fake = tiers();
    await runWith(fake, (ctx) =>
      replaceTableRows(ctx, {
        table: "Tiers",
        match,
        columns: ["From", "To", "Rate"],
        rows: [
          [0, 0.4, 0.5],
          [0.4, 1, 1.2],
          [1, 1.5, 2],
          [1.5, null, 3],
        ],
      }),
    );
    expect(fake.state.tableValues("Tiers").rows).toEqual([
      ["AE", "New ARR", 0, 0.4, 0.5, ""],
      ["AE", "New ARR", 0.4, 1, 1.2, ""],
      ["AE", "New ARR", 1, 1.5, 2, ""],
      ["ae", "new arr", 1.5, "", 3, ""],
      ["Mgr", "New ARR", 0, "", 1, ""],
      ["AE", "New ARR", 0, "", 9, "Rich"],
    ]);
    expect(fake.syncs.length).toBe(2);
  });

  it("deletes surplus bands and leaves other plans and scenarios alone", async () => {
    const fake = tiers();
    await runWith(fake, (ctx) =>
      replaceTableRows(ctx, { table: "Tiers", match, columns: ["From", "To", "Rate"], rows: [[0, null, 1]] }),
    );
    expect(fake.state.tableValues("Tiers").rows).toEqual([
      ["AE", "New ARR", 0, "", 1, ""],
      ["Mgr", "New ARR", 0, "", 1, ""],
      ["AE", "New ARR", 0, "", 9, "Rich"],
    ]);
  });
});

describe("replaceTableRows with the rows the edit began from", () => {
  const read = [
    [0, 0.5, 0.5],
    [0.5, 1, 1.5],
    [1, null, 2],
  ];
  const seed = (secondRate: number) => {
    const fake = new FakeExcel();
    fake.state.seedTable(
      "Tiers",
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate", "Scenario"],
      [
        ["AE", "New ARR", 0, 0.5, 0.5, null],
        ["AE", "New ARR", 0.5, 1, secondRate, null],
        ["AE", "New ARR", 1, null, 2, null],
      ],
    );
    return fake;
  };
  const patch = {
    table: "Tiers",
    match: { Plan: "AE", Measure: "New ARR", Scenario: "" },
    columns: ["From", "To", "Rate"],
    // The pane changed the last band's rate to 3.
    rows: [
      [0, 0.5, 0.5],
      [0.5, 1, 1.5],
      [1, null, 3],
    ],
    expected: read,
  };

  it("writes when the rows are as read", async () => {
    const fake = seed(1.5);
    await runWith(fake, (ctx) => replaceTableRows(ctx, patch));
    expect(fake.state.tableValues("Tiers").rows.map((r) => r[4])).toEqual([0.5, 1.5, 3]);
  });

  it("writes nothing when a band was edited in Excel meanwhile, and says so", async () => {
    // Band 2's rate changed to 1.6 in Excel after the pane read 1.5: saving would have put 1.5 back.
    const fake = seed(1.6);
    const before = fake.state.tableValues("Tiers").rows;
    await expect(runWith(fake, (ctx) => replaceTableRows(ctx, patch))).rejects.toThrow(
      "The Tiers rows you are editing (AE · New ARR) changed in the workbook since the pane read them, so nothing was written.",
    );
    expect(fake.state.tableValues("Tiers").rows).toEqual(before);
  });
});

describe("upsertSettings", () => {
  it("updates a key in place and appends a new one", async () => {
    const fake = new FakeExcel();
    fake.state.seedTable(
      "Settings",
      "Settings",
      ["Setting", "Value"],
      [
        ["ReportingCurrency", "USD"],
        ["PlanYear", 2026],
      ],
    );
    await runWith(fake, (ctx) =>
      upsertSettings(ctx, [
        { key: "reporting currency", value: "EUR" },
        { key: "FiscalYearStart", value: 4 },
      ]),
    );
    expect(fake.state.tableValues("Settings").rows).toEqual([
      ["ReportingCurrency", "EUR"],
      ["PlanYear", 2026],
      ["FiscalYearStart", 4],
    ]);
  });

  it("creates a Settings table when there is none, and refuses to rewrite a plain Settings sheet", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("Reps", [["RepID"]]);
    await runWith(fake, (ctx) => upsertSettings(ctx, [{ key: "ReportingCurrency", value: "GBP" }]));
    expect(fake.state.tableValues("Settings").rows).toEqual([["ReportingCurrency", "GBP"]]);

    const plain = new FakeExcel();
    plain.state.seedSheet("Settings", [["Setting", "Value"]]);
    await expect(runWith(plain, (ctx) => upsertSettings(ctx, [{ key: "X", value: 1 }]))).rejects.toThrow(/plain sheet/);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell of a quoted address", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("Reps", [["a"]]);
    const q = fake.state.seedSheet("Q1 Data", [["b"]]);
    await runWith(fake, (ctx) => selectCell(ctx, "'Q1 Data'!C7"));
    expect(fake.state.activeSheetId).toBe(q.id);
    expect(fake.state.selection).toEqual({ sheetId: q.id, rect: { r0: 6, c0: 2, rows: 1, cols: 1 } });
  });
});

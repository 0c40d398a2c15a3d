import { readInputTables } from "../../src/excel/readInputTables";
import { FakeExcel } from "../fake-excel";
import { runWith } from "../fake-excel/excelRun";

function smallWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.state.seedTable(
    "Reps",
    "Reps",
    ["RepID", "Name", "Plan", "Base", "TargetVariable"],
    [
      ["R1", "Ada", "AE", 100000, 50000],
      ["R2", "=cmd", "AE", 90000, 45000],
    ],
    { r0: 1, c0: 1 },
  );
  // A sheet-table (no ListObject): headers in its first used row.
  fake.state.seedSheet(
    "Plans",
    [
      ["Plan", "Measure", "Weight"],
      ["AE", "Bookings", 1],
      [null, null, null],
    ],
    { r0: 2, formats: [[null], [null, null, "0%"]] },
  );
  // Not an input: ignored.
  fake.state.seedTable("Notes", "Scratch", ["A"], [["x"]]);
  return fake;
}

describe("readInputTables", () => {
  it("reads a small workbook in exactly 2 syncs with Excel row/column positions", async () => {
    const fake = smallWorkbook();
    const tables = await runWith(fake, (ctx) => readInputTables(ctx));
    expect(fake.syncs.length).toBe(2);
    expect(tables.map((t) => [t.name, t.source, t.sheet, t.headerRow, t.firstColumn])).toEqual([
      ["Reps", "table", "Reps", 2, 2], // seeded at B2
      ["Plans", "sheet", "Plans", 3, 1], // used range starts at A3
    ]);
    const reps = tables[0];
    expect(reps.headers).toEqual(["RepID", "Name", "Plan", "Base", "TargetVariable"]);
    expect(reps.rows).toEqual([
      ["R1", "Ada", "AE", 100000, 50000],
      ["R2", "=cmd", "AE", 90000, 45000],
    ]);
    expect(tables[1].rows).toEqual([["AE", "Bookings", 1]]);
    expect(tables[1].numberFormats).toEqual([["General", "General", "0%"]]);
  });

  it("falls back to the collections when the host refuses methods on null objects (3 syncs)", async () => {
    const fake = smallWorkbook();
    fake.nullChain = "throw";
    const tables = await runWith(fake, (ctx) => readInputTables(ctx));
    expect(tables.map((t) => t.name)).toEqual(["Reps", "Plans"]);
    expect(fake.syncs.length).toBe(4); // failed probe, collections, ranges, values
  });

  it("drops a table's blank placeholder row", async () => {
    const fake = new FakeExcel();
    fake.state.seedTable("Tiers", "Tiers", ["Plan", "From", "Rate"], [[null, null, null]]);
    const [tiers] = await runWith(fake, (ctx) => readInputTables(ctx));
    expect(tiers.rows).toEqual([]);
  });
});

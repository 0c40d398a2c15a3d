import { markResultsStale } from "../../src/excel/markResultsStale";
import { writeResultSheets } from "../../src/excel/writeResultSheets";
import type { SheetSpec } from "../../src/workbook/types";
import { FakeExcel } from "../fake-excel";
import { runWith } from "../fake-excel/excelRun";

const spec = (name: string): SheetSpec => ({
  name,
  title: `${name} title`,
  subtitle: "Computed from test.xlsx",
  columns: [{ header: "RepID", format: "text" }],
  rows: [["R1"]],
});

describe("markResultsStale", () => {
  it("writes the note under the title of the add-in's result sheets only, and a new run clears it", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("Results_Mine", [["a user's sheet that only looks like ours"]]);
    await runWith(fake, (ctx) => writeResultSheets(ctx, [spec("Results_Summary"), spec("Results_Payouts")]));
    const note = "Out of date: computed at 10:00, before your last change at 10:05. Run again to update.";
    const marked = await runWith(fake, (ctx) => markResultsStale(ctx, note));
    expect(marked).toBe(2);
    const a3 = (name: string) => fake.state.getValue(fake.state.findSheet(name)!, 2, 0);
    expect([a3("Results_Summary"), a3("Results_Payouts"), a3("Results_Mine")]).toEqual([note, note, ""]);
    // The title and the table are as they were.
    expect(fake.state.getValue(fake.state.findSheet("Results_Summary")!, 0, 0)).toBe("Results_Summary title");
    expect(fake.state.tableValues("Results_Summary").rows).toEqual([["R1"]]);
    // A new run rewrites the sheet: the note is gone.
    await runWith(fake, (ctx) => writeResultSheets(ctx, [spec("Results_Summary")]));
    expect(a3("Results_Summary")).toBe("");
  });
});

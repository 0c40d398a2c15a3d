import { FakeExcel } from "../fake-excel";

/** The fake must be at least as strict as office.js, or the adapter tests prove nothing. */
describe("the strict fake Excel", () => {
  it("throws PropertyNotLoaded before load + sync, and applies writes only at sync", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("S", [[1, 2]]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/); // loaded but not synced
      r.values = [[3, 4]];
      expect(fake.state.getValue(fake.state.findSheet("S")!, 0, 0)).toBe(1); // queued, not applied
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]); // the load ran before the write in the queue
      expect(() => r.address).toThrow(/not available/);
    });
    expect(fake.state.getValue(fake.state.findSheet("S")!, 0, 0)).toBe(3);
    expect(fake.syncs.length).toBe(1);
  });

  it("resolves getItemOrNullObject at sync and refuses to write through a null object", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("S", [[1]]);
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      missing.getRange("A1").values = [[1]];
      await expect(ctx.sync()).rejects.toThrow(/null object/);
    });
  });

  it("keeps ops before a failing op applied, like Excel without batch rollback", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("S", [[1]]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("New");
        ctx.workbook.worksheets.add("s"); // sheet names are case-insensitive: already exists
        ctx.workbook.worksheets.add("Never");
        await ctx.sync();
      }),
    ).rejects.toThrow(/already exists/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["S", "New"]);
  });

  it("rejects objects used after their Excel.run", async () => {
    const fake = new FakeExcel();
    fake.state.seedSheet("S", [[1]]);
    const range = await fake.run(async (ctx) => ctx.workbook.worksheets.getItem("S").getRange("A1"));
    expect(() => range.load("values")).toThrow(/closed/);
  });
});

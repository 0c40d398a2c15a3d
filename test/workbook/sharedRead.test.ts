import { SharedRead } from "../../src/workbook/sharedRead";
import type { WorkbookPort } from "../../src/workbook/port";
import type { RawTable } from "../../src/workbook/types";
import { table } from "./tables";

/**
 * The shared runtime's one read (src/workbook/sharedRead.ts), over a port
 * whose reads the test lets finish one at a time: what is kept, for whom,
 * and what drops it.
 */
const REPS = table("Reps", ["RepID", "Plan"], [["E1", "AE"]]);
const PLANS = table("Plans", ["Plan", "Measure"], [["AE", "New ARR"]]);

function port(workbook: () => RawTable[]) {
  const pending: (() => void)[] = [];
  const calls: string[] = [];
  const fake: WorkbookPort = {
    readTables: () => new Promise((resolve) => pending.push(() => resolve(workbook()))),
    writeSheets: async () => (calls.push("writeSheets"), { sheets: [], warnings: [] }),
    insertExample: async () => (calls.push("insertExample"), { inserted: [], skipped: [] }),
    selectCell: async () => undefined,
    activateSheet: async () => undefined,
    replaceRows: async () => void calls.push("replaceRows"),
    writeSettings: async () => void calls.push("writeSettings"),
    markResultsStale: async () => (calls.push("markResultsStale"), 0),
    workbookName: async () => "Book1.xlsx",
  };
  /** Lets every read in flight finish. */
  const finish = async () => {
    while (pending.length) pending.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fake, finish, calls };
}

async function read(shared: SharedRead, finish: () => Promise<void>, fresh = false): Promise<readonly RawTable[]> {
  const reading = shared.read(undefined, { fresh });
  await finish();
  return reading;
}

describe("SharedRead", () => {
  it("keeps a read once changes are watched, hands it to everyone, and drops it on a change, telling listeners", async () => {
    const { fake, finish } = port(() => [REPS, PLANS]);
    const shared = new SharedRead(fake);
    shared.watching();
    const told: string[] = [];
    shared.onInvalidate(() => told.push("dropped"));
    // Two asking at once share one read.
    const [a, b] = await Promise.all([shared.read(), shared.read(), finish()]);
    expect(a).toBe(b);
    expect(await read(shared, finish)).toBe(a);
    expect(shared.reads).toBe(1);
    shared.invalidate();
    expect(told).toEqual(["dropped"]);
    const c = await read(shared, finish);
    expect(c).not.toBe(a);
    expect(shared.reads).toBe(2);
    // Fresh (the Inputs tab's Refresh): a new read whatever is kept, and the listeners are told.
    expect(await read(shared, finish, true)).not.toBe(c);
    expect([shared.reads, told.length]).toEqual([3, 2]);
  });

  it("keeps nothing whose change would go unheard", async () => {
    const cases: [string, () => RawTable[], boolean][] = [
      ["no watch yet", () => [REPS, PLANS], false],
      ["an input on a plain sheet", () => [REPS, PLANS, table("Tiers", ["Plan"], [], { source: "sheet" })], true],
      ["no Plans yet", () => [REPS], true],
      ["an empty workbook", () => [], true],
    ];
    for (const [why, workbook, watched] of cases) {
      const { fake, finish } = port(workbook);
      const shared = new SharedRead(fake);
      if (watched) shared.watching();
      const a = await read(shared, finish);
      const b = await read(shared, finish);
      expect([why, b !== a]).toEqual([why, true]);
      expect([why, shared.reads]).toEqual([why, 2]);
    }
    // A table of another name (the user's own, a result) does not stop a read being kept.
    const { fake, finish } = port(() => [REPS, PLANS, table("Notes", ["x"], [], { source: "sheet" })]);
    const shared = new SharedRead(fake);
    shared.watching();
    expect(await read(shared, finish)).toBe(await read(shared, finish));
  });

  it("does not keep a read made across a change, nor one that began before the watch, nor a failed one", async () => {
    const { fake, finish } = port(() => [REPS, PLANS]);
    const shared = new SharedRead(fake);
    const early = shared.read();
    shared.watching();
    await finish();
    await early;
    const across = shared.read();
    shared.invalidate(); // while it is being made: it may or may not have the change
    await finish();
    const after = await read(shared, finish);
    expect(after).not.toBe(await across);
    expect(await read(shared, finish)).toBe(after);
    expect(shared.reads).toBe(3);

    let fail = true;
    const flaky: WorkbookPort = {
      ...fake,
      readTables: async () => {
        if (fail) throw new Error("busy");
        return [REPS, PLANS];
      },
    };
    const other = new SharedRead(flaky);
    other.watching();
    await expect(other.read()).rejects.toThrow("busy");
    fail = false;
    expect(await other.read()).toHaveLength(2);
  });

  it("its port drops the read after the pane writes an input table, not after it writes results", async () => {
    const { fake, finish, calls } = port(() => [REPS, PLANS]);
    const shared = new SharedRead(fake);
    shared.watching();
    const pane = shared.port();
    let dropped = 0;
    shared.onInvalidate(() => dropped++);
    const reading = async () => {
      const r = pane.readTables();
      await finish();
      return r;
    };
    const first = await reading();
    await pane.writeSheets([]);
    await pane.markResultsStale("stale");
    expect(await reading()).toBe(first);
    for (const write of [
      () => pane.replaceRows({ table: "Tiers", match: {}, columns: [], rows: [] }),
      () => pane.writeSettings([]),
      () => pane.insertExample([]),
    ]) {
      const before = await reading();
      await write();
      expect(await reading()).not.toBe(before);
    }
    expect(dropped).toBe(3);
    expect(calls).toEqual(["writeSheets", "markResultsStale", "replaceRows", "writeSettings", "insertExample"]);
  });
});

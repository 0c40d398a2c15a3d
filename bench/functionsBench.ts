import { watchTables } from "../src/excel/watchTables";
import * as functions from "../src/functions/functions";
import { isInputTableName, LiveFunctions } from "../src/functions/live";
import { acmeExample } from "../src/workbook/example/acme";
import { FakeExcel } from "../test/fake-excel";
import { FakeCustomFunctions } from "../test/fake-excel/customFunctions";
import { runWith } from "../test/fake-excel/excelRun";
import { fakeWorkbookPort } from "../test/fake-excel/fakeWorkbookPort";
import { functionsBuild } from "../test/fake-excel/functionsHost";
import { fmt, printTable } from "./measure";

const CELLS = 1000;

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 0));
}

/**
 * Live worksheet functions (issue 17): a Data Table of 1,000 COMP.PAYOUT
 * cells on the Acme workbook in the fake host, with the functions registered
 * as the build registers them and a LiveFunctions reading through the pane's
 * port: the first calculation (one read of the tables), a recalculation when
 * the input every cell refers to changes (1,000 invocations), and one after a
 * tier edit (tables.onChanged → one read, one batch). Goal: under 1 s.
 */
export async function functionsBench(): Promise<void> {
  const fake = new FakeExcel();
  const sheet = fake.state.addSheet("What-if");
  for (const t of acmeExample()) fake.state.seedTable(t.name, t.name, t.headers, t.rows);
  const build = await functionsBuild();
  const cf = new FakeCustomFunctions(fake.state, build.metadata);
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = cf.global;
  const mod = functions as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const a of build.associate) cf.global.associate(a.id, mod[a.functionName]);
  const port = fakeWorkbookPort(fake);
  const live = new LiveFunctions({ read: () => port.readTables() });
  functions.attachLiveFunctions(live);
  await watchTables(
    (batch) => runWith(fake, batch),
    (table) => {
      if (table === "" || isInputTableName(table)) live.invalidate();
    },
  );
  const value = (r: number, c: number) => fake.state.getValue(sheet, r, c);
  const rows: string[][] = [];
  const time = async (label: string, act: () => void, done: () => boolean) => {
    const t0 = performance.now();
    act();
    await until(done);
    const ms = performance.now() - t0;
    rows.push([label, fmt(ms, 0), ms < 1000 ? "yes" : "NO"]);
  };
  for (let i = 0; i < CELLS; i++) cf.type("What-if", `A${i + 1}`, i / 500);
  await time(
    `${CELLS} × COMP.PAYOUT entered (one read of the tables)`,
    () => {
      cf.type("What-if", "D1", 10000);
      for (let i = 0; i < CELLS; i++) cf.type("What-if", `B${i + 1}`, `=COMP.PAYOUT("AE","New ARR",A${i + 1},$D$1)`);
    },
    () => value(599, 1) === 13960 && value(999, 1) === 30000,
  );
  await time(
    "the input they all refer to changes (1,000 invocations)",
    () => cf.type("What-if", "D1", 20000),
    () => value(599, 1) === 27920 && value(999, 1) === 60000,
  );
  await time(
    "a tier edit: tables.onChanged, one read, one batch",
    () => cf.type("Tiers", "E4", 3),
    () => value(599, 1) === 31880,
  );
  printTable(
    `Live worksheet functions (fake host, Acme workbook, ${live.batches} batches)`,
    ["Data Table of 1,000 COMP.PAYOUT cells", "ms", "< 1 s"],
    rows,
  );
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
}

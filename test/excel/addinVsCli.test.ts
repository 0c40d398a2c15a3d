import { runPipeline } from "../../src/taskpane/model/runPipeline";
import { join } from "node:path";
import { acmeExample } from "../../src/workbook/example/acme";
import type { ExampleTable } from "../../src/workbook/example/exampleTable";
import { modernSaasExample } from "../../src/workbook/example/modernSaas";
import { cliResultTables, comparable } from "../e2e/cliResultTables";
import { FakeExcel } from "../fake-excel";
import { fakeWorkbookPort } from "../fake-excel/fakeWorkbookPort";

/**
 * The add-in and the CLI give the same results: the task pane's run (insert
 * the example, Run) against the strict fake Excel, and `compplan model` on
 * examples/acme-comp.xlsx read back with our reader, agree cell for cell on
 * every Results_ table. The browser test makes the same check on what the
 * real bundle wrote.
 */
const EXAMPLES: readonly [string, () => readonly ExampleTable[], string, number][] = [
  ["acme-comp.xlsx", acmeExample, "Results_Trace alone is ~2,500 rows", 4000],
  ["modern-saas-plan.xlsx", modernSaasExample, "kickers, modifiers, MBOs, advances, the annual gate and draws", 300],
];

describe.each(EXAMPLES)("add-in vs CLI on examples/%s", (file, tables, what, atLeast) => {
  it(`writes identical result tables (${what})`, async () => {
    const fake = new FakeExcel();
    fake.state.addSheet("Sheet1");
    const port = fakeWorkbookPort(fake);
    await port.insertExample(tables());
    const end = await runPipeline(port, () => undefined);
    if (end.kind !== "done") throw new Error(end.kind === "failed" ? end.message : end.kind);

    const cli = cliResultTables(join(__dirname, "..", "..", "examples", file));
    const addin = fake.state.tables.map((t) => t.name).filter((n) => n.startsWith("Results_"));
    expect(addin.sort()).toEqual(Object.keys(cli).sort());
    expect(Object.values(cli).reduce((n, t) => n + t.rows.length, 0)).toBeGreaterThan(atLeast);
    for (const name of addin)
      expect({ name, ...comparable(fake.state.tableValues(name)) }).toEqual({ name, ...cli[name] });
  });
});

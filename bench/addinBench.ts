import { existsSync } from "node:fs";
import { join } from "node:path";
import { readInputTables } from "../src/excel/readInputTables";
import { writeResultSheets } from "../src/excel/writeResultSheets";
import { runWorkbook } from "../src/workbook/run";
import { bundleSizeReport } from "../test/e2e/bundle-size";
import { FakeExcel } from "../test/fake-excel";
import { runWith } from "../test/fake-excel/excelRun";
import { recordGoal } from "./goals";
import { fmt, printTable, ROOT, timed } from "./measure";
import { syntheticOrg, toRawTables } from "./synthetic";

/**
 * The add-in's budget at scale, against the strict fake Excel (which counts
 * syncs and measures every request and response like Excel on the web): the
 * 10,000-rep input tables are read through the adapter, computed, and every
 * result sheet written back. Also the production task pane's gzipped size.
 */
export async function addinBench(repCount: number): Promise<void> {
  const tables = toRawTables(syntheticOrg(repCount));
  const fake = new FakeExcel();
  for (const t of tables) fake.state.seedTable(t.name, t.name, t.headers, t.rows);

  const read = await timedAsync(() => runWith(fake, (ctx) => readInputTables(ctx)));
  const readSyncs = fake.syncs.length;
  const readMax = maxPayload(fake.syncs);
  const run = timed(() => runWorkbook(read.value, { sourceName: "bench", computedAt: new Date() }));
  const before = fake.syncs.length;
  const write = await timedAsync(() => runWith(fake, (ctx) => writeResultSheets(ctx, run.value.sheets)));
  const writeSyncs = fake.syncs.slice(before);
  const rows = run.value.sheets.reduce((n, s) => n + s.rows.length, 0);

  const dist = join(ROOT, "dist");
  const bundles = existsSync(dist) ? bundleSizeReport(dist) : [];
  const taskpane = bundles.find((b) => b.file.startsWith("taskpane"));
  if (repCount === 10_000) {
    recordGoal({
      name: "Add-in at 10,000 reps: syncs to read the inputs [issue 15]",
      figure: readSyncs,
      unit: "",
      target: 15,
      direction: "below",
      reference: "strict fake Excel, counting every context.sync()",
    });
    recordGoal({
      name: "Add-in at 10,000 reps: largest request or response [issue 15]",
      figure: Math.max(readMax, maxPayload(writeSyncs)) / 1024 / 1024,
      unit: " MB",
      target: 4,
      direction: "below",
      reference: "Excel on the web refuses ~5 MB",
      digits: 1,
    });
  }
  printTable(
    `Excel add-in at ${fmt(repCount)} reps (strict fake Excel; Excel on the web refuses ~5 MB per request)`,
    ["figure", "value"],
    [
      ["input rows read", fmt(read.value.reduce((n, t) => n + t.rows.length, 0))],
      ["syncs to read", fmt(readSyncs)],
      ["largest read request/response, KB", fmt(readMax / 1024)],
      ["result rows written", fmt(rows)],
      ["syncs to write", fmt(writeSyncs.length)],
      ["largest write request/response, KB", fmt(maxPayload(writeSyncs) / 1024)],
      ["read + write through the fake, ms", fmt(read.ms + write.ms)],
      [
        "task pane JS, gzipped KB (target ≤ 400)",
        taskpane ? fmt(taskpane.gzipBytes / 1024) : "run `npm run build:local` first",
      ],
    ],
  );
}

function maxPayload(syncs: readonly { requestBytes: number; responseBytes: number }[]): number {
  return Math.max(0, ...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

import { watchTables } from "../../src/excel/watchTables";
import * as functions from "../../src/functions/functions";
import { computeOnThisThread, type Compute } from "../../src/taskpane/model/compute";
import { startRuntime, type Runtime } from "../../src/taskpane/model/runtime";
import { acmeExample } from "../../src/workbook/example/acme";
import type { WorkbookPort } from "../../src/workbook/port";
import { parseAddress } from "./a1";
import { FakeCustomFunctions } from "./customFunctions";
import { runWith } from "./excelRun";
import { fakeWorkbookPort } from "./fakeWorkbookPort";
import { functionsBuild } from "./functionsHost";
import { FakeExcel } from "./index";

export interface FakeSharedRuntime {
  readonly fake: FakeExcel;
  /** The host's formula engine: type formulas and values, wait for answers. */
  readonly cf: FakeCustomFunctions;
  readonly runtime: Runtime;
  /** A cell's value (on What-if unless another sheet is named). */
  readonly at: (address: string, sheet?: string) => unknown;
  /** Reads of the input tables the workbook was asked for. */
  readonly reads: () => number;
  /** Takes the CustomFunctions global and the attached functions away again. */
  readonly dispose: () => void;
}

/**
 * The pane's shared runtime over the fake host, wired by the same
 * startRuntime as the pane's entry: the Acme tables (unless `empty`) and a
 * What-if sheet in the fake Excel, the functions registered as the build
 * registers them (metadata and associate calls from the same generator), one
 * shared read counted at the workbook, tables.onChanged watched, and the
 * model thread `compute` (this thread unless given: a worker for the tests
 * of the protocol). `functions: false` is a host without the shared runtime.
 */
export async function fakeSharedRuntime(
  options: { compute?: Compute; functions?: boolean; empty?: boolean } = {},
): Promise<FakeSharedRuntime> {
  const fake = new FakeExcel();
  const sheet = fake.state.addSheet("What-if");
  if (!options.empty) for (const t of acmeExample()) fake.state.seedTable(t.name, t.name, t.headers, t.rows);
  const build = await functionsBuild();
  const cf = new FakeCustomFunctions(fake.state, build.metadata);
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = cf.global;
  // What custom-functions-metadata-plugin appends to functions.ts.
  const mod = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const a of build.associate) cf.global.associate(a.id, mod[a.functionName]);
  const port = fakeWorkbookPort(fake);
  let reads = 0;
  const source: WorkbookPort = {
    ...port,
    readTables: (onProgress, request) => (reads++, port.readTables(onProgress, request)),
  };
  const runtime = startRuntime({
    source,
    compute: options.compute ?? computeOnThisThread(),
    watch: (onChange) => watchTables((batch) => runWith(fake, batch), onChange),
    functions: options.functions ?? true,
  });
  await runtime.watching;
  functions.attachLiveFunctions(runtime.live);
  const at = (address: string, sheetName?: string) => {
    const { rect } = parseAddress(address);
    return fake.state.getValue(sheetName ? fake.state.findSheet(sheetName)! : sheet, rect.r0, rect.c0);
  };
  const dispose = () => {
    functions.attachLiveFunctions(null);
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  };
  return { fake, cf, runtime, at, reads: () => reads, dispose };
}

/**
 * The fake Office host for the browser end-to-end test: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It defines
 * `Office` (onReady with host Excel, requirement sets, theme), `Excel.run`
 * over the same strict FakeExcel the adapter tests use, and the shared
 * runtime's `CustomFunctions` (test/fake-excel/customFunctions.ts) bound to
 * the build's dist/functions.json, and exposes the fake workbook as
 * `window.__fakeExcel` for the test to read and type into.
 *
 * A page can play a host without the shared runtime by setting
 * `window.__fakeNoSharedRuntime = true` before this script runs: no
 * `CustomFunctions`, and SharedRuntime 1.1 reported unsupported.
 */
import { colName } from "./a1";
import { FakeCustomFunctions, type FunctionMetadata } from "./customFunctions";
import { FakeExcel } from "./index";

/** dist/functions.json, inlined when the fake host is built (browserHarness.ts, after the production build). */
declare const __FUNCTIONS_METADATA__: { functions: FunctionMetadata[] } | null;

interface HostWindow {
  __fakeOfficeTheme?: { bodyBackgroundColor: string };
  __fakeNoSharedRuntime?: boolean;
  __fakeExcel?: unknown;
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const w = window as unknown as HostWindow;
const fake = new FakeExcel();
fake.state.workbookName = "Acme.xlsx";
// Excel's replies come from another process: each sync resumes the pane in a new task.
fake.roundTrip = () => new Promise((resolve) => setTimeout(resolve, 0));
fake.state.addSheet("Sheet1");

const sharedRuntime = !w.__fakeNoSharedRuntime && __FUNCTIONS_METADATA__ !== null;
const functions = sharedRuntime ? new FakeCustomFunctions(fake.state, __FUNCTIONS_METADATA__!) : null;
// Defined before the pane's bundle loads: its functions.ts associates the COMP.* functions as it loads.
if (functions) w.CustomFunctions = functions.global;

w.__fakeExcel = {
  fake,
  sheetNames: () => fake.state.sheets.map((s) => s.name),
  tableNames: () => fake.state.tables.map((t) => t.name),
  tableValues: (name: string) => fake.state.tableValues(name),
  /** One cell's value, 0-based row and column ("" when empty or no such sheet). */
  cellValue: (sheet: string, r: number, c: number) => {
    const s = fake.state.findSheet(sheet);
    return s ? fake.state.getValue(s, r, c) : "";
  },
  syncs: () => fake.syncs.map((s) => ({ ...s })),
  /** [start, end] of each sync's operations: the work Excel does in its own process. */
  hostWork: () => fake.hostWork.slice(),
  /** Adds input tables, each on its own sheet (the bench's 10,000-rep org). */
  seedTables: (tables: { name: string; headers: string[]; rows: (string | number | boolean | null)[][] }[]) => {
    for (const t of tables) fake.state.seedTable(t.name, t.name, t.headers, t.rows);
  },
  activeSheet: () => fake.state.sheets.find((s) => s.id === fake.state.activeSheetId)?.name ?? null,
  selection: () => {
    const sel = fake.state.selection;
    return sel ? { sheet: fake.state.sheetById(sel.sheetId).name, ...sel.rect } : null;
  },
  /** The user types into a cell ("=COMP.PAYOUT(…)", a number, text); table edits raise tables.onChanged. */
  type: (sheet: string, address: string, input: string | number | boolean) => functions!.type(sheet, address, input),
  /** Resolves once every formula has been answered since it was last invoked. */
  settled: () => functions!.settled(),
  /** Resolves once `n` more answers have been delivered. */
  delivered: (n: number) => functions!.delivered(n),
  /** The error message of a cell showing an error. */
  message: (sheet: string, address: string) => functions!.message(sheet, address),
  /** A sheet's used cells as the formula bar and the grid show them: address, formula (or null) and value. */
  cells: (sheet: string) => {
    const s = fake.state.findSheet(sheet);
    const out: { address: string; r: number; c: number; formula: string | null; value: unknown }[] = [];
    s?.rows.forEach((row, r) =>
      row?.v.forEach((value, c) => {
        if (value === undefined && row.f?.get(c) === undefined) return;
        out.push({ address: `${colName(c)}${r + 1}`, r, c, formula: row.f?.get(c) ?? null, value: value ?? "" });
      }),
    );
    return out;
  },
};

w.Excel = {
  run: <T>(batch: (context: unknown) => Promise<T>) => fake.run(batch),
};

const info = { host: "Excel", platform: "OfficeOnline" };
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: (callback?: (i: typeof info) => void) =>
    new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0);
    }),
  context: {
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        (name === "ExcelApi" && fake.isApiSupported(version ?? "1.1")) ||
        (sharedRuntime && name === "SharedRuntime" && Number(version ?? "1.1") <= 1.1),
    },
    officeTheme: w.__fakeOfficeTheme,
  },
};

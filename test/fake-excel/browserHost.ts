/**
 * The fake Office host for the browser end-to-end test: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It defines
 * `Office` (onReady with host Excel, requirement sets, theme) and
 * `Excel.run` over the same strict FakeExcel the adapter tests use, and
 * exposes the fake workbook as `window.__fakeExcel` for the test to read.
 */
import { FakeExcel } from "./index";

interface HostWindow {
  __fakeOfficeTheme?: { bodyBackgroundColor: string };
  __fakeExcel?: unknown;
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as HostWindow;
const fake = new FakeExcel();
fake.state.workbookName = "Acme.xlsx";
// Excel's replies come from another process: each sync resumes the pane in a new task.
fake.roundTrip = () => new Promise((resolve) => setTimeout(resolve, 0));
fake.state.addSheet("Sheet1");

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
      isSetSupported: (name: string, version?: string) => name === "ExcelApi" && fake.isApiSupported(version ?? "1.1"),
    },
    officeTheme: w.__fakeOfficeTheme,
  },
};

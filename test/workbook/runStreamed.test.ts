import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/read";
import { runWorkbook, runWorkbookStreamed } from "../../src/workbook/run";
import { renderSheet } from "../../src/workbook/types";

/** The CLI's streamed run gives the pane's run sheet for sheet, the large ones rendered only when asked. */
describe("runWorkbookStreamed", () => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, "../../examples/acme-comp.xlsx")));
  const computedAt = new Date(Date.UTC(2026, 2, 1));

  it("renders the same sheets as runWorkbook, the large ones pending, and the same json and headline", () => {
    const whole = runWorkbook(readXlsx(bytes), { sourceName: "acme-comp.xlsx", computedAt });
    const streamed = runWorkbookStreamed(readXlsx(bytes), { sourceName: "acme-comp.xlsx", computedAt });
    const pending = streamed.sheets.filter((s) => "render" in s).map((s) => s.name);
    expect(pending).toEqual(["Results_Summary", "Results_Statements", "Results_Payouts", "Results_Realistic"]);
    expect(streamed.sheets.map((s) => s.name)).toEqual(whole.sheets.map((s) => s.name));
    expect(streamed.sheets.map(renderSheet)).toEqual(whole.sheets);
    expect(streamed.headline).toEqual(whole.headline);
    expect(streamed.issues).toEqual(whole.issues);
    expect(JSON.stringify(streamed.json)).toBe(JSON.stringify(whole.json));
  });

  it("locates engine issues from the tables' shapes once their rows are let go", () => {
    const tables = readXlsx(bytes);
    const streamed = runWorkbookStreamed(tables, { sourceName: "acme-comp.xlsx", computedAt });
    const located = streamed.issues.filter((i) => i.address !== null);
    expect(located.length).toBeGreaterThan(0);
    // The caller's tables are not changed: only the run's own reference is dropped.
    expect(tables.find((t) => t.name === "Reps")?.rows.length).toBeGreaterThan(0);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/read";
import { runWorkbook, runWorkbookStreamed } from "../../src/workbook/run";
import { nestedRows } from "../../src/workbook/render/rows";
import { renderSheet, rowsArray, sheetRows, streamSheet } from "../../src/workbook/types";

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

  it("takes the tables handed over by a function, called once, with the same results", () => {
    const whole = runWorkbookStreamed(readXlsx(bytes), { sourceName: "acme-comp.xlsx", computedAt });
    let calls = 0;
    const handed = runWorkbookStreamed(
      () => {
        calls++;
        return readXlsx(bytes);
      },
      { sourceName: "acme-comp.xlsx", computedAt },
    );
    expect(calls).toBe(1);
    expect(handed.sheets.map(renderSheet)).toEqual(whole.sheets.map(renderSheet));
    expect(handed.issues).toEqual(whole.issues);
  });

  it("streams Statements and Payouts row by row: the same rows as rendered whole, the others as their specs", () => {
    for (const example of ["acme-comp.xlsx", "modern-saas-plan.xlsx"]) {
      const file = new Uint8Array(readFileSync(join(__dirname, "../../examples", example)));
      const streamed = runWorkbookStreamed(readXlsx(file), { sourceName: example, computedAt });
      const canStream = streamed.sheets.filter((s) => "stream" in s && s.stream).map((s) => s.name);
      expect(canStream).toEqual(["Results_Statements", "Results_Payouts"]);
      for (const source of streamed.sheets) {
        const whole = renderSheet(source);
        const sheet = streamSheet(source);
        const rows = sheetRows(sheet);
        expect(rows.length).toBe(whole.rows.length);
        expect({ ...sheet, rows: rowsArray(rows) }).toEqual(whole);
        if (!canStream.includes(source.name)) continue;
        expect(rows.length).toBeGreaterThan(10);
        // Asked again, out of order, a row is made the same.
        expect(rows.row(rows.length - 1)).toEqual(whole.rows[whole.rows.length - 1]);
        expect(rows.row(0)).toEqual(whole.rows[0]);
      }
    }
  });
});

describe("nestedRows", () => {
  const groups = [
    { name: "a", items: [1, 3] },
    { name: "b", items: [] },
    { name: "c", items: [2] },
  ];
  const rows = nestedRows(
    groups,
    (g) => g.items,
    (n) => n,
    (g, n, part) => [g.name, n, part],
  );

  it("gives each item its parts' rows, in group then item order, by index", () => {
    expect(rows.length).toBe(6);
    expect(rowsArray(rows)).toEqual([
      ["a", 1, 0],
      ["a", 3, 0],
      ["a", 3, 1],
      ["a", 3, 2],
      ["c", 2, 0],
      ["c", 2, 1],
    ]);
    expect(rows.row(4)).toEqual(["c", 2, 0]);
  });

  it("refuses a row it does not have", () => {
    expect(() => rows.row(6)).toThrow(RangeError);
    expect(() => rows.row(-1)).toThrow(RangeError);
  });
});

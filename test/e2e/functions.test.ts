import { existsSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { acmeExample } from "../../src/workbook/example/acme";
import { exampleRawTables } from "../../src/workbook/example/exampleTable";
import { runWorkbook } from "../../src/workbook/run";
import type { RawTable } from "../../src/workbook/types";
import { buildFakeHost, CHROMIUM, launchChromium, paneContext, serveDist } from "./browserHarness";
import { ensureProductionBuild, ROOT } from "./buildOnce";
import { sheetHtml, type SheetCell } from "./sheetHtml";

/**
 * The COMP.* worksheet functions end to end in real Chromium: the production
 * pane (the shared runtime: index.tsx attaches the functions when the host
 * reports SharedRuntime 1.1 and defines CustomFunctions), the fake host's
 * formula engine (test/fake-excel/customFunctions.ts) bound to the build's
 * dist/functions.json. Formulas are typed into a What-if sheet, checked
 * against hand-computed values, then a band of Tiers is edited through the
 * host and the dependent cells must follow. One case: the browser suite's
 * budget is small. `npm run screenshots` keeps the sheet's picture in
 * docs/screenshots/functions-what-if.png.
 */

const available = existsSync(CHROMIUM);
const maybe = available || process.env.CI ? describe : describe.skip;
const OUT = join(ROOT, "test-output");

interface HostWindow {
  __fakeExcel: {
    seedTables(t: { name: string; headers: string[]; rows: unknown[][] }[]): void;
    type(sheet: string, address: string, input: string | number | boolean): void;
    settled(): Promise<void>;
    delivered(n: number): Promise<void>;
    message(sheet: string, address: string): string;
    cells(sheet: string): SheetCell[];
    cellValue(sheet: string, r: number, c: number): unknown;
  };
}

const SHEET = "What-if";
const TARGET = 25000;
const ATTAINMENTS = [0.3, 0.8, 1, 1.2, 1.5, 1.8];

/** The sheet typed in, cell by cell, in the order a user would. */
const INPUT: [string, string | number][] = [
  ["A1", "Target incentive"],
  ["B1", TARGET],
  ["A3", "Attainment"],
  ["B3", "Multiple"],
  ["C3", "Payout"],
  ...ATTAINMENTS.flatMap((a, i): [string, string | number][] => [
    [`A${4 + i}`, a],
    [`B${4 + i}`, `=COMP.PAYOUT("AE","New ARR",A${4 + i})`],
    [`C${4 + i}`, `=COMP.PAYOUT("AE","New ARR",A${4 + i},$B$1)`],
  ]),
  ["E3", "Curve"],
  ["E4", '=COMP.CURVE("AE","New ARR",0,2,50%)'],
  ["A11", "Offer"],
  ["B11", "OTE"],
  ["C11", "Four years"],
  ["A12", "Growth-stage director"],
  ["B12", '=COMP.OFFER(A12,"OTE")'],
  ["C12", '=COMP.OFFER(A12,"FourYear")'],
  ["A13", "Late-stage director"],
  ["B13", '=COMP.OFFER(A13,"OTE")'],
  ["C13", '=COMP.OFFER(A13,"FourYear")'],
  ["A15", "Rep"],
  ["B15", "Year's pay"],
  ["A16", "E1205"],
  ["B16", "=COMP.PAY(A16)"],
  ["A17", "Flatt"],
  ["B17", '=COMP.PAYOUT(A17,"New ARR",1)'],
];

/** The example with Tiers' fourth row (AE · New ARR, 100–150%) paying `rate`: the cell E4 the test edits. */
function withRate(rate: number): RawTable[] {
  return exampleRawTables(acmeExample()).map((t) => {
    if (t.name !== "Tiers") return t;
    expect(t.headers[4]).toBe("Rate");
    expect(t.rows[2].slice(0, 5)).toEqual(["AE", "New ARR", 1, 1.5, 2]);
    return { ...t, rows: t.rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 4 ? rate : c)) : r)) };
  });
}

/** What the Run computes for the cells that need the whole model: Four-year totals and E1205's year. */
function runFigures(tables: readonly RawTable[]) {
  const run = runWorkbook(tables, { sourceName: "x", computedAt: new Date("2026-12-31T12:00:00Z") });
  expect(run.ok).toBe(true);
  const sheet = (name: string) => {
    const s = run.sheets.find((x) => x.name === name)!;
    return s.rows.map((r) => (h: string) => r[s.columns.findIndex((c) => c.header === h)]);
  };
  const offers = sheet("Results_Offers");
  const fourYear = (name: string) => offers.find((r) => r("Offer") === name)!("Four-year total") as number;
  const cents = sheet("Results_Statements")
    .filter((r) => r("Scenario") === "Baseline" && r("RepID") === "E1205")
    .reduce((sum, r) => sum + Math.round((r("Net paid") as number) * 100), 0);
  return { growth: fourYear("Growth-stage director"), late: fourYear("Late-stage director"), pay: cents / 100 };
}

maybe("COMP.* functions in Chromium, in the pane's shared runtime", () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureProductionBuild();
    const hostScript = await buildFakeHost();
    server = await serveDist();
    browser = await launchChromium();
    const outside: string[] = [];
    const context = await paneContext(browser, hostScript, { width: 320, height: 700, outside });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    // What the pane posts to its model worker, by kind: the functions' batches go there too (one message each).
    await page.addInitScript(() => {
      const asked: string[] = [];
      (window as unknown as { __workerAsked: string[] }).__workerAsked = asked;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, options?: StructuredSerializeOptions) {
        const m = message as Record<string, unknown>;
        const kind = ["functions", "forget", "run", "realistic", "chunk"].find((k) => k in m) ?? "?";
        const tables = m.tables as { fresh: boolean } | undefined;
        asked.push(tables ? `${kind} ${tables.fresh ? "fresh" : "held"}` : kind);
        return post.call(this, message, options);
      } as typeof post;
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`);
    await page.getByRole("button", { name: "Insert example" }).waitFor();
    expect(outside).toEqual([]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it("answers typed formulas with hand-computed values, and follows a tier edit", async () => {
    await page.evaluate(
      ({ tables, input, sheet }) => {
        const x = (window as unknown as HostWindow).__fakeExcel;
        x.seedTables(tables);
        for (const [address, value] of input) x.type(sheet, address, value);
        return x.settled();
      },
      {
        tables: acmeExample().map((t) => ({ name: t.name, headers: [...t.headers], rows: t.rows.map((r) => [...r]) })),
        input: INPUT,
        sheet: SHEET,
      },
    );
    const values = async () => {
      const cells = await page.evaluate((s) => (window as unknown as HostWindow).__fakeExcel.cells(s), SHEET);
      return (address: string) => cells.find((c) => c.address === address)?.value;
    };
    const column = (at: (a: string) => unknown, col: string) => ATTAINMENTS.map((_, i) => at(`${col}${4 + i}`));
    const curve = (at: (a: string) => unknown) => [4, 5, 6, 7, 8].map((r) => [at(`E${r}`), at(`F${r}`)]);

    // AE · New ARR: gated below 40%; 0–50% at 0.5×, 50–100% at 1.5×, 100–150% at 2×, above at 2.5×; capped at 3×.
    const before = runFigures(exampleRawTables(acmeExample()));
    let at = await values();
    expect(column(at, "B")).toEqual([0, 0.7, 1, 1.4, 2, 2.75]); // 0.8: 0.25 + 0.3 × 1.5; 1.8: 2 + 0.3 × 2.5
    expect(column(at, "C")).toEqual([0, 17500, 25000, 35000, 50000, 68750]);
    expect(curve(at)).toEqual([
      [0, 0],
      [0.5, 0.25],
      [1, 1],
      [1.5, 2],
      [2, 3], // 3.25, capped at 3×
    ]);
    expect([at("B12"), at("B13")]).toEqual([240000, 230000]); // the Offers rows' OTE
    expect([at("C12"), at("C13"), at("B16")]).toEqual([before.growth, before.late, before.pay]); // the Run's cents
    expect(before.pay).toBeGreaterThan(0);
    expect(at("B17")).toBe("#N/A");
    expect(await page.evaluate((s) => (window as unknown as HostWindow).__fakeExcel.message(s, "B17"), SHEET)).toBe(
      'Plan "Flatt" is not in Plans (plans: AE, AE YTD, AE New Hire, Manager, Director).',
    );
    await shootSheet(await page.evaluate((s) => (window as unknown as HostWindow).__fakeExcel.cells(s), SHEET));
    // Answered on the pane's model worker: the tables went over once, each batch one message about them.
    const asked = () => page.evaluate(() => (window as unknown as { __workerAsked: string[] }).__workerAsked);
    const first = (await asked()).filter((k) => k !== "chunk");
    expect(first.filter((k) => k.startsWith("functions")).length).toBeGreaterThan(0);
    expect(first.filter((k) => k.startsWith("functions") && k.endsWith("fresh"))).toHaveLength(1);

    // Edit a band through the host: AE · New ARR 100–150% pays 3× instead of 2× (Tiers!E4). tables.onChanged
    // drops the functions' read; every open cell is answered again.
    const after = runFigures(withRate(3));
    expect(after.late).not.toBe(before.late); // the late-stage offer is on the AE plan
    await page.evaluate(() => (window as unknown as HostWindow).__fakeExcel.type("Tiers", "E4", 3));
    const end = Date.now() + 30_000;
    do {
      await page.waitForTimeout(100);
      at = await values();
    } while (at("C13") !== after.late && Date.now() < end);
    expect(column(at, "B")).toEqual([0, 0.7, 1, 1.6, 2.5, 3]); // 1.2: 1 + 0.2 × 3; 1.8: 2.5 + 0.3 × 2.5, capped
    expect(column(at, "C")).toEqual([0, 17500, 25000, 40000, 62500, 75000]);
    expect(curve(at)).toEqual([
      [0, 0],
      [0.5, 0.25],
      [1, 1],
      [1.5, 2.5],
      [2, 3],
    ]);
    expect([at("B12"), at("B13")]).toEqual([240000, 230000]);
    expect([at("C12"), at("C13"), at("B16")]).toEqual([after.growth, after.late, after.pay]);
    // The edit dropped what the worker held; the cells' next batch sent the new read.
    const since = (await asked()).filter((k) => k !== "chunk").slice(first.length);
    expect(since[0]).toBe("forget");
    expect(since.filter((k) => k.endsWith("fresh"))).toEqual(["functions fresh"]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  /** The sheet as a grid (values, each formula under its value) for the README: docs/screenshots with SCREENSHOTS_DIR. */
  async function shootSheet(cells: SheetCell[]): Promise<void> {
    const dir = process.env.SCREENSHOTS_DIR ?? OUT;
    mkdirSync(dir, { recursive: true });
    const p = await browser.newPage({ viewport: { width: 1100, height: 600 } });
    await p.setContent(sheetHtml(SHEET, cells));
    await p.locator("#sheet").screenshot({ path: join(dir, "functions-what-if.png"), animations: "disabled" });
    await p.close();
  }
});

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { NUMBER_FORMATS } from "../../src/excel/numberFormats";
import { acmeExample } from "../../src/workbook/example/acme";
import { runWorkbook } from "../../src/workbook/run";
import type { RawTable } from "../../src/workbook/types";
import { DIST, ensureProductionBuild, ROOT } from "./buildOnce";

/**
 * The task pane end to end in real Chromium: the production bundle served
 * from 127.0.0.1, office.js replaced by a fake host built from the same
 * strict fake Excel the adapter tests use. Insert example, Run, then compare
 * every result table cell with runWorkbook computed here in Node.
 */

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OUT = join(ROOT, "test-output");
const HOST_BUNDLE = join(ROOT, ".tmp", "e2e", "fake-office.js");

const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(
    `Skipping the task pane browser test: ${CHROMIUM} is missing (apt-get install -y chromium). Under CI it is required.`,
  );
}
const maybe = available || process.env.CI ? describe : describe.skip;

function buildFakeHost(): Promise<string> {
  const compiler = webpack({
    mode: "development",
    devtool: false, // no eval-based source maps: the page's CSP forbids eval
    entry: join(ROOT, "test/fake-excel/browserHost.ts"),
    output: { path: join(ROOT, ".tmp", "e2e"), filename: "fake-office.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            configFile: join(ROOT, "tsconfig.json"),
            compilerOptions: { module: "esnext", noEmit: false },
          },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString("errors-only")));
      else resolve(readFileSync(HOST_BUNDLE, "utf8"));
    }),
  );
}

const MIME: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serveDist(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^([/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The example tables as the CLI reads them: Excel tables on their own sheets, formats as inserted. */
function exampleAsRawTables(): RawTable[] {
  return acmeExample().map((t) => ({
    name: t.name,
    sheet: t.name,
    source: "table",
    headerRow: 1,
    firstColumn: 1,
    headers: t.headers,
    rows: t.rows,
    numberFormats: t.rows.map(() => t.formats.map((f) => NUMBER_FORMATS[f])),
  }));
}

type TableDump = { headers: string[]; rows: unknown[][] };

/** Re-reads until `done` holds (or 10 s pass) and returns the last value. */
async function poll<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 10_000;
  let v = await read();
  while (!done(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

maybe("task pane in Chromium with a fake Office host", () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let base: string;
  let hostScript: string;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureProductionBuild();
    hostScript = await buildFakeHost();
    server = await serveDist();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: hostScript });
      if (new URL(url).hostname === "127.0.0.1") return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    mkdirSync(OUT, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it("inserts the example, runs, and writes the same result tables the CLI path computes", async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("button", { name: "Insert example" }).waitFor();
    await page.screenshot({ path: join(OUT, "taskpane-empty-320.png"), fullPage: true, animations: "disabled" });
    await page.getByRole("button", { name: "Insert example" }).click();
    await page.getByTestId("input-Reps").waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(OUT, "taskpane-inputs-320.png"), fullPage: true, animations: "disabled" });

    // Click a problem (when the example has one): Excel selects its cell.
    const problem = page.locator('button[title^="Show "]').first();
    if ((await problem.count()) > 0) {
      const address = (await problem.getAttribute("title"))!.replace(/^Show (.*) in Excel$/, "$1");
      await problem.click();
      const sel = await poll(
        () =>
          page.evaluate(() =>
            (
              window as unknown as { __fakeExcel: { selection(): { sheet: string; r0: number; c0: number } | null } }
            ).__fakeExcel.selection(),
          ),
        (v) => v !== null,
      );
      const [sheet, cell] = address.replace(/'/g, "").split("!");
      const column =
        cell
          .replace(/\d+/g, "")
          .split("")
          .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      expect(sel).toEqual({ sheet, r0: Number(cell.replace(/\D+/g, "")) - 1, c0: column, rows: 1, cols: 1 });
    }
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByTestId("run").click();
    await page.getByText("Result sheets").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("run").isEnabled()).toBe(true);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(OUT, "taskpane-run-320.png"), fullPage: true, animations: "disabled" });

    const names = (
      await page.evaluate(() =>
        (window as unknown as { __fakeExcel: { tableNames(): string[] } }).__fakeExcel.tableNames(),
      )
    ).filter((n) => n.startsWith("Results_"));
    const dumps = await page.evaluate(
      (ns) =>
        Object.fromEntries(
          ns.map((n) => [
            n,
            (window as unknown as { __fakeExcel: { tableValues(n: string): TableDump } }).__fakeExcel.tableValues(n),
          ]),
        ),
      names,
    );

    const expected = runWorkbook(exampleAsRawTables(), {
      sourceName: "acme-comp.xlsx",
      computedAt: new Date("2026-12-31T12:00:00Z"),
    });
    expect(expected.ok).toBe(true);
    expect(names.sort()).toEqual(expected.sheets.map((s) => s.name).sort());
    for (const sheet of expected.sheets) {
      const got = dumps[sheet.name];
      expect(got.headers).toEqual(sheet.columns.map((c) => c.header));
      // Excel keeps one blank body row in an empty table.
      const rows =
        sheet.rows.length === 0
          ? [sheet.columns.map(() => "")]
          : sheet.rows.map((r) => r.map((c) => (c === null ? "" : c)));
      expect(got.rows).toEqual(rows);
    }
    const payouts = expected.sheets.find((s) => s.name === "Results_Payouts")!;
    expect(payouts.rows.length).toBeGreaterThan(100);
    // The headline the pane shows is the engine's.
    const headline = await page.getByTestId("headline").innerText();
    expect(headline).toContain(expected.headline[0]);

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("jumps to a result sheet and renders well at 500 px, including the plan editor's curve", async () => {
    await page.getByRole("button", { name: "Open Results_Summary" }).click();
    expect(
      await poll(
        () =>
          page.evaluate(() =>
            (window as unknown as { __fakeExcel: { activeSheet(): string } }).__fakeExcel.activeSheet(),
          ),
        (v) => v === "Results_Summary",
      ),
    ).toBe("Results_Summary");
    await page.setViewportSize({ width: 500, height: 900 });
    await page.screenshot({ path: join(OUT, "taskpane-run-500.png"), fullPage: true, animations: "disabled" });

    await page.getByRole("tab", { name: "Plans" }).click();
    // AE New ARR, marginal 0.5× to 50%, 1.5× to 100%: at 100% 0.5×0.5 + 1.5×0.5 = 1.00× target.
    expect(
      await poll(
        () => page.getByTestId("curve-caption").innerText(),
        (t) => t.includes("at 100%"),
      ),
    ).toContain("1.00× at 100%");
    await page.screenshot({ path: join(OUT, "taskpane-plans-500.png"), fullPage: true, animations: "disabled" });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(OUT, "taskpane-plans-320.png"), fullPage: true, animations: "disabled" });

    // Edit the top accelerator and save it back, after confirming.
    const tiersNow = () =>
      page.evaluate(() =>
        (window as unknown as { __fakeExcel: { tableValues(n: string): TableDump } }).__fakeExcel.tableValues("Tiers"),
      );
    const before = await tiersNow();
    const col = (t: TableDump, h: string) => t.headers.indexOf(h);
    const aeNewArr = (t: TableDump) =>
      t.rows.filter(
        (r) =>
          r[col(t, "Plan")] === "AE" &&
          r[col(t, "Measure")] === "New ARR" &&
          (col(t, "Scenario") < 0 || r[col(t, "Scenario")] === ""),
      );
    await page.getByLabel("Band 4 rate").fill("3");
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByRole("button", { name: "Update Tiers" }).click();
    await page.getByText("Saved 4 bands").waitFor();
    const after = await tiersNow();
    expect(aeNewArr(after).map((r) => [r[col(after, "From")], r[col(after, "To")], r[col(after, "Rate")]])).toEqual([
      [0, 0.5, 0.5],
      [0.5, 1, 1.5],
      [1, 1.5, 2],
      [1.5, "", 3],
    ]);
    // Only that one cell changed: every other row of Tiers is as it was.
    const changed = after.rows.flatMap((r, i) => r.flatMap((c, j) => (c === before.rows[i][j] ? [] : [[i, j]])));
    expect(changed).toEqual([[before.rows.indexOf(aeNewArr(before)[3]), col(after, "Rate")]]);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("follows a dark Office theme", async () => {
    const dark = await browser.newContext({ viewport: { width: 320, height: 700 } });
    await dark.addInitScript(() => {
      (window as unknown as { __fakeOfficeTheme: unknown }).__fakeOfficeTheme = { bodyBackgroundColor: "#1F1F1F" };
    });
    await dark.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: hostScript });
      if (new URL(url).hostname === "127.0.0.1") return route.continue();
      outside.push(url);
      return route.abort();
    });
    const p = await dark.newPage();
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("button", { name: "Insert example" }).waitFor();
    const background = await p.evaluate(
      () => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor,
    );
    // webDarkTheme's neutral background 2 is #1f1f1f... darker than mid-grey either way.
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await p.screenshot({ path: join(OUT, "taskpane-dark-320.png"), fullPage: true, animations: "disabled" });
    await dark.close();
    expect(outside).toEqual([]);
  }, 60_000);
});

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { NUMBER_FORMATS } from "../../src/excel/numberFormats";
import {
  formatCount,
  formatMoney,
  formatMoneyDelta,
  formatMultiple,
  formatPercent,
} from "../../src/taskpane/model/format";
import { numberLocaleOf } from "../../src/taskpane/model/numberEntry";
import { medianRep, realisticModel } from "../../src/taskpane/model/planRealistic";
import { backtestSummary, comparisonNote, scenarioComparison } from "../../src/taskpane/model/scenarioComparison";
import { withoutScenarios } from "../../src/taskpane/model/scenarioSelection";
import { acmeExample } from "../../src/workbook/example/acme";
import { exampleRawTables } from "../../src/workbook/example/exampleTable";
import { runWorkbook } from "../../src/workbook/run";
import type { RawCell, RawTable } from "../../src/workbook/types";
import { syntheticOrg, toRawTables } from "../../bench/synthetic";
import type { FakeExcel } from "../fake-excel";
import {
  buildFakeHost,
  CHROMIUM,
  launchChromium,
  longTasksDuring,
  paneContext,
  serveDist,
  watchLongTasks,
} from "./browserHarness";
import { ensureProductionBuild, ROOT } from "./buildOnce";
import { cliResultTables, comparable } from "./cliResultTables";

/**
 * The task pane end to end in real Chromium: the production bundle served
 * from 127.0.0.1, office.js replaced by a fake host built from the same
 * strict fake Excel the adapter tests use. Insert example, Run, then compare
 * every result table cell with runWorkbook computed here in Node and with
 * the CLI's output; run a subset of scenarios; evaluate, save and compare an
 * offer; edit a plan.
 */

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const OUT = join(ROOT, "test-output");

const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(
    `Skipping the task pane browser test: ${CHROMIUM} is missing (apt-get install -y chromium). Under CI it is required.`,
  );
}
const maybe = available || process.env.CI ? describe : describe.skip;

/** The example tables as the CLI reads them: Excel tables on their own sheets, formats as inserted. */
const exampleAsRawTables = () => exampleRawTables(acmeExample(), (f) => NUMBER_FORMATS[f]);

type TableDump = { headers: string[]; rows: unknown[][] };

const COMPUTED_AT = new Date("2026-12-31T12:00:00Z");

/** The example with AE · New ARR's top band (150% and up) paying `rate`, as saving the plan editor's edit writes it. */
function withTopAeRate(tables: readonly RawTable[], rate: number): RawTable[] {
  return tables.map((t) => {
    if (t.name !== "Tiers") return t;
    const col = (h: string) => t.headers.indexOf(h);
    const top = (r: readonly unknown[]) =>
      r[col("Plan")] === "AE" && r[col("Measure")] === "New ARR" && r[col("From")] === 1.5 && !r[col("Scenario")];
    return { ...t, rows: t.rows.map((r) => (top(r) ? r.map((c, j) => (j === col("Rate") ? rate : c)) : r)) };
  });
}

/** Results_Realistic's "Baseline (history)" row of one rep, by column name, as runWorkbook computes it. */
function realisticRow(tables: readonly RawTable[], repId: string): (header: string) => unknown {
  const sheet = runWorkbook(tables, { sourceName: "x", computedAt: COMPUTED_AT }).sheets.find(
    (x) => x.name === "Results_Realistic",
  )!;
  const h = (name: string) => sheet.columns.findIndex((c) => c.header === name);
  const row = sheet.rows.find((r) => r[h("Scenario")] === "Baseline (history)" && r[h("RepID")] === repId)!;
  return (header) => row[h(header)];
}

/**
 * Results_Offers as runWorkbook computes it for the example with one more
 * Offers row (cells by header, the rest blank), each row read by column name.
 */
function offersRows(extra: Record<string, RawCell>): ((header: string) => unknown)[] {
  const tables = exampleAsRawTables().map((t) =>
    t.name === "Offers"
      ? {
          ...t,
          rows: [...t.rows, t.headers.map((h) => extra[h] ?? null)],
          numberFormats: t.numberFormats && [...t.numberFormats, t.numberFormats[0]],
        }
      : t,
  );
  const run = runWorkbook(tables, { sourceName: "x", computedAt: COMPUTED_AT });
  expect(run.ok).toBe(true);
  const sheet = run.sheets.find((x) => x.name === "Results_Offers")!;
  const h = (name: string) => sheet.columns.findIndex((c) => c.header === name);
  return sheet.rows.map((row) => (header) => row[h(header)]);
}

/** The spread the pane shows for a Results_Offers row: "±12% (StdDev)", "±5% (Org history 2023–2025)". */
function spreadShown(get: (header: string) => unknown): string {
  const source = get("Spread source") as string;
  expect(source).toMatch(/^(StdDev|Org history \d{4}–\d{4})$/);
  return `±${formatPercent(get("Attainment spread") as number)} (${source})`;
}

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

/** "focused" when `target` has keyboard focus, else what has it: "body", or the element's tag and name. */
function focusOn(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const a = document.activeElement;
    if (a === el) return "focused";
    if (!a || a === document.body) return "body";
    return `${a.tagName} "${(a.getAttribute("aria-label") ?? a.textContent ?? "").trim().slice(0, 60)}"`;
  });
}

/** focusOn once focus has settled (a dialog hands it back after its closing animation). */
const focusSettlesOn = (target: Locator) =>
  poll(
    () => focusOn(target),
    (v) => v === "focused",
  );

/** axe-core's violations on the page as it is now: rule, impact and up to five offending elements each. */
async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(AXE_SOURCE);
  return p.evaluate(async () => {
    type Result = { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: Result[] }> } }).axe;
    // Fluent's focus manager (Tabster) adds hidden, focusable <i> guards at the edges of focus groups so Tab
    // moves in and out of them; they are its mechanism, not our content.
    const { violations } = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`)
          .join(", ")}`,
    );
  });
}

maybe("task pane in Chromium with a fake Office host", () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let base: string;
  let hostScript: string;
  const outside: string[] = [];
  const pageErrors: string[] = [];
  /** Web Workers the pane started (the model thread). */
  const workers: string[] = [];
  /** Every Results_ table the add-in wrote on the first run, as the fake workbook holds it. */
  let addinResults: Record<string, TableDump> = {};
  const tableNow = (name: string) =>
    page.evaluate(
      (n) => (window as unknown as { __fakeExcel: { tableValues(n: string): TableDump } }).__fakeExcel.tableValues(n),
      name,
    );
  /** The fake workbook's active sheet, once it is `name` (or after 10 s). */
  const activeSheetOnceIs = (name: string) =>
    poll(
      () =>
        page.evaluate(() =>
          (window as unknown as { __fakeExcel: { activeSheet(): string } }).__fakeExcel.activeSheet(),
        ),
      (v) => v === name,
    );
  const shoot = (name: string) =>
    page.screenshot({ path: join(OUT, `taskpane-${name}.png`), fullPage: true, animations: "disabled" });

  /** A new pane on an empty fake workbook (dark when asked), with the same network fence as the main page. */
  const freshPage = async (options: { dark?: boolean } = {}) => {
    const context = await paneContext(browser, hostScript, { width: 320, height: 700, dark: options.dark, outside });
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    ensureProductionBuild();
    hostScript = await buildFakeHost();
    server = await serveDist();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await paneContext(browser, hostScript, { width: 320, height: 900, outside });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("worker", (w) => workers.push(w.url()));
    mkdirSync(OUT, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it("inserts the example, runs, and writes the same result tables the CLI path computes", async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("button", { name: "Insert example" }).waitFor();
    // The card's head count is the example's: 29 rows of Reps (it said 28).
    const people = acmeExample().find((t) => t.name === "Reps")!.rows.length;
    expect(people).toBe(29);
    await page.getByText(`Insert a small example company (${people} people,`).waitFor();
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
    await page.getByText("Result sheets", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("run").isEnabled()).toBe(true);
    expect(await page.getByTestId("freshness").innerText()).toMatch(
      /^Results are up to date: last run at .+ from Acme\.xlsx\.$/,
    );
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

    addinResults = dumps;
    const expected = runWorkbook(exampleAsRawTables(), {
      sourceName: "acme-comp.xlsx",
      computedAt: COMPUTED_AT,
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
    // The Run tab's figures are the Scenarios view's cards, from the same Results_Scenarios (they disagreed:
    // 3,404,083.52 against $3,404,204); the CLI's sentences sit below them, folded.
    const cards = scenarioComparison(expected.sheets)!;
    for (const row of cards.rows) {
      expect(await page.getByTestId(`scenario-${row.scenario}-variable`).innerText()).toBe(
        formatMoney(row.totalVariableCost!, cards.currency),
      );
      expect(await page.getByTestId(`scenario-${row.scenario}-pay`).innerText()).toBe(
        formatMoney(row.variablePay!, cards.currency),
      );
    }
    // Look up one rep: their year, band, statement and lines, as the result sheets hold them.
    await page.getByRole("combobox", { name: "Rep" }).click();
    await page.getByRole("combobox", { name: "Rep" }).pressSequentially("E1205");
    await page.getByRole("option", { name: "E1205 · Marley Adeyemi" }).click();
    const sheetRows = (name: string) => {
      const sheet = expected.sheets.find((x) => x.name === name)!;
      return sheet.rows.map((r) => (h: string) => r[sheet.columns.findIndex((c) => c.header === h)]);
    };
    const summary = sheetRows("Results_Summary").find((r) => r("Scenario") === "Baseline" && r("RepID") === "E1205")!;
    expect(await page.getByTestId("rep-total").innerText()).toBe(
      `Marley Adeyemi (AE): ${formatMoney(summary("Total earnings") as number, "USD")} this year, ${formatPercent(summary("% of OTE") as number)} of OTE`,
    );
    const band = sheetRows("Results_Realistic").find((r) => r("RepID") === "E1205")!;
    expect(await page.getByTestId("rep-band").innerText()).toContain(
      `${formatMoney(band("P10") as number, "USD")} to ${formatMoney(band("P90") as number, "USD")}`,
    );
    const statement = sheetRows("Results_Statements").filter(
      (r) => r("Scenario") === "Baseline" && r("RepID") === "E1205",
    );
    expect(await page.getByTestId("rep-statement").locator("tbody tr").count()).toBe(statement.length);
    const headline = (await page.getByTestId("headline").textContent()) ?? "";
    expect(headline).toContain(expected.headline[0]);
    // …computed on the pane's model thread, not on the thread that paints the pane.
    expect(workers.map((u) => new URL(u).pathname)).toEqual(["/model-worker.js"]);

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("wrote the same result tables as the CLI does for examples/acme-comp.xlsx", () => {
    const cli = cliResultTables();
    expect(Object.keys(addinResults).sort()).toEqual(Object.keys(cli).sort());
    for (const [name, table] of Object.entries(addinResults))
      expect({ name, ...comparable(table) }).toEqual({ name, ...cli[name] });
  });

  it("runs the checked scenarios and shows Results_Scenarios' figures", async () => {
    await page.getByRole("tab", { name: "Scenarios" }).click();
    for (const name of ["Richer accelerators", "Payout cap 2x", "60/40 measure mix", "Lower gate 25%"])
      expect(await page.getByRole("checkbox", { name }).isChecked()).toBe(true);
    await page.getByRole("checkbox", { name: "60/40 measure mix" }).click();
    await listenForAnnouncements(page);
    await page.getByTestId("run-scenarios").click();
    await page.getByText("Comparison", { exact: true }).waitFor({ timeout: 60_000 });
    // The run's end is announced, not only shown.
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((m) =>
        /^Scenario run finished: \d+ result sheets written\.$/.test(m),
      ),
    );

    // Node: the same tables with the unchecked scenario's rows left out.
    const expected = runWorkbook(withoutScenarios(exampleAsRawTables(), ["60/40 measure mix"]), {
      sourceName: "acme-comp.xlsx",
      computedAt: COMPUTED_AT,
    });
    const sheet = expected.sheets.find((s) => s.name === "Results_Scenarios")!;
    const written = await tableNow("Results_Scenarios");
    expect(written.rows).toEqual(sheet.rows.map((r) => r.map((c) => (c === null ? "" : c))));
    const comparison = scenarioComparison(expected.sheets)!;
    expect(comparison.rows.map((r) => r.scenario)).toEqual([
      "Baseline",
      "Baseline (history)",
      "Richer accelerators",
      "Payout cap 2x",
      "Lower gate 25%",
    ]);
    const shown = async (scenario: string, what: string) =>
      page.getByTestId(`scenario-${scenario}-${what}`).innerText();
    for (const r of comparison.rows) {
      expect(await shown(r.scenario, "variable")).toBe(formatMoney(r.totalVariableCost!, comparison.currency));
      expect(await shown(r.scenario, "cos")).toBe(formatPercent(r.costOfSales!));
      expect(await shown(r.scenario, "pct")).toBe(formatPercent(r.avgPctOfOte!));
      expect(await shown(r.scenario, "quota")).toBe(formatCount(r.repsAtOrAboveQuota!));
      expect(await shown(r.scenario, "capped")).toBe(formatCount(r.repsCapped!));
      // Like for like: the delta against the baseline plans under the same attainment, or none for a baseline.
      const note = comparisonNote(r, comparison.currency);
      if (note === null) expect(await page.getByTestId(`scenario-${r.scenario}-delta`).count()).toBe(0);
      else expect(await shown(r.scenario, "delta")).toBe(note);
    }
    // Richer accelerators pays more than the baseline plans under the same history (against this year's actuals,
    // the first row, its expected cost would have read as a large saving).
    const richer = comparison.rows.find((r) => r.scenario === "Richer accelerators")!;
    expect(richer.comparedWith).toBe("Baseline under Historical (org)");
    expect(richer.deltaVariableCost!).toBeGreaterThan(0);
    expect(await shown("Richer accelerators", "delta")).toMatch(/^\+\$[\d,]+ vs Baseline under Historical \(org\)$/);
    expect(await page.getByTestId("like-for-like").isVisible()).toBe(true);

    // The backtest's one line, as on Results_Backtest, and a way to that sheet.
    const backtest = backtestSummary(expected.sheets);
    expect(backtest).toMatch(/^Backtest: fitted on /);
    expect(await page.getByTestId("backtest-summary").innerText()).toBe(backtest);
    // The link in the text is named by what it shows (axe: label-content-name-mismatch).
    await page.getByRole("button", { name: "Results_Backtest", exact: true }).click();
    expect(await activeSheetOnceIs("Results_Backtest")).toBe("Results_Backtest");
    expect(await page.getByRole("button", { name: "Open Results_Backtest" }).count()).toBe(1);
    await page.getByRole("button", { name: "Open Results_ScenarioDeltas" }).click();
    expect(await activeSheetOnceIs("Results_ScenarioDeltas")).toBe("Results_ScenarioDeltas");
    // A result sheet deleted since the run: Open says so (it did nothing).
    await page.evaluate(() => {
      const { fake } = (window as unknown as { __fakeExcel: { fake: FakeExcel } }).__fakeExcel;
      fake.state.deleteSheet(fake.state.findSheet("Results_Backtest")!);
    });
    expect(await page.getByTestId("sheet-missing").count()).toBe(0);
    await page.getByRole("button", { name: "Open Results_Backtest" }).click();
    expect(await page.getByTestId("sheet-missing").innerText()).toBe(
      "Results_Backtest is no longer in the workbook (deleted or renamed since the run). Run again to write it.",
    );
    // No scenario checked: nothing to run, and the button says why rather than offering "Run 0 checked".
    const boxes = page.getByRole("checkbox");
    for (let i = 0; i < (await boxes.count()); i++) if (await boxes.nth(i).isChecked()) await boxes.nth(i).click();
    expect(await page.getByTestId("run-scenarios").isDisabled()).toBe(true);
    expect(await page.getByTestId("none-checked").innerText()).toBe("Check at least one scenario to run.");
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).click();
    expect(await page.getByTestId("run-scenarios").isEnabled()).toBe(true);
    await page.mouse.move(0, 0);
    await shoot("scenarios-320");
    await page.setViewportSize({ width: 500, height: 900 });
    await shoot("scenarios-500");
    await page.setViewportSize({ width: 320, height: 900 });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("evaluates an offer as typed, saves it to the Offers table, and compares it with the others", async () => {
    await page.getByRole("tab", { name: "Offers" }).click();
    // The published check: OTE 150,000 at 50/50, linear and uncapped, org at 80%: 75,000 × 80% = 60,000 of variable,
    // 135,000 in all, 15,000 (10%) below OTE.
    await page.getByRole("textbox", { name: "Offer name" }).fill("Published check");
    await page.getByRole("textbox", { name: "Base" }).fill("75000");
    await page.getByRole("textbox", { name: "OTE" }).fill("150,000");
    await page.getByRole("textbox", { name: "Expected attainment" }).fill("80");
    expect(
      await poll(
        () => page.getByTestId("offer-gap").innerText(),
        (t) => t === "$15,000",
      ),
    ).toBe("$15,000");
    expect(await page.getByTestId("offer-headline").innerText()).toBe("Realistically $15,000 below OTE (10%).");
    expect(await page.getByTestId("offer-expected").innerText()).toBe("$135,000");

    const before = await tableNow("Offers");
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByText("Added this offer to the Offers table.").waitFor();
    const after = await tableNow("Offers");
    const col = (h: string) => after.headers.indexOf(h);
    expect(after.rows.slice(0, -1)).toEqual(before.rows);
    const added = after.rows[after.rows.length - 1];
    expect([added[col("Offer")], added[col("Base")], added[col("OTE")], added[col("ExpectedAttainment")]]).toEqual([
      "Published check",
      75000,
      150000,
      0.8,
    ]);

    // Same name again: it asks, then updates that row in place.
    await page.getByRole("textbox", { name: "OTE" }).fill("160000");
    await poll(
      () => page.getByTestId("offer-gap").innerText(),
      (t) => t === "$17,000",
    );
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByRole("button", { name: "Update offer" }).click();
    await page.getByText(/^Updated row \d+ of the Offers table\.$/).waitFor();
    const updated = await tableNow("Offers");
    expect(updated.rows.length).toBe(after.rows.length);
    expect(updated.rows[updated.rows.length - 1][col("OTE")]).toBe(160000);

    // Pick the AE plan with the mouse (after a dialog: portals must not cover the pane). At a flat 80% it would be
    // New ARR 0.5 × 50% + 1.5 × 30% = 0.70×, Renewals 0.80×; 70% × 0.70 + 30% × 0.80 = 0.73× of 85,000 = 62,050,
    // 22,950 short. No StdDev: the org's year-to-year spread in the example's AttainmentHistory applies, as on
    // Results_Offers — so the expected figures are runWorkbook's for the example with this offer as an Offers row.
    await page.getByRole("combobox", { name: "Plan" }).click();
    await page.getByRole("option", { name: "AE", exact: true }).click();
    const offers = offersRows({
      Offer: "Published check",
      Base: 75000,
      OTE: 160000,
      Plan: "AE",
      ExpectedAttainment: 0.8,
    });
    const typed = offers.find((get) => get("Offer") === "Published check")!;
    // The pane shows the gap's size; the headline says below or above.
    const gap = formatMoney(Math.abs(typed("Gap to OTE") as number), "USD");
    expect(
      await poll(
        () => page.getByTestId("offer-gap").innerText(),
        (t) => t === gap,
      ),
    ).toBe(gap);
    expect(await page.getByTestId("offer-expected").innerText()).toBe(
      formatMoney(typed("Steady-state expected") as number, "USD"),
    );
    expect(typed("Spread source")).toMatch(/^Org history \d{4}–\d{4}$/);
    expect(await page.getByTestId("offer-spread").innerText()).toBe(`spread ${spreadShown(typed)}`);
    // Its tooltip says what the spread is.
    await page.getByTestId("offer-spread").hover();
    await page.getByRole("tooltip").waitFor();
    expect(await page.getByRole("tooltip").innerText()).toMatch(/^The year-to-year spread of the org's attainment/);
    await page.mouse.move(0, 0);
    await page.getByRole("tooltip").waitFor({ state: "hidden" });

    // Four offers compared: the form (also a row, edited) and the example's three; six pairs break even or not.
    await page.getByTestId("offer-compare").waitFor();
    expect(await page.getByTestId("offer-compare").locator("tbody tr").count()).toBe(4);
    expect(await page.getByTestId("offer-break-evens").locator("li").count()).toBe(6);
    // Each with the spread it was valued with: the form's first, then the Offers rows in table order.
    const inOrder = [typed, ...offers.filter((get) => get("Offer") !== "Published check")];
    expect(await page.getByTestId("offer-compare-spread").allInnerTexts()).toEqual(inOrder.map(spreadShown));
    await page.mouse.move(0, 0);
    await shoot("offers-320");
    await page.setViewportSize({ width: 500, height: 900 });
    await shoot("offers-500");
    await page.setViewportSize({ width: 320, height: 900 });

    // An offer left out of the comparison stays out across a tab switch, as the form's typing does (it came back).
    const other = offers.find((get) => get("Offer") !== "Published check")!("Offer") as string;
    const current = page.getByRole("checkbox", { name: other, exact: true });
    await current.click();
    expect(await page.getByTestId("offer-compare").locator("tbody tr").count()).toBe(3);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("tab", { name: "Offers" }).click();
    expect(await current.isChecked()).toBe(false);
    expect(await page.getByTestId("offer-compare").locator("tbody tr").count()).toBe(3);
    await current.click();
    expect(await page.getByTestId("offer-compare").locator("tbody tr").count()).toBe(4);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("jumps to a result sheet and renders well at 500 px, including the plan editor's curve", async () => {
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Open Results_Summary" }).click();
    expect(await activeSheetOnceIs("Results_Summary")).toBe("Results_Summary");
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
    // Realistic pay of the median AE under the org's history: as on Results_Realistic (Baseline (history)),
    // computed here by runWorkbook on the same tables.
    const tables = exampleAsRawTables();
    const median = medianRep(realisticModel(tables, COMPUTED_AT).reps, "AE")!;
    const saved = realisticRow(tables, median.id);
    const historyCell = (label: string) =>
      page.getByTestId("realistic-table").locator("tr", { hasText: label }).locator("td").first().innerText();
    const lastYearVariable = () => historyCell("Expected variable");
    const savedVariable = formatMoney(saved("Expected variable") as number, median.currency);
    expect(await poll(lastYearVariable, (t) => t === savedVariable)).toBe(savedVariable);
    expect(await historyCell("P90 pay")).toBe(formatMoney(saved("P90") as number, median.currency));
    expect(await page.getByTestId("realistic-vs-saved-History").innerText()).toBe("$0");
    // How attainment was modelled: the AE on their own, quarters swinging around the year as measured.
    expect(saved("Attainment basis")).toBe("Individual");
    expect(await page.getByTestId("realistic-basis").innerText()).toContain(
      `Individual · quarters ±${formatPercent(saved("Period spread") as number)} around the year's level`,
    );
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
    // The browser's locale is en-US: "1,5" is refused with how to type it, not read as 15×, and Save is off.
    await page.getByLabel("Band 4 rate").fill("1,5");
    await page
      .getByText('"1,5" is not a number in your format (en-US: a dot for decimals)', { exact: false })
      .waitFor();
    expect(await page.getByRole("button", { name: "Save to workbook" }).isDisabled()).toBe(true);
    await page.getByLabel("Band 4 rate").fill("3");
    // Recomputed live from the edited band (150%+ at 3×), before anything is saved: what the run will put on
    // Results_Realistic once it is.
    const raisedRow = realisticRow(withTopAeRate(tables, 3), median.id);
    const raised = formatMoney(raisedRow("Expected variable") as number, median.currency);
    expect(await poll(lastYearVariable, (t) => t === raised)).toBe(raised);
    const gain = (raisedRow("Expected variable") as number) - (saved("Expected variable") as number);
    expect(gain).toBeGreaterThan(0);
    expect(await page.getByTestId("realistic-vs-saved-History").innerText()).toBe(
      formatMoneyDelta(gain, median.currency),
    );
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByRole("button", { name: "Update Tiers" }).click();
    await page.getByText("Saved 4 bands").waitFor();
    // The Results sheets now predate the change, and the Run tab says so.
    await page.getByRole("tab", { name: "Run" }).click();
    expect(await page.getByTestId("freshness").innerText()).toMatch(
      /^The Results sheets were computed before your last change at .+: run again to update them\.$/,
    );
    // …and so do the sheets themselves, on the line under their title.
    const staleLine = () =>
      page.evaluate(() =>
        (
          window as unknown as { __fakeExcel: { cellValue(s: string, r: number, c: number): unknown } }
        ).__fakeExcel.cellValue("Results_Summary", 2, 0),
      );
    expect(await poll(staleLine, (v) => typeof v === "string" && v.startsWith("Out of date:"))).toMatch(
      /^Out of date: computed at .+, before your last change at .+\. Run again to update\.$/,
    );
    await page.getByRole("tab", { name: "Plans" }).click();
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

  it("keeps unsaved bands across tabs, marks them, shows the engine's checks and bad cells, confirms old → new, resets", async () => {
    await page.getByRole("tab", { name: "Plans" }).click();
    await page.getByLabel("Band 3 from").waitFor();
    // Every column of the bands fits the 320 px pane (the inputs once pushed Rate out of sight).
    const remove = (await page.getByRole("button", { name: "Remove band 4" }).boundingBox())!;
    expect(remove.x + remove.width).toBeLessThanOrEqual(320);
    expect(await page.getByTestId("unsaved").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Reset" }).isDisabled()).toBe(true);
    // Band 3 from 100% to 120%: a gap after 100%, which the engine warns about on a run; now while editing.
    await page.getByLabel("Band 3 from").fill("120");
    expect(await page.getByTestId("band-checks").innerText()).toBe(
      "Gap between 100% and 120%: no band's rate applies there, so attainment in it pays 1× target incentive throughout.",
    );
    expect(await page.getByTestId("unsaved").innerText()).toBe("Unsaved changes");
    // A tab switch keeps the edit (it was lost).
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("tab", { name: "Plans" }).click();
    expect(await page.getByLabel("Band 3 from").inputValue()).toBe("120");
    expect(await page.getByTestId("unsaved").isVisible()).toBe(true);
    // A cell that is not a number is marked.
    await page.getByLabel("Band 4 rate").fill("x");
    expect(await page.getByLabel("Band 4 rate").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Band 3 rate").getAttribute("aria-invalid")).toBe("false");
    await page.getByLabel("Band 4 rate").fill("3");
    // The confirmation shows the bands now and after saving; cancel leaves the workbook alone.
    await page.getByRole("button", { name: "Save to workbook" }).click();
    const confirm = (await page.getByTestId("confirm-bands").innerText())
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(confirm).toEqual([
      "Now",
      "0%–50%: 0.5×",
      "50%–100%: 1.5×",
      "100%–150%: 2×",
      "150%–no limit: 3×",
      "After saving",
      "0%–50%: 0.5×",
      "50%–100%: 1.5×",
      "120%–150%: 2×",
      "150%–no limit: 3×",
    ]);
    // Reset: the workbook's bands again.
    await page.getByRole("button", { name: "Reset" }).click();
    expect(await page.getByLabel("Band 3 from").inputValue()).toBe("100");
    expect(await page.getByTestId("unsaved").count()).toBe(0);
    expect(await page.getByTestId("band-checks").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("shows every tab's whole name at 320 px, inside the pane, not cut off or scrolled out of sight", async () => {
    expect(page.viewportSize()?.width).toBe(320);
    const tabs = page.getByRole("tab");
    expect(await tabs.allInnerTexts()).toEqual(["Inputs", "Run", "Plans", "Scenarios", "Offers", "Settings"]);
    for (const tab of await tabs.all()) {
      const fit = await tab.evaluate((el) => {
        const box = el.getBoundingClientRect();
        // The name's own span (not Fluent's hidden bold copy that reserves its width) shows whole, inside the tab.
        const name = el.querySelector(".fui-Tab__content:not(.fui-Tab__content--reserved-space)") as HTMLElement;
        const text = name.getBoundingClientRect();
        return {
          left: box.left,
          right: box.right,
          pane: document.documentElement.clientWidth,
          clipped: [el, name].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className),
          inside: text.left >= box.left - 0.5 && text.right <= box.right + 0.5,
        };
      });
      expect(fit.left).toBeGreaterThanOrEqual(0);
      expect(fit.right).toBeLessThanOrEqual(fit.pane);
      expect(fit.clipped).toEqual([]);
      expect(fit.inside).toBe(true);
    }
    await shoot("tabs-320");
  });

  it("changes the reporting currency with the rates restated in one confirmed step, and the workbook still runs", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Reporting currency").fill("EUR");
    await page.getByTestId("currency-change").waitFor();
    // At 320 px the message takes the pane's width, with its button below it (it was squeezed to a word a line
    // beside the button).
    const message = await page.getByTestId("currency-change").locator(".fui-MessageBarBody").boundingBox();
    const restateBox = await page.getByTestId("restate-fx").boundingBox();
    expect(message!.width).toBeGreaterThanOrEqual(200);
    expect(restateBox!.y).toBeGreaterThanOrEqual(message!.y + message!.height - 1);
    await shoot("settings-currency-warning-320");
    // USD (the old reporting currency, which reps are paid in) has no rate in EUR yet: Save stays off.
    const save = page.getByRole("button", { name: "Save to workbook" });
    expect(await save.isDisabled()).toBe(true);
    // By keyboard: the button goes once pressed, and focus goes to the message, which says what was done.
    await page.getByTestId("restate-fx").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "currency-change");
    expect(await page.getByTestId("restate-fx").count()).toBe(0);
    expect(await page.getByTestId("currency-change").innerText()).toMatch(
      /^Restated the FX rates in EUR, from 1 EUR = 1\.08 USD: check them below, then save\.$/,
    );
    expect(await page.getByLabel("FX rate for USD").inputValue()).toBe("0.9259259259"); // 1 ÷ 1.08
    // A tab switch keeps the unsaved edit (it was lost).
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("tab", { name: "Settings" }).click();
    expect(await page.getByLabel("Reporting currency").inputValue()).toBe("EUR");
    expect(await page.getByLabel("FX rate for USD").inputValue()).toBe("0.9259259259");
    expect(await save.isEnabled()).toBe(true);
    // What a screen reader is told: Chromium's ariaNotify when it has one, else Fluent's hidden live region.
    await listenForAnnouncements(page);
    await save.click();
    await page.getByText("Saved to the Settings table.").waitFor();
    // The outcome is announced, not only shown (nothing was said before).
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((m) =>
        m.includes("Saved to the Settings table."),
      ),
    );
    const settings = await page.evaluate(
      () =>
        (window as unknown as { __fakeExcel: { tableValues(n: string): TableDump } }).__fakeExcel.tableValues(
          "Settings",
        ).rows,
    );
    expect(settings).toEqual(
      expect.arrayContaining([
        ["ReportingCurrency", "EUR"],
        ["FX EUR", 1],
        ["FX USD", 0.9259259259],
      ]),
    );
    // The workbook runs in EUR.
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByTestId("run").click();
    await page.getByText("Result sheets", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("headline").textContent()).toMatch(/^Baseline: 29 reps, variable pay EUR /);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("sets a 4-4-5 year ending on the Saturday nearest 31 December and proration by months, as the CLI reads them", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("combobox", { name: "Calendar" }).click();
    await page.getByRole("option", { name: "4-4-5 weeks (52/53-week year)" }).click();
    // The year end defaults to the last Saturday of December: FY2026 is 28 December 2025 to 26 December 2026.
    await page
      .getByText("Written as “Last Saturday of December”. FY2026 runs 28 December 2025 to 26 December 2026: 52 weeks.")
      .waitFor();
    await page.getByRole("combobox", { name: "Fiscal year ends on" }).click();
    await page.getByRole("option", { name: "The one nearest the month's last day" }).click();
    // 31 December 2026 is a Thursday: the nearest Saturday is 2 January 2027 (31 December 2025, a Wednesday: 3 January).
    await page
      .getByText("Written as “Saturday nearest December 31”. FY2026 runs 4 January 2026 to 2 January 2027: 52 weeks.")
      .waitFor();
    await page.getByRole("combobox", { name: "Prorate a partial year by" }).click();
    await page.getByRole("option", { name: "Whole months (mid-month rule)" }).click();
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByText("Saved to the Settings table.").waitFor();
    expect((await tableNow("Settings")).rows).toEqual(
      expect.arrayContaining([
        ["Calendar", "4-4-5"],
        ["FiscalYearEnd", "Saturday nearest December 31"],
        ["Proration", "Months"],
      ]),
    );
    // The workbook runs on the week calendar: fiscal quarters keyed FY2026-Q1 … (the example pays quarterly and yearly).
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByTestId("run").click();
    await page.getByText("Result sheets", { exact: true }).waitFor({ timeout: 60_000 });
    const payouts = await tableNow("Results_Payouts");
    const periods = new Set(payouts.rows.map((r) => r[payouts.headers.indexOf("Period")]));
    expect([...periods].every((p) => /^FY2026(-Q[1-4]|-P\d\d)?$/.test(String(p)))).toBe(true);
    expect(periods.has("FY2026-Q1")).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("after a failed Run, a scenario run's results show on the Run tab; Run waits while a scenario run writes", async () => {
    type Host = { __fakeExcel: { fake: FakeExcel } };
    // Every write fails: the Run fails, and says so.
    await page.evaluate(() => {
      (window as unknown as Host).__fakeExcel.fake.failWhen = (op) => op.write;
    });
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByTestId("run").click();
    await page.getByTestId("run-failed").waitFor({ timeout: 60_000 });
    // Excel answers slowly now (each sync 300 ms), so the scenario run is still writing when we look.
    await page.evaluate(() => {
      const { fake } = (window as unknown as Host).__fakeExcel;
      fake.failWhen = null;
      fake.roundTrip = () => new Promise((resolve) => setTimeout(resolve, 300));
    });
    await page.getByRole("tab", { name: "Scenarios" }).click();
    await page.getByTestId("run-scenarios").click();
    await page.getByRole("tab", { name: "Run" }).click();
    expect(await page.getByTestId("run").isDisabled()).toBe(true);
    await page.getByText("A scenario run is writing the result sheets: Run waits for it.").waitFor();
    // Once it is done, the Run tab shows its results, not the earlier failure (it stayed stale).
    await page.getByText("Result sheets", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("run-failed").count()).toBe(0);
    expect(await page.getByTestId("run").isEnabled()).toBe(true);
    expect(await page.getByTestId("freshness").innerText()).toMatch(/^Results are up to date: last run at /);
    await page.evaluate(() => {
      (window as unknown as Host).__fakeExcel.fake.roundTrip = () => new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("says which version it is, what it does with your data and where to get help (Settings › About)", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    const about = await page.getByTestId("about").innerText();
    expect(about).toContain("CompPlan 0.1.0");
    expect(about).toContain("Privacy: your compensation data stays in this workbook.");
    expect(await page.getByRole("link", { name: "Support" }).getAttribute("href")).toBe("help.html#support");
    // The help page it opens has the support contact filled in by the build.
    const help = await (await fetch(`${base}/help.html`)).text();
    expect(help).toMatch(/<h2 id="?support"?>Support<\/h2>/);
    expect(help).toContain("Questions and problems: the administrator who deployed CompPlan in your organisation.");
    expect(help).not.toContain("%SUPPORT_CONTACT%");
  });

  it("follows a dark Office theme", async () => {
    const { context: dark, page: p } = await freshPage({ dark: true });
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("button", { name: "Insert example" }).waitFor();
    const background = await p.evaluate(
      () => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor,
    );
    // webDarkTheme's neutral background 2 is #1f1f1f... darker than mid-grey either way.
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await p.screenshot({ path: join(OUT, "taskpane-dark-320.png"), fullPage: true, animations: "disabled" });
    // The user switches Office to a light theme and back: the pane follows without a reload (it kept the first).
    const brightness = async () =>
      (await p.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor))
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((sum, v) => sum + Number(v), 0);
    const switchTo = (bodyBackgroundColor: string) =>
      p.evaluate((color) => {
        (window as unknown as { Office: { context: { officeTheme: unknown } } }).Office.context.officeTheme = {
          bodyBackgroundColor: color,
        };
      }, bodyBackgroundColor);
    await switchTo("#FFFFFF");
    expect(await poll(brightness, (v) => v > 3 * 200)).toBeGreaterThan(3 * 200);
    await switchTo("#1F1F1F");
    expect(await poll(brightness, (v) => v < 3 * 80)).toBeLessThan(3 * 80);
    // The offer form and its result in dark: no plans in this empty workbook, so linear and uncapped.
    await p.getByRole("tab", { name: "Offers" }).click();
    // Nothing typed yet: no problems shown (it said "Give the offer a name" at once).
    await p.getByRole("textbox", { name: "Base" }).waitFor();
    await p.waitForTimeout(300);
    expect(await p.getByText("Give the offer a name").count()).toBe(0);
    await p.getByRole("textbox", { name: "Offer name" }).fill("Published check");
    await p.getByRole("textbox", { name: "Base" }).fill("75000");
    await p.getByRole("textbox", { name: "OTE" }).fill("150000");
    await p.getByRole("textbox", { name: "Expected attainment" }).fill("80");
    await p.getByTestId("offer-gap").waitFor();
    await p.screenshot({ path: join(OUT, "taskpane-offers-dark-320.png"), fullPage: true, animations: "disabled" });
    await dark.close();
    expect(outside).toEqual([]);
  }, 60_000);
  it("refuses to insert the example beside a workbook's own Plans, naming the clash, and changes nothing", async () => {
    const { context, page: p } = await freshPage();
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("button", { name: "Insert example" }).waitFor();
    await p.evaluate(() => {
      const { fake } = (window as unknown as { __fakeExcel: { fake: FakeExcel } }).__fakeExcel;
      fake.state.seedSheet("Plans", [["my own plans"]]);
    });
    await p.getByRole("button", { name: "Insert example" }).click();
    // It used to insert the rest beside the user's Plans (a broken mix) and show its note on a card that vanished.
    expect(await p.getByTestId("insert-error").innerText()).toBe(
      "Nothing was inserted: this workbook already has a sheet or table named Plans, which the example uses. Rename it, or insert the example into a new workbook.",
    );
    const sheets = await p.evaluate(() =>
      (window as unknown as { __fakeExcel: { sheetNames(): string[] } }).__fakeExcel.sheetNames(),
    );
    expect(sheets).toEqual(["Sheet1", "Plans"]);
    // Nothing to run in a workbook without Reps: Run says so instead of writing a Results_Issues of cell-less problems.
    await p.getByRole("tab", { name: "Run" }).click();
    expect(await p.getByTestId("run").isDisabled()).toBe(true);
    expect(await p.getByTestId("no-inputs").innerText()).toBe(
      "This workbook has no Reps table yet: insert the example or add your tables (Inputs tab), then run.",
    );
    await context.close();
    expect(outside).toEqual([]);
  }, 60_000);

  it("shows problems with their colours, clickable or not, without overflowing the card", async () => {
    const { context, page: p } = await freshPage();
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("button", { name: "Insert example" }).click();
    await p.getByTestId("input-Reps").waitFor({ timeout: 30_000 });
    // A Base that is not a number (an error with a cell) and a Reps table with no Plans table (one without).
    await p.evaluate(() => {
      const { fake } = (window as unknown as { __fakeExcel: { fake: FakeExcel } }).__fakeExcel;
      fake.state.writeValue(fake.state.findSheet("Reps")!, 1, 6, "lots");
      fake.state.deleteSheet(fake.state.findSheet("Plans")!);
    });
    await p.getByRole("button", { name: "Refresh" }).first().click();
    // Both kinds, before reading them: under load the list can show one before the other.
    await p.locator('li > div [aria-label="Error"]').first().waitFor();
    await p.locator('button[title^="Show "] [aria-label="Error"]').first().waitFor();
    const colours = await p.evaluate(() => {
      const colour = (el: Element | null) => (el ? getComputedStyle(el).color : null);
      const button = document.querySelector('button[title^="Show "] [aria-label="Error"] svg');
      const plain = document.querySelector('li > div [aria-label="Error"] svg');
      const card = document.querySelector("li > div")?.closest("ul");
      return {
        button: colour(button),
        plain: colour(plain),
        overflow: card ? card.scrollWidth - card.clientWidth : null,
      };
    });
    // Red (webLightTheme's colorPaletteRedForeground1, #bc2f32), clickable or not: both showed grey.
    expect(colours.plain).toBe("rgb(188, 47, 50)");
    expect(colours.button).toBe("rgb(188, 47, 50)");
    expect(colours.overflow).toBe(0);
    await context.close();
    expect(outside).toEqual([]);
  }, 60_000);

  it("at 3,000 reps: progress in reps, a cancel writes nothing, and no task of the pane's own blocks its thread over 200 ms", async () => {
    const context = await paneContext(browser, hostScript, { width: 320, height: 700, outside });
    await watchLongTasks(context);
    const p = await context.newPage();
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("button", { name: "Insert example" }).waitFor();
    // 3,000 reps: several seconds of computing on the model thread.
    const tables = toRawTables(syntheticOrg(3000)).map((t) => ({ name: t.name, headers: t.headers, rows: t.rows }));
    await p.evaluate(
      (t) => (window as unknown as { __fakeExcel: { seedTables(t: unknown): void } }).__fakeExcel.seedTables(t),
      tables,
    );
    const blocked: Record<string, number> = {};
    const watch = async (step: string, act: () => Promise<void>) => {
      blocked[step] = (await longTasksDuring(p, act)).longestOwnMs;
    };
    // The watch itself: a 300 ms busy task on the pane's thread is seen as one.
    await watch("a busy loop", () =>
      p.evaluate(
        () =>
          new Promise<void>((done) =>
            setTimeout(() => {
              const until = performance.now() + 300;
              while (performance.now() < until);
              done();
            }, 0),
          ),
      ),
    );
    expect(blocked["a busy loop"]).toBeGreaterThanOrEqual(290);
    delete blocked["a busy loop"];
    await watch("refresh", async () => {
      await p.getByRole("button", { name: "Refresh" }).first().click();
      await p.getByTestId("input-Reps").waitFor({ timeout: 60_000 });
      await p.waitForFunction(() => !document.querySelector('[aria-label="Checking"]'), undefined, { timeout: 60_000 });
    });
    await p.getByRole("tab", { name: "Run" }).click();
    // Every progress line shown, however briefly (a stage may pass between two polls of the page).
    await p.evaluate(() => {
      const w = window as unknown as { __progress: string[] };
      w.__progress = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[aria-live="polite"]')) {
          const text = (el as HTMLElement).innerText.trim();
          if (text.startsWith("Computing") && w.__progress[w.__progress.length - 1] !== text) w.__progress.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await p.getByTestId("run").click();
    await p.getByText(/^Computing from [\d,]+ input rows: .+, stage [1-5] of 5…$/).waitFor({ timeout: 60_000 });
    await p.getByTestId("cancel-run").press("Enter", { timeout: 60_000 });
    expect(await p.getByTestId("run-failed").innerText()).toBe(
      "Cancelled before anything was written: the Results sheets are as they were.",
    );
    // Cancel went with the computation: keyboard focus is on what the run says now, not on the page.
    expect(await focusOn(p.getByTestId("run-failed"))).toBe("focused");
    const names = () =>
      p.evaluate(() => (window as unknown as { __fakeExcel: { sheetNames(): string[] } }).__fakeExcel.sheetNames());
    expect((await names()).filter((n) => n.startsWith("Results_") || n.startsWith("~cp"))).toEqual([]);
    await watch("run", async () => {
      await p.getByTestId("run").click();
      await p.getByText("Result sheets", { exact: true }).waitFor({ timeout: 120_000 });
    });
    // Progress named the stage and counted the reps priced (it said only "Computing…").
    const progress = await p.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress).toContainEqual(
      expect.stringMatching(
        /^Computing from 147,011 input rows: paying every line, [\d,]+ of 3,000 reps, stage 2 of 5…$/,
      ),
    );
    expect(await names()).toContain("Results_Payouts");
    // The plan editor's realistic figures are priced on the model thread: opening it and editing never block.
    await watch("plans", async () => {
      await p.getByRole("tab", { name: "Plans" }).click();
      await p.getByTestId("realistic-vs-saved-What if").filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
      await p.getByLabel("Band 1 rate").fill("0.35");
      await p.getByTestId("realistic-vs-saved-What if").filter({ hasText: /^−/ }).waitFor({ timeout: 60_000 });
    });
    expect(Object.entries(blocked).filter(([, ms]) => ms > 200)).toEqual([]);
    await context.close();
  }, 240_000);

  it("keeps keyboard focus on the control used, or on what took its place, after each action: never on the page", async () => {
    const { context, page: p } = await freshPage();
    await p.goto(`${base}/taskpane.html`);
    // Excel answers slowly (each sync `ms`), so a control's busy state, while its action runs, can be seen.
    const excelTakes = (ms: number) =>
      p.evaluate((ms) => {
        const { fake } = (window as unknown as { __fakeExcel: { fake: FakeExcel } }).__fakeExcel;
        fake.roundTrip = () => new Promise((resolve) => setTimeout(resolve, ms));
      }, ms);
    const busy = (button: Locator) =>
      poll(
        () => button.getAttribute("aria-disabled"),
        (v) => v === "true",
      );

    // Inputs. Insert example keeps focus while it inserts; then the card goes, and focus goes to the tables it added.
    await p.getByRole("button", { name: "Insert example" }).press("Enter");
    await p.getByTestId("input-Reps").waitFor({ timeout: 30_000 });
    expect(await focusOn(p.getByRole("heading", { name: "Input tables" }))).toBe("focused");
    // Refresh keeps it while it reads the workbook, and after.
    await excelTakes(100);
    const refresh = p.getByRole("button", { name: "Refresh" });
    await refresh.press("Enter");
    expect(await busy(refresh)).toBe("true");
    expect(await focusOn(refresh)).toBe("focused");
    await p.waitForFunction(() => !document.querySelector('[aria-label="Checking"]'));
    expect(await focusOn(refresh)).toBe("focused");

    // Tabs: the arrow keys move along them, Enter opens one, and focus stays on it.
    await p.getByRole("tab", { name: "Inputs" }).press("ArrowRight");
    await p.keyboard.press("Enter");
    const runTab = p.getByRole("tab", { name: "Run" });
    expect(await runTab.getAttribute("aria-selected")).toBe("true");
    expect(await focusOn(runTab)).toBe("focused");

    // Run keeps focus while it runs (it dropped it to the page as it turned itself off) and after.
    const run = p.getByTestId("run");
    await run.press("Enter");
    expect(await busy(run)).toBe("true");
    expect(await focusOn(run)).toBe("focused");
    await p.getByText("Result sheets", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await run.isEnabled()).toBe(true);
    expect(await focusOn(run)).toBe("focused");

    // Scenarios: Run all, the same.
    await p.getByRole("tab", { name: "Scenarios" }).press("Enter");
    const runAll = p.getByTestId("run-scenarios");
    await runAll.press("Enter");
    expect(await busy(runAll)).toBe("true");
    expect(await focusOn(runAll)).toBe("focused");
    await p.getByText("Comparison", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await focusOn(runAll)).toBe("focused");
    await excelTakes(0);

    // Plans. Add band keeps focus.
    await p.getByRole("tab", { name: "Plans" }).press("Enter");
    const add = p.getByRole("button", { name: "Add band" });
    await add.press("Enter");
    await p.getByLabel("Band 5 from").waitFor();
    expect(await focusOn(add)).toBe("focused");
    // Removing the last band takes its button away: focus goes to the band before's.
    await p.getByRole("button", { name: "Remove band 5" }).press("Enter");
    expect(await p.getByLabel("Band 5 from").count()).toBe(0);
    expect(await focusOn(p.getByRole("button", { name: "Remove band 4" }))).toBe("focused");
    // Removing one above the last leaves focus where it was in the list: on the next band's, now band 2's.
    await p.getByRole("button", { name: "Remove band 2" }).press("Enter");
    expect(await p.getByLabel("Band 4 from").count()).toBe(0);
    expect(await focusOn(p.getByRole("button", { name: "Remove band 2" }))).toBe("focused");
    // Reset turns itself off, and keeps focus.
    const reset = p.getByRole("button", { name: "Reset" });
    await reset.press("Enter");
    await p.getByLabel("Band 4 from").waitFor();
    expect(await reset.getAttribute("aria-disabled")).toBe("true");
    expect(await focusOn(reset)).toBe("focused");
    // Save asks first: Escape, or confirming, brings focus back to Save.
    await p.getByLabel("Band 4 rate").fill("3");
    const save = p.getByRole("button", { name: "Save to workbook" });
    await save.press("Enter");
    await p.getByRole("dialog").waitFor();
    await p.keyboard.press("Escape");
    await p.getByRole("dialog").waitFor({ state: "detached" });
    expect(await focusSettlesOn(save)).toBe("focused");
    await save.press("Enter");
    await p.getByRole("button", { name: "Update Tiers" }).press("Enter");
    await p.getByText("Saved 4 bands").waitFor();
    expect(await focusSettlesOn(save)).toBe("focused");

    // Offers. Save keeps focus while it writes and after; updating the same offer, after its confirmation, too.
    await p.getByRole("tab", { name: "Offers" }).press("Enter");
    await p.getByRole("textbox", { name: "Offer name" }).fill("Published check");
    await p.getByRole("textbox", { name: "Base" }).fill("75000");
    await p.getByRole("textbox", { name: "OTE" }).fill("150000");
    await p.getByRole("textbox", { name: "Expected attainment" }).fill("80");
    await p.getByTestId("offer-gap").waitFor();
    await excelTakes(100);
    const saveOffer = p.getByRole("button", { name: "Save to workbook" });
    await saveOffer.press("Enter");
    expect(await busy(saveOffer)).toBe("true");
    expect(await focusOn(saveOffer)).toBe("focused");
    await p.getByText("Added this offer to the Offers table.").waitFor();
    expect(await focusOn(saveOffer)).toBe("focused");
    await excelTakes(0);
    await p.getByRole("textbox", { name: "OTE" }).fill("160000");
    await poll(
      () => p.getByTestId("offer-gap").innerText(),
      (t) => t === "$17,000",
    );
    await saveOffer.press("Enter");
    await p.getByRole("button", { name: "Update offer" }).press("Enter");
    await p.getByText(/^Updated row \d+ of the Offers table\.$/).waitFor();
    expect(await focusSettlesOn(saveOffer)).toBe("focused");
    // A compared offer's checkbox keeps focus as it is toggled.
    const compared = p.getByRole("checkbox").first();
    await compared.press("Space");
    expect(await compared.isChecked()).toBe(false);
    expect(await focusOn(compared)).toBe("focused");

    // Settings: Save keeps focus while it writes and after.
    await p.getByRole("tab", { name: "Settings" }).press("Enter");
    await excelTakes(100);
    const saveSettings = p.getByRole("button", { name: "Save to workbook" });
    await saveSettings.press("Enter");
    expect(await busy(saveSettings)).toBe("true");
    expect(await focusOn(saveSettings)).toBe("focused");
    await p.getByText("Saved to the Settings table.").waitFor();
    expect(await focusOn(saveSettings)).toBe("focused");
    await context.close();

    // A Refresh that finds the user's first tables swaps the first-time view for the tables', Refresh included:
    // focus goes to the new Refresh.
    const { context: first, page: q } = await freshPage();
    await q.goto(`${base}/taskpane.html`);
    await q.getByRole("button", { name: "Insert example" }).waitFor();
    const tables = exampleAsRawTables().map((t) => ({ name: t.name, headers: t.headers, rows: t.rows }));
    await q.evaluate(
      (t) => (window as unknown as { __fakeExcel: { seedTables(t: unknown): void } }).__fakeExcel.seedTables(t),
      tables,
    );
    await q.getByRole("button", { name: "Refresh" }).press("Enter");
    await q.getByTestId("input-Reps").waitFor({ timeout: 30_000 });
    expect(await focusOn(q.getByRole("button", { name: "Refresh" }))).toBe("focused");
    await first.close();
    expect(outside).toEqual([]);
  }, 120_000);

  it("titles every section with a heading (h2 under the pane's h1), so screen readers can move by heading", async () => {
    const { context, page: p } = await freshPage();
    await p.goto(`${base}/taskpane.html`);
    const headings = (level: number) => p.getByRole("heading", { level }).allInnerTexts();
    await p.getByRole("button", { name: "Insert example" }).waitFor();
    expect(await headings(1)).toEqual(["CompPlan"]);
    expect(await headings(2)).toEqual(["Start with an example", "Or bring your own tables"]);
    await p.getByRole("button", { name: "Insert example" }).click();
    await p.getByTestId("input-Reps").waitFor({ timeout: 30_000 });
    expect(await headings(2)).toEqual(["Input tables"]);
    await p.getByRole("tab", { name: "Run" }).click();
    expect(await headings(2)).toEqual(["Run the model"]);
    await p.getByTestId("run").click();
    await p.getByText("Result sheets", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await headings(2)).toEqual(["Run the model", "Results", "Look up a rep", "Result sheets"]);
    await p.getByRole("tab", { name: "Plans" }).click();
    expect(await headings(2)).toEqual(["Plan editor", "Realistic pay", "Bands"]);
    await p.getByRole("tab", { name: "Scenarios" }).click();
    expect(await headings(2)).toEqual(["Scenarios"]);
    await p.getByRole("tab", { name: "Offers" }).click();
    expect(await headings(2)).toEqual(["Evaluate an offer", "Result", "Compare offers"]);
    // Under a section, a list's title is an h3.
    await p.getByTestId("offer-break-evens").waitFor();
    expect(await headings(3)).toEqual(["Break-even attainment (annual cash incl. equity per year)"]);
    await p.getByRole("tab", { name: "Settings" }).click();
    expect(await headings(2)).toEqual(["Settings", "About"]);
    // Each still looks as it did (Subtitle2: 16 px semibold), with no margin of its own.
    const look = await p
      .getByRole("heading", { name: "Settings" })
      .evaluate((h) => [getComputedStyle(h).fontSize, getComputedStyle(h).fontWeight, getComputedStyle(h).margin]);
    expect(look).toEqual(["16px", "600", "0px"]);
    await context.close();
    expect(outside).toEqual([]);
  }, 90_000);

  it("shows every figure in the user's number format (de-DE: 1.234.567 $, 87,5 %), the words in English", async () => {
    const context = await paneContext(browser, hostScript, { width: 320, height: 900, outside, locale: "de-DE" });
    const p = await context.newPage();
    const de = numberLocaleOf("de-DE");
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("button", { name: "Insert example" }).click();
    await p.getByTestId("input-Reps").waitFor({ timeout: 30_000 });
    await p.getByRole("tab", { name: "Run" }).click();
    await p.getByTestId("run").click();
    await p.getByText("Result sheets", { exact: true }).waitFor({ timeout: 60_000 });
    // The Run tab's figures, as Intl writes them in de-DE (the en-US pane shows "$3,404,204" and "87.5%").
    const expected = runWorkbook(exampleAsRawTables(), { sourceName: "acme-comp.xlsx", computedAt: COMPUTED_AT });
    const cards = scenarioComparison(expected.sheets)!;
    const baseline = cards.rows[0];
    const shown = (what: string) => p.getByTestId(`scenario-${baseline.scenario}-${what}`).innerText();
    expect(await shown("variable")).toBe(formatMoney(baseline.totalVariableCost!, cards.currency, de));
    expect(await shown("variable")).toMatch(/^\d{1,3}(\.\d{3})+\u00A0\$$/);
    expect(await shown("pct")).toBe(formatPercent(baseline.avgPctOfOte!, 1, de));
    expect(await shown("pct")).toMatch(/^\d+(,\d)?\u00A0%$/);
    expect(await shown("quota")).toBe(formatCount(baseline.repsAtOrAboveQuota!, de));
    // Row counts too: Results_PayoutCurve has over a thousand.
    const curveRows = expected.sheets.find((x) => x.name === "Results_PayoutCurve")!.rows.length;
    expect(formatCount(curveRows, de)).toMatch(/^\d\.\d{3}$/);
    await p.getByText(`${formatCount(curveRows, de)} rows`, { exact: true }).waitFor();

    // The plan editor's curve: multiples and percents.
    await p.getByRole("tab", { name: "Plans" }).click();
    expect(
      await poll(
        () => p.getByTestId("curve-caption").innerText(),
        (t) => t.includes(" at "),
      ),
    ).toBe(`Payout as a multiple of target incentive · ${formatMultiple(1, de)} at ${formatPercent(1, 1, de)}`);

    // The what-if reads numbers as every field does: 87,5 is taken, 87.5 refused with the format's hint, on its input.
    const mean = p.getByRole("textbox", { name: "What-if mean attainment" });
    await mean.fill("87.5");
    const meanProblem = p.getByText(/^Mean: "87\.5" is not a number in your format \(de-DE: a comma for decimals\)/);
    await meanProblem.waitFor();
    expect(await mean.getAttribute("aria-invalid")).toBe("true");
    expect((await mean.getAttribute("aria-describedby"))?.split(" ")).toContain(await meanProblem.getAttribute("id"));
    await mean.fill("87,5");
    await meanProblem.waitFor({ state: "detached" });
    expect(await mean.getAttribute("aria-invalid")).toBe("false");
    // A band's refusal describes its input and is announced.
    await listenForAnnouncements(p);
    const rate = p.getByRole("textbox", { name: "Band 1 rate" });
    await rate.fill("1.5");
    const bandProblem = p.locator("li", { hasText: /^Band 1: .*"1\.5" is not a number in your format/ });
    await bandProblem.waitFor();
    expect(await rate.getAttribute("aria-invalid")).toBe("true");
    expect((await rate.getAttribute("aria-describedby"))?.split(" ")).toContain(await bandProblem.getAttribute("id"));
    await p.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((m) => m.startsWith("Band 1: ")),
    );
    await p.getByRole("button", { name: "Reset" }).click();

    // The offer form: its example amounts are written as de-DE types them, and what it reads it shows the same way.
    await p.getByRole("tab", { name: "Offers" }).click();
    expect(await p.getByRole("textbox", { name: "Base" }).getAttribute("placeholder")).toBe("150.000");
    await p.getByRole("textbox", { name: "Offer name" }).fill("Published check");
    await p.getByRole("textbox", { name: "Base" }).fill("75.000");
    await p.getByRole("textbox", { name: "OTE" }).fill("150.000");
    await p.getByRole("textbox", { name: "Expected attainment" }).fill("80");
    const gap = formatMoney(15000, "USD", de);
    expect(
      await poll(
        () => p.getByTestId("offer-gap").innerText(),
        (t) => t === gap,
      ),
    ).toBe(gap);
    expect(await p.getByTestId("offer-headline").innerText()).toBe(
      `Realistically ${gap} below OTE (${formatPercent(0.1, 1, de)}).`,
    );
    expect(gap).toBe("15.000\u00A0$");
    // "150,000" in de-DE is refused with the format's hint, never read as 150.
    await p.getByRole("textbox", { name: "Base" }).fill("150,000");
    await p.getByText(/^"150,000" is not a clear amount in your format \(de-DE/).waitFor();
    // Its read-back hint writes the percent as de-DE does.
    await p.getByText(`= ${formatPercent(0.8, 4, de)}`, { exact: true }).waitFor();
    await context.close();
    expect(outside).toEqual([]);
  }, 90_000);

  it("names the offer form's own fields in its messages, not the Offers columns behind them", async () => {
    const { context, page: p } = await freshPage();
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("tab", { name: "Offers" }).click();
    await p.getByRole("textbox", { name: "Offer name" }).fill("Globex");
    await p.getByRole("textbox", { name: "Base" }).fill("75000");
    await p.getByRole("textbox", { name: "OTE" }).fill("150000");
    await p.getByRole("textbox", { name: "Share at quota" }).fill("40");
    // It said "A spread (ShareAtQuota) needs ExpectedAttainment, …".
    await p
      .getByText("A spread (Share at quota) needs Expected attainment, the mean it spreads around (e.g. 70%)")
      .waitFor();
    await p.getByRole("textbox", { name: "Expected attainment" }).fill("80");
    await p.getByRole("textbox", { name: "Share at quota" }).fill("150");
    await p.getByText(/^Share at quota must be between 0\.1% and 99\.9%/).waitFor();
    await context.close();
  }, 60_000);

  it("axe-core finds no accessibility violations on any view, light and dark", async () => {
    const views = ["Inputs", "Run", "Plans", "Scenarios", "Offers", "Settings"];
    const found: string[] = [];
    // `npm run screenshots` keeps each view's picture (320 px, light and dark) in docs/screenshots/.
    const shots = process.env.SCREENSHOTS_DIR;
    const check = async (p: Page, theme: string) => {
      for (const view of views) {
        await p.getByRole("tab", { name: view }).click();
        // Settled: no check or run in progress (a spinner mid-way is not the view), transitions done.
        await p.waitForFunction(() => !document.querySelector('[role="progressbar"], [aria-label="Checking"]'));
        await p.waitForTimeout(500);
        for (const v of await axeViolations(p)) found.push(`${theme} ${view}: ${v}`);
        if (shots) {
          await p.mouse.move(0, 0);
          await p.screenshot({
            path: join(shots, `${view.toLowerCase()}-${theme}-320.png`),
            fullPage: true,
            animations: "disabled",
          });
        }
      }
    };
    await check(page, "light");
    const { context: dark, page: p } = await freshPage({ dark: true });
    await p.goto(`${base}/taskpane.html`);
    await p.getByRole("button", { name: "Insert example" }).click();
    await p.getByTestId("input-Reps").waitFor({ timeout: 30_000 });
    await check(p, "dark");
    await dark.close();
    expect(found).toEqual([]);
  }, 120_000);
});

/** What a screen reader is told from now on, in `window.__announced`: Chromium's ariaNotify, else Fluent's live region. */
async function listenForAnnouncements(p: Page): Promise<void> {
  await p.evaluate(() => {
    const w = window as unknown as { __announced: string[] };
    w.__announced = [];
    const d = document as unknown as { ariaNotify?: (m: string, o?: unknown) => void };
    if (typeof d.ariaNotify === "function") {
      const notify = d.ariaNotify.bind(document);
      d.ariaNotify = (m, o) => {
        w.__announced.push(m);
        notify(m, o);
      };
    }
    new MutationObserver(() => {
      for (const e of document.querySelectorAll("[aria-live]")) if (e.textContent) w.__announced.push(e.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

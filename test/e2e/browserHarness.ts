import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { DIST, ROOT } from "./buildOnce";

/**
 * What the browser test and the pane benchmark share: Debian's chromium, the
 * production bundle served from 127.0.0.1, and office.js replaced by a fake
 * host built from the strict fake Excel.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const HOST_BUNDLE = join(ROOT, ".tmp", "e2e", "fake-office.js");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * Builds the fake Office host. Run after the production build: it inlines
 * dist/functions.json, the metadata Excel would read from the manifest's
 * functions URL, so the host's CustomFunctions exists before the pane loads.
 */
export function buildFakeHost(): Promise<string> {
  const metadata = join(DIST, "functions.json");
  const compiler = webpack({
    mode: "development",
    devtool: false, // no eval-based source maps: the page's CSP forbids eval
    entry: join(ROOT, "test/fake-excel/browserHost.ts"),
    output: { path: join(ROOT, ".tmp", "e2e"), filename: "fake-office.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    plugins: [
      new webpack.DefinePlugin({
        __FUNCTIONS_METADATA__: existsSync(metadata) ? readFileSync(metadata, "utf8") : "null",
      }),
    ],
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

export function serveDist(): Promise<Server> {
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

/**
 * A browser context for the pane: office.js served by the fake host, the
 * pane's own files from 127.0.0.1, and every other request refused and
 * recorded in `outside` (the add-in must make none). `dark` sets Office's
 * theme to a dark one before the pane loads.
 */
export async function paneContext(
  browser: Browser,
  hostScript: string,
  options: {
    readonly width: number;
    readonly height: number;
    readonly dark?: boolean;
    readonly outside?: string[];
    /** The browser's language (navigator.language), which the pane's numbers follow; Playwright's default else. */
    readonly locale?: string;
  },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    locale: options.locale,
  });
  if (options.dark)
    await context.addInitScript(() => {
      (window as unknown as { __fakeOfficeTheme: unknown }).__fakeOfficeTheme = { bodyBackgroundColor: "#1F1F1F" };
    });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: hostScript });
    if (new URL(url).hostname === "127.0.0.1") return route.continue();
    options.outside?.push(url);
    return route.abort();
  });
  return context;
}

interface WatchedWindow {
  __longTasks: [number, number][];
  __fakeExcel: { hostWork(): [number, number][] };
}

/** Records the page's long tasks (main-thread tasks over 50 ms, the Long Tasks API) from before the pane loads. */
export async function watchLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as WatchedWindow;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  });
}

/** How much of [start, start + duration] is not inside any of the host's intervals. */
function outsideHost(start: number, duration: number, host: readonly [number, number][]): number {
  const end = start + duration;
  let covered = 0;
  for (const [a, b] of host) covered += Math.max(0, Math.min(b, end) - Math.max(a, start));
  return duration - covered;
}

export interface LongTasks {
  readonly wallMs: number;
  readonly count: number;
  readonly longestMs: number;
  /** The longest with the fake Excel's share taken out: the pane's own (real Excel works in its own process). */
  readonly longestOwnMs: number;
  readonly ownOver200: number;
}

/**
 * The long tasks while `act` runs (the page watched by watchLongTasks). The
 * fake Excel applies each sync on the pane's thread, where real Excel works
 * in its own process, so each task is also measured without the fake's share.
 */
export async function longTasksDuring(page: Page, act: () => Promise<void>): Promise<LongTasks> {
  await page.evaluate(() => ((window as unknown as WatchedWindow).__longTasks = []));
  const hostBefore = await page.evaluate(() => (window as unknown as WatchedWindow).__fakeExcel.hostWork().length);
  const started = Date.now();
  await act();
  const wallMs = Date.now() - started;
  await page.waitForTimeout(200); // the observer reports a task after it ends
  const { tasks, host } = await page.evaluate((from) => {
    const w = window as unknown as WatchedWindow;
    return { tasks: w.__longTasks, host: w.__fakeExcel.hostWork().slice(from) };
  }, hostBefore);
  const own = tasks.map(([start, d]) => outsideHost(start, d, host));
  return {
    wallMs,
    count: tasks.length,
    longestMs: Math.max(0, ...tasks.map(([, d]) => d)),
    longestOwnMs: Math.max(0, ...own),
    ownOver200: own.filter((d) => d > 200).length,
  };
}

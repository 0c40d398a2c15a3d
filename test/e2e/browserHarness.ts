import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
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

export function buildFakeHost(): Promise<string> {
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
  options: { readonly width: number; readonly height: number; readonly dark?: boolean; readonly outside?: string[] },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width, height: options.height } });
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

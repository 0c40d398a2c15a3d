import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bundleSizeReport } from "./bundle-size";
import { DIST, ensureProductionBuild } from "./buildOnce";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CSP } = require("../../webpack.config.js") as { CSP: string };

beforeAll(() => ensureProductionBuild(), 300_000);

describe("production bundle", () => {
  it("contains no eval and no new Function (the CSP forbids both)", () => {
    const js = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    expect(js.length).toBeGreaterThanOrEqual(2);
    for (const f of js) {
      const code = readFileSync(join(DIST, f), "utf8");
      expect(code).not.toMatch(/\beval\s*\(/);
      expect(code).not.toMatch(/new\s+Function\s*\(/);
    }
  });

  it("taskpane.html carries the strict CSP and loads only office.js from outside", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain(`content="${CSP}"`);
    expect(CSP).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(CSP).not.toContain("unsafe-eval");
    const external = [...html.matchAll(/(?:src|href)=["']?(https?:[^"'\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  it("keeps the task pane under 400 KB gzipped", () => {
    const pane = bundleSizeReport(DIST).find((b) => b.file.startsWith("taskpane."))!;
    expect(pane.gzipBytes).toBeLessThan(400 * 1024);
  });

  it("ships the production manifest with no localhost URL", () => {
    expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).not.toContain("localhost");
  });
});

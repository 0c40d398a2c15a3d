import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the production bundle unless dist/ is newer than every source it comes from. */
export function ensureProductionBuild(): void {
  const built = existsSync(join(DIST, "taskpane.html")) ? statSync(join(DIST, "taskpane.html")).mtimeMs : 0;
  const sources = Math.max(
    newest(join(ROOT, "src")),
    newest(join(ROOT, "assets")),
    statSync(join(ROOT, "manifest.xml")).mtimeMs,
    statSync(join(ROOT, "webpack.config.js")).mtimeMs,
  );
  if (built > sources && readdirSync(DIST).some((f) => /^taskpane\..*\.js$/.test(f))) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
}

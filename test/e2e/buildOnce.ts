import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** The project root: the nearest folder up with package.json (the bench runs this file compiled, from .bench/js). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = join(dir, "..")) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (join(dir, "..") === dir) return join(from, "..", "..");
  }
}
export const ROOT = projectRoot(__dirname);
export const DIST = join(ROOT, "dist");

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const LOCK = join(ROOT, ".tmp", "e2e-build.lock");

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the production bundle unless dist/ is newer than every source it
 * comes from. Test files run in parallel workers: a lock directory keeps two
 * of them from building into dist/ at once.
 */
export function ensureProductionBuild(): void {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than the deadline is a crashed run's: take it over.
      if (Date.now() > deadline || Date.now() - statSync(LOCK).mtimeMs > 240_000) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      sleep(250);
    }
  }
  try {
    buildIfStale();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function buildIfStale(): void {
  const built = existsSync(join(DIST, "taskpane.html")) ? statSync(join(DIST, "taskpane.html")).mtimeMs : 0;
  const sources = Math.max(
    newest(join(ROOT, "src")),
    newest(join(ROOT, "assets")),
    statSync(join(ROOT, "manifest.xml")).mtimeMs,
    statSync(join(ROOT, "webpack.config.js")).mtimeMs,
  );
  if (built > sources && readdirSync(DIST).some((f) => /^taskpane\..*\.js$/.test(f))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", "local"],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
}

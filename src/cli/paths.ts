import { existsSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * `<dir>/acme.xlsx` → `<dir>/acme-results.xlsx`. `extension` is the one the
 * workbook's kind needs (".xlsm" keeps a macro-enabled workbook openable);
 * default: the input's own, else ".xlsx".
 */
export function defaultOutputPath(inputPath: string, extension?: string): string {
  const ext = extname(inputPath);
  const stem = basename(inputPath, ext);
  return join(dirname(inputPath), `${stem}-results${extension ?? (ext || ".xlsx")}`);
}

/** True when both paths name the same file, through symlinks too (the output may not exist yet). */
export function isSameFile(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

function canonical(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  // A new file: canonicalise its directory so "./x/../in.xlsx" style paths still compare equal.
  const dir = dirname(absolute);
  return join(existsSync(dir) ? realpathSync(dir) : dir, basename(absolute));
}

/** Shorter path for messages: relative to cwd when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/**
 * A temporary beside `path` for a run of process `pid`: the output is written
 * there, then renamed into place, so a failed or interrupted run never leaves
 * a half-written output. `hidden` (a folder's): `.<name>.<pid>.tmp`.
 */
export function temporaryPath(path: string, pid: number, hidden: boolean): string {
  return hidden ? join(dirname(path), `.${basename(path)}.${pid}.tmp`) : `${path}.${pid}.tmp`;
}

/**
 * Temporaries an earlier run left beside `path` when it was stopped (Ctrl-C
 * ends the process before it can clean up): those of processes no longer
 * running, removed by the next run to the same output.
 */
export function removeStaleTemporaries(path: string, hidden: boolean): void {
  const dir = dirname(path);
  const name = basename(path);
  const pattern = hidden ? /^\.(.*)\.(\d+)\.tmp$/ : /^(.*)\.(\d+)\.tmp$/;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = pattern.exec(entry);
    if (!m || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isRunning(pid)) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

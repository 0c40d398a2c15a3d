import { existsSync, realpathSync } from "node:fs";
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

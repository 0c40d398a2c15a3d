import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { csvLines } from "../workbook/csv";
import { removeStaleTemporaries, temporaryPath } from "./paths";
import { streamSheet, type SheetSource, type WritableSheet } from "../workbook/types";

/**
 * The list of the files a run wrote, kept in the folder beside them: the next
 * run replaces the folder only if it holds nothing but those files (plain
 * files, by those names) — a name that merely looks like ours
 * (`Results_Q3forecast.csv`), or a folder, is the user's and is never removed.
 */
const WRITTEN = ".compplan-results";
const WRITTEN_HEADER = "Files written by compplan model --format csv; the next run replaces only these:";

/** The names our earlier run listed, or none when the folder holds no list. */
function writtenBefore(dir: string): Set<string> {
  const list = join(dir, WRITTEN);
  if (!existsSync(list) || !lstatSync(list).isFile()) return new Set();
  const lines = readFileSync(list, "utf8").split(/\r?\n/);
  return lines[0] === WRITTEN_HEADER ? new Set(lines.slice(1).filter((l) => l !== "")) : new Set();
}

export interface CsvWritten {
  readonly files: readonly { readonly name: string; readonly rows: number }[];
  /** Our files from an earlier run that this run replaced. */
  readonly replaced: readonly string[];
}

/** A folder that cannot take the results: said, and nothing written. */
export class CsvFolderError extends Error {}

/**
 * One CSV file per result table in `dir`, all or nothing: written into a
 * sibling folder, then moved into place. A folder from an earlier run (only
 * the files its list names, WRITTEN) is replaced whole; a folder holding
 * anything else is refused, so no file of the user's is ever overwritten or removed.
 */
export function writeCsvFolder(dir: string, sheets: readonly SheetSource[]): CsvWritten {
  let replaced: string[] = [];
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new CsvFolderError(`${dir} is a file; --format csv writes a folder`);
    const entries = readdirSync(dir);
    const ours = writtenBefore(dir);
    const theirs = entries.filter((e) => e !== WRITTEN && !(ours.has(e) && lstatSync(join(dir, e)).isFile()));
    if (theirs.length > 0)
      throw new CsvFolderError(
        `${dir} holds files compplan did not write (${theirs.slice(0, 3).join(", ")}${theirs.length > 3 ? ", …" : ""}); choose an empty or new folder with -o`,
      );
    replaced = entries.filter((e) => e !== WRITTEN);
  }
  const temporary = temporaryPath(dir, process.pid, true);
  const old = join(dirname(dir), `.${basename(dir)}.${process.pid}.old`);
  removeStaleTemporaries(dir, true);
  try {
    mkdirSync(temporary, { recursive: true });
    // One table at a time: a pending sheet is rendered, written and let go before the next.
    const files = sheets.map((source) => {
      const sheet = streamSheet(source);
      return { name: `${sheet.name}.csv`, rows: writeCsv(join(temporary, `${sheet.name}.csv`), sheet) };
    });
    writeFileSync(join(temporary, WRITTEN), [WRITTEN_HEADER, ...files.map((f) => f.name), ""].join("\n"));
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(temporary, dir);
    rmSync(old, { recursive: true, force: true });
    return { files, replaced };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    // The earlier results are put back if they were moved aside.
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    throw error;
  }
}

/** Streams a table's lines to `path` in blocks of about a megabyte; returns the rows written. */
function writeCsv(path: string, sheet: WritableSheet): number {
  const fd = openSync(path, "w");
  try {
    let block = "";
    for (const line of csvLines(sheet)) {
      block += line;
      if (block.length >= 1 << 20) {
        writeSync(fd, block);
        block = "";
      }
    }
    if (block) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
  return sheet.rows.length;
}

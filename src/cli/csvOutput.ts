import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { csvLines } from "../workbook/csv";
import { streamSheet, type SheetSource, type WritableSheet } from "../workbook/types";

/** What a folder of results holds: our files only (`Results_Summary.csv`, …). */
const OURS = /^Results_[A-Za-z0-9]+\.csv$/;

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
 * our Results_*.csv files in it) is replaced whole; a folder holding anything
 * else is refused, so no file of the user's is ever overwritten or removed.
 */
export function writeCsvFolder(dir: string, sheets: readonly SheetSource[]): CsvWritten {
  let replaced: string[] = [];
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new CsvFolderError(`${dir} is a file; --format csv writes a folder`);
    const entries = readdirSync(dir);
    const theirs = entries.filter((e) => !OURS.test(e));
    if (theirs.length > 0)
      throw new CsvFolderError(
        `${dir} holds files compplan did not write (${theirs.slice(0, 3).join(", ")}${theirs.length > 3 ? ", …" : ""}); choose an empty or new folder with -o`,
      );
    replaced = entries;
  }
  const temporary = join(dirname(dir), `.${basename(dir)}.${process.pid}.tmp`);
  const old = join(dirname(dir), `.${basename(dir)}.${process.pid}.old`);
  try {
    mkdirSync(temporary, { recursive: true });
    // One table at a time: a pending sheet is rendered, written and let go before the next.
    const files = sheets.map((source) => {
      const sheet = streamSheet(source);
      return { name: `${sheet.name}.csv`, rows: writeCsv(join(temporary, `${sheet.name}.csv`), sheet) };
    });
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

import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import type { ExampleTable } from "../../src/workbook/example/acme";
import { exampleXlsx } from "../../scripts/exampleXlsx";

export const EXAMPLE = join(__dirname, "../../examples/acme-comp.xlsx");
export const FIXED_NOW = new Date(Date.UTC(2026, 11, 31, 12, 0, 0));

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "compplan-cli-"));
}

export function copyExample(dir: string): string {
  const target = join(dir, "acme-comp.xlsx");
  copyFileSync(EXAMPLE, target);
  return target;
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with the working directory set to `cwd`. */
export function runCli(argv: readonly string[], cwd: string, more: Partial<CliIo> = {}): CliRun {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => FIXED_NOW,
    cwd,
    ...more,
  };
  const code = main(argv, io);
  return { code, stdout, stderr };
}

/** A workbook built by hand with exceljs (independent of our writer), one Excel table per sheet. */
export async function writeWorkbook(path: string, tables: readonly ExampleTable[]): Promise<void> {
  writeFileSync(path, await exampleXlsx(tables));
}

export function table(name: string, headers: string[], rows: (string | number | null)[][]): ExampleTable {
  return { name, headers, rows, formats: headers.map(() => "text") };
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Body rows of a result sheet (title, subtitle, blank, then the header at row 4) as objects keyed by header. */
export function resultRows(workbook: ExcelJS.Workbook, sheetName: string): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const headerRow = 4;
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    if (values.every((v) => v === null || v === undefined)) continue;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  }
  return rows;
}

/** Every cell of a sheet as a user sees it: value, type and style (number format, font, fill, border, alignment). */
export function cells(sheet: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = { value: cell.value, type: cell.type, style: JSON.parse(JSON.stringify(cell.style ?? {})) };
    }),
  );
  return out;
}

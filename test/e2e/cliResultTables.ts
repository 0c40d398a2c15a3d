import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readXlsx } from "../../src/xlsx/read";

export const EXAMPLE_XLSX = join(__dirname, "..", "..", "examples", "acme-comp.xlsx");

export type TableDump = { headers: string[]; rows: unknown[][] };

/** A table as compared across hosts: empty cells as "" (Excel's reading), fully blank rows dropped (an empty Excel table keeps one). */
export function comparable(t: { headers: readonly unknown[]; rows: readonly (readonly unknown[])[] }): TableDump {
  const rows = t.rows
    .map((r) => r.map((c) => (c === null || c === undefined ? "" : c)))
    .filter((r) => r.some((c) => c !== ""));
  return { headers: t.headers.map(String), rows };
}

/**
 * The CLI's result tables for an example workbook (examples/acme-comp.xlsx unless told): `main` run in-process
 * into a temporary file, read back with our .xlsx reader. Every table named
 * Results_… is returned, whatever else the output package holds.
 */
export function cliResultTables(input: string = EXAMPLE_XLSX): Record<string, TableDump> {
  const dir = mkdtempSync(join(tmpdir(), "compplan-cli-vs-addin-"));
  try {
    const out = join(dir, "results.xlsx");
    let stderr = "";
    const code = main(["model", input, "-o", out, "--quiet"], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      now: () => new Date("2026-12-31T12:00:00Z"),
      cwd: dir,
    });
    if (code !== 0) throw new Error(`compplan exited ${code}: ${stderr}`);
    const tables = readXlsx(readFileSync(out)).filter((t) => t.source === "table" && t.name.startsWith("Results_"));
    return Object.fromEntries(tables.map((t) => [t.name, comparable(t)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

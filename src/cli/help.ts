import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const USAGE = `compplan - compensation-plan modeling over .xlsx workbooks

Usage:
  compplan model <input.xlsx> [-o <output>] [--format xlsx|csv] [--json] [--quiet] [--trace <RepIDs>]
  compplan --help
  compplan --version

model   Reads the input tables (Reps, Plans, Tiers, Quotas, Actuals, ...) from
        <input.xlsx>, computes payouts and writes a copy of the workbook with the
        result sheets added after its last sheet (result sheets from an earlier
        run are replaced; a sheet of yours is never overwritten). Everything else
        in the workbook is kept as it was. The input file is only read.

Options:
  -o, --output <file>  Output workbook (default: <input>-results.xlsx beside the input;
                       .xlsm for a macro-enabled workbook). Must differ from the input.
      --format <kind>  xlsx (default): the workbook with the result sheets added.
                       csv: a folder (default <input>-results/) of one CSV file per result
                       table, every row, for results past Excel's 1,048,576 rows a sheet
                       and for databases. An existing folder is replaced only when it
                       holds nothing but the Results_*.csv files of an earlier run.
      --json           Print the results as JSON on stdout and nothing else.
                       Writes a workbook only when -o is given.
  -q, --quiet          Print only errors.
      --trace <RepIDs>  Trace these reps in full on Results_Trace (comma-separated, e.g.
                       E1101,E1304): every line, step by step, and each period's statement,
                       however large the run (by default every rep, up to 20,000 lines).
  -h, --help           Show this help.
  -v, --version        Show the version.

Exit status:
  0  results written (warnings allowed)
  1  the input has errors, a result sheet's name is taken by a sheet or
     table of yours, or a result sheet would pass Excel's last row: they are
     listed, nothing is written
  2  usage error: unknown option, missing or unreadable file, not an .xlsx,
     a CSV folder holding files of yours
  3  internal error or the output could not be written
`;

/** The package version, read from the nearest package.json (works from src/ under jest and from dist/node/). */
export function packageVersion(startDir: string = __dirname): string {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "compplan" && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}

import type ExcelJS from "exceljs";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyExample, readWorkbook, resultRows, runCli, sha256, tempDir } from "./helpers";

/** RFC 4180, written here from the RFC rather than taken from the code under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("the last line has no CRLF");
  return rows;
}

/** An xlsx cell as the CSV should hold it: text a spreadsheet would run as a formula is kept as text with a '. */
function asCsv(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return String(value);
}

describe("compplan model --format csv", () => {
  let dir: string;
  let input: string;
  let before: string;
  let xlsx: ExcelJS.Workbook;
  let run: ReturnType<typeof runCli>;

  beforeAll(async () => {
    dir = tempDir();
    input = copyExample(dir);
    before = sha256(input);
    expect(runCli(["model", "acme-comp.xlsx", "-o", "as-workbook.xlsx"], dir).code).toBe(0);
    xlsx = await readWorkbook(join(dir, "as-workbook.xlsx"));
    run = runCli(["model", "acme-comp.xlsx", "--format", "csv"], dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one CSV per result table into <input>-results/, and says so", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(sha256(input)).toBe(before);
    const results = xlsx.worksheets.map((w) => w.name).filter((n) => n.startsWith("Results_"));
    expect(readdirSync(join(dir, "acme-comp-results")).sort()).toEqual(
      [".compplan-results", ...results.map((n) => `${n}.csv`)].sort(),
    );
    // The list of what it wrote, which is all a later run will replace.
    expect(
      readFileSync(join(dir, "acme-comp-results", ".compplan-results"), "utf8")
        .split("\n")
        .slice(1, -1)
        .sort(),
    ).toEqual(results.map((n) => `${n}.csv`).sort());
    expect(run.stdout).toContain("Wrote acme-comp-results: one CSV file per result table");
    const payouts = resultRows(xlsx, "Results_Payouts").length;
    expect(run.stdout).toContain(`  Results_Payouts.csv  ${payouts.toLocaleString("en-US")} rows\n`);
    // Nothing else beside the input: no temporary folder left behind.
    expect(readdirSync(dir).sort()).toEqual(["acme-comp-results", "acme-comp.xlsx", "as-workbook.xlsx"]);
  });

  it("holds the same values as the workbook's result tables, cell for cell: a header line, then the rows", () => {
    for (const sheet of xlsx.worksheets.filter((w) => w.name.startsWith("Results_"))) {
      const csv = parseCsv(readFileSync(join(dir, "acme-comp-results", `${sheet.name}.csv`), "utf8"));
      const rows = resultRows(xlsx, sheet.name);
      const headers = (sheet.getRow(4).values as unknown[]).slice(1).map(String);
      expect(csv[0]).toEqual(headers);
      expect(csv.slice(1)).toEqual(rows.map((r) => headers.map((h) => asCsv(r[h]))));
    }
    // Our own text never begins like a formula, so it is written as it reads.
    const offers = readFileSync(join(dir, "acme-comp-results", "Results_Offers.csv"), "utf8");
    expect(offers).toContain(`,"Even with Current job at 292.4% attainment (above it, Current job pays more)"\r\n`);
    // UTF-8 without a byte-order mark (README): the first bytes are the header's.
    expect([...readFileSync(join(dir, "acme-comp-results", "Results_Summary.csv")).subarray(0, 3)]).toEqual(
      [..."Sce"].map((c) => c.charCodeAt(0)),
    );
    // Money at full precision, without thousands separators.
    const statements = parseCsv(readFileSync(join(dir, "acme-comp-results", "Results_Statements.csv"), "utf8"));
    expect(statements.slice(1).every((r) => r.every((f) => !/^\d{1,3}(,\d{3})+/.test(f)))).toBe(true);
  });

  it("replaces the CSV files of an earlier run, and refuses a folder holding anything else, changing nothing", () => {
    const again = runCli(["model", "acme-comp.xlsx", "--format", "csv"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("  Replaced the files of an earlier run: Results_");
    const mine = join(dir, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "notes.txt"), "keep me");
    const refused = runCli(["model", "acme-comp.xlsx", "--format", "csv", "-o", "mine"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `compplan: ${mine} holds files compplan did not write (notes.txt); choose an empty or new folder with -o\n`,
    );
    expect(readdirSync(mine)).toEqual(["notes.txt"]);
    expect(readFileSync(join(mine, "notes.txt"), "utf8")).toBe("keep me");
    // A name that only looks like ours, or a folder so named, beside an earlier run's files: the user's, refused.
    const results = join(dir, "acme-comp-results");
    writeFileSync(join(results, "Results_Q3forecast.csv"), "mine");
    mkdirSync(join(results, "Results_Archive.csv"));
    writeFileSync(join(results, "Results_Archive.csv", "important.txt"), "mine too");
    const lookalikes = runCli(["model", "acme-comp.xlsx", "--format", "csv"], dir);
    expect(lookalikes.code).toBe(2);
    expect(lookalikes.stderr).toContain(
      "holds files compplan did not write (Results_Archive.csv, Results_Q3forecast.csv)",
    );
    expect(readFileSync(join(results, "Results_Q3forecast.csv"), "utf8")).toBe("mine");
    expect(readFileSync(join(results, "Results_Archive.csv", "important.txt"), "utf8")).toBe("mine too");
    rmSync(join(results, "Results_Q3forecast.csv"));
    rmSync(join(results, "Results_Archive.csv"), { recursive: true });
    expect(readdirSync(dir).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("refuses an .xlsx whose result sheet would pass the sheet's last row, and points at --format csv", () => {
    // The limit lowered to the example's size: its largest sheet (title, subtitle, blank and header are 4
    // rows) one row short, every other sheet within it.
    const [largest, next] = xlsx.worksheets
      .filter((w) => w.name.startsWith("Results_"))
      .map((w) => ({ name: w.name, rows: 4 + resultRows(xlsx, w.name).length }))
      .sort((a, b) => b.rows - a.rows);
    expect(next.rows).toBeLessThan(largest.rows - 1);
    const limit = largest.rows - 1;
    const refused = runCli(["model", "acme-comp.xlsx", "-o", "big.xlsx"], dir, { sheetRowLimit: limit });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `compplan: ${largest.name} would take ${largest.rows.toLocaleString("en-US")} rows, past Excel's limit of ` +
        `${limit.toLocaleString("en-US")} rows a sheet: Excel could not open it whole. Nothing was written. ` +
        "--format csv writes every row (one CSV file per result table).\n",
    );
    expect(existsSync(join(dir, "big.xlsx"))).toBe(false);
    // At the limit it is written.
    expect(runCli(["model", "acme-comp.xlsx", "-o", "big.xlsx"], dir, { sheetRowLimit: limit + 1 }).code).toBe(0);
    // CSV has no such limit.
    expect(
      runCli(["model", "acme-comp.xlsx", "--format", "csv", "-o", "big"], dir, { sheetRowLimit: limit }).code,
    ).toBe(0);
  });
});

describe("compplan model --format csv when the disk fails it", () => {
  // Fault injection: the earlier results are exactly as they were, and no temporary folder is left.
  const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
  let dir: string;
  const folder = () => join(dir, "acme-comp-results");
  const snapshot = () =>
    Object.fromEntries(readdirSync(folder()).map((f) => [f, readFileSync(join(folder(), f), "utf8")]));
  let before: Record<string, string>;
  beforeEach(() => {
    dir = tempDir();
    copyExample(dir);
    expect(runCli(["model", "acme-comp.xlsx", "--format", "csv"], dir).code).toBe(0);
    // Mark the earlier results so that a replacement would show.
    writeFileSync(join(folder(), "Results_Summary.csv"), "the previous results\r\n");
    before = snapshot();
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves the earlier results as they were when the disk fills up half way", () => {
    let writes = 0;
    const real = fs.writeSync;
    jest.spyOn(fs, "writeSync").mockImplementation(((fd: number, data: string) => {
      if (++writes === 3) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return real(fd, data);
    }) as typeof fs.writeSync);
    const run = runCli(["model", "acme-comp.xlsx", "--format", "csv"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot write .*acme-comp-results: ENOSPC: no space left on device/);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(["acme-comp-results", "acme-comp.xlsx"]);
  });

  it("puts the earlier results back when the new folder cannot be moved into place", () => {
    let renames = 0;
    const real = fs.renameSync;
    jest.spyOn(fs, "renameSync").mockImplementation((from, to) => {
      // The first rename moves the earlier results aside; the second, the new folder into place, fails.
      if (++renames === 2)
        throw Object.assign(new Error("EXDEV: cross-device link not permitted, rename"), { code: "EXDEV" });
      return real(from, to);
    });
    const run = runCli(["model", "acme-comp.xlsx", "--format", "csv"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot write .*acme-comp-results: EXDEV/);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(["acme-comp-results", "acme-comp.xlsx"]);
  });
});

import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { whatIfXlsx } from "../../scripts/whatIfXlsx";
import * as functions from "../../src/functions/functions";
import { LiveFunctions } from "../../src/functions/live";
import { formulaText, whatIfSheet, WHAT_IF_SHEET } from "../../src/workbook/example/whatIf";
import { acmeExample } from "../../src/workbook/example/acme";
import { readXlsx } from "../../src/xlsx/read";
import { runCli, tempDir } from "../cli/helpers";
import { FakeExcel } from "../fake-excel";
import { FakeCustomFunctions } from "../fake-excel/customFunctions";
import { fakeWorkbookPort } from "../fake-excel/fakeWorkbookPort";
import { functionsBuild } from "../fake-excel/functionsHost";

/**
 * examples/what-if.xlsx: the Acme input tables and a What-if sheet built only
 * from COMP.* formulas (scripts/whatIfXlsx.ts). The CLI runs on it and
 * leaves the What-if sheet's part byte for byte as it was.
 */
const FILE = join(__dirname, "../../examples/what-if.xlsx");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The zip path of a sheet's XML part, by the sheet's name (workbook.xml → its relationships). */
function sheetPart(zip: Record<string, Uint8Array>, name: string): string {
  const text = (p: string) => new TextDecoder().decode(zip[p]);
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"));
  const id = sheet![1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(text("xl/_rels/workbook.xml.rels"))![1];
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

describe("examples/what-if.xlsx", () => {
  it("matches its generator byte for byte (run npm run make-what-if after changes)", async () => {
    expect(sha(await whatIfXlsx())).toBe(sha(readFileSync(FILE)));
  });

  it("holds the same input tables as examples/acme-comp.xlsx", () => {
    const acme = readXlsx(readFileSync(join(__dirname, "../../examples/acme-comp.xlsx")));
    const read = readXlsx(readFileSync(FILE));
    // The reader offers every sheet as a candidate; the What-if sheet is not an input (its name is none of them).
    expect(read.filter((t) => t.name !== WHAT_IF_SHEET)).toEqual(acme);
    expect(read.map((t) => t.name)).toEqual([...acme.map((t) => t.name), WHAT_IF_SHEET]);
  });

  it("has a What-if sheet of COMP.* formulas only, with their values cached as the functions answer", async () => {
    const { metadata } = await functionsBuild();
    const names = new Set(metadata.functions.map((f) => f.name));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(FILE) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet(WHAT_IF_SHEET)!;
    const formulas: string[] = [];
    const literals: unknown[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; sharedFormula?: string } | null;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
          formulas.push(v.formula ?? "shared");
        else literals.push(cell.value);
      }),
    );
    // Every formula is one COMP function (as Excel stores an add-in's function), nothing else.
    expect(formulas.length).toBe(21 * 3 + 1 + 3 * 5);
    for (const f of formulas) {
      const m = /^_xldudf_COMP_([A-Z]+)\(([^()]*)\)$/.exec(f);
      expect({ f, ok: m !== null && names.has(m[1]) }).toEqual({ f, ok: true });
    }
    // The rest are labels and typed inputs (attainments, the target incentive) or the curve's spilled values.
    expect(literals.every((v) => typeof v === "string" || typeof v === "number")).toBe(true);
    // Cached values, by hand: AE · New ARR at 120% pays 0.25 + 0.75 + 2 × 0.2 = 1.4×, 35,000 on 25,000; the
    // Richer accelerators scenario 1.5× (docs/functions.md); at 200% the 3× cap.
    const at = (a: string) => {
      const v = ws.getCell(a).value as { result?: unknown } | number;
      return typeof v === "object" && v !== null ? v.result : v;
    };
    expect([at("A17"), at("B17"), at("C17"), at("D17")]).toEqual([1.2, 1.4, 35000, 1.5]);
    expect([at("A25"), at("B25"), at("C25")]).toEqual([2, 3, 75000]);
    expect([at("F15"), at("G15"), at("F25"), at("G25")]).toEqual([1, 1, 2, 3]);
    expect([at("A30"), at("B30"), at("A31"), at("B31"), at("A32"), at("B32")]).toEqual([
      "Growth-stage director",
      240000,
      "Late-stage director",
      230000,
      "Current job",
      200000,
    ]);
  });

  it("answers the same in the shared runtime as the values cached in the file", async () => {
    const fake = new FakeExcel();
    for (const t of acmeExample()) fake.state.seedTable(t.name, t.name, t.headers, t.rows);
    const build = await functionsBuild();
    const cf = new FakeCustomFunctions(fake.state, build.metadata);
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = cf.global;
    try {
      for (const a of build.associate)
        cf.global.associate(
          a.id,
          (functions as unknown as Record<string, (...x: unknown[]) => unknown>)[a.functionName],
        );
      const port = fakeWorkbookPort(fake);
      functions.attachLiveFunctions(new LiveFunctions({ read: () => port.readTables() }));
      const sheet = whatIfSheet(acmeExample());
      for (const c of sheet.cells) cf.type(WHAT_IF_SHEET, c.address, c.formula ? formulaText(c.formula) : c.value!);
      await cf.settled();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(FILE) as unknown as ArrayBuffer);
      const ws = workbook.getWorksheet(WHAT_IF_SHEET)!;
      const live = fake.state.findSheet(WHAT_IF_SHEET)!;
      const mismatches: string[] = [];
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value as { result?: unknown } | string | number;
          // exceljs reads a cached <v>0</v> as no result.
          const cached = typeof v === "object" && v !== null ? (v.result ?? 0) : v;
          const now = fake.state.getValue(live, r - 1, c - 1);
          if (now !== cached) mismatches.push(`${cell.address}: file ${String(cached)}, live ${String(now)}`);
        }),
      );
      expect(mismatches).toEqual([]);
    } finally {
      functions.attachLiveFunctions(null);
      delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
    }
  });

  it("runs through the CLI, which leaves the What-if sheet byte for byte as it was", () => {
    const dir = tempDir();
    const input = join(dir, "what-if.xlsx");
    copyFileSync(FILE, input);
    const run = runCli(["model", "what-if.xlsx", "-o", "out.xlsx"], dir);
    expect(run.code).toBe(0);
    const before = unzipSync(readFileSync(input));
    const after = unzipSync(readFileSync(join(dir, "out.xlsx")));
    const part = sheetPart(before, WHAT_IF_SHEET);
    expect(sheetPart(after, WHAT_IF_SHEET)).toBe(part);
    expect(sha(after[part])).toBe(sha(before[part]));
    expect(Object.keys(after).filter((p) => p.startsWith("xl/worksheets/sheet")).length).toBe(11 + 11);
  });
});

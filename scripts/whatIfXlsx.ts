import type ExcelJS from "exceljs";
import { evaluateCall } from "../src/functions/comp";
import type { FunctionName } from "../src/functions/comp";
import { FunctionModel } from "../src/functions/functionModel";
import { acmeExample, type ExampleTable } from "../src/workbook/example/acme";
import { exampleRawTables } from "../src/workbook/example/exampleTable";
import { whatIfSheet, type WhatIfArg, type WhatIfFormula, type WhatIfSheet } from "../src/workbook/example/whatIf";
import { exampleXlsx, NUMBER_FORMATS } from "./exampleXlsx";

/**
 * examples/what-if.xlsx: the Acme input tables (the same as
 * examples/acme-comp.xlsx) and a "What-if" sheet of COMP.* formulas
 * (src/workbook/example/whatIf.ts). Each formula is written as Excel saves an
 * add-in's custom function (`_xldudf_COMP_PAYOUT(…)`, which Excel shows as
 * `=COMP.PAYOUT(…)` once the add-in's functions are registered) with its value
 * cached as the functions compute it on these tables, so the file shows the
 * numbers before the add-in has loaded. COMP.CURVE is an array formula over
 * the range it fills.
 */

/** The name Excel stores for an add-in's custom function in a file: COMP.PAYOUT → _xldudf_COMP_PAYOUT. */
export const storedName = (name: string): string => `_xldudf_COMP_${name}`;

/** The formula as stored in the sheet's XML (no leading "="). */
export function storedFormula(f: WhatIfFormula): string {
  const arg = (a: WhatIfArg) =>
    a === null ? "" : typeof a === "object" ? a.ref : typeof a === "string" ? `"${a.replace(/"/g, '""')}"` : String(a);
  return `${storedName(f.name)}(${f.args.map(arg).join(",")})`;
}

/** Each formula's value as the functions answer it on these tables (an error as its code). */
export function whatIfValues(tables: readonly ExampleTable[], sheet: WhatIfSheet): Map<string, unknown> {
  const model = new FunctionModel(exampleRawTables(tables, (f) => NUMBER_FORMATS[f]));
  const literal = new Map(sheet.cells.map((c) => [c.address, c.value ?? null]));
  const out = new Map<string, unknown>();
  for (const cell of sheet.cells) {
    if (!cell.formula) continue;
    const args = cell.formula.args.map((a) =>
      a !== null && typeof a === "object" ? (literal.get(a.ref.replace(/\$/g, "")) ?? null) : a,
    );
    const answer = evaluateCall({ name: cell.formula.name as FunctionName, args }, () => model);
    out.set(cell.address, "value" in answer ? answer.value : answer.error);
  }
  return out;
}

export async function whatIfXlsx(): Promise<Uint8Array> {
  const tables = acmeExample();
  const sheet = whatIfSheet(tables);
  const values = whatIfValues(tables, sheet);
  return exampleXlsx(tables, (workbook) => addWhatIf(workbook, sheet, values));
}

function addWhatIf(workbook: ExcelJS.Workbook, sheet: WhatIfSheet, values: Map<string, unknown>): void {
  const ws = workbook.addWorksheet(sheet.name);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const cell of sheet.cells) {
    const target = ws.getCell(cell.address);
    if (cell.formula?.range) {
      const result = values.get(cell.address);
      if (!Array.isArray(result)) throw new Error(`${cell.address}: COMP.${cell.formula.name} gave ${String(result)}`);
      // exceljs writes an array formula (t="array") with fillFormula's fourth argument, missing from its types.
      const fill = ws.fillFormula as (range: string, formula: string, results: number[][], shareType: "array") => void;
      fill.call(ws, cell.formula.range, storedFormula(cell.formula), result as number[][], "array");
    } else if (cell.formula) {
      const result = values.get(cell.address);
      if (typeof result !== "number")
        throw new Error(`${cell.address}: COMP.${cell.formula.name} gave ${String(result)}`);
      target.value = { formula: storedFormula(cell.formula), result };
    } else if (cell.value !== undefined) target.value = cell.value;
    if (cell.format) target.numFmt = NUMBER_FORMATS[cell.format];
    if (cell.bold) target.font = { bold: true };
  }
  // The curve's cells: the attainment as a percent, the multiple as a multiple.
  const curve = sheet.cells.find((c) => c.formula?.range);
  if (curve) {
    const [from, to] = curve.formula!.range!.split(":");
    const [r0, r1] = [Number(from.replace(/\D/g, "")), Number(to.replace(/\D/g, ""))];
    for (let r = r0; r <= r1; r++) {
      ws.getCell(`F${r}`).numFmt = NUMBER_FORMATS.percent;
      ws.getCell(`G${r}`).numFmt = NUMBER_FORMATS.multiple;
    }
  }
  // Open on the What-if sheet.
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: workbook.worksheets.length - 1,
      visibility: "visible",
    },
  ];
}

import type { ColumnFormat } from "../types";
import type { ExampleTable } from "./exampleTable";

/**
 * The "What-if" sheet of examples/what-if.xlsx (scripts/make-what-if.ts): the
 * Acme plans as live COMP.* worksheet functions, no static numbers but the
 * inputs a user would type. A payout table by attainment for AE · New ARR
 * (the multiple, the payout on a target incentive typed in B2, and the
 * multiple under the "Richer accelerators" scenario), beside it the same
 * curve as one COMP.CURVE array to chart, and below an offer comparison of
 * every Offers row (COMP.OFFER). Plain data: the generator turns each formula
 * into Excel's text and caches its value as the functions compute it.
 */

export const WHAT_IF_SHEET = "What-if";

/** An argument: a literal, or a reference to another cell of the sheet (its address as written, e.g. "$B$2"). */
export type WhatIfArg = string | number | null | { readonly ref: string };

export interface WhatIfFormula {
  /** The function's name in the COMP namespace: "PAYOUT", "CURVE", "OFFER"… */
  readonly name: string;
  readonly args: readonly WhatIfArg[];
  /** For a function answering an array: the range it fills (written as an array formula). */
  readonly range?: string;
}

export interface WhatIfCell {
  readonly address: string;
  readonly value?: string | number;
  readonly formula?: WhatIfFormula;
  readonly format?: ColumnFormat;
  readonly bold?: boolean;
}

export interface WhatIfSheet {
  readonly name: string;
  readonly cells: readonly WhatIfCell[];
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
}

const PLAN = "AE";
const MEASURE = "New ARR";
const SCENARIO = "Richer accelerators";
export const WHAT_IF_TARGET = 25000;
/** 0% to 200% in steps of 10%: 21 rows, as exact decimals (k / 10). */
const ATTAINMENTS = Array.from({ length: 21 }, (_, k) => k / 10);
const FIRST = 5;

const OFFER_FIGURES: readonly [string, string][] = [
  ["OTE", "OTE"],
  ["Year one", "Year1"],
  ["Steady state", "SteadyState"],
  ["Four years", "FourYear"],
  ["Gap to OTE", "GapToOTE"],
];
const COLUMNS = "ABCDEF";

/** The formula as Excel's formula bar shows it: `=COMP.PAYOUT("AE","New ARR",A5,$B$2)`. */
export function formulaText(f: WhatIfFormula): string {
  const arg = (a: WhatIfArg) =>
    a === null ? "" : typeof a === "object" ? a.ref : typeof a === "string" ? `"${a.replace(/"/g, '""')}"` : String(a);
  return `=COMP.${f.name}(${f.args.map(arg).join(",")})`;
}

export function whatIfSheet(tables: readonly ExampleTable[]): WhatIfSheet {
  const offers = tables.find((t) => t.name === "Offers");
  const offerNames = (offers?.rows ?? []).map((r) => String(r[offers!.headers.indexOf("Offer")]));
  const last = FIRST + ATTAINMENTS.length - 1;
  const cells: WhatIfCell[] = [
    { address: "A1", value: `Payout by attainment: ${PLAN} · ${MEASURE}`, bold: true },
    { address: "A2", value: "Target incentive" },
    { address: "B2", value: WHAT_IF_TARGET, format: "money" },
    { address: "A4", value: "Attainment", bold: true },
    { address: "B4", value: "Multiple", bold: true },
    { address: "C4", value: "Payout", bold: true },
    { address: "D4", value: SCENARIO, bold: true },
    { address: "F4", value: "Curve: attainment", bold: true },
    { address: "G4", value: "Multiple", bold: true },
  ];
  ATTAINMENTS.forEach((a, i) => {
    const row = FIRST + i;
    const attainment = { ref: `A${row}` };
    cells.push(
      { address: `A${row}`, value: a, format: "percent" },
      { address: `B${row}`, formula: { name: "PAYOUT", args: [PLAN, MEASURE, attainment] }, format: "multiple" },
      {
        address: `C${row}`,
        formula: { name: "PAYOUT", args: [PLAN, MEASURE, attainment, { ref: "$B$2" }] },
        format: "money",
      },
      {
        address: `D${row}`,
        formula: { name: "PAYOUT", args: [PLAN, MEASURE, attainment, null, SCENARIO] },
        format: "multiple",
      },
    );
  });
  // The whole curve in one call: an array of attainment and multiple, 0% to 200% by 10%.
  cells.push({
    address: `F${FIRST}`,
    formula: { name: "CURVE", args: [PLAN, MEASURE, 0, 2, 0.1], range: `F${FIRST}:G${last}` },
  });
  const top = last + 3;
  cells.push({ address: `A${top}`, value: "Offer comparison", bold: true });
  cells.push({ address: `A${top + 1}`, value: "Offer", bold: true });
  OFFER_FIGURES.forEach(([label], j) =>
    cells.push({ address: `${COLUMNS[j + 1]}${top + 1}`, value: label, bold: true }),
  );
  offerNames.forEach((name, i) => {
    const row = top + 2 + i;
    cells.push({ address: `A${row}`, value: name });
    OFFER_FIGURES.forEach(([, figure], j) =>
      cells.push({
        address: `${COLUMNS[j + 1]}${row}`,
        formula: { name: "OFFER", args: [{ ref: `$A${row}` }, figure] },
        format: "money",
      }),
    );
  });
  return { name: WHAT_IF_SHEET, cells, widths: [24, 14, 14, 20, 4, 18, 12] };
}

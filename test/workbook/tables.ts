import type { RawCell, RawTable } from "../../src/workbook/types";

/** Options for a hand-built table: where it sits and how its cells are formatted. */
export interface TableOptions {
  readonly sheet?: string;
  readonly source?: "table" | "sheet";
  /** 1-based Excel row of the header (default 1). */
  readonly headerRow?: number;
  /** 1-based Excel column of the first column (default 1 = A). */
  readonly firstColumn?: number;
  /** Number format per column, applied to every body row. */
  readonly columnFormats?: readonly (string | null)[];
}

/** A RawTable as an adapter would hand it over. */
export function table(
  name: string,
  headers: readonly string[],
  rows: readonly (readonly RawCell[])[],
  options: TableOptions = {},
): RawTable {
  return {
    name,
    sheet: options.sheet ?? name,
    source: options.source ?? "table",
    headerRow: options.headerRow ?? 1,
    firstColumn: options.firstColumn ?? 1,
    headers,
    rows,
    numberFormats: options.columnFormats ? rows.map(() => options.columnFormats!) : undefined,
  };
}

/** The smallest valid workbook: one plan, two reps (R2 reports to R1). */
export function minimalTables(): RawTable[] {
  return [
    table(
      "Reps",
      ["RepID", "Name", "Manager", "Plan", "Base", "TargetVariable", "Quota"],
      [
        ["R1", "Ana", null, "AE", 100000, 50000, 1000000],
        ["R2", "Ben", "R1", "AE", 90000, 60000, 800000],
      ],
    ),
    table("Plans", ["Plan", "Measure"], [["AE", "Bookings"]]),
  ];
}

export const TODAY = new Date(2026, 5, 15);

/** Replaces (or adds) tables by name in a set of tables. */
export function withTables(base: readonly RawTable[], ...replacements: RawTable[]): RawTable[] {
  const names = new Set(replacements.map((t) => t.name.toLowerCase()));
  return [...base.filter((t) => !names.has(t.name.toLowerCase())), ...replacements];
}

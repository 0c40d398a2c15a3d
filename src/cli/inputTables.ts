import { locateInputs } from "../workbook/parse/locate";
import type { RawTable } from "../workbook/types";

/**
 * The tables the model reads (the parser's own choice: an Excel table wins
 * over a same-named sheet, result sheets are skipped), in workbook order.
 * The output carries them as value copies, so it says what it was computed from.
 */
export function inputTablesUsed(tables: readonly RawTable[]): RawTable[] {
  const used = new Set<RawTable>(Object.values(locateInputs(tables)).filter((t): t is RawTable => t !== undefined));
  return tables.filter((table) => used.has(table));
}

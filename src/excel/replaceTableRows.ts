import { normalizeKey } from "../workbook/parse/cells/cell";
import { RowsChangedError, type RowPatch } from "../workbook/port";
import type { RawCell } from "../workbook/types";
import { isExcelApiSupported } from "./requirements";
import { suspendForWrite } from "./suspend";
import { textSafe } from "../workbook/textSafety";

const valueKey = (v: unknown): string =>
  v === null || v === undefined ? "" : String(v).trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Updates matching rows in place (only the given columns), inserts extra rows
 * right after the last match, deletes surplus matches bottom-up. Other rows,
 * other columns and formulas elsewhere in the table are not touched. Two syncs.
 */
export async function replaceTableRows(context: Excel.RequestContext, patch: RowPatch): Promise<void> {
  const table = context.workbook.tables.getItem(patch.table);
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("values");
  await context.sync();

  const headers = (header.values[0] as unknown[]).map((h) => normalizeKey(String(h)));
  const col = (name: string): number => {
    const i = headers.indexOf(normalizeKey(name));
    if (i < 0) throw new Error(`The ${patch.table} table has no ${name} column`);
    return i;
  };
  const matchCols = Object.entries(patch.match).map(([h, v]) => ({ index: col(h), key: valueKey(v), value: v }));
  const writeCols = patch.columns.map(col);
  const values = body.values as unknown[][];
  const matches = values.flatMap((row, i) => (matchCols.every((m) => valueKey(row[m.index]) === m.key) ? [i] : []));
  // Compare and swap: rows edited in Excel since the pane read them are not overwritten with the pane's old copy.
  if (patch.expected) {
    const now = matches.map((i) => writeCols.map((c) => cellKey(values[i][c])));
    const then = patch.expected.map((row) => row.map(cellKey));
    if (JSON.stringify(now) !== JSON.stringify(then))
      throw new RowsChangedError(
        `The ${patch.table} rows you are editing (${Object.values(patch.match)
          .filter((v) => v !== "")
          .join(" · ")}) changed in the workbook since the pane read them, so nothing was written. ` +
          "Refresh (Inputs) to load them as they are now, then make your change again.",
      );
  }

  suspendForWrite(context, isExcelApiSupported("1.9"));
  const kept = Math.min(matches.length, patch.rows.length);
  for (let k = 0; k < kept; k++) {
    writeCols.forEach((c, j) => {
      body.getCell(matches[k], c).values = [[wire(patch.rows[k][j])]];
    });
  }
  if (patch.rows.length > matches.length) {
    const extra = patch.rows.slice(matches.length).map((row) => {
      const full: (string | number | boolean)[] = headers.map(() => "");
      for (const m of matchCols) full[m.index] = textSafe(m.value);
      writeCols.forEach((c, j) => (full[c] = wire(row[j])));
      return full;
    });
    table.rows.add(matches.length > 0 ? matches[matches.length - 1] + 1 : undefined, extra);
  } else {
    for (const i of matches.slice(patch.rows.length).reverse()) table.rows.getItemAt(i).delete();
  }
  await context.sync();
}

/** A cell as compared: blank, a number, or trimmed text (Excel reads a blank cell as ""). */
function cellKey(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  return typeof v === "number" ? `n${v}` : `s${String(v).trim()}`;
}

function wire(v: RawCell | undefined): string | number | boolean {
  return v === null || v === undefined ? "" : textSafe(v);
}

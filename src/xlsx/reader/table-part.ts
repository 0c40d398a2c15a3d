import { decodeOoxmlEscapes } from "../shared/xml-unescape";
import { parseRangeRef, type CellRange } from "../shared/cell-ref";
import { findElement, findElements } from "./xml-elements";

/** An Excel table (ListObject) definition: where it is and how its rows are laid out. */
export interface TableDefinition {
  readonly name: string;
  readonly range: CellRange;
  /** 0 when the table has no header row. */
  readonly headerRowCount: number;
  /** Rows at the bottom holding totals, not data. */
  readonly totalsRowCount: number;
  /** Column names in order (equal to the header cells' text). */
  readonly columnNames: readonly string[];
}

export function parseTable(xml: string): TableDefinition | null {
  const table = findElement(xml, "table");
  if (!table) return null;
  const range = parseRangeRef(table.attrs.ref ?? "");
  if (!range) return null;
  const headerRowCount = table.attrs.headerRowCount === undefined ? 1 : Number(table.attrs.headerRowCount) || 0;
  const totalsRowCount = Number(table.attrs.totalsRowCount ?? "0") || 0;
  const columnNames = findElements(xml, "tableColumn").map((el) => decodeOoxmlEscapes(el.attrs.name ?? ""));
  return {
    name: table.attrs.displayName || table.attrs.name || "",
    range,
    headerRowCount,
    totalsRowCount,
    columnNames,
  };
}

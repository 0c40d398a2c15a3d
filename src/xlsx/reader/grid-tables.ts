import type { RawCell, RawTable } from "../../workbook/types";
import type { SheetGrid } from "./sheet-cells";
import type { TableDefinition } from "./table-part";

/** Rows without any format share this one array instead of allocating their own. */
function noFormats(width: number, cache: Map<number, readonly null[]>): readonly null[] {
  let row = cache.get(width);
  if (!row) {
    row = Object.freeze(new Array<null>(width).fill(null));
    cache.set(width, row);
  }
  return row;
}

const blankRows = new Map<number, readonly null[]>();

function isBlank(value: RawCell | undefined): boolean {
  return value === undefined || value === null || value === "";
}

function headerText(value: RawCell | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * Body rows firstRow..lastRow (1-based, inclusive) of columns left..right,
 * trailing fully empty rows removed. Cells beyond the sheet's data are empty.
 * A range starting at column A whose rows end at its last column reuses the
 * grid's row arrays instead of copying them: a table and its sheet then share rows.
 */
function bodyOf(grid: SheetGrid, firstRow: number, lastRow: number, left: number, right: number): Body {
  const width = right - left + 1;
  // Stop at the last row that holds anything in these columns (tables may reach row 1,048,576).
  let last = Math.min(lastRow, grid.cells.length);
  while (last >= firstRow && !rowHasData(grid.cells[last - 1], left, right)) last--;
  // A sheet read as a table and as a sheet-table over the same cells (the usual input sheet) shares one body.
  let made = bodies.get(grid);
  if (!made) bodies.set(grid, (made = new Map()));
  const key = `${firstRow}:${last}:${left}:${right}`;
  const known = made.get(key);
  if (known) return known;
  const rows: (readonly RawCell[])[] = [];
  const numberFormats: (readonly (string | null)[])[] = [];
  for (let r = firstRow; r <= last; r++) {
    rows.push(slice(grid.cells, r - 1, left, width) as RawCell[]);
    numberFormats.push(
      grid.formats[r - 1] === undefined
        ? noFormats(width, blankRows)
        : (slice(grid.formats, r - 1, left, width) as (string | null)[]),
    );
  }
  const body = { rows, numberFormats };
  made.set(key, body);
  return body;
}

type Body = { rows: (readonly RawCell[])[]; numberFormats: (readonly (string | null)[])[] };
const bodies = new WeakMap<SheetGrid, Map<string, Body>>();

/** Columns left..left+width-1 of row `index`, holes as null. */
function slice<T>(grid: (T | null | undefined)[][], index: number, left: number, width: number): readonly (T | null)[] {
  const source = grid[index];
  if (left === 1 && source !== undefined && source.length === width) {
    // Reuse: fill holes in place. Never pad: the array may already belong to a narrower table.
    for (let j = 0; j < width; j++) if (source[j] === undefined) source[j] = null;
    return source as (T | null)[];
  }
  const row: (T | null)[] = new Array(width);
  for (let j = 0; j < width; j++) {
    const v = source?.[left - 1 + j];
    row[j] = v === undefined ? null : v;
  }
  return row;
}

function rowHasData(row: readonly (RawCell | undefined)[] | undefined, left: number, right: number): boolean {
  if (!row) return false;
  const stop = Math.min(right, row.length);
  for (let c = left; c <= stop; c++) if (!isBlank(row[c - 1])) return true;
  return false;
}

/** An Excel table as a RawTable. Without a header row, headerRow is the row above the first body row. */
export function tableFromGrid(grid: SheetGrid, sheet: string, def: TableDefinition): RawTable {
  const { top, left, bottom, right } = def.range;
  const hasHeader = def.headerRowCount > 0;
  const headerRow = hasHeader ? top : top - 1;
  const headerCells = grid.cells[top - 1];
  const headers: string[] = [];
  for (let c = left; c <= right; c++) {
    const cell = hasHeader ? headerCells?.[c - 1] : undefined;
    const fallback = def.columnNames[c - left] ?? "";
    headers.push(typeof cell === "string" && cell !== "" ? cell : fallback || headerText(cell));
  }
  const body = bodyOf(grid, headerRow + 1, bottom - def.totalsRowCount, left, right);
  return { name: def.name, sheet, source: "table", headerRow, firstColumn: left, headers, ...body };
}

/**
 * A worksheet read as a table: its first non-empty row holds the headers,
 * spanning from the first to the last non-empty header cell. An empty sheet
 * gives a table with no headers, so "the sheet is empty" can be reported.
 */
export function sheetTableFromGrid(grid: SheetGrid, sheet: string): RawTable {
  let headerRow = 0;
  for (let r = 1; r <= grid.cells.length; r++) {
    if (rowHasData(grid.cells[r - 1], 1, Number.MAX_SAFE_INTEGER)) {
      headerRow = r;
      break;
    }
  }
  if (headerRow === 0) {
    return {
      name: sheet,
      sheet,
      source: "sheet",
      headerRow: 1,
      firstColumn: 1,
      headers: [],
      rows: [],
      numberFormats: [],
    };
  }
  const headerCells = grid.cells[headerRow - 1] ?? [];
  let left = 0;
  let right = 0;
  for (let c = 1; c <= headerCells.length; c++) {
    if (isBlank(headerCells[c - 1])) continue;
    if (left === 0) left = c;
    right = c;
  }
  const headers: string[] = [];
  for (let c = left; c <= right; c++) headers.push(headerText(headerCells[c - 1]));
  const body = bodyOf(grid, headerRow + 1, grid.cells.length, left, right);
  return { name: sheet, sheet, source: "sheet", headerRow, firstColumn: left, headers, ...body };
}

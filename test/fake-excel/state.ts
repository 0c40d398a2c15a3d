import { formatAddress, intersects, MAX_COLS, MAX_ROWS, type Rect } from "./a1";
import { fakeError } from "./errors";

/**
 * The workbook the fake holds: sheets of sparse cells, tables, sheet-scoped
 * names, charts. It applies Excel's rules that matter to the adapter: unique
 * case-insensitive sheet and table names, no overlapping tables, the last
 * visible sheet cannot be deleted, and a string written through `values` to a
 * cell not formatted as text is interpreted like typed input (`=…` becomes a
 * formula, "00123" becomes a number).
 */

export type CellValue = string | number | boolean;

/** One row of cells, columns as parallel sparse arrays (cheap at 240,000 rows). */
interface Row {
  v: (CellValue | undefined)[];
  nf: (string | undefined)[];
  f?: Map<number, string>;
}

export interface SheetState {
  readonly id: string;
  name: string;
  rows: (Row | undefined)[];
  names: Map<string, { name: string; formula: string; comment: string }>;
  frozenRows: number;
  columnWidths: Map<number, number>;
  /** Cosmetic formatting (bold, colors...) by "r,c" for the title block; not part of values. */
  styles: Map<string, Record<string, unknown>>;
  charts: ChartState[];
  /** Page layout for printing, as the add-in set it (absent: Excel's defaults). */
  print?: {
    orientation?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    printTitleRows?: string;
    leftFooter?: string;
    rightFooter?: string;
  };
}

export interface TableState {
  readonly id: string;
  name: string;
  sheetId: string;
  rect: Rect; // header row included
  showTotals: boolean;
  style: string;
}

export interface SheetRect {
  readonly sheetId: string;
  readonly rect: Rect;
}

export interface ChartState {
  readonly id: string;
  name: string;
  type: string;
  seriesBy: string;
  source: string;
  title: string;
  xTitle: string;
  yTitle: string;
  /** Axis maximums set through `axes.*.maximum`. */
  axisMax: { xTitle?: number; yTitle?: number };
  /** Series ranges follow their sheet through renames, like Excel's references. */
  series: { name: string; values: SheetRect | null; xValues: SheetRect | null }[];
  position: { start: string; end: string } | null;
}

/** What `tables.onChanged` hands its handlers (Excel.TableChangedEventArgs, the fields the add-in reads). */
export interface TableChange {
  readonly type: "TableChanged";
  readonly tableId: string;
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: "RangeEdited";
  readonly source: "Local";
}

export const GENERAL = "General";
const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  /** Workbook-scoped settings (Office.context.document.settings-like). */
  settings = new Map<string, unknown>();
  workbookName = "Book1.xlsx";
  private nextId = 1;
  /** The formula engine, when a custom-functions host is attached: told of every formula written and value changed. */
  formulas: {
    entered(sheet: SheetState, r: number, c: number, formula: string): void;
    changed(sheet: SheetState, r: number, c: number): void;
  } | null = null;
  /** Handlers registered through `workbook.tables.onChanged.add` (they outlive the request that added them). */
  readonly tableChangeHandlers = new Set<(e: TableChange) => void | Promise<unknown>>();
  /** Per sheet, the bounding box of the cells written since the handlers were last told. */
  private touched = new Map<string, { r0: number; r1: number; c0: number; c1: number }>();

  private touch(sheetId: string, r0: number, r1: number, c0: number, c1: number): void {
    if (this.tableChangeHandlers.size === 0) return;
    const t = this.touched.get(sheetId);
    if (!t) this.touched.set(sheetId, { r0, r1, c0, c1 });
    else {
      if (r0 < t.r0) t.r0 = r0;
      if (r1 > t.r1) t.r1 = r1;
      if (c0 < t.c0) t.c0 = c0;
      if (c1 > t.c1) t.c1 = c1;
    }
  }

  /**
   * Tells the onChanged handlers of every table whose cells were written since
   * the last call, each in a task of its own after this one (as Excel raises
   * events after the change is made). Called at the end of each sync and after
   * a user's edit.
   */
  raiseTableChanges(): void {
    const touched = this.touched;
    this.touched = new Map();
    if (this.tableChangeHandlers.size === 0) return;
    for (const t of this.tables) {
      const box = touched.get(t.sheetId);
      if (!box) continue;
      const r = t.rect;
      if (box.r1 < r.r0 || box.r0 >= r.r0 + r.rows || box.c1 < r.c0 || box.c0 >= r.c0 + r.cols) continue;
      const event: TableChange = {
        type: "TableChanged",
        tableId: t.id,
        worksheetId: t.sheetId,
        address: this.tableAddress(t).split("!")[1],
        changeType: "RangeEdited",
        source: "Local",
      };
      for (const h of this.tableChangeHandlers) setTimeout(() => void h(event), 0);
    }
  }

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  // ---- sheets ----

  findSheet(nameOrId: string): SheetState | undefined {
    const k = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === k);
  }

  sheetById(id: string): SheetState {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw fakeError("ItemNotFound", `sheet ${id} no longer exists`);
    return s;
  }

  addSheet(name?: string): SheetState {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n, null);
    const sheet: SheetState = {
      id: this.newId("ws"),
      name: n,
      rows: [],
      names: new Map(),
      frozenRows: 0,
      columnWidths: new Map(),
      styles: new Map(),
      charts: [],
    };
    this.sheets.push(sheet);
    if (this.activeSheetId === null) this.activeSheetId = sheet.id;
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  private checkSheetName(name: string, self: SheetState | null): void {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'")) {
      throw fakeError("InvalidArgument", `invalid sheet name ${JSON.stringify(name)}`);
    }
    const other = this.findSheet(name);
    if (other && other !== self && other.name.toLowerCase() === name.toLowerCase()) {
      throw fakeError("ItemAlreadyExists", `a sheet named ${name} already exists`);
    }
  }

  deleteSheet(sheet: SheetState): void {
    if (this.sheets.length <= 1)
      throw fakeError("InvalidOperation", "a workbook must contain at least one visible worksheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
    if (this.selection?.sheetId === sheet.id) this.selection = null;
  }

  // ---- cells ----

  private row(sheet: SheetState, r: number, create: boolean): Row | undefined {
    let row = sheet.rows[r];
    if (!row && create) {
      row = { v: [], nf: [] };
      sheet.rows[r] = row;
    }
    return row;
  }

  getValue(sheet: SheetState, r: number, c: number): CellValue | "" {
    return sheet.rows[r]?.v[c] ?? "";
  }

  getFormula(sheet: SheetState, r: number, c: number): string | null {
    return sheet.rows[r]?.f?.get(c) ?? null;
  }

  getFormat(sheet: SheetState, r: number, c: number): string {
    return sheet.rows[r]?.nf[c] ?? GENERAL;
  }

  setFormat(sheet: SheetState, r: number, c: number, format: string): void {
    this.checkBounds(r, c);
    this.row(sheet, r, true)!.nf[c] = format;
  }

  /** Writes one cell the way Excel interprets a value written through `Range.values`. */
  writeValue(sheet: SheetState, r: number, c: number, value: unknown): void {
    this.writeCell(sheet, r, c, value);
    if (this.formulas && value !== null && value !== undefined && sheet.rows[r]?.f?.get(c) === undefined)
      this.formulas.changed(sheet, r, c);
  }

  /** A formula's result, written by the formula engine: the formula stays, no change event. */
  setComputed(sheet: SheetState, r: number, c: number, value: CellValue | undefined): void {
    this.checkBounds(r, c);
    this.row(sheet, r, true)!.v[c] = value;
  }

  private writeCell(sheet: SheetState, r: number, c: number, value: unknown): void {
    if (value === null || value === undefined) return; // null leaves the cell alone
    this.checkBounds(r, c);
    this.touch(sheet.id, r, r, c, c);
    const row = this.row(sheet, r, true)!;
    row.f?.delete(c);
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw fakeError("InvalidArgument", `cannot write ${value}`);
      row.v[c] = value;
      return;
    }
    if (typeof value === "boolean") {
      row.v[c] = value;
      return;
    }
    if (typeof value !== "string") throw fakeError("InvalidArgument", `cannot write a ${typeof value}`);
    if (value === "") {
      row.v[c] = undefined;
      return;
    }
    if (value.startsWith("'")) {
      row.v[c] = value.slice(1); // the quote prefix: stored as text, not shown
      return;
    }
    if ((row.nf[c] ?? GENERAL) === "@") {
      row.v[c] = value;
      return;
    }
    const numeric = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim());
    if (numeric) {
      row.v[c] = Number(value);
      return;
    }
    if (/^[=+\-@]/.test(value)) {
      // Excel takes it as a formula: the stored value is its result, not the text.
      (row.f ??= new Map()).set(c, value.startsWith("=") ? value : `=${value}`);
      row.v[c] = "#NAME?";
      this.formulas?.entered(sheet, r, c, row.f.get(c)!);
      return;
    }
    if (/^(true|false)$/i.test(value)) {
      row.v[c] = value.toLowerCase() === "true";
      return;
    }
    row.v[c] = value;
  }

  clearCell(sheet: SheetState, r: number, c: number): void {
    const row = sheet.rows[r];
    if (!row) return;
    this.touch(sheet.id, r, r, c, c);
    row.v[c] = undefined;
    row.nf[c] = undefined;
    row.f?.delete(c);
  }

  private checkBounds(r: number, c: number): void {
    if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS)
      throw fakeError("InvalidArgument", `cell ${r},${c} out of the grid`);
  }

  /** Bounding rectangle of cells with a value (valuesOnly) or also a format. */
  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const scan = (arr: unknown[]): void => {
        arr.forEach((x, c) => {
          if (x === undefined) return;
          r0 = Math.min(r0, r);
          r1 = Math.max(r1, r);
          c0 = Math.min(c0, c);
          c1 = Math.max(c1, c);
        });
      };
      scan(row.v);
      if (!valuesOnly) scan(row.nf);
    });
    if (r1 < 0) return null;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Moves cells of columns [c0, c0+cols) from row `from` on by `delta` rows (insert > 0, delete < 0). */
  shiftRows(sheet: SheetState, from: number, delta: number, c0: number, cols: number): void {
    const last = sheet.rows.length - 1;
    this.touch(sheet.id, Math.min(from, from + delta), Math.max(last, last + delta), c0, c0 + cols - 1);
    const move = (src: number, dst: number): void => {
      for (let c = c0; c < c0 + cols; c++) {
        const s = sheet.rows[src];
        const d = this.row(sheet, dst, true)!;
        d.v[c] = s?.v[c];
        d.nf[c] = s?.nf[c];
        const f = s?.f?.get(c);
        if (f !== undefined) (d.f ??= new Map()).set(c, f);
        else d.f?.delete(c);
      }
    };
    if (delta > 0) {
      for (let r = last; r >= from; r--) move(r, r + delta);
      for (let r = from; r < from + delta; r++) for (let c = c0; c < c0 + cols; c++) this.clearCell(sheet, r, c);
    } else if (delta < 0) {
      for (let r = from; r <= last; r++) move(r, r + delta);
      for (let r = last + delta + 1; r <= last; r++) for (let c = c0; c < c0 + cols; c++) this.clearCell(sheet, r, c);
    }
    for (const t of this.tables) {
      if (t.sheetId !== sheet.id || t.rect.c0 + t.rect.cols <= c0 || t.rect.c0 >= c0 + cols) continue;
      if (t.rect.r0 >= from) t.rect = { ...t.rect, r0: t.rect.r0 + delta };
    }
  }

  // ---- tables ----

  findTable(nameOrId: string): TableState | undefined {
    const k = nameOrId.toLowerCase();
    return this.tables.find((t) => t.id === nameOrId || t.name.toLowerCase() === k);
  }

  addTable(sheet: SheetState, rect: Rect, hasHeaders: boolean): TableState {
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && intersects(t.rect, rect))
        throw fakeError("InvalidOperation", "a table cannot overlap another table");
    }
    let r = rect;
    if (!hasHeaders) {
      this.shiftRows(sheet, rect.r0, 1, rect.c0, rect.cols);
      r = { ...rect, rows: rect.rows + 1 };
      for (let c = 0; c < rect.cols; c++) this.writeValue(sheet, rect.r0, rect.c0 + c, `Column${c + 1}`);
    }
    const seen = new Set<string>();
    for (let c = 0; c < r.cols; c++) {
      let h = String(this.getValue(sheet, r.r0, r.c0 + c));
      if (h === "") h = `Column${c + 1}`;
      while (seen.has(h.toLowerCase())) h = `${h}2`;
      seen.add(h.toLowerCase());
      const row = this.row(sheet, r.r0, true)!;
      row.v[r.c0 + c] = h; // Excel keeps headers as text
      row.f?.delete(r.c0 + c);
    }
    if (r.rows === 1) r = { ...r, rows: 2 }; // a table always has a body row
    let i = this.tables.length + 1;
    while (this.findTable(`Table${i}`)) i++;
    const table: TableState = {
      id: this.newId("tb"),
      name: `Table${i}`,
      sheetId: sheet.id,
      rect: r,
      showTotals: false,
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableState, name: string): void {
    if (!TABLE_NAME.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name)) {
      throw fakeError("InvalidArgument", `invalid table name ${JSON.stringify(name)}`);
    }
    const other = this.findTable(name);
    if (other && other !== table) throw fakeError("ItemAlreadyExists", `a table named ${name} already exists`);
    for (const s of this.sheets)
      if (s.names.has(name.toLowerCase())) throw fakeError("ItemAlreadyExists", `a name ${name} already exists`);
    table.name = name;
  }

  refAddress(ref: SheetRect | null): string | null {
    return ref === null ? null : formatAddress(this.sheetById(ref.sheetId).name, ref.rect);
  }

  tableAddress(table: TableState): string {
    return formatAddress(this.sheetById(table.sheetId).name, table.rect);
  }

  // ---- snapshots for tests ----

  /** Everything a user could see in one sheet, as plain JSON (for deep-equal before/after). */
  sheetSnapshot(sheet: SheetState): unknown {
    const cells: Record<string, unknown> = {};
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const n = Math.max(row.v.length, row.nf.length);
      for (let c = 0; c < n; c++) {
        const v = row.v[c];
        const nf = row.nf[c];
        const f = row.f?.get(c);
        if (v === undefined && nf === undefined && f === undefined) continue;
        cells[`${r},${c}`] = f !== undefined ? { v, nf, f } : { v, nf };
      }
    });
    return {
      id: sheet.id,
      name: sheet.name,
      cells,
      names: [...sheet.names.values()],
      frozenRows: sheet.frozenRows,
      columnWidths: [...sheet.columnWidths.entries()],
      styles: [...sheet.styles.entries()],
      charts: sheet.charts,
      tables: this.tables.filter((t) => t.sheetId === sheet.id).map((t) => ({ ...t, rect: { ...t.rect } })),
    };
  }

  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify({
        order: this.sheets.map((s) => s.name),
        sheets: this.sheets.map((s) => this.sheetSnapshot(s)),
      }),
    );
  }

  /** A table's header and body values as a 2-D array (what a user reads). */
  tableValues(name: string): { headers: string[]; rows: (CellValue | "")[][]; formats: string[][] } {
    const t = this.findTable(name);
    if (!t) throw new Error(`no table ${name}`);
    const sheet = this.sheetById(t.sheetId);
    const headers: string[] = [];
    for (let c = 0; c < t.rect.cols; c++) headers.push(String(this.getValue(sheet, t.rect.r0, t.rect.c0 + c)));
    const rows: (CellValue | "")[][] = [];
    const formats: string[][] = [];
    for (let r = 1; r < t.rect.rows; r++) {
      const vals: (CellValue | "")[] = [];
      const fmts: string[] = [];
      for (let c = 0; c < t.rect.cols; c++) {
        vals.push(this.getValue(sheet, t.rect.r0 + r, t.rect.c0 + c));
        fmts.push(this.getFormat(sheet, t.rect.r0 + r, t.rect.c0 + c));
      }
      rows.push(vals);
      formats.push(fmts);
    }
    return { headers, rows, formats };
  }

  /** Seeds a sheet directly (test setup, not through the API): rows of values starting at A1 unless told. */
  seedSheet(
    name: string,
    rows: readonly (readonly (CellValue | null)[])[],
    at: { r0?: number; c0?: number; formats?: readonly (readonly (string | null)[])[] } = {},
  ): SheetState {
    const sheet = this.findSheet(name) ?? this.addSheet(name);
    const r0 = at.r0 ?? 0;
    const c0 = at.c0 ?? 0;
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const nf = at.formats?.[i]?.[j];
        if (nf) this.setFormat(sheet, r0 + i, c0 + j, nf);
        if (v !== null) {
          const target = this.row(sheet, r0 + i, true)!;
          target.v[c0 + j] = v; // seeded as the user typed it: stored as is
        }
      }),
    );
    return sheet;
  }

  seedTable(
    sheetName: string,
    tableName: string,
    headers: readonly string[],
    rows: readonly (readonly (CellValue | null)[])[],
    at: { r0?: number; c0?: number; formats?: readonly (string | null)[] } = {},
  ): TableState {
    const formats = at.formats ? [headers.map(() => null), ...rows.map(() => at.formats!)] : undefined;
    const sheet = this.seedSheet(sheetName, [headers, ...rows], { r0: at.r0, c0: at.c0, formats });
    const table = this.addTable(
      sheet,
      { r0: at.r0 ?? 0, c0: at.c0 ?? 0, rows: rows.length + 1, cols: headers.length },
      true,
    );
    this.renameTable(table, tableName);
    return table;
  }
}

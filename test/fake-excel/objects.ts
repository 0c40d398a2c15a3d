import { formatAddress, parseAddress, type Rect } from "./a1";
import { FakeCollection, FakeObject, OP_OVERHEAD, jsonBytes, type FakeRequestContext } from "./context";
import { fakeError } from "./errors";
import type { ChartState, SheetState, TableState } from "./state";

/**
 * The subset of the Excel JavaScript object model the adapter uses, over
 * WorkbookState, through the strict machinery of context.ts.
 */

interface RangeRef {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

function is2d(v: unknown): v is unknown[][] {
  return Array.isArray(v) && v.every((r) => Array.isArray(r));
}

function checkShape(v: unknown, rect: Rect, prop: string, allowBroadcast: boolean): unknown[][] {
  if (!is2d(v)) throw fakeError("InvalidArgument", `Range.${prop} must be a 2-D array`);
  if (allowBroadcast && v.length === 1 && v[0].length === 1) return v;
  if (v.length !== rect.rows || v.some((r) => r.length !== rect.cols)) {
    throw fakeError(
      "InvalidArgument",
      `Range.${prop}: ${v.length}×${v[0]?.length ?? 0} array does not match the ${rect.rows}×${rect.cols} range`,
    );
  }
  return v;
}

// ---------------------------------------------------------------- workbook

export class FakeWorkbook extends FakeObject<object> {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ({}), "Workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.application = new FakeApplication(ctx);
  }

  protected scalars(): Record<string, (t: object) => unknown> {
    return { name: () => this.ctx.state.workbookName };
  }

  get name(): string {
    return this.read("name");
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.state.selection;
      if (!sel) throw fakeError("InvalidOperation", "nothing selected");
      return { sheet: this.ctx.state.sheetById(sel.sheetId), rect: sel.rect };
    });
  }
}

export class FakeApplication extends FakeObject<object> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ({}), "Application");
  }
  protected scalars(): Record<string, (t: object) => unknown> {
    return { calculationMode: () => "Automatic" };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", null, () => undefined, false);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    if (this.ctx.host.apiMinor < 9)
      throw fakeError("InvalidOperation", "suspendScreenUpdatingUntilNextSync needs ExcelApi 1.9");
    this.call("suspendScreenUpdatingUntilNextSync", null, () => undefined, false);
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection extends FakeCollection<SheetState, FakeWorksheet> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.state.sheets, "WorksheetCollection");
  }
  protected proxyFor(target: SheetState): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => target);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.state.findSheet(key);
      if (!s) throw fakeError("ItemNotFound", `no worksheet ${key}`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheetById(this.ctx.state.activeSheetId ?? ""));
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.ctx.enqueue({
      name: "WorksheetCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + jsonBytes(name ?? null),
      cells: 0,
      exec: () => {
        created = this.ctx.state.addSheet(name);
      },
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "worksheet was not created");
      return created;
    });
  }
}

export class FakeWorksheet extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, locate: () => SheetState | null, nullable = false) {
    super(ctx, locate, "Worksheet", nullable);
  }
  protected scalars(): Record<string, (t: SheetState) => unknown> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => this.ctx.state.sheets.indexOf(s),
      visibility: () => "Visible",
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (s) => this.ctx.state.renameSheet(s, v));
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get tables(): FakeTableCollection {
    return this.cached("tables", () => new FakeTableCollection(this.ctx, () => this.parent()));
  }
  get charts(): FakeChartCollection {
    return this.cached("charts", () => new FakeChartCollection(this.ctx, () => this.parent()));
  }
  get names(): FakeNamedItemCollection {
    return this.cached("names", () => new FakeNamedItemCollection(this.ctx, () => this.parent()));
  }
  get freezePanes(): FakeFreezePanes {
    return this.cached("freezePanes", () => new FakeFreezePanes(this.ctx, () => this.parent()));
  }
  /** ExcelApi 1.9. */
  get pageLayout(): FakePageLayout {
    if (this.ctx.host.apiMinor < 9) throw fakeError("InvalidOperation", "Worksheet.pageLayout needs ExcelApi 1.9");
    return this.cached("pageLayout", () => new FakePageLayout(this.ctx, () => this.parent()));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.parent();
      if (address === undefined) return { sheet, rect: { r0: 0, c0: 0, rows: 1_048_576, cols: 16_384 } };
      const p = parseAddress(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase())
        throw fakeError("InvalidArgument", `address ${address} is on another sheet`);
      return { sheet, rect: p.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
        throw fakeError("InvalidArgument", "getRangeByIndexes: bad size");
      return { sheet: this.parent(), rect: { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.parent();
      return { sheet, rect: this.ctx.state.usedRect(sheet, valuesOnly === true) ?? { r0: 0, c0: 0, rows: 1, cols: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.parent();
        const rect = this.ctx.state.usedRect(sheet, valuesOnly === true);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  activate(): void {
    this.call("activate", null, (s) => {
      this.ctx.state.activeSheetId = s.id;
    });
  }
  delete(): void {
    this.call("delete", null, (s) => this.ctx.state.deleteSheet(s));
  }
}

/** Worksheet.pageLayout: orientation, fit-to-page zoom, print titles and the default footer. */
export class FakePageLayout extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, locate: () => SheetState) {
    super(ctx, locate, "PageLayout");
  }
  protected scalars(): Record<string, (t: SheetState) => unknown> {
    return { orientation: (s) => s.print?.orientation ?? "Portrait" };
  }
  set orientation(v: string) {
    this.write("orientation", v, (s) => {
      s.print = { ...s.print, orientation: v };
    });
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write("zoom", v, (s) => {
      s.print = { ...s.print, zoom: v };
    });
  }
  setPrintTitleRows(rows: string): void {
    this.call("setPrintTitleRows", rows, (s) => {
      s.print = { ...s.print, printTitleRows: rows };
    });
  }
  get headersFooters(): { defaultForAllPages: { leftFooter: string; rightFooter: string } } {
    const write = (key: "leftFooter" | "rightFooter", v: string) =>
      this.write(`headersFooters.defaultForAllPages.${key}`, v, (s) => {
        s.print = { ...s.print, [key]: v };
      });
    return {
      defaultForAllPages: {
        set leftFooter(v: string) {
          write("leftFooter", v);
        },
        set rightFooter(v: string) {
          write("rightFooter", v);
        },
      } as { leftFooter: string; rightFooter: string },
    };
  }
}

export class FakeFreezePanes extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, locate: () => SheetState) {
    super(ctx, locate, "WorksheetFreezePanes");
  }
  protected scalars(): Record<string, (t: SheetState) => unknown> {
    return {};
  }
  freezeRows(count = 1): void {
    this.call("freezeRows", count, (s) => {
      s.frozenRows = count;
    });
  }
  unfreeze(): void {
    this.call("unfreeze", null, (s) => {
      s.frozenRows = 0;
    });
  }
}

// ---------------------------------------------------------------- ranges

export class FakeRange extends FakeObject<RangeRef> {
  constructor(ctx: FakeRequestContext, locate: () => RangeRef | null, nullable = false) {
    super(ctx, locate, "Range", nullable);
  }
  protected scalars(): Record<string, (t: RangeRef) => unknown> {
    const st = this.ctx.state;
    const grid = (t: RangeRef, cell: (r: number, c: number) => unknown): unknown[][] => {
      if (t.rect.rows * t.rect.cols > 5_000_000) return null as unknown as unknown[][];
      const out: unknown[][] = [];
      for (let r = 0; r < t.rect.rows; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < t.rect.cols; c++) row.push(cell(t.rect.r0 + r, t.rect.c0 + c));
        out.push(row);
      }
      return out;
    };
    return {
      address: (t) => formatAddress(t.sheet.name, t.rect),
      rowCount: (t) => t.rect.rows,
      columnCount: (t) => t.rect.cols,
      rowIndex: (t) => t.rect.r0,
      columnIndex: (t) => t.rect.c0,
      values: (t) => grid(t, (r, c) => st.getValue(t.sheet, r, c)),
      numberFormat: (t) => grid(t, (r, c) => st.getFormat(t.sheet, r, c)),
      formulas: (t) => grid(t, (r, c) => st.getFormula(t.sheet, r, c) ?? st.getValue(t.sheet, r, c)),
      valueTypes: (t) =>
        grid(t, (r, c) => {
          const v = st.getValue(t.sheet, r, c);
          if (v === "") return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return /^#[A-Z/0]+[?!]?$/.test(v) ? "Error" : "String";
        }),
      text: (t) => grid(t, (r, c) => String(st.getValue(t.sheet, r, c))),
    };
  }
  protected override navigations(): Record<string, () => FakeObject<unknown>> {
    return { format: () => this.format as FakeObject<unknown>, worksheet: () => this.worksheet as FakeObject<unknown> };
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    const cells = is2d(v) ? v.reduce((n, r) => n + r.length, 0) : 1;
    this.write(
      "values",
      v,
      (t) => {
        const grid = checkShape(v, t.rect, "values", false);
        grid.forEach((row, i) =>
          row.forEach((x, j) => this.ctx.state.writeValue(t.sheet, t.rect.r0 + i, t.rect.c0 + j, x)),
        );
      },
      cells,
    );
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, (t) => {
      const grid = checkShape(v, t.rect, "numberFormat", true);
      const one = grid.length === 1 && grid[0].length === 1;
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const f = one ? grid[0][0] : grid[i][j];
          if (f === null || f === undefined) continue;
          if (typeof f !== "string") throw fakeError("InvalidArgument", "numberFormat must be text");
          this.ctx.state.setFormat(t.sheet, t.rect.r0 + i, t.rect.c0 + j, f);
        }
      }
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get format(): FakeRangeFormat {
    return this.cached("format", () => new FakeRangeFormat(this.ctx, () => this.parent()));
  }
  get worksheet(): FakeWorksheet {
    return this.cached("worksheet", () => new FakeWorksheet(this.ctx, () => this.parent().sheet));
  }
  private derive(f: (t: RangeRef) => Rect): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.parent();
      const rect = f(t);
      if (rect.r0 < 0 || rect.c0 < 0 || rect.rows < 1 || rect.cols < 1)
        throw fakeError("InvalidArgument", "range outside the grid");
      return { sheet: t.sheet, rect };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.derive((t) => ({ r0: t.rect.r0 + row, c0: t.rect.c0 + column, rows: 1, cols: 1 }));
  }
  getRow(row: number): FakeRange {
    return this.derive((t) => ({ ...t.rect, r0: t.rect.r0 + row, rows: 1 }));
  }
  getColumn(column: number): FakeRange {
    return this.derive((t) => ({ ...t.rect, c0: t.rect.c0 + column, cols: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive((t) => ({ ...t.rect, r0: t.rect.r0 + rowOffset, c0: t.rect.c0 + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((t) => ({ ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derive((t) => ({ ...t.rect, rows: numRows, cols: numColumns }));
  }
  select(): void {
    this.call("select", null, (t) => {
      this.ctx.state.activeSheetId = t.sheet.id;
      this.ctx.state.selection = { sheetId: t.sheet.id, rect: t.rect };
    });
  }
  clear(): void {
    this.call("clear", null, (t) => {
      for (let r = 0; r < t.rect.rows; r++)
        for (let c = 0; c < t.rect.cols; c++) this.ctx.state.clearCell(t.sheet, t.rect.r0 + r, t.rect.c0 + c);
    });
  }
  /** Only "Up": the cells below move up over the deleted rows (within these columns). */
  delete(shift: string): void {
    this.call("delete", shift, (t) => {
      if (shift !== "Up") throw fakeError("InvalidArgument", `fake supports delete("Up") only, not ${shift}`);
      for (const tb of this.ctx.state.tables) {
        if (
          tb.sheetId === t.sheet.id &&
          tb.rect.r0 + tb.rect.rows > t.rect.r0 &&
          tb.rect.r0 < t.rect.r0 + t.rect.rows &&
          tb.rect.c0 < t.rect.c0 + t.rect.cols &&
          t.rect.c0 < tb.rect.c0 + tb.rect.cols
        ) {
          throw fakeError("InvalidOperation", "use the table's rows to delete inside a table");
        }
      }
      this.ctx.state.shiftRows(t.sheet, t.rect.r0 + t.rect.rows, -t.rect.rows, t.rect.c0, t.rect.cols);
    });
  }
}

export class FakeRangeFormat extends FakeObject<RangeRef> {
  constructor(ctx: FakeRequestContext, locate: () => RangeRef) {
    super(ctx, locate, "RangeFormat");
  }
  protected scalars(): Record<string, (t: RangeRef) => unknown> {
    return { columnWidth: (t) => t.sheet.columnWidths.get(t.rect.c0) ?? 48 };
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", points, (t) => {
      for (let c = 0; c < t.rect.cols; c++) t.sheet.columnWidths.set(t.rect.c0 + c, points);
    });
  }
  private style(key: string, value: unknown): void {
    this.write(key, value, (t) => {
      const k = formatAddress(t.sheet.name, t.rect);
      t.sheet.styles.set(k, { ...(t.sheet.styles.get(k) ?? {}), [key]: value });
    });
  }
  get font(): { bold: boolean; size: number; color: string; italic: boolean } {
    const style = (k: string, v: unknown): void => this.style(`font.${k}`, v);
    return {
      set bold(v: boolean) {
        style("bold", v);
      },
      set size(v: number) {
        style("size", v);
      },
      set color(v: string) {
        style("color", v);
      },
      set italic(v: boolean) {
        style("italic", v);
      },
    } as { bold: boolean; size: number; color: string; italic: boolean };
  }
  set horizontalAlignment(v: string) {
    this.style("horizontalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.style("wrapText", v);
  }
  autofitColumns(): void {
    this.call("autofitColumns", null, (t) => {
      const st = this.ctx.state;
      const last = Math.min(t.rect.r0 + t.rect.rows, t.sheet.rows.length);
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
        let chars = 8;
        for (let r = t.rect.r0; r < last; r++) chars = Math.max(chars, String(st.getValue(t.sheet, r, c)).length);
        t.sheet.columnWidths.set(c, Math.round(chars * 7 + 10));
      }
    });
  }
}

// ---------------------------------------------------------------- tables

export class FakeTableCollection extends FakeCollection<TableState, FakeTable> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: (() => SheetState) | null,
  ) {
    super(
      ctx,
      () => (sheet ? ctx.state.tables.filter((t) => t.sheetId === sheet().id) : ctx.state.tables),
      "TableCollection",
    );
  }
  protected proxyFor(target: TableState): FakeTable {
    return new FakeTable(this.ctx, () => target);
  }
  private find(key: string): TableState | null {
    const t = this.ctx.state.findTable(key);
    if (!t) return null;
    return this.sheet && t.sheetId !== this.sheet().id ? null : t;
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.ctx, () => {
      const t = this.find(key);
      if (!t) throw fakeError("ItemNotFound", `no table ${key}`);
      return t;
    });
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.ctx, () => this.find(key), true);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableState | null = null;
    this.ctx.enqueue({
      name: "TableCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + 40,
      cells: 0,
      exec: () => {
        let ref: RangeRef;
        if (typeof address === "string") {
          const p = parseAddress(address);
          const sheet = p.sheet !== null ? this.ctx.state.findSheet(p.sheet) : this.sheet?.();
          if (!sheet) throw fakeError("InvalidArgument", `tables.add: no sheet for ${address}`);
          ref = { sheet, rect: p.rect };
        } else ref = address.resolve();
        if (this.sheet && ref.sheet.id !== this.sheet().id)
          throw fakeError("InvalidArgument", "tables.add: range is on another sheet");
        created = this.ctx.state.addTable(ref.sheet, ref.rect, hasHeaders);
      },
    });
    return new FakeTable(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "table was not created");
      return created;
    });
  }
}

export class FakeTable extends FakeObject<TableState> {
  constructor(ctx: FakeRequestContext, locate: () => TableState | null, nullable = false) {
    super(ctx, locate, "Table", nullable);
  }
  protected scalars(): Record<string, (t: TableState) => unknown> {
    return {
      name: (t) => t.name,
      id: (t) => t.id,
      showTotals: (t) => t.showTotals,
      showHeaders: () => true,
      style: (t) => t.style,
    };
  }
  protected override navigations(): Record<string, () => FakeObject<unknown>> {
    return { worksheet: () => this.worksheet as FakeObject<unknown> };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (t) => this.ctx.state.renameTable(t, v));
  }
  get id(): string {
    return this.read("id");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  set style(v: string) {
    this.write("style", v, (t) => {
      t.style = v;
    });
  }
  get worksheet(): FakeWorksheet {
    return this.cached(
      "worksheet",
      () => new FakeWorksheet(this.ctx, () => this.ctx.state.sheetById(this.parent().sheetId)),
    );
  }
  private part(f: (t: TableState) => Rect): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.parent();
      return { sheet: this.ctx.state.sheetById(t.sheetId), rect: f(t) };
    });
  }
  getRange(): FakeRange {
    return this.part((t) => t.rect);
  }
  getHeaderRowRange(): FakeRange {
    return this.part((t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part((t) => ({ ...t.rect, r0: t.rect.r0 + 1, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0) }));
  }
  get rows(): FakeTableRowCollection {
    return this.cached("rows", () => new FakeTableRowCollection(this.ctx, () => this.parent()));
  }
  delete(): void {
    this.call("delete", null, (t) => {
      const sheet = this.ctx.state.sheetById(t.sheetId);
      for (let r = 0; r < t.rect.rows; r++)
        for (let c = 0; c < t.rect.cols; c++) this.ctx.state.clearCell(sheet, t.rect.r0 + r, t.rect.c0 + c);
      this.ctx.state.tables = this.ctx.state.tables.filter((x) => x !== t);
    });
  }
}

interface RowRef {
  readonly table: TableState;
  readonly index: number;
}

export class FakeTableRowCollection extends FakeCollection<RowRef, FakeTableRow> {
  constructor(
    ctx: FakeRequestContext,
    private readonly table: () => TableState,
  ) {
    super(
      ctx,
      () => {
        const t = table();
        return Array.from({ length: t.rect.rows - 1 }, (_, index) => ({ table: t, index }));
      },
      "TableRowCollection",
    );
  }
  protected proxyFor(target: RowRef): FakeTableRow {
    return new FakeTableRow(this.ctx, () => target);
  }
  getItemAt(index: number): FakeTableRow {
    return new FakeTableRow(this.ctx, () => {
      const t = this.table();
      if (index < 0 || index >= t.rect.rows - 1) throw fakeError("ItemNotFound", `table row ${index} does not exist`);
      return { table: t, index };
    });
  }
  /** Inserts rows at `index` (null/-1 = at the end); cells below, within the table's columns, move down. */
  add(index?: number | null, values?: unknown[][]): void {
    const cells = values ? values.reduce((n, r) => n + r.length, 0) : 0;
    this.ctx.enqueue({
      name: "TableRowCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + jsonBytes(values ?? null),
      cells,
      exec: () => {
        const t = this.table();
        const sheet = this.ctx.state.sheetById(t.sheetId);
        const body = t.rect.rows - 1;
        const blankOnly = body === 1 && isBlankRow(this.ctx, sheet, t, 0);
        const n = values?.length ?? 1;
        if (values && values.some((r) => r.length !== t.rect.cols))
          throw fakeError("InvalidArgument", "rows.add: row width does not match the table");
        const at = index === null || index === undefined || index === -1 ? body : index;
        if (at < 0 || at > body) throw fakeError("InvalidArgument", `rows.add: index ${at} out of range`);
        let first: number;
        if (blankOnly && at >= 0) {
          // A table's placeholder blank row is filled first.
          first = t.rect.r0 + 1;
          if (n > 1) this.ctx.state.shiftRows(sheet, first + 1, n - 1, t.rect.c0, t.rect.cols);
          t.rect = { ...t.rect, rows: 1 + n };
        } else {
          first = t.rect.r0 + 1 + at;
          this.ctx.state.shiftRows(sheet, first, n, t.rect.c0, t.rect.cols);
          t.rect = { ...t.rect, rows: t.rect.rows + n };
        }
        values?.forEach((row, i) =>
          row.forEach((v, j) => this.ctx.state.writeValue(sheet, first + i, t.rect.c0 + j, v)),
        );
      },
    });
  }
}

function isBlankRow(ctx: FakeRequestContext, sheet: SheetState, t: TableState, index: number): boolean {
  for (let c = 0; c < t.rect.cols; c++)
    if (ctx.state.getValue(sheet, t.rect.r0 + 1 + index, t.rect.c0 + c) !== "") return false;
  return true;
}

export class FakeTableRow extends FakeObject<RowRef> {
  constructor(ctx: FakeRequestContext, locate: () => RowRef) {
    super(ctx, locate, "TableRow");
  }
  protected scalars(): Record<string, (t: RowRef) => unknown> {
    return { index: (t) => t.index };
  }
  get index(): number {
    return this.read("index");
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { table, index } = this.parent();
      return {
        sheet: this.ctx.state.sheetById(table.sheetId),
        rect: { ...table.rect, r0: table.rect.r0 + 1 + index, rows: 1 },
      };
    });
  }
  delete(): void {
    this.call("delete", null, ({ table, index }) => {
      if (index >= table.rect.rows - 1) throw fakeError("ItemNotFound", `table row ${index} does not exist`);
      const sheet = this.ctx.state.sheetById(table.sheetId);
      if (table.rect.rows === 2) {
        for (let c = 0; c < table.rect.cols; c++) this.ctx.state.clearCell(sheet, table.rect.r0 + 1, table.rect.c0 + c);
        return; // the last body row stays, blank
      }
      this.ctx.state.shiftRows(sheet, table.rect.r0 + 2 + index, -1, table.rect.c0, table.rect.cols);
      table.rect = { ...table.rect, rows: table.rect.rows - 1 };
    });
  }
}

// ---------------------------------------------------------------- names

interface NameRef {
  readonly sheet: SheetState;
  readonly key: string;
}

export class FakeNamedItemCollection extends FakeCollection<NameRef, FakeNamedItem> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(
      ctx,
      () => {
        const s = sheet();
        return [...s.names.keys()].map((key) => ({ sheet: s, key }));
      },
      "NamedItemCollection",
    );
  }
  protected proxyFor(target: NameRef): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => target);
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let created: NameRef | null = null;
    this.ctx.enqueue({
      name: "NamedItemCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + jsonBytes([name, typeof reference === "string" ? reference : "range", comment ?? ""]),
      cells: 0,
      exec: () => {
        const s = this.sheet();
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) throw fakeError("InvalidArgument", `invalid name ${name}`);
        if (s.names.has(name.toLowerCase())) throw fakeError("ItemAlreadyExists", `name ${name} exists on ${s.name}`);
        const formula =
          typeof reference === "string"
            ? reference
            : `=${formatAddress(reference.resolve().sheet.name, reference.resolve().rect)}`;
        s.names.set(name.toLowerCase(), { name, formula, comment: comment ?? "" });
        created = { sheet: s, key: name.toLowerCase() };
      },
    });
    return new FakeNamedItem(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "name was not created");
      return created;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => {
        const s = this.sheet();
        return s.names.has(name.toLowerCase()) ? { sheet: s, key: name.toLowerCase() } : null;
      },
      true,
    );
  }
}

export class FakeNamedItem extends FakeObject<NameRef> {
  constructor(ctx: FakeRequestContext, locate: () => NameRef | null, nullable = false) {
    super(ctx, locate, "NamedItem", nullable);
  }
  private entry(t: NameRef): { name: string; formula: string; comment: string } {
    const e = t.sheet.names.get(t.key);
    if (!e) throw fakeError("ItemNotFound", "name was deleted");
    return e;
  }
  protected scalars(): Record<string, (t: NameRef) => unknown> {
    return {
      name: (t) => this.entry(t).name,
      formula: (t) => this.entry(t).formula,
      comment: (t) => this.entry(t).comment,
      value: (t) => this.entry(t).formula.replace(/^="?|"$/g, ""),
    };
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get comment(): string {
    return this.read("comment");
  }
  delete(): void {
    this.call("delete", null, (t) => {
      t.sheet.names.delete(t.key);
    });
  }
}

// ---------------------------------------------------------------- charts

export class FakeChartCollection extends FakeCollection<ChartState, FakeChart> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, () => sheet().charts, "ChartCollection");
  }
  protected proxyFor(target: ChartState): FakeChart {
    return new FakeChart(this.ctx, () => target);
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartState | null = null;
    this.ctx.enqueue({
      name: "ChartCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + 60,
      cells: 0,
      exec: () => {
        const s = this.sheet();
        const src = sourceData.resolve();
        const chart: ChartState = {
          id: this.ctx.state.newId("ch"),
          name: `Chart ${s.charts.length + 1}`,
          type,
          seriesBy: seriesBy ?? "Auto",
          source: formatAddress(src.sheet.name, src.rect),
          title: "",
          xTitle: "",
          yTitle: "",
          axisMax: {},
          series: [{ name: "Series1", values: { sheetId: src.sheet.id, rect: src.rect }, xValues: null }],
          position: null,
        };
        s.charts.push(chart);
        created = chart;
      },
    });
    return new FakeChart(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "chart was not created");
      return created;
    });
  }
}

export class FakeChart extends FakeObject<ChartState> {
  constructor(ctx: FakeRequestContext, locate: () => ChartState) {
    super(ctx, locate, "Chart");
  }
  protected scalars(): Record<string, (t: ChartState) => unknown> {
    return { name: (c) => c.name, id: (c) => c.id };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (c) => {
      c.name = v;
    });
  }
  get title(): { text: string } {
    const set = (v: string): void => this.write("title.text", v, (c) => void (c.title = v));
    return {
      set text(v: string) {
        set(v);
      },
    } as { text: string };
  }
  get axes(): {
    categoryAxis: { title: { text: string }; maximum: number };
    valueAxis: { title: { text: string }; maximum: number };
  } {
    const axis = (key: "xTitle" | "yTitle"): { title: { text: string }; maximum: number } => {
      const set = (v: string): void => this.write(`axes.${key}`, v, (c) => void (c[key] = v));
      const setMax = (v: number): void => this.write(`axes.${key}.maximum`, v, (c) => void (c.axisMax[key] = v));
      return {
        title: {
          set text(v: string) {
            set(v);
          },
        } as { text: string },
        set maximum(v: number) {
          setMax(v);
        },
      } as { title: { text: string }; maximum: number };
    };
    return { categoryAxis: axis("xTitle"), valueAxis: axis("yTitle") };
  }
  get legend(): { position: string; visible: boolean } {
    const set = (k: string, v: unknown): void => this.write(`legend.${k}`, v, () => undefined);
    return {
      set position(v: string) {
        set("position", v);
      },
      set visible(v: boolean) {
        set("visible", v);
      },
    } as { position: string; visible: boolean };
  }
  get series(): FakeChartSeriesCollection {
    return this.cached("series", () => new FakeChartSeriesCollection(this.ctx, () => this.parent()));
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const addr = (x: string | FakeRange | undefined): string =>
      x === undefined ? "" : typeof x === "string" ? x : formatAddress(x.resolve().sheet.name, x.resolve().rect);
    this.call(
      "setPosition",
      [typeof startCell === "string" ? startCell : "range", typeof endCell === "string" ? endCell : "range"],
      (c) => {
        c.position = { start: addr(startCell), end: addr(endCell) };
      },
    );
  }
  set top(v: number) {
    this.write("top", v, () => undefined);
  }
  set left(v: number) {
    this.write("left", v, () => undefined);
  }
  set width(v: number) {
    this.write("width", v, () => undefined);
  }
  set height(v: number) {
    this.write("height", v, () => undefined);
  }
  delete(): void {
    this.call("delete", null, (c) => {
      for (const s of this.ctx.state.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

interface SeriesRef {
  readonly chart: ChartState;
  readonly index: number;
}

export class FakeChartSeriesCollection extends FakeCollection<SeriesRef, FakeChartSeries> {
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: () => ChartState,
  ) {
    super(
      ctx,
      () => {
        const c = chart();
        return c.series.map((_, index) => ({ chart: c, index }));
      },
      "ChartSeriesCollection",
    );
  }
  protected proxyFor(target: SeriesRef): FakeChartSeries {
    return new FakeChartSeries(this.ctx, () => target);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, () => {
      const c = this.chart();
      if (index >= c.series.length) throw fakeError("ItemNotFound", `series ${index}`);
      return { chart: c, index };
    });
  }
  add(name?: string): FakeChartSeries {
    let created: SeriesRef | null = null;
    this.ctx.enqueue({
      name: "ChartSeriesCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + jsonBytes(name ?? null),
      cells: 0,
      exec: () => {
        const c = this.chart();
        c.series.push({ name: name ?? `Series${c.series.length + 1}`, values: null, xValues: null });
        created = { chart: c, index: c.series.length - 1 };
      },
    });
    return new FakeChartSeries(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "series was not created");
      return created;
    });
  }
}

export class FakeChartSeries extends FakeObject<SeriesRef> {
  constructor(ctx: FakeRequestContext, locate: () => SeriesRef) {
    super(ctx, locate, "ChartSeries");
  }
  protected scalars(): Record<string, (t: SeriesRef) => unknown> {
    return { name: (s) => s.chart.series[s.index].name };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (s) => void (s.chart.series[s.index].name = v));
  }
  setValues(source: FakeRange): void {
    this.call("setValues", "range", (s) => {
      const r = source.resolve();
      s.chart.series[s.index].values = { sheetId: r.sheet.id, rect: r.rect };
    });
  }
  setXAxisValues(source: FakeRange): void {
    this.call("setXAxisValues", "range", (s) => {
      const r = source.resolve();
      s.chart.series[s.index].xValues = { sheetId: r.sheet.id, rect: r.rect };
    });
  }
}

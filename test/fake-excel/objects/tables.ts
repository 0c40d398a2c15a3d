import { parseAddress, type Rect } from "../a1";
import { FakeCollection, FakeObject, OP_OVERHEAD, jsonBytes, type FakeRequestContext } from "../context";
import { fakeError } from "../errors";
import type { SheetState, TableChange, TableState } from "../state";
import { FakeRange, type RangeRef } from "./ranges";
import { FakeWorksheet } from "./worksheets";

/** Tables: the collections (workbook and worksheet), a table, its rows. */

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
  /** `tables.onChanged` (ExcelApi 1.7): the handler is registered when the request syncs, and outlives it. */
  get onChanged(): { add: (handler: (e: TableChange) => void | Promise<unknown>) => { remove: () => void } } {
    return {
      add: (handler) => {
        this.ctx.enqueue({
          name: "TableCollection.onChanged.add()",
          write: false,
          bytes: OP_OVERHEAD,
          cells: 0,
          exec: () => void this.ctx.state.tableChangeHandlers.add(handler),
        });
        return {
          remove: () =>
            this.ctx.enqueue({
              name: "EventHandlerResult.remove()",
              write: false,
              bytes: OP_OVERHEAD,
              cells: 0,
              exec: () => void this.ctx.state.tableChangeHandlers.delete(handler),
            }),
        };
      },
    };
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

import { formatAddress, type Rect } from "../a1";
import { FakeObject, type FakeRequestContext } from "../context";
import { fakeError } from "../errors";
import type { SheetState } from "../state";
import { FakeRangeFormat } from "./formats";
import { FakeWorksheet } from "./worksheets";

/** Ranges: values, number formats and the ranges derived from a range. */

export interface RangeRef {
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

import { parseAddress } from "../a1";
import { FakeCollection, FakeObject, OP_OVERHEAD, jsonBytes, type FakeRequestContext } from "../context";
import { fakeError } from "../errors";
import type { SheetState } from "../state";
import { FakeChartCollection } from "./charts";
import { FakeNamedItemCollection } from "./names";
import { FakeRange } from "./ranges";
import { FakeTableCollection } from "./tables";

/** Worksheets: the collection, a worksheet and its parts (page layout, freeze panes). */

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

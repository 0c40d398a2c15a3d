import { FakeObject, type FakeRequestContext } from "../context";
import { fakeError } from "../errors";
import { FakeRange } from "./ranges";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheets";

/** The workbook (worksheets, tables, selection) and the application (calculation, screen updating). */

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

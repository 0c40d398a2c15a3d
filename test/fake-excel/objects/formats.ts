import { formatAddress } from "../a1";
import { FakeObject, type FakeRequestContext } from "../context";
import type { RangeRef } from "./ranges";

/** Range.format: column widths, fonts, alignment, autofit. */

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

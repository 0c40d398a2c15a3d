import { builtinFormatId } from "../shared/builtin-formats";
import { escapeXml } from "../shared/xml-escape";

/** Fonts the writer uses, by index in <fonts>. */
export const enum FontId {
  Regular = 0,
  Bold = 1,
  Title = 2,
  Subtitle = 3,
}

/** Font elements by FontId (also appended to a user's styles when results are added to their workbook). */
export const FONTS: readonly string[] = [
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
];

export const FIRST_CUSTOM_FORMAT_ID = 164;

/** Hands out cell style (cellXfs) indexes; what the sheet writers need from a style table. */
export interface CellStyles {
  /** The style index for a format code (null or "General" = General) and font; 0 is the default style. */
  xf(formatCode: string | null, font?: FontId): number;
}

/**
 * Cell styles (cellXfs) made on demand from a number format code and a font.
 * Index 0 is the default style (General, regular font).
 */
export class StyleRegistry implements CellStyles {
  private readonly customFormats = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>([["0|0", 0]]);
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** The style index for a format code (null or "General" = General) and font. */
  xf(formatCode: string | null, font: FontId = FontId.Regular): number {
    const numFmtId = this.formatId(formatCode);
    const key = `${numFmtId}|${font}`;
    let index = this.xfIndex.get(key);
    if (index === undefined) {
      index = this.xfs.length;
      const applyFormat = numFmtId !== 0 ? ' applyNumberFormat="1"' : "";
      const applyFont = font !== FontId.Regular ? ' applyFont="1"' : "";
      this.xfs.push(
        `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="0" borderId="0" xfId="0"${applyFormat}${applyFont}/>`,
      );
      this.xfIndex.set(key, index);
    }
    return index;
  }

  private formatId(code: string | null): number {
    if (code === null || code === "" || code === "General") return 0;
    const builtin = builtinFormatId(code);
    if (builtin !== null) return builtin;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT_ID + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }

  /** xl/styles.xml */
  xml(): string {
    const numFmts =
      this.customFormats.size === 0
        ? ""
        : `<numFmts count="${this.customFormats.size}">${[...this.customFormats]
            .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
            .join("")}</numFmts>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      `<fonts count="${FONTS.length}">${FONTS.join("")}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

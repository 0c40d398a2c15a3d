import { findElements, rootPrefix } from "../reader/xml-elements";
import { damaged } from "../errors";
import { builtinFormatId } from "../shared/builtin-formats";
import { escapeXml } from "../shared/xml-escape";
import { FIRST_CUSTOM_FORMAT_ID, FONTS, FontId, StyleRegistry, type CellStyles } from "../writer/style-registry";
import {
  applyEdits,
  countElements,
  elementEnd,
  findSpan,
  insertAt,
  setAttribute,
  withPrefix,
  type Edit,
} from "./xml-edit";

/** The lists of CT_Stylesheet in schema order, with the default item a list needs when it is missing. */
const LISTS: readonly { name: string; item: string; default: string }[] = [
  { name: "numFmts", item: "numFmt", default: "" },
  { name: "fonts", item: "font", default: FONTS[FontId.Regular] },
  {
    name: "fills",
    item: "fill",
    default: '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>',
  },
  { name: "borders", item: "border", default: "<border><left/><right/><top/><bottom/><diagonal/></border>" },
  { name: "cellStyleXfs", item: "xf", default: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' },
  { name: "cellXfs", item: "xf", default: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' },
];

/**
 * Cell styles for our sheets, appended to the user's xl/styles.xml: number
 * formats (reusing an identical code the workbook already has, else ids
 * above every id in use), fonts and cellXfs go at the end of their lists,
 * so every existing index — and every user cell's style — stays as it was.
 * Our regular text uses the workbook's default font (font 0) and fill and
 * border 0, as any unformatted cell does.
 */
export class AppendedStyles implements CellStyles {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  private readonly newFormats: string[] = [];
  private readonly fontBase: number;
  private readonly fontIds = new Map<FontId, number>([[FontId.Regular, 0]]);
  private readonly newFonts: string[] = [];
  private readonly xfBase: number;
  private readonly xfIndex = new Map<string, number>([["0|0", 0]]);
  private readonly newXfs: string[] = [];

  /** `xml` is the user's styles part, or null when the package has none (a minimal one is made). */
  constructor(xml: string | null) {
    this.xml = withDefaultLists(xml ?? new StyleRegistry().xml());
    this.prefix = rootPrefix(this.xml);
    let maxId = FIRST_CUSTOM_FORMAT_ID - 1;
    const numFmts = findSpan(this.xml, "numFmts");
    if (numFmts) {
      for (const el of findElements(this.xml, "numFmt", numFmts.el.contentStart, numFmts.contentEnd)) {
        const id = Number(el.attrs.numFmtId);
        if (!Number.isInteger(id)) continue;
        maxId = Math.max(maxId, id);
        const code = el.attrs.formatCode;
        if (code !== undefined && !this.formatIds.has(code)) this.formatIds.set(code, id);
      }
    }
    this.nextFormatId = maxId + 1;
    this.fontBase = this.count("fonts", "font");
    this.xfBase = this.count("cellXfs", "xf");
    this.reuseExisting();
  }

  /**
   * Fonts and cellXfs identical to ours are reused (a rerun over our own
   * output then appends nothing): a style entry is a value, so sharing an
   * identical one changes no cell's look.
   */
  private reuseExisting(): void {
    const fonts = findSpan(this.xml, "fonts");
    if (fonts) {
      findElements(this.xml, "font", fonts.el.contentStart, fonts.contentEnd).forEach((el, index) => {
        const text = unprefixed(this.xml.slice(el.start, elementEnd(this.xml, el, "font")), this.prefix);
        const font = FONTS.indexOf(text);
        if (font > 0 && !this.fontIds.has(font)) this.fontIds.set(font, index);
      });
    }
    const xfs = findSpan(this.xml, "cellXfs");
    if (xfs) {
      findElements(this.xml, "xf", xfs.el.contentStart, xfs.contentEnd).forEach((el, index) => {
        if (!el.selfClosing) return;
        const numFmtId = Number(el.attrs.numFmtId ?? "0");
        const fontId = Number(el.attrs.fontId ?? "0");
        const key = `${numFmtId}|${fontId}`;
        if (!this.xfIndex.has(key) && sameAttributes(el.attrs, xfAttributes(numFmtId, fontId)))
          this.xfIndex.set(key, index);
      });
    }
  }

  xf(formatCode: string | null, font: FontId = FontId.Regular): number {
    const numFmtId = this.formatId(formatCode);
    const fontId = this.fontId(font);
    const key = `${numFmtId}|${fontId}`;
    let index = this.xfIndex.get(key);
    if (index === undefined) {
      index = this.xfBase + this.newXfs.length;
      const attrs = Object.entries(xfAttributes(numFmtId, fontId)).map(([name, value]) => ` ${name}="${value}"`);
      this.newXfs.push(`<xf${attrs.join("")}/>`);
      this.xfIndex.set(key, index);
    }
    return index;
  }

  /** Whether anything was appended (if not, and the part existed, it is copied unchanged). */
  get changed(): boolean {
    return this.newFormats.length + this.newFonts.length + this.newXfs.length > 0;
  }

  /** The styles part with our entries appended. */
  result(): string {
    const edits: Edit[] = [];
    this.append(edits, "numFmts", "numFmt", this.newFormats);
    this.append(edits, "fonts", "font", this.newFonts);
    this.append(edits, "cellXfs", "xf", this.newXfs);
    return applyEdits(this.xml, edits);
  }

  private formatId(code: string | null): number {
    if (code === null || code === "" || code === "General") return 0;
    const builtin = builtinFormatId(code);
    if (builtin !== null) return builtin;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formatIds.set(code, id);
      this.newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  private fontId(font: FontId): number {
    let id = this.fontIds.get(font);
    if (id === undefined) {
      id = this.fontBase + this.newFonts.length;
      this.newFonts.push(FONTS[font]);
      this.fontIds.set(font, id);
    }
    return id;
  }

  private count(list: string, item: string): number {
    const span = findSpan(this.xml, list);
    return span ? countElements(this.xml, item, span.el.contentStart, span.contentEnd) : 0;
  }

  private append(edits: Edit[], list: string, item: string, added: readonly string[]): void {
    if (added.length === 0) return;
    const span = findSpan(this.xml, list);
    const items = withPrefix(added.join(""), this.prefix);
    if (!span) {
      // Only numFmts can be missing here (withDefaultLists made the others); it comes first in the stylesheet.
      const root = findSpan(this.xml, "styleSheet");
      if (!root) throw damaged("the styles part has no <styleSheet> element");
      const open = withPrefix(`<${list} count="${added.length}">`, this.prefix);
      edits.push(insertAt(root.el.contentStart, open + items + withPrefix(`</${list}>`, this.prefix)));
      return;
    }
    const total = countElements(this.xml, item, span.el.contentStart, span.contentEnd) + added.length;
    if (span.el.selfClosing) {
      const open = setAttribute(this.xml, span.el, "count", total).text.replace(/\s*\/>$/, ">");
      edits.push({ start: span.el.start, end: span.end, text: open + items + withPrefix(`</${list}>`, this.prefix) });
    } else {
      edits.push(setAttribute(this.xml, span.el, "count", total));
      edits.push(insertAt(span.contentEnd, items));
    }
  }
}

/** The attributes of our cellXfs entry for a number format and font. */
function xfAttributes(numFmtId: number, fontId: number): Record<string, string> {
  const attrs: Record<string, string> = {
    numFmtId: String(numFmtId),
    fontId: String(fontId),
    fillId: "0",
    borderId: "0",
    xfId: "0",
  };
  if (numFmtId !== 0) attrs.applyNumberFormat = "1";
  if (fontId !== 0) attrs.applyFont = "1";
  return attrs;
}

function sameAttributes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** Our snippets are unprefixed: take the part's prefix off an element before comparing. */
function unprefixed(xml: string, prefix: string): string {
  return prefix === "" ? xml : xml.split(`<${prefix}`).join("<").split(`</${prefix}`).join("</");
}

/**
 * Inserts, with their default items, the lists a styles part lacks (fonts,
 * fills, borders, cellStyleXfs, cellXfs), each after its predecessors in
 * schema order, so that index 0 of each means what Excel assumes.
 */
function withDefaultLists(xml: string): string {
  const prefix = rootPrefix(xml);
  const root = findSpan(xml, "styleSheet");
  if (!root || root.el.selfClosing) return new StyleRegistry().xml();
  const edits: Edit[] = [];
  let at = root.el.contentStart;
  for (const list of LISTS) {
    const span = findSpan(xml, list.name);
    if (span) {
      at = span.end;
      if (
        span.el.selfClosing &&
        list.default &&
        countElements(xml, list.item, span.el.contentStart, span.contentEnd) === 0
      ) {
        edits.push({
          start: span.el.start,
          end: span.end,
          text: withPrefix(
            `<${list.name} count="${list.name === "fills" ? 2 : 1}">${list.default}</${list.name}>`,
            prefix,
          ),
        });
      }
    } else if (list.default) {
      const n = list.name === "fills" ? 2 : 1;
      edits.push(insertAt(at, withPrefix(`<${list.name} count="${n}">${list.default}</${list.name}>`, prefix)));
    }
  }
  return edits.length === 0 ? xml : applyEdits(xml, edits);
}

import type { RawCell } from "../../workbook/types";
import { decodeCellText } from "../shared/xml-unescape";
import type { CellFormats } from "./styles-part";
import { richText } from "./shared-strings";
import { rootPrefix } from "./xml-elements";

/** The values of one worksheet, by Excel row and 0-based column. */
export interface SheetGrid {
  /** cells[r - 1][c - 1] is the value of row r, column c; missing rows and cells are empty. */
  readonly cells: readonly (readonly (RawCell | undefined)[] | undefined)[];
  /** Same shape: the number format code of a non-empty cell whose style is not General. */
  readonly formats: readonly (readonly (string | null | undefined)[] | undefined)[];
}

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly formats: CellFormats;
  /** Add 1462 days to date-formatted serials so they are 1900-system serials. */
  readonly date1904: boolean;
}

const DAYS_1904_TO_1900 = 1462;
const SPACE = 32;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

/**
 * One pass over the worksheet XML with indexOf/charCodeAt: no DOM, no regex
 * per cell. Formula cells give their cached value. A <c> or <row> without a
 * reference follows the previous one, as the format allows.
 */
export function scanSheet(xml: string, ctx: SheetContext): SheetGrid {
  const p = rootPrefix(xml);
  const cells: (RawCell | undefined)[][] = [];
  const formats: (string | null | undefined)[][] = [];
  const dataStart = xml.indexOf(`<${p}sheetData`);
  if (dataStart < 0) return { cells, formats };
  let end = xml.indexOf(`</${p}sheetData>`, dataStart);
  if (end < 0) end = xml.length;

  const cellClose = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const isOpen = `<${p}is>`;
  const isClose = `</${p}is>`;
  const nameAt = 1 + p.length; // offset of the local name after "<"
  const { sharedStrings, date1904 } = ctx;
  const codes = ctx.formats.codes;
  const dates = ctx.formats.isDate;

  const attrs: TagAttrs = { r: null, s: null, t: null };
  let rowNumber = 0;
  let column = 0; // 1-based column of the previous cell in the row
  let pos = xml.indexOf(">", dataStart) + 1;
  for (;;) {
    pos = xml.indexOf("<", pos);
    if (pos < 0 || pos >= end) break;
    const tagEnd = xml.indexOf(">", pos);
    if (tagEnd < 0) break;
    if (p.length > 0 && !xml.startsWith(p, pos + 1)) {
      pos = tagEnd + 1;
      continue;
    }
    const n0 = xml.charCodeAt(pos + nameAt);
    const n1 = xml.charCodeAt(pos + nameAt + 1);
    if (n0 === 114 /* r */ && n1 === 111 /* o */ && xml.charCodeAt(pos + nameAt + 2) === 119 /* w */) {
      readTagAttrs(xml, pos + nameAt + 3, tagEnd, attrs);
      rowNumber = attrs.r !== null ? Number(attrs.r) : rowNumber + 1;
      column = 0;
      pos = tagEnd + 1;
      continue;
    }
    if (n0 !== 99 /* c */ || !(n1 === SPACE || n1 === GT || n1 === SLASH || n1 === 9 || n1 === 10 || n1 === 13)) {
      pos = tagEnd + 1; // </row>, <extLst> and anything else
      continue;
    }

    // A cell: read r, s and t.
    readTagAttrs(xml, pos + nameAt + 1, tagEnd, attrs);
    const { r: ref, s: style, t: type } = attrs;
    if (ref !== null) {
      let c = 0;
      let i = 0;
      for (; i < ref.length; i++) {
        const code = ref.charCodeAt(i) | 32; // lower-case letters
        if (code < 97 || code > 122) break;
        c = c * 26 + (code - 96);
      }
      column = c;
      if (i < ref.length) rowNumber = Number(ref.slice(i));
    } else {
      column += 1;
    }
    if (rowNumber === 0) rowNumber = 1;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === SLASH;
    if (selfClosing) {
      pos = tagEnd + 1;
      continue;
    }
    const closeAt = xml.indexOf(cellClose, tagEnd);
    if (closeAt < 0) break;
    pos = closeAt + cellClose.length;

    let value: RawCell = null;
    if (type === "inlineStr") {
      const is = xml.indexOf(isOpen, tagEnd);
      if (is >= 0 && is < closeAt) {
        const isEnd = xml.indexOf(isClose, is);
        value = richText(xml, is + isOpen.length, isEnd < 0 || isEnd > closeAt ? closeAt : isEnd, p);
      }
    }
    if (value === null) {
      const raw = cellValueText(xml, tagEnd + 1, closeAt, vOpen, vClose);
      if (raw !== null) value = convert(raw, type, sharedStrings);
    }
    if (value === null) continue;

    const s = style === null ? 0 : Number(style);
    if (typeof value === "number" && date1904 && type !== "d" && dates[s] === true) value += DAYS_1904_TO_1900;
    const rowIndex = rowNumber - 1;
    (cells[rowIndex] ??= [])[column - 1] = value;
    const code = codes[s];
    if (code !== undefined && code !== null) (formats[rowIndex] ??= [])[column - 1] = code;
  }
  return { cells, formats };
}

/** Raw text of the <v> child in xml[from, to), or null when absent or empty. */
function cellValueText(xml: string, from: number, to: number, vOpen: string, vClose: string): string | null {
  // Usual layout: <c ..><v>..</v></c> or <c ..><f>..</f><v>..</v></c>.
  let v = xml.charCodeAt(from + 1) === vOpen.charCodeAt(1) && xml.startsWith(vOpen, from) ? from : -1;
  if (v < 0) {
    const local = xml.substring(from, to).indexOf(vOpen);
    if (local < 0) return null;
    v = from + local;
  }
  const vTagEnd = xml.indexOf(">", v);
  if (xml.charCodeAt(vTagEnd - 1) === SLASH) return null; // <v/>
  const vEnd = xml.indexOf(vClose, vTagEnd);
  if (vEnd < 0 || vEnd > to || vEnd === vTagEnd + 1) return null;
  return xml.slice(vTagEnd + 1, vEnd);
}

function convert(raw: string, type: string | null, sharedStrings: readonly string[]): RawCell {
  switch (type) {
    case null:
    case "n": {
      const n = +raw;
      if (Number.isNaN(n)) return raw.trim() === "" ? null : decodeCellText(raw);
      return n;
    }
    case "s":
      return sharedStrings[+raw] ?? null;
    case "b":
      return raw === "1" || raw === "true";
    case "d":
      return isoToSerial(raw) ?? decodeCellText(raw);
    default: // "str" (formula text), "e" (error text such as #N/A), unknown
      return decodeCellText(raw);
  }
}

/** An ISO 8601 date-time (t="d" cells) as a 1900-system serial, null when unparseable. */
function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  const serial = ms / 86400000 + 25569; // 25569 = serial of 1970-01-01
  return serial < 61 ? serial - 1 : serial; // Excel's phantom 1900-02-29 shifts only later dates
}

/** The one-letter attributes of a <row> or <c> tag that matter here. */
interface TagAttrs {
  r: string | null;
  s: string | null;
  t: string | null;
}

/**
 * Reads r, s and t from the attributes in xml[from, to). Cell and row tags
 * are short, so a direct scan beats a regex.
 */
function readTagAttrs(xml: string, from: number, to: number, out: TagAttrs): void {
  out.r = out.s = out.t = null;
  let i = from;
  while (i < to) {
    let c = xml.charCodeAt(i);
    while (c === SPACE || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++i);
    if (i >= to || c === SLASH || c === GT) return;
    const nameStart = i;
    while (i < to && xml.charCodeAt(i) !== 61 /* = */) i++;
    let nameEnd = i;
    while (nameEnd > nameStart && xml.charCodeAt(nameEnd - 1) <= SPACE) nameEnd--;
    let q = xml.charCodeAt(++i);
    while (q !== QUOTE && q !== APOS && i < to) q = xml.charCodeAt(++i);
    const valueEnd = xml.indexOf(q === QUOTE ? '"' : "'", i + 1);
    if (valueEnd < 0 || valueEnd > to) return;
    if (nameEnd - nameStart === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === 114 /* r */) out.r = xml.slice(i + 1, valueEnd);
      else if (name === 115 /* s */) out.s = xml.slice(i + 1, valueEnd);
      else if (name === 116 /* t */) out.t = xml.slice(i + 1, valueEnd);
    }
    i = valueEnd + 1;
  }
}

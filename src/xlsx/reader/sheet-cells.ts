import type { RawCell } from "../../workbook/types";
import { XlsxFormatError } from "../errors";
import { decodeCellText } from "../shared/xml-unescape";
import type { CellFormats } from "./styles-part";
import { richText } from "./shared-strings";
import { rootPrefix } from "./xml-elements";
import { assertNever } from "../../engine";

/** The values of one worksheet, by Excel row and column. */
export interface SheetGrid {
  /** cells[r - 1][c - 1] is the value of row r, column c; missing rows and cells (holes) are empty. */
  readonly cells: (RawCell | undefined)[][];
  /** Same shape: the number format code of a non-empty cell whose style is not General. */
  readonly formats: (string | null | undefined)[][];
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
const LT = 60;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

/** Cell types (the t attribute). */
const enum CellType {
  Number,
  Shared,
  FormulaString,
  Inline,
  Boolean,
  Error,
  Date,
}

/** Where the r, s and t attribute values of the current tag are (-1 when absent); no strings allocated. */
interface TagAttrs {
  rFrom: number;
  rTo: number;
  sFrom: number;
  sTo: number;
  tFrom: number;
  tTo: number;
}

/**
 * One pass over the worksheet XML with indexOf/charCodeAt: no DOM, no regex
 * and almost no string allocation per cell (a 480,000-row sheet has millions
 * of cells). Formula cells give their cached value. A <c> or <row> without a
 * reference follows the previous one, as the format allows.
 */
/** Excel's grid: no sheet Excel wrote has a cell beyond it. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Excel's limit on the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

function tooLong(row: number, column: number, length: number): XlsxFormatError {
  return new XlsxFormatError(
    `The .xlsx file is damaged: the cell in row ${row}, column ${column} holds ${length.toLocaleString("en-US")} characters, more than Excel's ${MAX_CELL_CHARS.toLocaleString("en-US")}.`,
  );
}

function beyondGrid(xml: string, at: TagAttrs, row: number, column: number): XlsxFormatError {
  const ref = at.rFrom >= 0 ? xml.slice(at.rFrom, Math.min(at.rTo, at.rFrom + 40)) : `row ${row}, column ${column}`;
  return new XlsxFormatError(
    `The .xlsx file is damaged: a sheet has a cell at ${ref}, beyond Excel's ${MAX_ROWS.toLocaleString("en-US")} rows and ${MAX_COLUMNS.toLocaleString("en-US")} columns (XFD).`,
  );
}

export function scanSheet(xml: string, ctx: SheetContext): SheetGrid {
  const p = rootPrefix(xml);
  const cells: (RawCell | undefined)[][] = [];
  const formats: (string | null | undefined)[][] = [];
  const dataStart = xml.indexOf(`<${p}sheetData`);
  if (dataStart < 0) return { cells, formats };
  // Searched from the end, where it is (a sheet has one): a search from the start reads the whole part again.
  let end = xml.lastIndexOf(`</${p}sheetData>`);
  if (end < dataStart) end = -1;
  if (end < 0) end = xml.length;

  const cellClose = `</${p}c>`;
  // "<v>" and "</v></c>" as character codes, compared in place (no call per cell).
  const vOpenCodes = charCodes(`<${p}v>`);
  const valueEndCodes = charCodes(`</${p}v></${p}c>`);
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const isOpen = `<${p}is>`;
  const isClose = `</${p}is>`;
  const nameAt = 1 + p.length; // offset of the local name after "<"
  const { sharedStrings, date1904 } = ctx;
  const codes = ctx.formats.codes;
  const dates = ctx.formats.isDate;

  const at: TagAttrs = { rFrom: -1, rTo: -1, sFrom: -1, sTo: -1, tFrom: -1, tTo: -1 };
  let rowNumber = 0;
  let column = 0; // 1-based column of the previous cell in the row
  let rowCells: (RawCell | undefined)[] | undefined;
  let rowFormats: (string | null | undefined)[] | undefined;
  // A row is made as wide as the last one and trimmed to its last cell when it ends: an array grown from [] one
  // cell at a time keeps room for 16, and a 480,000-row sheet keeps every row (about 60 MB of empty slots).
  let width = 0;
  let formatWidth = 0;
  let hint = 0;
  const endRow = () => {
    if (rowCells !== undefined && rowCells.length > width) rowCells.length = width;
    if (rowFormats !== undefined && rowFormats.length > formatWidth) rowFormats.length = formatWidth;
    if (width > 0) hint = width;
    width = formatWidth = 0;
    rowCells = rowFormats = undefined;
  };
  let pos = xml.indexOf(">", dataStart) + 1;
  for (;;) {
    // The next tag usually starts right where the last one ended.
    if (xml.charCodeAt(pos) !== LT) pos = xml.indexOf("<", pos);
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
      readTagAttrs(xml, pos + nameAt + 3, tagEnd, at);
      rowNumber = at.rFrom >= 0 ? parseDigits(xml, at.rFrom, at.rTo) : rowNumber + 1;
      if (rowNumber > MAX_ROWS) throw beyondGrid(xml, at, rowNumber, 1);
      column = 0;
      endRow();
      pos = tagEnd + 1;
      continue;
    }
    if (n0 !== 99 /* c */ || !(n1 === SPACE || n1 === GT || n1 === SLASH || n1 === 9 || n1 === 10 || n1 === 13)) {
      pos = tagEnd + 1; // </row>, <extLst> and anything else
      continue;
    }

    // A cell. Its reference, when present, wins over the running position.
    readTagAttrs(xml, pos + nameAt + 1, tagEnd, at);
    if (at.rFrom >= 0) {
      let c = 0;
      let i = at.rFrom;
      for (; i < at.rTo; i++) {
        const code = xml.charCodeAt(i) | 32; // lower-case letters
        if (code < 97 || code > 122) break;
        c = c * 26 + (code - 96);
      }
      column = c;
      if (i < at.rTo) {
        const r = parseDigits(xml, i, at.rTo);
        if (r !== rowNumber) {
          endRow();
          rowNumber = r;
        }
      }
    } else {
      column += 1;
    }
    if (rowNumber === 0) rowNumber = 1;
    // Checked before anything is allocated for the cell: a reference past Excel's grid would size the arrays.
    if (rowNumber > MAX_ROWS || column > MAX_COLUMNS || column < 1) throw beyondGrid(xml, at, rowNumber, column);
    if (xml.charCodeAt(tagEnd - 1) === SLASH) {
      pos = tagEnd + 1; // <c r="B7" s="3"/>: styled but empty
      continue;
    }
    const type = cellType(xml, at.tFrom, at.tTo);
    let value: RawCell = null;
    // The usual cell, <c …><v>digits</v></c>: its value read and its end found without searching the rest.
    // No "</c>" comes before "</v>" (a value holds no "<"), so one right after it is the cell's end.
    let read = false;
    const vAt = tagEnd + 1;
    if (type !== CellType.Inline && codesAt(xml, vAt, vOpenCodes)) {
      const from = vAt + vOpenCodes.length;
      let vEnd = from;
      while (vEnd < end && xml.charCodeAt(vEnd) !== LT) vEnd++;
      if (codesAt(xml, vEnd, valueEndCodes)) {
        pos = vEnd + valueEndCodes.length;
        if (vEnd > from) value = convert(xml, from, vEnd, type, sharedStrings);
        read = true;
      }
    }
    if (!read) {
      const closeAt = xml.indexOf(cellClose, tagEnd);
      if (closeAt < 0) break;
      pos = closeAt + cellClose.length;
      if (type === CellType.Inline) {
        const is = xml.indexOf(isOpen, tagEnd);
        if (is >= 0 && is < closeAt) {
          const isEnd = xml.indexOf(isClose, is);
          value = richText(xml, is + isOpen.length, isEnd < 0 || isEnd > closeAt ? closeAt : isEnd, p);
        }
      }
      if (value === null) {
        // The <v> child: usually right after the tag, else after <f>.
        let v = xml.startsWith(vOpen, tagEnd + 1) ? tagEnd + 1 : -1;
        if (v < 0) {
          const local = xml.substring(tagEnd + 1, closeAt).indexOf(vOpen);
          v = local < 0 ? -1 : tagEnd + 1 + local;
        }
        if (v >= 0) {
          const vTagEnd = xml.indexOf(">", v);
          const vEnd = xml.charCodeAt(vTagEnd - 1) === SLASH ? -1 : xml.indexOf(vClose, vTagEnd);
          if (vEnd > vTagEnd + 1 && vEnd < closeAt) value = convert(xml, vTagEnd + 1, vEnd, type, sharedStrings);
        }
      }
    }
    if (value === null) continue;
    if (typeof value === "string" && value.length > MAX_CELL_CHARS) throw tooLong(rowNumber, column, value.length);

    const s = at.sFrom >= 0 ? parseDigits(xml, at.sFrom, at.sTo) : 0;
    if (typeof value === "number" && date1904 && type !== CellType.Date && dates[s] === true)
      value += DAYS_1904_TO_1900;
    if (rowCells === undefined) {
      rowCells = cells[rowNumber - 1];
      // A row met again (cells out of order) keeps its array; trimmed, so it is as wide as its last cell.
      if (rowCells === undefined)
        rowCells = cells[rowNumber - 1] = hint > 0 ? new Array<RawCell | undefined>(hint) : [];
      else width = rowCells.length;
    }
    rowCells[column - 1] = value;
    if (column > width) width = column;
    const code = codes[s];
    if (code !== undefined && code !== null) {
      if (rowFormats === undefined) {
        rowFormats = formats[rowNumber - 1];
        if (rowFormats === undefined)
          rowFormats = formats[rowNumber - 1] = hint > 0 ? new Array<string | null | undefined>(hint) : [];
        else formatWidth = rowFormats.length;
      }
      rowFormats[column - 1] = code;
      if (column > formatWidth) formatWidth = column;
    }
  }
  endRow();
  return { cells, formats };
}

function charCodes(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** Whether `codes` are the characters of xml at `at`. */
function codesAt(xml: string, at: number, codes: readonly number[]): boolean {
  for (let i = 0; i < codes.length; i++) if (xml.charCodeAt(at + i) !== codes[i]) return false;
  return true;
}

function cellType(xml: string, from: number, to: number): CellType {
  if (from < 0 || to === from) return CellType.Number;
  switch (xml.charCodeAt(from)) {
    case 115 /* s | str */:
      return to - from === 1 ? CellType.Shared : CellType.FormulaString;
    case 105 /* inlineStr */:
      return CellType.Inline;
    case 98 /* b */:
      return CellType.Boolean;
    case 101 /* e */:
      return CellType.Error;
    case 100 /* d */:
      return CellType.Date;
    default:
      return CellType.Number;
  }
}

function convert(xml: string, from: number, to: number, type: CellType, sharedStrings: readonly string[]): RawCell {
  switch (type) {
    case CellType.Number:
      return parseNumber(xml, from, to);
    case CellType.Shared:
      return sharedStrings[parseDigits(xml, from, to)] ?? null;
    case CellType.Boolean: {
      const c = xml.charCodeAt(from);
      return c === 49 /* 1 */ || c === 116; /* true */
    }
    case CellType.Date: {
      const text = xml.slice(from, to);
      return isoToSerial(text) ?? decodeCellText(text);
    }
    case CellType.FormulaString:
    case CellType.Error: // error text such as #N/A
    case CellType.Inline: // inline text given as <v>
      return decodeCellText(xml.slice(from, to));
    default:
      return assertNever(type);
  }
}

/** Non-negative integer in xml[from, to); stops at the first non-digit. */
function parseDigits(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return n;
}

// Powers of ten that doubles hold exactly.
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/**
 * A number without allocating: for up to 15 significant digits and no
 * exponent, integer / 10^k is exact-operand division, hence correctly rounded
 * and equal to parseFloat. Anything else goes through Number().
 */
function parseNumber(xml: string, from: number, to: number): RawCell {
  let i = from;
  let negative = false;
  if (xml.charCodeAt(i) === 45 /* - */) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = -1; // digits after the point; -1 before the point
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 /* . */ && scale < 0) {
      scale = 0;
    } else {
      break;
    }
  }
  if (i === to && digits <= 15 && scale <= 22 && i > from + (negative ? 1 : 0)) {
    const n = scale > 0 ? mantissa / POW10[scale] : mantissa;
    return negative ? -n : n;
  }
  const text = xml.slice(from, to);
  // A decimal number with an optional exponent, as SpreadsheetML writes one. Number() alone would also take
  // "0x10" (16), "0b1" or "Infinity": those stay text, and the table that reads the cell says it is not a number.
  if (DECIMAL_NUMBER.test(text)) return Number(text);
  return text.trim() === "" ? null : decodeCellText(text);
}

const DECIMAL_NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** An ISO 8601 date-time (t="d" cells) as a 1900-system serial, null when unparseable. */
function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso.trim());
  if (!m) return null;
  const ms =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) +
    Number(m[6] ?? 0) * 1000;
  const serial = ms / 86400000 + 25569; // 25569 = serial of 1970-01-01
  return serial < 61 ? serial - 1 : serial; // Excel's phantom 1900-02-29 shifts only later dates
}

/**
 * Finds r, s and t among the attributes in xml[from, to). Cell and row tags
 * are short, so a direct scan beats a regex.
 */
function readTagAttrs(xml: string, from: number, to: number, out: TagAttrs): void {
  out.rFrom = out.sFrom = out.tFrom = -1;
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
    let valueEnd = i + 1;
    while (valueEnd < to && xml.charCodeAt(valueEnd) !== q) valueEnd++;
    if (valueEnd >= to) return;
    if (nameEnd - nameStart === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === 114 /* r */) {
        out.rFrom = i + 1;
        out.rTo = valueEnd;
      } else if (name === 115 /* s */) {
        out.sFrom = i + 1;
        out.sTo = valueEnd;
      } else if (name === 116 /* t */) {
        out.tFrom = i + 1;
        out.tTo = valueEnd;
      }
    }
    i = valueEnd + 1;
  }
}

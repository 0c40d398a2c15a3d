import type { SpecCell } from "../../workbook/types";
import { columnLetterTable } from "../shared/cell-ref";
import { InlineStrings } from "./inline-strings";
import type { SharedStringTable } from "./shared-string-table";

export interface RowOptions {
  /** Row height in points, for rows with a larger font. */
  readonly height?: number;
}

const CHUNK = 4 << 20;
/** Bytes one cell can take at most: <c r="XFD1048576" s="99999" t="s"><v> + a number's 24 characters + </v></c>. */
const MAX_CELL_BYTES = 80;
const encoder = new TextEncoder();

/**
 * Builds a worksheet's <sheetData> straight into bytes. Cell markup is ASCII
 * (text lives in the shared string table), so characters are stored as bytes
 * with no string concatenation or re-encoding of a 100 MB string.
 *
 * Strings go to the shared string table (t="s"), or inline (t="inlineStr")
 * when built with InlineStrings; either way text like "=HYPERLINK(..)" or
 * "+1" stays text. Booleans are t="b"; null writes no cell. Non-finite
 * numbers cannot be stored and become #NUM!.
 */
export class SheetDataBuilder {
  private readonly chunks: Uint8Array[] = [];
  private buf = new Uint8Array(CHUNK);
  private pos = 0;
  private letters: string[] = [];
  private readonly shared: SharedStringTable | null;
  private readonly inline: InlineStrings | null;

  constructor(strings: SharedStringTable | InlineStrings) {
    this.inline = strings instanceof InlineStrings ? strings : null;
    this.shared = strings instanceof InlineStrings ? null : strings;
    this.ascii("<sheetData>");
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(Math.max(CHUNK, n));
    this.pos = 0;
  }

  private ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.pos++] = text.charCodeAt(i);
  }

  /** Writes cells[0..width) from column A on, each with the style index at the same position (0 or absent = default). */
  row(
    rowNumber: number,
    cells: readonly SpecCell[],
    styles: readonly number[],
    width = cells.length,
    options: RowOptions = {},
  ): void {
    if (this.letters.length < width) this.letters = columnLetterTable(Math.max(width, this.letters.length * 2));
    let any = options.height !== undefined;
    for (let j = 0; j < width && !any; j++) any = cells[j] !== null && cells[j] !== undefined;
    if (!any) return;

    const rowDigits = String(rowNumber);
    const rowOpen =
      options.height === undefined
        ? `<row r="${rowDigits}">`
        : `<row r="${rowDigits}" ht="${options.height}" customHeight="1">`;
    this.room(rowOpen.length + width * MAX_CELL_BYTES + 8);
    let buf = this.buf;
    let p = this.pos;
    const put = (text: string): void => {
      for (let i = 0; i < text.length; i++) buf[p++] = text.charCodeAt(i);
    };
    put(rowOpen);
    for (let j = 0; j < width; j++) {
      const value = cells[j];
      if (value === null || value === undefined) continue;
      put('<c r="');
      put(this.letters[j]);
      put(rowDigits);
      const style = styles[j];
      if (style) {
        put('" s="');
        p = writeDigits(buf, p, style);
      }
      if (typeof value === "number") {
        if (Number.isFinite(value)) {
          put('"><v>');
          p = writeNumber(buf, p, value);
        } else {
          put('" t="e"><v>#NUM!');
        }
      } else if (typeof value === "string") {
        if (this.inline) {
          // Inline text has no size bound: make room for it and the rest of the row.
          const tail = this.inline.cellTail(value);
          const need = tail.length + (width - j) * MAX_CELL_BYTES + 8;
          if (p + need > buf.length) {
            this.pos = p;
            this.room(need);
            buf = this.buf;
            p = this.pos;
          }
          buf.set(tail, p);
          p += tail.length;
          continue;
        }
        put('" t="s"><v>');
        p = writeDigits(buf, p, (this.shared as SharedStringTable).indexOf(value));
      } else {
        put(value ? '" t="b"><v>1' : '" t="b"><v>0');
      }
      put("</v></c>");
    }
    put("</row>");
    this.pos = p;
  }

  /** The worksheet part: `head`, the <sheetData> element, `tail`, in one array (one copy of the rows). */
  finish(head: string, tail: string): Uint8Array {
    this.ascii("</sheetData>");
    const headBytes = encoder.encode(head);
    const tailBytes = encoder.encode(tail);
    const bodyLength = this.chunks.reduce((n, c) => n + c.length, 0) + this.pos;
    const out = new Uint8Array(headBytes.length + bodyLength + tailBytes.length);
    out.set(headBytes, 0);
    let p = headBytes.length;
    for (const chunk of this.chunks) {
      out.set(chunk, p);
      p += chunk.length;
    }
    out.set(this.buf.subarray(0, this.pos), p);
    out.set(tailBytes, p + this.pos);
    return out;
  }
}

const MAX_EXACT = 9007199254740992; // 2^53
const SCALES = [1, 10, 100, 1000, 10000];

/** Decimal digits of a non-negative integer below 2^53; returns the new position. */
function writeDigits(buf: Uint8Array, p: number, value: number): number {
  if (value < 10) {
    buf[p] = 48 + value;
    return p + 1;
  }
  let digits = 0;
  for (let v = value; v >= 1; v = Math.floor(v / 10)) digits++;
  let q = p + digits;
  for (let v = value; v >= 1; v = Math.floor(v / 10)) buf[--q] = 48 + (v % 10);
  return p + digits;
}

/**
 * A finite number, written so that it reads back as the same double. Amounts
 * with up to 4 decimals (money, rates) are written from their scaled integer:
 * if m / 10^k === value, the text "m with k decimals" parses to exactly
 * m / 10^k (one correctly rounded division of exact operands), i.e. to value.
 * Anything else takes JavaScript's shortest round-trip form.
 */
function writeNumber(buf: Uint8Array, p: number, value: number): number {
  let v = value;
  if (v < 0) {
    buf[p++] = 45; // -
    v = -v;
  }
  for (let k = 0; k < SCALES.length; k++) {
    const m = Math.round(v * SCALES[k]);
    if (m < MAX_EXACT && m / SCALES[k] === v) {
      if (k === 0) return writeDigits(buf, p, m);
      const whole = Math.floor(m / SCALES[k]);
      p = writeDigits(buf, p, whole);
      buf[p++] = 46; // .
      let fraction = m - whole * SCALES[k];
      for (let d = k - 1; d >= 0; d--) {
        const digit = Math.floor(fraction / SCALES[d]);
        buf[p++] = 48 + digit;
        fraction -= digit * SCALES[d];
      }
      return p;
    }
  }
  const text = String(v);
  for (let i = 0; i < text.length; i++) buf[p++] = text.charCodeAt(i);
  return p;
}

import type { SheetRows, SpecCell } from "../../workbook/types";
import { withinCellLimit } from "../../workbook/textSafety";
import { columnLetterTable } from "../shared/cell-ref";
import type { ByteSink } from "../zip/deflating-sink";
import { InlineStrings } from "./inline-strings";
import { RowBatchPacker, Tag, type RowBatch } from "./row-batch";
import type { SharedStringTable } from "./shared-string-table";

export interface RowOptions {
  /** Row height in points, for rows with a larger font. */
  readonly height?: number;
}

/** Bytes collected before they go to the sink (or, without one, into a new chunk). */
const CHUNK = 1 << 20;
/** Rows in a run written by one thread (about 1.5 MB of payout rows), and the fewest rows worth sharing. */
const SEGMENT_ROWS = 2048;
const OFFLOAD_MIN_ROWS = 4 * SEGMENT_ROWS;
/**
 * Every third run of rows is written on the deflate thread. It also deflates
 * every run, and V8's collector wants the same core: measured at 10,000 reps
 * (alternating runs), a third beat a half and a quarter, and none — and
 * handing it a whole sheet while this thread wrote the others.
 */
const OFFLOAD_EVERY = 3;
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
 *
 * A cell right after the previous one in its row has no r attribute (the
 * format places it in the next column): the first cell of a row, and one
 * after a gap, keep theirs, as exceljs needs. Incrementing references are
 * what deflate compresses worst; without them a 240,000-row sheet is a fifth
 * smaller and deflates twice as fast.
 *
 * With a sink (streaming), the bytes go to it every megabyte and the buffer
 * is reused: a sheet's XML is never held whole. Without one they are kept
 * for finish().
 */
export class SheetDataBuilder {
  private readonly chunks: Uint8Array[] = [];
  private buf = new Uint8Array(CHUNK);
  private pos = 0;
  private letters: string[] = [];
  private readonly shared: SharedStringTable | null;
  private readonly inline: InlineStrings | null;
  private openStyles: readonly number[] | null = null;
  private opens: Uint8Array[] = [];

  /** `head` (the worksheet part up to <sheetData>) is written first when streaming to `sink`. */
  constructor(
    strings: SharedStringTable | InlineStrings,
    private readonly sink: ByteSink | null = null,
    head: string | null = "",
  ) {
    this.inline = strings instanceof InlineStrings ? strings : null;
    this.shared = strings instanceof InlineStrings ? null : strings;
    if (head === null) return;
    if (head !== "") this.bytes(encoder.encode(head));
    this.ascii("<sheetData>");
  }

  /** A builder of rows alone, continuing a part another builder began (the deflate thread's; see body()). */
  static rowsOnly(strings: InlineStrings, sink: ByteSink): SheetDataBuilder {
    return new SheetDataBuilder(strings, sink, null);
  }

  /** Streaming: hands what is buffered to the sink now. */
  flush(): void {
    if (!this.sink) throw new Error("internal: flush() is for a streaming SheetDataBuilder");
    if (this.pos > 0) this.sink.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /**
   * Body rows: `rows.row(i)` written as row `firstRow + i`. With inline text
   * and a sink that can hand rows to the deflate thread (a large part on
   * Node), every third run of SEGMENT_ROWS rows is packed and sent there to be
   * written, so the two cores share the XML as well as the deflate; the part's
   * bytes are the same whichever thread wrote them.
   */
  body(firstRow: number, rows: SheetRows, styles: readonly number[], width: number): void {
    const sink = this.sink;
    const offload =
      this.inline !== null && rows.length >= OFFLOAD_MIN_ROWS && sink?.offloadRows && sink.canOffloadRows?.()
        ? sink
        : null;
    if (offload === null) {
      for (let i = 0; i < rows.length; i++) this.row(firstRow + i, rows.row(i), styles, width);
      return;
    }
    const packer = new RowBatchPacker(width, styles);
    const rowAt = (i: number) => rows.row(i);
    const segments = Math.ceil(rows.length / SEGMENT_ROWS);
    const offloaded = (k: number) => k % OFFLOAD_EVERY === OFFLOAD_EVERY - 1;
    let lastOffloaded = segments - 1;
    while (lastOffloaded >= 0 && !offloaded(lastOffloaded)) lastOffloaded--;
    for (let k = 0; k < segments; k++) {
      const from = k * SEGMENT_ROWS;
      const to = Math.min(rows.length, from + SEGMENT_ROWS);
      if (offloaded(k)) {
        // What this thread wrote goes first; what it writes after these rows follows them.
        this.flush();
        offload.offloadRows!(packer.pack(firstRow, from, to, rowAt), k === lastOffloaded);
      } else for (let i = from; i < to; i++) this.row(firstRow + i, rows.row(i), styles, width);
    }
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.sink) {
      if (this.pos > 0) this.sink.write(this.buf.subarray(0, this.pos));
      if (n > this.buf.length) this.buf = new Uint8Array(Math.max(CHUNK, n));
    } else {
      this.chunks.push(this.buf.subarray(0, this.pos));
      this.buf = new Uint8Array(Math.max(CHUNK, n));
    }
    this.pos = 0;
  }

  private bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
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

    const opens = this.openings(styles, width);
    const rowDigits = String(rowNumber);
    let p = this.rowOpen(rowDigits, width, options.height);
    let previous = -2; // column of the previous cell written in this row
    for (let j = 0; j < width; j++) {
      const value = cells[j];
      if (value === null || value === undefined) continue;
      p = this.cellOpen(p, j, previous, opens[j], rowDigits);
      previous = j;
      if (typeof value === "number") p = numberCell(this.buf, p, value);
      else if (typeof value === "string") {
        if (this.inline) {
          p = this.textCell(p, this.inline.cellTail(withinCellLimit(value)), width - j);
          continue;
        }
        const buf = this.buf;
        p = copy(buf, p, SHARED_OPEN);
        p = writeDigits(buf, p, (this.shared as SharedStringTable).indexOf(withinCellLimit(value)));
        p = copy(buf, p, VALUE_CLOSE);
      } else p = copy(this.buf, p, value ? TRUE_CELL : FALSE_CELL);
    }
    this.pos = copy(this.buf, p, ROW_CLOSE);
  }

  /**
   * The rows of a packed batch, written as row() writes the same cells (the
   * deflate thread's side of body()), straight from its arrays: no cell array,
   * no number boxed. `tails[id]` caches each text's bytes by its index in
   * `texts`, the part's texts so far (the batch's new ones already added).
   */
  batch(batch: RowBatch, texts: readonly string[], tails: Uint8Array[]): void {
    const inline = this.inline;
    if (inline === null) throw new Error("internal: packed rows are written with inline text");
    const { width, styles, tags, numbers } = batch;
    const ids = batch.texts;
    if (this.letters.length < width) this.letters = columnLetterTable(Math.max(width, this.letters.length * 2));
    const opens = this.openings(styles, width);
    let k = 0;
    let n = 0;
    let t = 0;
    for (let i = 0; i < batch.count; i++, k += width) {
      let any = false;
      for (let j = 0; j < width && !any; j++) any = tags[k + j] !== Tag.Empty;
      if (!any) continue;
      const rowDigits = String(batch.firstRow + i);
      let p = this.rowOpen(rowDigits, width);
      let previous = -2;
      for (let j = 0; j < width; j++) {
        const tag = tags[k + j];
        if (tag === Tag.Empty) continue;
        p = this.cellOpen(p, j, previous, opens[j], rowDigits);
        previous = j;
        if (tag === Tag.Number) p = numberCell(this.buf, p, numbers[n++]);
        else if (tag === Tag.Text) {
          const id = ids[t++];
          p = this.textCell(p, (tails[id] ??= inline.cellTail(withinCellLimit(texts[id]))), width - j);
        } else p = copy(this.buf, p, tag === Tag.True ? TRUE_CELL : FALSE_CELL);
      }
      this.pos = copy(this.buf, p, ROW_CLOSE);
    }
  }

  /** `<row r="N">` (with a height, when given), room made for the row's cells; returns where its cells go. */
  private rowOpen(rowDigits: string, width: number, height?: number): number {
    this.room(ROW_OPEN_BYTES + rowDigits.length + width * MAX_CELL_BYTES + 8);
    const buf = this.buf;
    const p = putAscii(buf, copy(buf, this.pos, ROW_OPEN), rowDigits);
    return height === undefined ? copy(buf, p, QUOTE_CLOSE) : putAscii(buf, p, `" ht="${height}" customHeight="1">`);
  }

  /** A cell's `<c s="N"` (its column's `open`); after a gap with its reference, `<c r="B7" s="N"`. */
  private cellOpen(p: number, j: number, previous: number, open: Uint8Array, rowDigits: string): number {
    const buf = this.buf;
    if (j === previous + 1) return copy(buf, p, open);
    p = copy(buf, p, CELL_REF_OPEN);
    p = putAscii(buf, p, this.letters[j]);
    p = putAscii(buf, p, rowDigits);
    buf[p++] = QUOTE;
    return copy(buf, p, open, 2);
  }

  /** The rest of an inline text cell; text has no size bound, so room is made for it and the row's other `cells`. */
  private textCell(p: number, tail: Uint8Array, cells: number): number {
    const need = tail.length + cells * MAX_CELL_BYTES + 8;
    if (p + need > this.buf.length) {
      this.pos = p;
      this.room(need);
      p = this.pos;
    }
    this.buf.set(tail, p);
    return p + tail.length;
  }

  /** Each column's `<c s="N"` (just `<c` for the default style), made once per styles array: rows share theirs. */
  private openings(styles: readonly number[], width: number): Uint8Array[] {
    if (this.openStyles === styles && this.opens.length >= width) return this.opens;
    this.openStyles = styles;
    this.opens = Array.from({ length: width }, (_, j) => asciiBytes(styles[j] ? `<c s="${styles[j]}"` : "<c"));
    return this.opens;
  }

  /** Streaming: closes <sheetData>, writes `tail` (the rest of the worksheet part) and hands every byte left to the sink. */
  end(tail: string): void {
    if (!this.sink) throw new Error("internal: end() is for a streaming SheetDataBuilder; use finish()");
    this.ascii("</sheetData>");
    this.bytes(encoder.encode(tail));
    if (this.pos > 0) this.sink.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** The worksheet part: `head`, the <sheetData> element, `tail`, in one array (one copy of the rows). */
  finish(head: string, tail: string): Uint8Array {
    if (this.sink) throw new Error("internal: finish() is for a SheetDataBuilder without a sink; use end()");
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

const asciiBytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ROW_OPEN = asciiBytes('<row r="');
const ROW_OPEN_BYTES = ROW_OPEN.length + 40; // and ` ht="…" customHeight="1">`
const QUOTE = 34;
const QUOTE_CLOSE = asciiBytes('">');
const ROW_CLOSE = asciiBytes("</row>");
const CELL_REF_OPEN = asciiBytes('<c r="');
const VALUE_OPEN = asciiBytes("><v>");
const VALUE_CLOSE = asciiBytes("</v></c>");
const SHARED_OPEN = asciiBytes(' t="s"><v>');
const NUM_ERROR = asciiBytes(' t="e"><v>#NUM!</v></c>');
const TRUE_CELL = asciiBytes(' t="b"><v>1</v></c>');
const FALSE_CELL = asciiBytes(' t="b"><v>0</v></c>');

/** Copies `bytes` from index `from` to buf at p (a loop: these are a few bytes, below what set() pays off for). */
function copy(buf: Uint8Array, p: number, bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) buf[p++] = bytes[i];
  return p;
}

/** A number cell's value and close: `><v>1234.56</v></c>`, or #NUM! where the number is not finite. */
function numberCell(buf: Uint8Array, p: number, value: number): number {
  if (!Number.isFinite(value)) return copy(buf, p, NUM_ERROR);
  p = copy(buf, p, VALUE_OPEN);
  p = writeNumber(buf, p, value);
  return copy(buf, p, VALUE_CLOSE);
}

function putAscii(buf: Uint8Array, p: number, text: string): number {
  for (let i = 0; i < text.length; i++) buf[p++] = text.charCodeAt(i);
  return p;
}

const MAX_EXACT = 9007199254740992; // 2^53
const SMALL_INT = 2147483648; // 2^31
/** Below 2^32, v·10^4 rounds to the integer m·10^(4−k) whenever v = m/10^k: see writeNumber. */
const SCALE_CHECK_LIMIT = 4294967296;
const SCALES = [1, 10, 100, 1000, 10000];

/** Decimal digits of a non-negative integer below 2^53; returns the new position. */
function writeDigits(buf: Uint8Array, p: number, value: number): number {
  if (value < 10) {
    buf[p] = 48 + value;
    return p + 1;
  }
  if (value < SMALL_INT) {
    // Int32 arithmetic: most cells (row numbers, styles, cents) are below 2^31.
    let digits = 1;
    for (let v = (value / 10) | 0; v > 0; v = (v / 10) | 0) digits++;
    let q = p + digits;
    for (let v = value; v > 0; v = (v / 10) | 0) buf[--q] = 48 + (v % 10);
    return p + digits;
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
  // A value no scale up to 10^4 writes (a ratio such as 1.0968932458022433) fails the largest at once: if
  // v = m/10^k, then v·10^4 is within 0.01 of the integer m·10^(4−k) below 2^32, and that over 10^4 is v again.
  if (v < SCALE_CHECK_LIMIT && Math.round(v * 10000) / 10000 !== v) return putAscii(buf, p, String(v));
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
  return putAscii(buf, p, String(v));
}

import { damaged, XlsxFormatError } from "../errors";
import { crc32, inflateRaw } from "./codec";

/** One file in a zip archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  /** CRC-32 of the uncompressed data, and the DOS time and date fields: what a raw copy of the entry needs. */
  readonly crc: number;
  readonly dosTime: number;
  readonly dosDate: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

/** The central directory: every entry's name, sizes and where its data starts (zip64 aware). */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged("the zip directory is missing (the file may be truncated)");
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  // Where the central directory must end: at the zip64 record when there is one, else at the end record.
  let directoryEnd = eocd;
  // A zip64 archive's own record holds the true count and offset, whatever the 16- and 32-bit fields say (some
  // writers store the count modulo 65,536 there rather than 0xFFFF).
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(view, eocd - 12);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD)
      throw damaged("the zip64 directory is unreadable");
    count = u64(view, at + 32);
    offset = u64(view, at + 48);
    directoryEnd = at;
  }
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
      throw damaged("a zip directory entry is unreadable");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const dosTime = view.getUint16(p + 12, true);
    const dosDate = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength + commentLength > bytes.length)
      throw damaged("a zip directory entry runs past the end of the file");
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extra field: 64-bit values for exactly the fields saturated above, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let f = e + 4;
        const needed = 8 * [size, compressedSize, localHeaderOffset].filter((v) => v === MAX32).length;
        if (needed > length || e + 4 + length > bytes.length) throw damaged(`the zip64 sizes of ${name} are cut short`);
        if (size === MAX32) {
          size = u64(view, f);
          f += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(view, f);
          f += 8;
        }
        if (localHeaderOffset === MAX32) localHeaderOffset = u64(view, f);
      }
      e += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, size, localHeaderOffset, crc, dosTime, dosDate });
    p += 46 + nameLength + extraLength + commentLength;
  }
  // Entries left over after the count: the package would be read, and copied, in part.
  if (p < directoryEnd && view.getUint32(p, true) === CENTRAL)
    throw damaged(`the zip directory lists more parts than its count of ${count}`);
  checkPartNames(entries);
  return entries;
}

/** The entry's data as stored in the archive (still compressed), without copying it. */
export function readRawEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) {
    throw new XlsxFormatError("The .xlsx file is encrypted. Remove the password in Excel and save it again.");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged(`part ${entry.name} is unreadable`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw damaged(`part ${entry.name} is cut short`);
  return data;
}

/**
 * The largest part that is read: a bigger one could not become a JavaScript
 * string anyway (V8 stops near 512 M characters), and refusing it by its
 * stated size costs nothing, where inflating it would take gigabytes.
 */
export const MAX_PART_BYTES = 500 * 1024 * 1024;

/**
 * A large part that inflates more than 200-fold is a zip bomb, not a sheet:
 * worksheet XML written by Excel or by us deflates 5- to 20-fold (8-fold on
 * the 10,000-rep bench). Small parts may be anything (a sheet of blanks).
 */
export const MAX_RATIO = 200;
export const RATIO_CHECKED_ABOVE = 16 * 1024 * 1024;

const megabytes = (n: number) => Math.round(n / 1024 / 1024).toLocaleString("en-US");

/** The uncompressed bytes of one entry. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.size > MAX_PART_BYTES)
    throw damaged(
      `part ${entry.name} is ${megabytes(entry.size)} MB uncompressed, more than the ${MAX_PART_BYTES / 1024 / 1024} MB a workbook part can be read at`,
    );
  if (entry.size > RATIO_CHECKED_ABOVE && entry.size > MAX_RATIO * entry.compressedSize)
    throw damaged(
      `part ${entry.name} would inflate ${Math.round(entry.size / Math.max(1, entry.compressedSize)).toLocaleString("en-US")}-fold to ${megabytes(entry.size)} MB, more than the ${MAX_RATIO}-fold a workbook part can (a zip bomb)`,
    );
  const data = readRawEntry(bytes, entry);
  if (entry.method === 0) return markVerified(bytes, entry, checked(entry, data));
  if (entry.method !== 8)
    throw new XlsxFormatError(
      `The .xlsx file uses an unsupported zip compression (method ${entry.method}) for ${entry.name}.`,
    );
  let out: Uint8Array;
  try {
    out = inflateRaw(data, entry.size);
  } catch (error) {
    throw damaged(`part ${entry.name} cannot be decompressed (${(error as Error).message})`);
  }
  return markVerified(bytes, entry, checked(entry, out));
}

/** Parts of an archive already checked, by local header offset: reading a part then copying it checks it once. */
const verified = new WeakMap<Uint8Array, Set<number>>();

function markVerified(bytes: Uint8Array, entry: ZipEntry, data: Uint8Array): Uint8Array {
  let set = verified.get(bytes);
  if (!set) verified.set(bytes, (set = new Set()));
  set.add(entry.localHeaderOffset);
  return data;
}

/** The bytes, once their length and CRC-32 match what the directory says: a damaged part is never taken as data. */
function checked(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (data.length !== entry.size)
    throw damaged(`part ${entry.name} is ${data.length} bytes where its directory says ${entry.size}`);
  if (crc32(data) !== entry.crc >>> 0) throw damaged(`part ${entry.name} fails its checksum (CRC-32)`);
  return data;
}

/** Checks a part that is copied without being read: it must decompress to its stated size and checksum. */
export function verifyEntry(bytes: Uint8Array, entry: ZipEntry): void {
  if (!verified.get(bytes)?.has(entry.localHeaderOffset)) readEntry(bytes, entry);
}

/**
 * Part names as the package format allows them (ECMA-376 Part 2, §9.1.1): no
 * name that leaves the package (`../`, `/tmp/…`, `C:`, `\\`), which the copy
 * would hand on to whoever unzips the output, and no two names that differ
 * only in case — two readers could take different copies of the "same" part,
 * and the workbook be paid on figures another program does not show.
 */
function checkPartNames(entries: readonly ZipEntry[]): void {
  const seen = new Map<string, string>();
  for (const { name } of entries) {
    if (/^[/\\]|\\|^[A-Za-z]:/.test(name) || name.split("/").some((s) => s === "." || s === ".."))
      throw damaged(`it holds a part named ${JSON.stringify(name)}, which points outside the package`);
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined)
      throw damaged(
        other === name
          ? `it holds the part ${name} twice`
          : `it holds the part ${other} twice (also as ${name}: part names may not differ only in case)`,
      );
    seen.set(key, name);
  }
}

import { crc32, deflateRaw } from "./codec";
import type { DeflatedData } from "./deflating-sink";

export interface ZipFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * An entry copied from another archive as it is stored there: its compressed
 * bytes are written unchanged (no inflate, no deflate), with the CRC, sizes
 * and time stamp its directory gave.
 */
export interface CopiedZipFile {
  readonly name: string;
  readonly copied: {
    readonly method: number;
    /** General-purpose flags of the original; the data-descriptor bit is dropped (sizes go in the local header). */
    readonly flags: number;
    readonly crc: number;
    /** Uncompressed size. */
    readonly size: number;
    /** The stored (compressed) bytes. */
    readonly data: Uint8Array;
    readonly dosTime: number;
    readonly dosDate: number;
  };
}

/** An entry whose content was deflated as it was made (DeflatingSink): written as stored, with the zip's time stamp. */
export interface DeflatedZipFile {
  readonly name: string;
  readonly deflated: DeflatedData;
}

export type ZipEntryInput = ZipFile | CopiedZipFile | DeflatedZipFile;

export interface ZipOptions {
  /** Deflate level 1–9; 0 stores. */
  readonly level: number;
  /** Time stamp of every new entry (DOS time, UTC fields, 1980 or later). */
  readonly mtime: Date;
}

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, Math.min(2107, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const encoder = new TextEncoder();
const UTF8_NAMES = 0x0800;
/** Flags kept from a copied entry: the deflate option bits (1, 2). Bit 3 (data descriptor) is not needed here. */
const KEPT_FLAGS = 0x0006;

interface Prepared {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly size: number;
  /** The stored bytes, in pieces written one after the other. */
  readonly body: readonly Uint8Array[];
  readonly bodyLength: number;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
}

/**
 * A zip archive; each file is deflated unless storing is smaller. Past 65,535
 * parts (a workbook can hold that many, and every one of the user's is copied)
 * the count goes in a zip64 end record, as APPNOTE 4.4.1.4 says; every part
 * and offset stays below 4 GB (a part is at most 500 MB, see zip-reader).
 */
export function zipFiles(files: readonly ZipFile[], options: ZipOptions): Uint8Array {
  return zipEntries(files, options);
}

/** Like zipFiles, with entries copied raw from another archive mixed in, in the given order. */
export function zipEntries(files: readonly ZipEntryInput[], options: ZipOptions): Uint8Array {
  const archive = prepareZip(files, options);
  const out = new Uint8Array(archive.size);
  let p = 0;
  archive.writeTo((chunk) => {
    out.set(chunk, p);
    p += chunk.length;
  });
  return out;
}

/** An archive ready to be written: its size, and its bytes handed out in order (never whole). */
export interface PreparedZip {
  readonly size: number;
  writeTo(write: (chunk: Uint8Array) => void): void;
}

/**
 * The archive of `files`, without assembling it: new entries are deflated now
 * (their sizes must be known for the headers), copied and already deflated
 * ones are written as they are when writeTo runs. Throws before writing
 * anything when the archive would pass 4 GB.
 */
export function prepareZip(files: readonly ZipEntryInput[], options: ZipOptions): PreparedZip {
  const stamp = dosDateTime(options.mtime);
  const prepared = files.map((file): Prepared => {
    const name = encoder.encode(file.name);
    if ("copied" in file) {
      const c = file.copied;
      return {
        name,
        crc: c.crc,
        size: c.size,
        body: [c.data],
        bodyLength: c.data.length,
        method: c.method,
        flags: (c.flags & KEPT_FLAGS) | UTF8_NAMES,
        time: c.dosTime,
        date: c.dosDate,
      };
    }
    if ("deflated" in file) {
      const d = file.deflated;
      return {
        name,
        crc: d.crc,
        size: d.size,
        body: d.chunks,
        bodyLength: d.compressedSize,
        method: 8,
        flags: UTF8_NAMES,
        time: stamp.time,
        date: stamp.date,
      };
    }
    const deflated = options.level > 0 ? deflateRaw(file.data, options.level) : file.data;
    const stored = deflated.length >= file.data.length;
    const body = stored ? file.data : deflated;
    return {
      name,
      crc: crc32(file.data),
      size: file.data.length,
      body: [body],
      bodyLength: body.length,
      method: stored ? 0 : 8,
      flags: UTF8_NAMES,
      time: stamp.time,
      date: stamp.date,
    };
  });
  const localSize = prepared.reduce((sum, f) => sum + 30 + f.name.length + f.bodyLength, 0);
  const centralSize = prepared.reduce((sum, f) => sum + 46 + f.name.length, 0);
  const zip64 = prepared.length > MAX_PLAIN_ENTRIES;
  const size = localSize + centralSize + (zip64 ? ZIP64_END + ZIP64_LOCATOR : 0) + 22;
  if (size > 0xffffffff) {
    throw new RangeError("The workbook would be larger than 4 GB, more than an .xlsx file can be.");
  }
  return { size, writeTo: (write) => assemble(prepared, localSize, write) };
}

/** Entries an end-of-central-directory record can count (16 bits); more need the zip64 records. */
const MAX_PLAIN_ENTRIES = 0xffff;
const ZIP64_END = 56;
const ZIP64_LOCATOR = 20;

/** Local headers and bodies, then the central directory and end records, handed to `write` in order. */
function assemble(prepared: readonly Prepared[], localSize: number, write: (chunk: Uint8Array) => void): void {
  const offsets: number[] = [];
  let p = 0;
  for (const f of prepared) {
    offsets.push(p);
    const header = new Uint8Array(30 + f.name.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(6, f.flags, true);
    view.setUint16(8, f.method, true);
    view.setUint16(10, f.time, true);
    view.setUint16(12, f.date, true);
    view.setUint32(14, f.crc, true);
    view.setUint32(18, f.bodyLength, true);
    view.setUint32(22, f.size, true);
    view.setUint16(26, f.name.length, true);
    view.setUint16(28, 0, true);
    header.set(f.name, 30);
    write(header);
    for (const chunk of f.body) if (chunk.length > 0) write(chunk);
    p += header.length + f.bodyLength;
  }
  if (p !== localSize) throw new Error("internal: zip entries changed size while being written");

  const centralStart = p;
  const centralSize = prepared.reduce((sum, f) => sum + 46 + f.name.length, 0);
  const zip64 = prepared.length > MAX_PLAIN_ENTRIES;
  const out = new Uint8Array(centralSize + (zip64 ? ZIP64_END + ZIP64_LOCATOR : 0) + 22);
  const view = new DataView(out.buffer);
  p = 0;
  prepared.forEach((f, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true); // made by: 2.0, MS-DOS attributes
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, f.flags, true);
    view.setUint16(p + 10, f.method, true);
    view.setUint16(p + 12, f.time, true);
    view.setUint16(p + 14, f.date, true);
    view.setUint32(p + 16, f.crc, true);
    view.setUint32(p + 20, f.bodyLength, true);
    view.setUint32(p + 24, f.size, true);
    view.setUint16(p + 28, f.name.length, true);
    // extra, comment, disk, internal and external attributes: 0
    view.setUint32(p + 42, offsets[i], true);
    out.set(f.name, p + 46);
    p += 46 + f.name.length;
  });
  const centralBytes = p;
  if (zip64) {
    const end64 = centralStart + p;
    view.setUint32(p, 0x06064b50, true);
    view.setBigUint64(p + 4, BigInt(ZIP64_END - 12), true); // size of the rest of this record
    view.setUint16(p + 12, 45, true); // made by: 4.5 (zip64)
    view.setUint16(p + 14, 45, true); // needed: 4.5
    // this disk and the directory's disk: 0
    view.setBigUint64(p + 24, BigInt(prepared.length), true);
    view.setBigUint64(p + 32, BigInt(prepared.length), true);
    view.setBigUint64(p + 40, BigInt(centralBytes), true);
    view.setBigUint64(p + 48, BigInt(centralStart), true);
    p += ZIP64_END;
    view.setUint32(p, 0x07064b50, true);
    view.setBigUint64(p + 8, BigInt(end64), true);
    view.setUint32(p + 16, 1, true); // disks in all
    p += ZIP64_LOCATOR;
  }
  view.setUint32(p, 0x06054b50, true);
  const count = Math.min(prepared.length, MAX_PLAIN_ENTRIES);
  view.setUint16(p + 8, count, true);
  view.setUint16(p + 10, count, true);
  view.setUint32(p + 12, centralBytes, true);
  view.setUint32(p + 16, centralStart, true);
  write(out);
}

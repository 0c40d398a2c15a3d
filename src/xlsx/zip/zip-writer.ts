import { crc32, deflateRaw } from "./codec";

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
  readonly body: Uint8Array;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
}

/**
 * A plain zip archive (no zip64: an .xlsx we write stays far below 4 GB and
 * 65,535 parts). Each file is deflated unless storing is smaller.
 */
export function zipFiles(files: readonly ZipFile[], options: ZipOptions): Uint8Array {
  return zipEntries(files, options);
}

/** Like zipFiles, with entries copied raw from another archive mixed in, in the given order. */
export function zipEntries(files: readonly (ZipFile | CopiedZipFile)[], options: ZipOptions): Uint8Array {
  const stamp = dosDateTime(options.mtime);
  return assemble(
    files.map((file): Prepared => {
      const name = encoder.encode(file.name);
      if ("copied" in file) {
        const c = file.copied;
        return {
          name,
          crc: c.crc,
          size: c.size,
          body: c.data,
          method: c.method,
          flags: (c.flags & KEPT_FLAGS) | UTF8_NAMES,
          time: c.dosTime,
          date: c.dosDate,
        };
      }
      const deflated = options.level > 0 ? deflateRaw(file.data, options.level) : file.data;
      const stored = deflated.length >= file.data.length;
      return {
        name,
        crc: crc32(file.data),
        size: file.data.length,
        body: stored ? file.data : deflated,
        method: stored ? 0 : 8,
        flags: UTF8_NAMES,
        time: stamp.time,
        date: stamp.date,
      };
    }),
  );
}

function assemble(prepared: readonly Prepared[]): Uint8Array {
  const localSize = prepared.reduce((sum, f) => sum + 30 + f.name.length + f.body.length, 0);
  const centralSize = prepared.reduce((sum, f) => sum + 46 + f.name.length, 0);
  if (localSize + centralSize + 22 > 0xffffffff || prepared.length > 0xffff) {
    throw new RangeError("The workbook is too large for a zip archive without zip64 (over 4 GB or 65,535 parts).");
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const f of prepared) {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(p + 6, f.flags, true);
    view.setUint16(p + 8, f.method, true);
    view.setUint16(p + 10, f.time, true);
    view.setUint16(p + 12, f.date, true);
    view.setUint32(p + 14, f.crc, true);
    view.setUint32(p + 18, f.body.length, true);
    view.setUint32(p + 22, f.size, true);
    view.setUint16(p + 26, f.name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(f.name, p + 30);
    out.set(f.body, p + 30 + f.name.length);
    p += 30 + f.name.length + f.body.length;
  }
  const centralStart = p;
  prepared.forEach((f, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true); // made by: 2.0, MS-DOS attributes
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, f.flags, true);
    view.setUint16(p + 10, f.method, true);
    view.setUint16(p + 12, f.time, true);
    view.setUint16(p + 14, f.date, true);
    view.setUint32(p + 16, f.crc, true);
    view.setUint32(p + 20, f.body.length, true);
    view.setUint32(p + 24, f.size, true);
    view.setUint16(p + 28, f.name.length, true);
    // extra, comment, disk, internal and external attributes: 0
    view.setUint32(p + 42, offsets[i], true);
    out.set(f.name, p + 46);
    p += 46 + f.name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, prepared.length, true);
  view.setUint16(p + 10, prepared.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}

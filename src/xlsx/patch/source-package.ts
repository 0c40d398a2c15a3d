import { XlsxFormatError } from "../errors";
import { readCentralDirectory, readEntry, readRawEntry, verifyEntry, type ZipEntry } from "../zip/zip-reader";
import type { CopiedZipFile } from "../zip/zip-writer";

const utf8 = new TextDecoder("utf-8");

/**
 * The user's package as we found it: its entries in archive order, by
 * case-insensitive part name (OPC part names ignore case). Parts are
 * inflated only when we read them; the rest are copied as stored.
 */
export class SourcePackage {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new XlsxFormatError("Not an .xlsx file: expected a zip package (an Excel Workbook saved as .xlsx).");
    }
    // Folder entries ("xl/") some zip tools write are kept too: copied like any part.
    this.entries = readCentralDirectory(bytes);
    for (const entry of this.entries) this.byName.set(partKey(entry.name), entry);
  }

  has(part: string): boolean {
    return this.byName.has(partKey(part));
  }

  /** The entry's own spelling of a part name (the zip may use other letter case than a relationship). */
  entry(part: string): ZipEntry | undefined {
    return this.byName.get(partKey(part));
  }

  /** Lower-cased names of every part, for picking new names that cannot collide. */
  partKeys(): Set<string> {
    return new Set(this.byName.keys());
  }

  /** The part as text (UTF-8, or UTF-16 with a byte-order mark); null when absent. */
  text(part: string): string | null {
    const entry = this.entry(part);
    if (!entry) return null;
    const data = readEntry(this.bytes, entry);
    if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
    if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
    return utf8.decode(data);
  }

  /**
   * The entry as stored, for a byte-for-byte copy into the output, once it is
   * checked: a part that does not decompress to its stated size and CRC-32 is
   * refused, never copied on as if whole.
   */
  copy(entry: ZipEntry): CopiedZipFile {
    verifyEntry(this.bytes, entry);
    return {
      name: entry.name,
      copied: {
        method: entry.method,
        flags: entry.flags,
        crc: entry.crc,
        size: entry.size,
        data: readRawEntry(this.bytes, entry),
        dosTime: entry.dosTime,
        dosDate: entry.dosDate,
      },
    };
  }
}

/** "/XL/Workbook.xml" and "xl/workbook.xml" are one part. */
export function partKey(part: string): string {
  return part.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

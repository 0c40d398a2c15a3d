import { XlsxFormatError } from "../errors";
import { readCentralDirectory, readEntry, type ZipEntry } from "../zip/zip-reader";

/**
 * An .xlsx is a zip of XML parts. Parts are inflated on demand, so images,
 * pivot caches and other parts we never read cost nothing. Part names are
 * matched case-insensitively, as OPC requires.
 */
export class ZipPackage {
  /** Lower-cased part name (no leading slash) -> its zip entry. */
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    rejectNonZip(bytes);
    for (const entry of readCentralDirectory(bytes)) this.entries.set(normalise(entry.name), entry);
  }

  has(part: string): boolean {
    return this.entries.has(normalise(part));
  }

  /** Decoded text of the given parts; parts that do not exist are absent from the result. */
  readTexts(parts: readonly string[]): Map<string, string> {
    const result = new Map<string, string>();
    for (const part of parts) {
      const entry = this.entries.get(normalise(part));
      if (entry !== undefined && !result.has(part)) result.set(part, decodeXmlBytes(readEntry(this.bytes, entry)));
    }
    return result;
  }

  readText(part: string): string | null {
    return this.readTexts([part]).get(part) ?? null;
  }
}

function normalise(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

const utf8 = new TextDecoder("utf-8");

/** XML parts are UTF-8 in practice; UTF-16 is allowed and recognised by its byte-order mark. */
function decodeXmlBytes(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  return utf8.decode(data);
}

/** Tells the user what the bytes look like when they are not a zip at all. */
function rejectNonZip(bytes: Uint8Array): void {
  const b = bytes;
  if (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    (b[2] === 0x03 || b[2] === 0x05) &&
    (b[3] === 0x04 || b[3] === 0x06)
  ) {
    return;
  }
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new XlsxFormatError(
      "Not an .xlsx file: this is an Excel 97-2003 workbook (.xls) or a password-protected workbook. " +
        "Open it in Excel, remove the password if any, and save it as Excel Workbook (.xlsx).",
    );
  }
  if (b.length === 0) throw new XlsxFormatError("Not an .xlsx file: the file is empty.");
  const head = new TextDecoder("utf-8").decode(b.subarray(0, 64)).trimStart().toLowerCase();
  if (head.startsWith("<")) {
    throw new XlsxFormatError(
      "Not an .xlsx file: this is an XML or HTML document. Save it from Excel as Excel Workbook (.xlsx).",
    );
  }
  throw new XlsxFormatError(
    "Not an .xlsx file: expected a zip package (an Excel Workbook saved as .xlsx). CSV and other text files are not read.",
  );
}

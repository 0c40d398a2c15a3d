import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from "fflate";
import { XlsxFormatError } from "../errors";
import { crc32, deflateRaw, fallbacksForTest, inflateRaw, usingNativeZlib } from "./codec";
import { readCentralDirectory, readEntry, readRawEntry, verifyEntry } from "./zip-reader";
import { zipEntries, zipFiles } from "./zip-writer";

describe("zip archives", () => {
  const text = "<sheetData>" + "<row><c><v>1</v></c></row>".repeat(2000) + "</sheetData>";

  it("writes archives that an independent reader (fflate) unzips", () => {
    const bytes = zipFiles(
      [
        { name: "[Content_Types].xml", data: strToU8("<Types/>") },
        { name: "xl/worksheets/sheet1.xml", data: strToU8(text) },
        { name: "empty.xml", data: new Uint8Array() },
      ],
      { level: 1, mtime: new Date(Date.UTC(2026, 0, 2, 3, 4, 6)) },
    );
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "empty.xml"]);
    expect(strFromU8(files["xl/worksheets/sheet1.xml"])).toBe(text);
    expect(files["empty.xml"]).toHaveLength(0);
    // Repetitive XML compresses: far below its 56 KB.
    expect(bytes.length).toBeLessThan(2000);
  });

  it("writes a zip64 end record past 65,535 parts: an independent reader and ours see all 70,000", () => {
    const files = Array.from({ length: 70_000 }, (_, i) => ({ name: `p/${i}.xml`, data: strToU8(`<a>${i}</a>`) }));
    const bytes = zipFiles(files, { level: 1, mtime: new Date(Date.UTC(2026, 0, 1)) });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = bytes.length - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    // The 16-bit counts are saturated; the zip64 record, found through its locator, holds 70,000.
    expect(view.getUint16(eocd + 10, true)).toBe(0xffff);
    expect(view.getUint32(eocd - 20, true)).toBe(0x07064b50);
    const end64 = Number(view.getBigUint64(eocd - 12, true));
    expect(view.getUint32(end64, true)).toBe(0x06064b50);
    expect(Number(view.getBigUint64(end64 + 32, true))).toBe(70_000);
    const unzipped = unzipSync(bytes);
    expect(Object.keys(unzipped)).toHaveLength(70_000);
    expect(strFromU8(unzipped["p/69999.xml"])).toBe("<a>69999</a>");
    const entries = readCentralDirectory(bytes);
    expect(entries).toHaveLength(70_000);
    expect(strFromU8(readEntry(bytes, entries[65_536]))).toBe("<a>65536</a>");
  });

  it("reads archives written by fflate, deflated and stored", () => {
    const bytes = zipSync({ "a.xml": [strToU8(text), { level: 6 }], "dir/b.xml": [strToU8("stored"), { level: 0 }] });
    const entries = readCentralDirectory(bytes);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ["a.xml", 8, text.length],
      ["dir/b.xml", 0, 6],
    ]);
    expect(strFromU8(readEntry(bytes, entries[0]))).toBe(text);
    expect(strFromU8(readEntry(bytes, entries[1]))).toBe("stored");
  });

  it("refuses a part whose data does not match its CRC-32, read or copied, instead of passing it on", () => {
    const bytes = zipSync({ "a.xml": [strToU8(text), { level: 6 }], "b.xml": [strToU8("stored"), { level: 0 }] });
    const entries = readCentralDirectory(bytes);
    // Flip one bit of the stored part's data: its CRC no longer matches.
    const bad = bytes.slice();
    const at = bad.indexOf(strToU8("stored")[0], entries[1].localHeaderOffset + 30 + "b.xml".length);
    bad[at] ^= 1;
    expect(() => readEntry(bad, readCentralDirectory(bad)[1])).toThrow(
      "The .xlsx file is damaged: part b.xml fails its checksum (CRC-32).",
    );
    expect(() => verifyEntry(bad, readCentralDirectory(bad)[1])).toThrow(/fails its checksum/);
    expect(() => verifyEntry(bytes, entries[1])).not.toThrow();
  });

  it("refuses a directory that lists more parts than its count says (a zip64 count read as 16 bits)", () => {
    const bytes = zipSync({ "a.xml": strToU8("a"), "b.xml": strToU8("b"), "c.xml": strToU8("c") });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = bytes.length - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    const bad = bytes.slice();
    const badView = new DataView(bad.buffer);
    badView.setUint16(eocd + 8, 2, true);
    badView.setUint16(eocd + 10, 2, true);
    expect(() => readCentralDirectory(bad)).toThrow(
      "The .xlsx file is damaged: the zip directory lists more parts than its count of 2.",
    );
    expect(readCentralDirectory(bytes)).toHaveLength(3);
  });

  it("stops a zip bomb: a part larger than its stated size, or stating more than 500 MB, is refused", () => {
    // 64 MB of zeros deflates to about 64 KB.
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(200_000);
    const setSize = (bytes: Uint8Array, size: number) => {
      const out = bytes.slice();
      const view = new DataView(out.buffer);
      for (let p = out.length - 22; p >= 0; p--)
        if (view.getUint32(p, true) === 0x02014b50) {
          view.setUint32(p + 24, size, true);
          break;
        }
      return out;
    };
    // The directory understates it (1 KB): inflating stops one byte past that, long before 64 MB.
    const lying = setSize(bomb, 1024);
    expect(() => readEntry(lying, readCentralDirectory(lying)[0])).toThrow(
      /^The \.xlsx file is damaged: part xl\/worksheets\/sheet1\.xml cannot be decompressed/,
    );
    // The directory states 600 MB: refused by its size, without inflating anything.
    const huge = setSize(bomb, 600 * 1024 * 1024);
    expect(() => readEntry(huge, readCentralDirectory(huge)[0])).toThrow(
      "The .xlsx file is damaged: part xl/worksheets/sheet1.xml is 600 MB uncompressed, more than the 500 MB a workbook part can be read at.",
    );
    // Stated truthfully, 64 MB from 64 KB (about 1,000-fold) is refused by its ratio, without inflating.
    expect(() => readEntry(bomb, readCentralDirectory(bomb)[0])).toThrow(
      /^The \.xlsx file is damaged: part xl\/worksheets\/sheet1\.xml would inflate [\d,]+-fold to 64 MB, more than the 200-fold a workbook part can \(a zip bomb\)\.$/,
    );
    // Below 16 MB any ratio is read: a small sheet of blanks is not a bomb.
    const blanks = zipSync({ "a.xml": [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    expect(readEntry(blanks, readCentralDirectory(blanks)[0])).toHaveLength(8 * 1024 * 1024);
  });

  it("reads a large sheet that deflates like a real one (under 200-fold) in full", () => {
    const rows: string[] = [];
    for (let i = 1; rows.length < 400_000; i++)
      rows.push(`<row r="${i}"><c r="A${i}"><v>${(i * 7919) % 100_003}</v></c></row>`);
    const xml = strToU8(rows.join(""));
    expect(xml.length).toBeGreaterThan(16 * 1024 * 1024);
    const bytes = zipSync({ "s.xml": [xml, { level: 6 }] });
    expect(xml.length / bytes.length).toBeLessThan(200);
    expect(readEntry(bytes, readCentralDirectory(bytes)[0])).toHaveLength(xml.length);
  });

  it("reads a directory with any byte changed as entries, or refuses it as damaged: never another error", () => {
    const bytes = zipFiles(
      [
        { name: "a.xml", data: strToU8(text) },
        { name: "b.xml", data: strToU8("<b/>") },
      ],
      { level: 1, mtime: new Date(Date.UTC(2026, 0, 1)) },
    );
    const directory = readCentralDirectory(bytes).length;
    expect(directory).toBe(2);
    // The central directory and end record are the last 22 + 2 × (46 + 5) bytes.
    const tail = 22 + 2 * 51;
    fc.assert(
      fc.property(fc.nat({ max: tail - 1 }), fc.integer({ min: 1, max: 255 }), (back, xor) => {
        const damaged = bytes.slice();
        damaged[damaged.length - 1 - back] ^= xor;
        try {
          for (const entry of readCentralDirectory(damaged)) readEntry(damaged, entry);
        } catch (error) {
          expect(error).toBeInstanceOf(XlsxFormatError);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("uses Node's native zlib under Node (the speed targets depend on it)", () => {
    expect(usingNativeZlib).toBe(true);
  });

  it("computes CRC-32 as zip defines it, natively and in the fallback", () => {
    // The standard check value: CRC-32 of "123456789" is 0xCBF43926.
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(fallbacksForTest.crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(fallbacksForTest.crc32(strToU8(text))).toBe(crc32(strToU8(text)));
  });

  it("inflates what the other codec deflated (native zlib and the fflate fallback agree on raw deflate)", () => {
    const data = strToU8(text);
    expect(strFromU8(fallbacksForTest.inflateRaw(deflateRaw(data, 1), data.length))).toBe(text);
    expect(strFromU8(inflateRaw(fallbacksForTest.deflateRaw(data), data.length))).toBe(text);
  });
});

describe("copying entries raw", () => {
  const text = "<sheetData>" + "<row><c><v>2</v></c></row>".repeat(500) + "</sheetData>";

  /** fflate's streaming writer puts sizes and CRC in a data descriptor after the data (flag bit 3). */
  function streamedZip(): Uint8Array {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
    zip.add(sheet);
    sheet.push(strToU8(text), true);
    const stored = new ZipPassThrough("docProps/app.xml");
    zip.add(stored);
    stored.push(strToU8("<Properties/>"), true);
    zip.end();
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let p = 0;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }

  it("copies stored bytes unchanged beside new files, and drops the data descriptor flag", () => {
    const source = streamedZip();
    const entries = readCentralDirectory(source);
    expect(entries.every((e) => (e.flags & 8) === 8)).toBe(true);
    const copied = entries.map((e) => ({
      name: e.name,
      copied: {
        method: e.method,
        flags: e.flags,
        crc: e.crc,
        size: e.size,
        data: readRawEntry(source, e),
        dosTime: e.dosTime,
        dosDate: e.dosDate,
      },
    }));
    const bytes = zipEntries([...copied, { name: "new.xml", data: strToU8("<new/>") }], {
      level: 1,
      mtime: new Date(Date.UTC(2026, 0, 1)),
    });
    const files = unzipSync(bytes);
    expect(strFromU8(files["xl/worksheets/sheet1.xml"])).toBe(text);
    expect(strFromU8(files["docProps/app.xml"])).toBe("<Properties/>");
    expect(strFromU8(files["new.xml"])).toBe("<new/>");
    const out = readCentralDirectory(bytes);
    expect(out.map((e) => e.flags & 8)).toEqual([0, 0, 0]);
    // The compressed data is the source's, byte for byte, with its CRC and time stamp.
    expect(Buffer.from(readRawEntry(bytes, out[0])).equals(Buffer.from(readRawEntry(source, entries[0])))).toBe(true);
    expect([out[0].crc, out[0].dosTime, out[0].dosDate]).toEqual([
      entries[0].crc,
      entries[0].dosTime,
      entries[0].dosDate,
    ]);
  });
});

describe("part names", () => {
  const zip = (names: string[]) => {
    // fflate keys are unique: a second copy of a name is added by renaming a same-length placeholder in place.
    const files: Record<string, Uint8Array> = {};
    names.forEach(
      (n, i) => (files[n.length === 0 ? "x" : `${String(i).padStart(n.length, "#")}`] = strToU8(`part ${i}`)),
    );
    const bytes = zipSync(files);
    names.forEach((n, i) => {
      const placeholder = strToU8(String(i).padStart(n.length, "#"));
      const replacement = strToU8(n);
      for (let at = 0; at + placeholder.length <= bytes.length; at++)
        if (placeholder.every((b, k) => bytes[at + k] === b)) bytes.set(replacement, at);
    });
    return bytes;
  };

  it("refuses two parts whose names differ only in case, or are the same", () => {
    expect(() => readCentralDirectory(zip(["xl/worksheets/sheet2.xml", "XL/Worksheets/Sheet2.xml"]))).toThrow(
      "The .xlsx file is damaged: it holds the part xl/worksheets/sheet2.xml twice (also as XL/Worksheets/Sheet2.xml: part names may not differ only in case).",
    );
    expect(() => readCentralDirectory(zip(["xl/worksheets/sheet2.xml", "xl/worksheets/sheet2.xml"]))).toThrow(
      "The .xlsx file is damaged: it holds the part xl/worksheets/sheet2.xml twice.",
    );
  });

  it.each(["../../tmp/pwned.txt", "/tmp/pwned_abs.txt", "xl/../../evil.xml", "C:/evil.xml", "xl\\evil.xml"])(
    "refuses a part named %s, which points outside the package",
    (name) => {
      expect(() => readCentralDirectory(zip(["[Content_Types].xml", name]))).toThrow(
        `The .xlsx file is damaged: it holds a part named ${JSON.stringify(name)}, which points outside the package.`,
      );
    },
  );

  it("reads ordinary names", () => {
    expect(
      readCentralDirectory(zip(["[Content_Types].xml", "xl/workbook.xml", "docProps/app.xml"])).map((e) => e.name),
    ).toEqual(["[Content_Types].xml", "xl/workbook.xml", "docProps/app.xml"]);
  });
});

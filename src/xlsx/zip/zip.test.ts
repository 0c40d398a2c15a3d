import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { crc32, deflateRaw, fallbacksForTest, inflateRaw, usingNativeZlib } from "./codec";
import { readCentralDirectory, readEntry } from "./zip-reader";
import { zipFiles } from "./zip-writer";

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

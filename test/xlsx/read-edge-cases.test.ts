import { readXlsx, XlsxFormatError } from "../../src/xlsx/read";
import { findElements } from "../../src/xlsx/reader/xml-elements";
import { fixturePackage, worksheet } from "./package-fixture";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const SST_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe("readXlsx edge cases of the format", () => {
  it("places cells and rows that have no reference after the previous ones", () => {
    const xml = worksheet(
      '<row r="2"><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>' +
        "<row><c><v>7</v></c></row>", // no r: row 3
    );
    const [sheet] = readXlsx(fixturePackage({ sheets: [{ name: "S", xml }] }));
    expect(sheet.headerRow).toBe(2);
    expect(sheet.firstColumn).toBe(1);
    expect(sheet.headers).toEqual(["1", "2", "", "", "5", "6"]);
    expect(sheet.rows).toEqual([[7, null, null, null, null, null]]);
  });

  it("reads worksheets whose elements carry a namespace prefix", () => {
    const xml = worksheet(
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>RepID</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>42</x:v></x:c></x:row>',
      "x",
    );
    const [sheet] = readXlsx(fixturePackage({ sheets: [{ name: "S", xml }] }));
    expect(sheet.headers).toEqual(["RepID"]);
    expect(sheet.rows).toEqual([[42]]);
  });

  it("decodes shared strings: entities, numeric references, _xHHHH_ escapes, rich runs, and skips phonetic runs", () => {
    const sharedStrings =
      `<sst ${SST_NS} count="5" uniqueCount="5">` +
      "<si><t>A &amp; B &lt;C&gt; &quot;q&quot; &apos;s&apos;</t></si>" +
      '<si><t xml:space="preserve">  line1&#10;line2&#x21;  </t></si>' +
      "<si><t>a_x000D_b_x005F_x000D_</t></si>" +
      '<si><r><rPr><b/></rPr><t>Dana</t></r><r><t xml:space="preserve"> Director</t></r></si>' +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      "</sst>";
    const cells = [0, 1, 2, 3, 4].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("");
    const [sheet] = readXlsx(
      fixturePackage({ sheets: [{ name: "S", xml: worksheet(`<row r="1">${cells}</row>`) }], sharedStrings }),
    );
    expect(sheet.headers).toEqual([`A & B <C> "q" 's'`, "  line1\nline2!  ", "a\rb_x000D_", "Dana Director", "東京"]);
  });

  it("reads every cell type: number forms, str formulas, booleans, errors, inline strings, ISO dates", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1.5E-3</v></c></row>' +
        '<row r="3"><c r="A3"><f>B1*2</f><v>-0.25</v></c></row>' +
        '<row r="4"><c r="A4" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c></row>' +
        '<row r="5"><c r="A5" t="b"><v>1</v></c></row>' +
        '<row r="6"><c r="A6" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
        '<row r="7"><c r="A7" t="d"><v>2026-01-01T12:00:00</v></c></row>' +
        '<row r="8"><c r="A8" t="n"><v>12345678901234567890</v></c></row>' +
        '<row r="9"><c r="A9" t="inlineStr"><is><r><t>x</t></r><r><t>y</t></r></is></c></row>' +
        '<row r="10"><c r="A10" s="0"/><c r="B10" t="str"><f>""</f><v></v></c></row>' +
        '<row r="11"><c r="A11"><v>0.1</v></c></row>',
    );
    const [sheet] = readXlsx(fixturePackage({ sheets: [{ name: "S", xml }] }));
    expect(sheet.rows.map((r) => r[0])).toEqual([
      0.0015,
      -0.25,
      "a&b",
      true,
      "#DIV/0!",
      46023.5, // 2026-01-01 is serial 46023, noon adds half a day
      12345678901234567000, // more than 15 digits: parsed by Number()
      "xy",
      null,
      0.1,
    ]);
  });

  it("maps style indexes to format codes from <cellXfs> only, with built-in and custom formats", () => {
    const styles =
      `<styleSheet ${SST_NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0.00"/></numFmts>` +
      '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>';
    const cells = [0, 1, 2, 3, 4].map((s) => `<c r="${String.fromCharCode(65 + s)}2" s="${s}"><v>1</v></c>`).join("");
    const xml = worksheet(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="E1" t="inlineStr"><is><t>e</t></is></c></row><row r="2">${cells}</row>`,
    );
    const [sheet] = readXlsx(fixturePackage({ sheets: [{ name: "S", xml }], styles }));
    expect(sheet.numberFormats?.[0]).toEqual([null, "0%", "mm-dd-yy", '"$"#,##0.00', "@"]);
  });

  it("adds 1462 days only to date-formatted numbers in a 1904 workbook", () => {
    const styles = `<styleSheet ${SST_NS}><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="20"/></cellXfs></styleSheet>`;
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c><c r="C1" t="inlineStr"><is><t>t</t></is></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>44561</v></c><c r="B2"><v>44561</v></c><c r="C2" s="2"><v>0.5</v></c></row>',
    );
    const [sheet] = readXlsx(fixturePackage({ sheets: [{ name: "S", xml }], styles, date1904: true }));
    // Date: 44561 + 1462 = 46023. Plain number and a time of day (h:mm) are left alone.
    expect(sheet.rows).toEqual([[46023, 44561, 0.5]]);
  });

  it("reads tables: headerless, totals row, ref beyond the data, absolute relationship targets", () => {
    const table = (id: number, name: string, ref: string, extra: string, columns: string[]) =>
      `<table ${SST_NS} id="${id}" name="${name}_internal" displayName="${name}" ref="${ref}"${extra}>` +
      `<tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${c}"/>`).join("")}</tableColumns></table>`;
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Plan</t></is></c><c r="B1" t="inlineStr"><is><t>Rate</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>AE</t></is></c><c r="B2"><v>1</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Total</t></is></c><c r="B3"><v>1</v></c></row>' +
        '<row r="6"><c r="D6"><v>1</v></c><c r="E6"><v>0.25</v></c></row>' +
        '<row r="7"><c r="D7"><v>2</v></c><c r="E7"><v>0.5</v></c></row>',
    );
    const tables = readXlsx(
      fixturePackage({
        absoluteTargets: true,
        sheets: [
          {
            name: "S",
            xml,
            tables: [
              table(1, "Plans", "A1:B3", ' totalsRowCount="1"', ["Plan", "Rate"]),
              table(2, "Ramps", "D6:E1048576", ' headerRowCount="0"', ["Month", "Quota_x000a_Pct"]),
            ],
          },
        ],
      }),
    );
    const plans = tables.find((t) => t.name === "Plans");
    expect(plans?.rows).toEqual([["AE", 1]]);
    const ramps = tables.find((t) => t.name === "Ramps");
    expect(ramps?.headers).toEqual(["Month", "Quota\nPct"]);
    expect(ramps?.headerRow).toBe(5);
    expect(ramps?.firstColumn).toBe(4);
    expect(ramps?.rows).toEqual([
      [1, 0.25],
      [2, 0.5],
    ]);
  });
});

describe("readXlsx tables and sheet-tables over the same cells", () => {
  it("keeps each one's width when a sheet is wider than its table", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>RepID</t></is></c><c r="B1" t="inlineStr"><is><t>Base</t></is></c>' +
        '<c r="D1" t="inlineStr"><is><t>Note</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="B2"><v>100</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>E2</t></is></c></row>',
    );
    const reps = `<table ${SST_NS} id="1" name="Reps" displayName="Reps" ref="A1:B3"><tableColumns count="2"><tableColumn id="1" name="RepID"/><tableColumn id="2" name="Base"/></tableColumns></table>`;
    const [table, sheet] = readXlsx(fixturePackage({ sheets: [{ name: "S", xml, tables: [reps] }] }));
    expect(table.rows).toEqual([
      ["E1", 100],
      ["E2", null],
    ]);
    expect(sheet.headers).toEqual(["RepID", "Base", "", "Note"]);
    expect(sheet.rows).toEqual([
      ["E1", 100, null, null],
      ["E2", null, null, null],
    ]);
    expect(table.numberFormats).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});

describe("readXlsx on files that are not .xlsx", () => {
  const message = (bytes: Uint8Array): string => {
    try {
      readXlsx(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(XlsxFormatError);
      return (error as Error).message;
    }
    throw new Error("readXlsx accepted the bytes");
  };

  it("says what the bytes look like instead", () => {
    expect(message(new Uint8Array())).toMatch(/empty/);
    expect(message(strToU8("RepID,Name\nE1,Dana\n"))).toMatch(/expected a zip package/);
    expect(message(strToU8("<html><body>x</body></html>"))).toMatch(/XML or HTML/);
    expect(message(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/\.xls\b.*password/);
    expect(message(zipSync({ "word/document.xml": strToU8("<w/>") }))).toMatch(/Word or PowerPoint/);
    expect(message(zipSync({ "xl/workbook.bin": new Uint8Array([1]) }))).toMatch(/\.xlsb/);
    expect(message(zipSync({ "notes.txt": strToU8("hi") }))).toMatch(/no Excel workbook part/);
  });

  it("refuses a sheet that is a zip bomb (a 47 MB sheet from under 400 KB) by its ratio, before inflating it", () => {
    const rows = '<row><c t="inlineStr"><is><t>a</t></is></c></row>'.repeat(1_000_000);
    const bytes = fixturePackage({ sheets: [{ name: "S", xml: worksheet(rows) }] });
    expect(bytes.length).toBeLessThan(400_000);
    expect(message(bytes)).toMatch(
      /^The \.xlsx file is damaged: part xl\/worksheets\/sheet1\.xml would inflate [\d,]+-fold to 47 MB, more than the 200-fold a workbook part can \(a zip bomb\)\.$/,
    );
  });

  it("reads past 100,000 unclosed tags in workbook.xml (they hung the reader for minutes): the sheets are still found", () => {
    const parts = unzipSync(
      fixturePackage({ sheets: [{ name: "S", xml: worksheet('<row r="1"><c r="A1"><v>7</v></c></row>') }] }),
    );
    const workbookXml = strFromU8(parts["xl/workbook.xml"]);
    parts["xl/workbook.xml"] = strToU8(workbookXml.replace("<sheets>", "<x>".repeat(100_000) + "<sheets>"));
    const [sheet] = readXlsx(zipSync(parts));
    expect(sheet.rows).toEqual([]);
    expect(sheet.headers).toEqual(["7"]);
  });

  it("refuses a cell beyond Excel's grid before allocating for it", () => {
    const beyond = (rows: string) => message(fixturePackage({ sheets: [{ name: "S", xml: worksheet(rows) }] }));
    // A column past XFD (ZZZZZ is column 12,356,630) and rows past 1,048,576 (a cell's own or its row's reference).
    expect(beyond('<row r="1"><c r="ZZZZZ1"><v>1</v></c></row>')).toBe(
      "The .xlsx file is damaged: a sheet has a cell at ZZZZZ1, beyond Excel's 1,048,576 rows and 16,384 columns (XFD).",
    );
    expect(beyond('<row r="1"><c r="A20000000"><v>1</v></c></row>')).toMatch(/a cell at A20000000, beyond Excel's/);
    expect(beyond('<row r="4000000000"><c><v>1</v></c></row>')).toMatch(/beyond Excel's 1,048,576 rows/);
    // The last cell of the grid is fine.
    const [sheet] = readXlsx(
      fixturePackage({
        sheets: [{ name: "S", xml: worksheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') }],
      }),
    );
    expect(sheet.headerRow).toBe(1_048_576);
  });

  it("refuses a cell with more text than Excel holds (32,767 characters), so it never reaches 35 result cells", () => {
    const long = "x".repeat(32_768);
    const xml = worksheet(`<row r="1"><c r="B1" t="inlineStr"><is><t>${long}</t></is></c></row>`);
    expect(message(fixturePackage({ sheets: [{ name: "S", xml }] }))).toBe(
      "The .xlsx file is damaged: the cell in row 1, column 2 holds 32,768 characters, more than Excel's 32,767.",
    );
    const fits = worksheet(`<row r="1"><c r="B1" t="inlineStr"><is><t>${long.slice(1)}</t></is></c></row>`);
    expect(readXlsx(fixturePackage({ sheets: [{ name: "S", xml: fits }] }))[0].headers).toEqual([long.slice(1)]);
  });

  it("reports a truncated file as damaged", () => {
    const good = fixturePackage({ sheets: [{ name: "S", xml: worksheet("") }] });
    expect(message(good.subarray(0, good.length - 30))).toMatch(/damaged/);
  });
});

describe("findElements on hostile markup", () => {
  it("stays linear on start tags that never close: 200,000 of them after the real ones find the real ones alone", () => {
    // Each unclosed "<sheet " used to be scanned to the end of the part (quadratic: 40,000 took 25 s, this hours).
    const xml =
      '<workbook><sheets><sheet name="A" r:id="rId1"/><sheet name="B&gt;" r:id="rId2"/></sheets></workbook><!-- ' +
      "<sheet ".repeat(200_000);
    expect(findElements(xml, "sheet").map((e) => e.attrs.name)).toEqual(["A", "B>"]);
  });

  it("still reads a '>' inside a quoted attribute value", () => {
    expect(findElements("<a><sheet name=\"x > y\" id='1'/></a>", "sheet").map((e) => e.attrs)).toEqual([
      { name: "x > y", id: "1" },
    ]);
  });
});

describe("numeric cells", () => {
  it("take decimal numbers with an exponent; 0x10, 0b1 or Infinity stay text for the table to refuse", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>H</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1.5E+3</v></c></row><row r="3"><c r="A3"><v>-.25</v></c></row>' +
        '<row r="4"><c r="A4"><v>0x10</v></c></row><row r="5"><c r="A5"><v>0b1</v></c></row>' +
        '<row r="6"><c r="A6"><v>Infinity</v></c></row>',
    );
    const [sheet] = readXlsx(fixturePackage({ sheets: [{ name: "S", xml }] }));
    expect(sheet.rows).toEqual([[1500], [-0.25], ["0x10"], ["0b1"], ["Infinity"]]);
  });
});

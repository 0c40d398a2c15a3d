import { csvField, csvLines } from "./csv";
import type { SheetSpec } from "./types";

describe("a result table as CSV", () => {
  it("writes each kind of value as the sheet holds it", () => {
    expect(csvField(1234567.891, "money")).toBe("1234567.891");
    expect(csvField(0.948, "percent")).toBe("0.948");
    expect(csvField(-0.5, "multiple")).toBe("-0.5");
    expect(csvField(null, "money")).toBe("");
    expect(csvField(true, "boolean")).toBe("TRUE");
    // Excel serial 46023 is 2026-01-01 (1900 system: 1899-12-30 + 46,023 days).
    expect(csvField(46023, "date")).toBe("2026-01-01");
    // RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
    expect(csvField('Smith, "Jo"', "text")).toBe('"Smith, ""Jo"""');
    expect(csvField("two\nlines", "text")).toBe('"two\nlines"');
    expect(csvField(" padded ", "text")).toBe('" padded "');
  });

  it("keeps text a spreadsheet would run as a formula as text (CSV injection)", () => {
    expect(csvField('=HYPERLINK("http://x","pay")', "text")).toBe(`"'=HYPERLINK(""http://x"",""pay"")"`);
    for (const t of ["+1", "-1", "@SUM(A1)", "\tx"]) expect(csvField(t, "text").replace(/"/g, "")).toBe(`'${t}`);
    // A negative number is a number, not text: as it is.
    expect(csvField(-1, "money")).toBe("-1");
  });

  it("streams the header, then the rows, each line ending in CRLF", () => {
    const sheet: SheetSpec = {
      name: "Results_X",
      title: "t",
      subtitle: "s",
      columns: [
        { header: "RepID", format: "text" },
        { header: "Pay, USD", format: "money" },
      ],
      rows: [
        ["E1", 100.5],
        ["E2", null],
      ],
    };
    expect([...csvLines(sheet)].join("")).toBe('RepID,"Pay, USD"\r\nE1,100.5\r\nE2,\r\n');
  });
});

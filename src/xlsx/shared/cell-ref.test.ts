import { columnLetters, parseCellRef, parseRangeRef, rangeRef } from "./cell-ref";
import { isDateFormatCode } from "./date-format";

describe("cell references", () => {
  it("converts column numbers to letters and back", () => {
    // 26 = Z, 27 = AA, 702 = 26 + 26*26 = ZZ, 703 = AAA, 16384 = XFD (Excel's last column).
    expect([1, 26, 27, 702, 703, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(parseCellRef("$XFD$1048576")).toEqual({ row: 1048576, column: 16384 });
    expect(parseCellRef("A0B")).toBeNull();
  });

  it("parses ranges in either corner order", () => {
    expect(parseRangeRef("C4:F30")).toEqual({ top: 4, left: 3, bottom: 30, right: 6 });
    expect(parseRangeRef("F30:C4")).toEqual({ top: 4, left: 3, bottom: 30, right: 6 });
    expect(parseRangeRef("B2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRangeRef("nonsense")).toBeNull();
    expect(rangeRef({ top: 4, left: 1, bottom: 245, right: 10 })).toBe("A4:J245");
  });
});

describe("date format codes", () => {
  it("tells calendar dates from times, numbers and text", () => {
    for (const code of ["yyyy-mm-dd", "mm-dd-yy", "d-mmm-yy", "m/d/yy h:mm", "[$-409]mmmm d, yyyy", "dddd"]) {
      expect([code, isDateFormatCode(code)]).toEqual([code, true]);
    }
    for (const code of ["h:mm", "[h]:mm:ss", "0.00%", "#,##0.00", '0.00"x"', '"Day "0', "[Red]0.00", "@", "0.00E+00"]) {
      expect([code, isDateFormatCode(code)]).toEqual([code, false]);
    }
  });
});

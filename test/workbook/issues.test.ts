import {
  cellAddress,
  cellIssue,
  columnLetter,
  headerIssue,
  sheetRef,
  sortIssues,
  workbookIssue,
} from "../../src/workbook/issues";
import { table } from "./tables";

describe("columnLetter", () => {
  it("counts like Excel: A..Z, AA..AZ, ..., ZZ, AAA", () => {
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(26)).toBe("Z");
    expect(columnLetter(27)).toBe("AA");
    expect(columnLetter(52)).toBe("AZ");
    // 26 + 26×26 = 702 is ZZ; the next is AAA.
    expect(columnLetter(702)).toBe("ZZ");
    expect(columnLetter(703)).toBe("AAA");
    // XFD is Excel's last column: 24×676 + 6×26 + 4 = 16384.
    expect(columnLetter(16384)).toBe("XFD");
  });

  it("refuses 0", () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
  });
});

describe("addresses", () => {
  it("quotes sheet names that are not plain identifiers", () => {
    expect(sheetRef("Reps")).toBe("Reps");
    expect(sheetRef("My Sheet")).toBe("'My Sheet'");
    expect(sheetRef("O'Neil")).toBe("'O''Neil'");
    expect(sheetRef("A1")).toBe("'A1'");
    expect(sheetRef("2026")).toBe("'2026'");
    expect(cellAddress("My Sheet", 7, 3)).toBe("'My Sheet'!C7");
  });

  it("places a body cell by header row and first column", () => {
    // Header on row 3, table starting in column B: body index 4 is Excel row 3 + 1 + 4 = 8; column index 2 is B + 2 = D.
    const t = table("Reps", ["RepID", "Name", "Base"], [], { sheet: "Comp Data", headerRow: 3, firstColumn: 2 });
    expect(cellIssue(t, 4, 2, "Error", "bad")).toEqual({
      severity: "Error",
      table: "Reps",
      sheet: "Comp Data",
      row: 8,
      column: "Base",
      address: "'Comp Data'!D8",
      message: "bad",
    });
    expect(headerIssue(t, 0, "Info", "x").address).toBe("'Comp Data'!B3");
  });
});

describe("sortIssues", () => {
  it("orders workbook-wide first, then tables in the given order, then rows; ties keep their order", () => {
    const reps = table("Reps", ["RepID"], []);
    const plans = table("Plans", ["Plan"], []);
    const a = cellIssue(plans, 0, 0, "Error", "plans row 2");
    const b = cellIssue(reps, 5, 0, "Error", "reps row 7 first");
    const c = cellIssue(reps, 1, 0, "Warning", "reps row 3");
    const d = cellIssue(reps, 5, 0, "Error", "reps row 7 second");
    const e = workbookIssue("Error", "no Tiers");
    expect(sortIssues([a, b, c, d, e], ["Reps", "Plans"]).map((i) => i.message)).toEqual([
      "no Tiers",
      "reps row 3",
      "reps row 7 first",
      "reps row 7 second",
      "plans row 2",
    ]);
  });
});

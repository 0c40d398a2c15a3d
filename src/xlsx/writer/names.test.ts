import { NameRegistry, uniqueColumnNames } from "./names";

describe("sheet and table names", () => {
  it("makes sheet names valid: no []:*?/\\, at most 31 characters, unique ignoring case", () => {
    const names = new NameRegistry();
    expect(names.sheetName("Q1/Q2 [draft]*")).toBe("Q1_Q2 _draft__");
    expect(names.sheetName("'quoted'")).toBe("quoted");
    expect(names.sheetName("")).toBe("Sheet");
    expect(names.sheetName("History")).toBe("History_");
    expect(names.sheetName("Reps")).toBe("Reps");
    expect(names.sheetName("REPS")).toBe("REPS (2)");
    const long = "A very long sheet name that goes on";
    expect(names.sheetName(long)).toBe(long.slice(0, 31));
    expect(names.sheetName(long)).toBe(`${long.slice(0, 27)} (2)`); // 27 + 4 = 31
  });

  it("makes table names valid: letters, digits, underscores; not a cell reference; unique", () => {
    const names = new NameRegistry();
    expect(names.tableName("Quotas 2026")).toBe("Quotas_2026");
    expect(names.tableName("2026 Plan")).toBe("_2026_Plan");
    expect(names.tableName("A1")).toBe("_A1");
    expect(names.tableName("R1C1")).toBe("_R1C1");
    expect(names.tableName("C")).toBe("_C");
    expect(names.tableName("Données")).toBe("Données");
    expect(names.tableName("quotas_2026")).toBe("quotas_2026_2");
  });

  it("makes table column names non-empty and unique ignoring case", () => {
    expect(uniqueColumnNames(["RepID", "", "repid", "Amount", "two\nlines", "RepID"])).toEqual([
      "RepID",
      "Column2",
      "repid2",
      "Amount",
      "two lines",
      "RepID3",
    ]);
  });
});

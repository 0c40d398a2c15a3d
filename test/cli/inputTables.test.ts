import { inputTablesUsed } from "../../src/cli/inputTables";
import type { RawTable } from "../../src/workbook/types";

const table = (name: string, source: "table" | "sheet" = "table", sheet = name): RawTable => ({
  name,
  sheet,
  source,
  headerRow: 1,
  firstColumn: 1,
  headers: ["A"],
  rows: [],
});

describe("inputTablesUsed", () => {
  it("keeps the contract's input tables in workbook order and drops everything else", () => {
    const names = inputTablesUsed([
      table("Notes"),
      table("Reps"),
      table("Results_Payouts"),
      table("attainmenthistory"),
      table("Plans"),
    ]).map((t) => t.name);
    expect(names).toEqual(["Reps", "attainmenthistory", "Plans"]);
  });

  it("prefers an Excel table over a same-named sheet, and skips tables on result sheets", () => {
    const onResultSheet = table("Tiers", "table", "Results_Tiers");
    const excelTable = table("REPS", "table");
    const sheet = table("Reps", "sheet");
    expect(inputTablesUsed([onResultSheet, excelTable, sheet])).toEqual([excelTable]);
  });
});

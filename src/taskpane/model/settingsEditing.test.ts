import type { RawTable } from "../../workbook/types";
import { currencyProblem, currentSettings, settingsEntries } from "./settingsEditing";

const settings = (rows: RawTable["rows"]): RawTable[] => [
  {
    name: "Settings",
    sheet: "Settings",
    source: "table",
    headerRow: 1,
    firstColumn: 1,
    headers: ["Setting", "Value"],
    rows,
  },
];

describe("settings editing", () => {
  it("reads the current values and writes back under the keys the table already uses", () => {
    const tables = settings([
      ["Currency", "EUR"],
      ["FY Start", 4],
    ]);
    expect(currentSettings(tables)).toEqual({ reportingCurrency: "EUR", fiscalYearStartMonth: 4 });
    expect(settingsEntries(tables, { reportingCurrency: " gbp ", fiscalYearStartMonth: 7 })).toEqual([
      { key: "Currency", value: "GBP" },
      { key: "FY Start", value: 7 },
    ]);
  });

  it("defaults to USD and January, adding the documented keys", () => {
    expect(currentSettings([])).toEqual({ reportingCurrency: "USD", fiscalYearStartMonth: 1 });
    expect(settingsEntries([], { reportingCurrency: "USD", fiscalYearStartMonth: 1 }).map((e) => e.key)).toEqual([
      "ReportingCurrency",
      "FiscalYearStart",
    ]);
    expect(currencyProblem("US")).toMatch(/three-letter/);
    expect(currencyProblem("usd")).toBeNull();
  });
});

import type { RawTable } from "../../workbook/types";
import { currencyProblem, currentSettings, fxProblems, restateFx, settingsEntries } from "./settingsEditing";

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
    expect(currentSettings(tables)).toEqual({ reportingCurrency: "EUR", fiscalYearStartMonth: 4, fx: [] });
    expect(settingsEntries(tables, { reportingCurrency: " gbp ", fiscalYearStartMonth: 7 })).toEqual([
      { key: "Currency", value: "GBP" },
      { key: "FY Start", value: 7 },
    ]);
  });

  it("defaults to USD and January, adding the documented keys", () => {
    expect(currentSettings([])).toEqual({ reportingCurrency: "USD", fiscalYearStartMonth: 1, fx: [] });
    expect(settingsEntries([], { reportingCurrency: "USD", fiscalYearStartMonth: 1 }).map((e) => e.key)).toEqual([
      "ReportingCurrency",
      "FiscalYearStart",
    ]);
    expect(currencyProblem("US")).toMatch(/three-letter/);
    expect(currencyProblem("usd")).toBeNull();
  });
});

describe("FX rates and a change of reporting currency", () => {
  const workbook = (rows: RawTable["rows"]): RawTable[] => [
    ...settings(rows),
    {
      name: "Reps",
      sheet: "Reps",
      source: "table",
      headerRow: 1,
      firstColumn: 1,
      headers: ["RepID", "Currency"],
      rows: [
        ["R1", "USD"],
        ["R2", "EUR"],
        ["R3", "GBP"],
      ],
    },
  ];

  it("lists a rate for every currency the reps are paid in", () => {
    const tables = workbook([
      ["ReportingCurrency", "USD"],
      ["FX EUR", 1.08],
    ]);
    const draft = currentSettings(tables);
    expect(draft.fx).toEqual([
      { currency: "EUR", rate: "1.08" },
      { currency: "GBP", rate: "" },
    ]);
    // GBP has no rate: saving would leave the workbook unrunnable, so the pane says what to add.
    expect(fxProblems(draft, tables)).toEqual(["Give the rate for GBP: how many USD one GBP is worth"]);
    const fixed = { ...draft, fx: [draft.fx![0], { currency: "GBP", rate: "1.27" }] };
    expect(fxProblems(fixed, tables)).toEqual([]);
    expect(settingsEntries(tables, fixed)).toEqual([
      { key: "ReportingCurrency", value: "USD" },
      { key: "FiscalYearStart", value: 1 },
      { key: "FX EUR", value: 1.08 },
      { key: "FX GBP", value: 1.27 },
    ]);
  });

  it("restates the rates for a new reporting currency in one step: USD → EUR at 1.08 USD per EUR", () => {
    const tables = workbook([
      ["ReportingCurrency", "USD"],
      ["FX EUR", 1.08],
      ["FX GBP", 1.35],
    ]);
    const draft = { ...currentSettings(tables), reportingCurrency: "EUR" };
    // Before restating, USD has no rate in EUR: the change alone would not run.
    expect(fxProblems(draft, tables)).toEqual(["Give the rate for USD: how many EUR one USD is worth"]);
    const restated = restateFx(draft, "USD")!;
    // USD: 1 ÷ 1.08 = 0.9259259259 EUR; GBP: 1.35 ÷ 1.08 = 1.25 EUR.
    expect(restated.fx).toEqual([
      { currency: "GBP", rate: "1.25" },
      { currency: "USD", rate: "0.9259259259" },
    ]);
    expect(fxProblems(restated, tables)).toEqual([]);
    // The old "FX EUR" row is now the reporting currency's own rate: it must read 1.
    expect(settingsEntries(tables, restated)).toEqual([
      { key: "ReportingCurrency", value: "EUR" },
      { key: "FiscalYearStart", value: 1 },
      { key: "FX GBP", value: 1.25 },
      { key: "FX USD", value: 0.9259259259 },
      { key: "FX EUR", value: 1 },
    ]);
    // Without a rate for the new currency there is nothing to restate from.
    expect(restateFx({ ...draft, reportingCurrency: "JPY" }, "USD")).toBeNull();
  });
});

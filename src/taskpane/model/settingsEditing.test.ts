import { readSettings } from "../../workbook/parse/settings";
import type { Issue, RawTable } from "../../workbook/types";
import {
  calendarProblems,
  currencyProblem,
  currentSettings,
  fxProblems,
  previewYear,
  restateFx,
  settingsEntries,
  weekYearPreview,
  yearEndText,
  type SettingsDraft,
} from "./settingsEditing";
import { setEntryLocale } from "./numberEntry";

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
    expect(currentSettings(tables)).toEqual({
      reportingCurrency: "EUR",
      fiscalYearStartMonth: 4,
      fx: [],
      calendar: "Months",
      yearEnd: { weekday: 6, rule: "Last" },
      proration: "Days",
    });
    expect(settingsEntries(tables, { reportingCurrency: " gbp ", fiscalYearStartMonth: 7 })).toEqual([
      { key: "Currency", value: "GBP" },
      { key: "FY Start", value: 7 },
    ]);
  });

  it("defaults to USD and January, adding the documented keys", () => {
    expect(currentSettings([])).toMatchObject({
      reportingCurrency: "USD",
      fiscalYearStartMonth: 1,
      fx: [],
      calendar: "Months",
      proration: "Days",
    });
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

  it("takes a rate with three decimals, and shows and restates rates as the user's locale writes them", () => {
    const tables = workbook([
      ["ReportingCurrency", "USD"],
      ["FX EUR", 1.085],
      ["FX GBP", 1.35],
    ]);
    // 1.085 is a rate, read with a dot for decimals (an amount typed 1.085 in a money cell is another matter).
    expect(fxProblems(currentSettings(tables), tables)).toEqual([]);
    setEntryLocale("de-DE");
    try {
      // In Berlin the pane shows 1,085 — what it shows, it reads back — and restates in the same writing.
      const draft = currentSettings(tables);
      expect(draft.fx).toEqual([
        { currency: "EUR", rate: "1,085" },
        { currency: "GBP", rate: "1,35" },
      ]);
      expect(fxProblems(draft, tables)).toEqual([]);
      const restated = restateFx({ ...draft, reportingCurrency: "EUR" }, "USD")!;
      expect(restated.fx).toEqual([
        { currency: "GBP", rate: "1,244239631" },
        { currency: "USD", rate: "0,9216589862" },
      ]);
      expect(fxProblems(restated, tables)).toEqual([]);
      // A rate typed the other way ("1.5" in de-DE) is refused, and the message says why and how to type it.
      const dotted = { ...draft, fx: [{ currency: "EUR", rate: "1.5" }, draft.fx![1]] };
      expect(fxProblems(dotted, tables)).toEqual([
        'Give the rate for EUR: how many USD one EUR is worth. "1.5" is not a number in your format (de-DE: a comma for decimals). Type it like 1,5 or 1.500.',
      ]);
    } finally {
      setEntryLocale("en-US");
    }
  });
});

describe("the calendar and proration settings", () => {
  /** What the CLI reads back from a Settings table holding `entries` (key/value rows), and what it complains of. */
  const readBack = (entries: { key: string; value: unknown }[]) => {
    const issues: Issue[] = [];
    const read = readSettings(settings(entries.map((e) => [e.key, e.value as string | number]))[0], issues);
    return { read, issues: issues.map((i) => `${i.severity} ${i.message}`) };
  };

  it("reads Calendar, FiscalYearEnd and Proration from the table", () => {
    const draft = currentSettings(
      settings([
        ["Retail Calendar", "454"],
        ["Year End", "Saturday nearest January 31"],
        ["Prorate By", "Full Months"],
      ]),
    );
    // The year end in January sets FiscalYearStart to February, as the CLI reads it.
    expect(draft).toMatchObject({
      fiscalYearStartMonth: 2,
      calendar: "4-5-4",
      yearEnd: { weekday: 6, rule: "Nearest" },
      proration: "FullMonths",
    });
  });

  it("writes a week calendar, its year end and the proration as the CLI reads them, under the table's own keys", () => {
    const tables = settings([
      ["Currency", "USD"],
      ["Prorate By", "Days"],
    ]);
    const draft: SettingsDraft = {
      ...currentSettings(tables),
      calendar: "4-4-5",
      yearEnd: { weekday: 6, rule: "Nearest" },
      proration: "Months",
    };
    const entries = settingsEntries(tables, draft);
    expect(entries).toEqual([
      { key: "Currency", value: "USD" },
      { key: "FiscalYearStart", value: 1 },
      { key: "Calendar", value: "4-4-5" },
      { key: "FiscalYearEnd", value: "Saturday nearest December 31" },
      { key: "Prorate By", value: "Months" },
    ]);
    const { read, issues } = readBack(entries);
    expect(issues).toEqual([]);
    expect(read.calendar).toEqual({ pattern: "4-4-5", weekday: 6, rule: "Nearest" });
    expect(read.proration).toBe("Months");
  });

  it("names the year end in the month before FiscalYearStart, on any weekday", () => {
    const base = currentSettings([]);
    const text = (fiscalYearStartMonth: number, weekday: number, rule: "Last" | "Nearest") =>
      yearEndText({ ...base, fiscalYearStartMonth, calendar: "5-4-4", yearEnd: { weekday, rule } });
    expect(text(1, 6, "Last")).toBe("Last Saturday of December");
    expect(text(2, 6, "Nearest")).toBe("Saturday nearest January 31");
    expect(text(3, 0, "Nearest")).toBe("Sunday nearest February 28");
    expect(text(7, 5, "Last")).toBe("Last Friday of June");
    expect(yearEndText(base)).toBeNull(); // calendar months: no weekday
    // Each reads back without a complaint, and with the FiscalYearStart it was written beside.
    for (const [start, weekday, rule] of [
      [3, 0, "Nearest"],
      [7, 5, "Last"],
    ] as const) {
      const draft: SettingsDraft = {
        ...base,
        fiscalYearStartMonth: start,
        calendar: "5-4-4",
        yearEnd: { weekday, rule },
      };
      const { read, issues } = readBack(settingsEntries([], draft));
      expect(issues).toEqual([]);
      expect([read.fiscalYearStartMonth, read.calendar]).toEqual([start, { pattern: "5-4-4", weekday, rule }]);
    }
  });

  it("leaves defaults out of a table that has no row for them, and sets the rows it has back to calendar months", () => {
    const base = currentSettings([]);
    expect(settingsEntries([], base).map((e) => e.key)).toEqual(["ReportingCurrency", "FiscalYearStart"]);
    // A workbook on a 4-4-5 year ending in June goes back to calendar months: its rows say so, and the year end
    // becomes the month alone, so that it still agrees with FiscalYearStart (a weekday there would be warned about).
    const tables = settings([
      ["Calendar", "4-4-5"],
      ["FiscalYearEnd", "Last Saturday of June"],
      ["Proration", "FullMonths"],
    ]);
    const draft: SettingsDraft = { ...currentSettings(tables), calendar: "Months", proration: "Days" };
    expect(draft.fiscalYearStartMonth).toBe(7);
    const entries = settingsEntries(tables, draft);
    expect(entries).toEqual([
      { key: "ReportingCurrency", value: "USD" },
      { key: "FiscalYearStart", value: 7 },
      { key: "Calendar", value: "Months" },
      { key: "FiscalYearEnd", value: "June" },
      { key: "Proration", value: "Days" },
    ]);
    const { read, issues } = readBack(entries);
    expect(issues).toEqual([]);
    expect([read.fiscalYearStartMonth, read.calendar, read.proration]).toEqual([7, undefined, undefined]);
  });

  it("previews the plan year a week calendar gives, 53-week years included", () => {
    const draft = (fiscalYearStartMonth: number, calendar: SettingsDraft["calendar"], rule: "Last" | "Nearest") => ({
      ...currentSettings([]),
      fiscalYearStartMonth,
      calendar,
      yearEnd: { weekday: 6, rule },
    });
    // docs/workbook.md: FY2026 of a 4-4-5 year ending on the last Saturday of December.
    expect(weekYearPreview(draft(1, "4-4-5", "Last"), 2026)).toBe(
      "FY2026 runs 28 December 2025 to 26 December 2026: 52 weeks",
    );
    // Ending on the Saturday nearest 31 December: 31 December 2025 is a Wednesday (FY2025 ends Saturday 3 January
    // 2026), 31 December 2026 a Thursday (FY2026 ends Saturday 2 January 2027).
    expect(weekYearPreview(draft(1, "4-4-5", "Nearest"), 2026)).toBe(
      "FY2026 runs 4 January 2026 to 2 January 2027: 52 weeks",
    );
    // The NRF 4-5-4 calendar's FY2023 (Saturday nearest 31 January): 53 weeks, to 3 February 2024.
    expect(weekYearPreview(draft(2, "4-5-4", "Nearest"), 2023)).toBe(
      "FY2023 runs 29 January 2023 to 3 February 2024: 53 weeks, the 53rd in the last month of Q4",
    );
    expect(weekYearPreview(draft(1, "Months", "Last"), 2026)).toBeNull();
    expect(previewYear(settings([["PlanYear", "FY2027"]]), new Date(2026, 5, 1))).toBe(2027);
    expect(previewYear([], new Date(2026, 5, 1))).toBe(2026);
  });

  it("shows what the table holds that the CLI refuses, on the field that replaces it", () => {
    expect(
      calendarProblems(
        settings([
          ["Calendar", "4-4-6"],
          ["Proration", "Weekly"],
        ]),
      ),
    ).toEqual({
      calendar: 'Calendar "4-4-6" is not Months, 4-4-5, 4-5-4 or 5-4-4',
      proration: 'Proration "Weekly" is not Days, Months or FullMonths',
    });
    expect(
      calendarProblems(
        settings([
          ["FiscalYearStart", "March"],
          ["Calendar", "4-4-5"],
          ["FY End", "Last Saturday of December"],
        ]),
      ),
    ).toEqual({
      fiscalYearEnd:
        'FY End "Last Saturday of December" ends the year in December, but FiscalYearStart is March (a year starting in March ends in February); make them agree or keep one',
    });
    // A table with a column per setting: the problem is on that setting's column.
    const oneRow: RawTable = { ...settings([])[0], headers: ["Calendar", "Proration"], rows: [["445", "weekly"]] };
    expect(calendarProblems([oneRow])).toEqual({ proration: 'Proration "weekly" is not Days, Months or FullMonths' });
    expect(calendarProblems([])).toEqual({});
  });
});

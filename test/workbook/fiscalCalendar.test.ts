import { runWorkbook } from "../../src/workbook/run";
import type { RawCell, RawTable, SheetSpec } from "../../src/workbook/types";

/** A table as a user would type it on its own sheet, header in row 1 from column A. */
function sheet(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, source: "sheet", headerRow: 1, firstColumn: 1, headers, rows };
}

function table(sheets: readonly SheetSpec[], name: string) {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  const col = (h: string) => s.columns.findIndex((c) => c.header === h);
  return { rows: s.rows, get: (row: number, header: string) => s.rows[row][col(header)], col };
}

const at = new Date("2026-11-22T10:00:00Z");
const plans = (period: string) => sheet("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", period]]);
const reps = (startDate: string | null = null) =>
  sheet(
    "Reps",
    ["RepID", "Plan", "Base", "TargetVariable", "Quota", "StartDate"],
    [["R1", "AE", 120000, 120000, 1200000, startDate]],
  );
const settings = (rows: RawCell[][]) => sheet("Settings", ["Setting", "Value"], rows);
const errors = (r: ReturnType<typeof runWorkbook>) =>
  r.issues.filter((i) => i.severity === "Error").map((i) => `${i.address} ${i.message}`);

describe("Calendar 4-4-5 in Settings", () => {
  const run = (extra: RawTable[] = [], period = "Month") =>
    runWorkbook(
      [
        reps(),
        plans(period),
        settings([
          ["PlanYear", 2026],
          ["Calendar", "4-4-5"],
          ["FiscalYearEnd", "Last Saturday of December"],
        ]),
        ...extra,
      ],
      { sourceName: "445.xlsx", computedAt: at },
    );

  it("pays fiscal months keyed FY2026-P01 … P12, placing each label on the fiscal calendar", () => {
    const r = run([
      sheet(
        "Actuals",
        ["RepID", "Period", "Amount"],
        [
          ["R1", "2026-03", 10000], // the fiscal month nominally March: P03 (2026-02-22 .. 03-28)
          ["R1", "FY2026-P03", 1000], // P03 by number
          ["R1", "2026-03-28", 100], // a Saturday: the last day of P03
          ["R1", "2026-03-29", 20000], // the Sunday after: P04
          ["R1", "2025-12-30", 3000], // December 2025 on the calendar, FY2026 P01 by its weeks
        ],
      ),
    ]);
    expect(errors(r)).toEqual([]);
    const p = table(r.sheets, "Results_Payouts");
    expect(p.rows.map((_, i) => p.get(i, "Period"))).toEqual([
      "FY2026-P01",
      "FY2026-P02",
      "FY2026-P03",
      "FY2026-P04",
      "FY2026-P05",
      "FY2026-P06",
      "FY2026-P07",
      "FY2026-P08",
      "FY2026-P09",
      "FY2026-P10",
      "FY2026-P11",
      "FY2026-P12",
    ]);
    // Each fiscal month is 1/12 of the year whether it has 4 or 5 weeks: quota 100,000, target 10,000.
    expect([0, 2].map((i) => [p.get(i, "Actual"), p.get(i, "Quota"), p.get(i, "Target incentive")])).toEqual([
      [3000, 100000, 10000],
      [11100, 100000, 10000],
    ]);
    expect(p.get(3, "Actual")).toBe(20000);
    expect(p.get(3, "Payout")).toBe(2000); // 20% of a 10,000 target
  });

  it("reads quarterly labels as 13-week quarters", () => {
    const r = run(
      [
        sheet(
          "Actuals",
          ["RepID", "Period", "Amount"],
          [
            ["R1", "2026-Q1", 300000],
            ["R1", "Q2", 150000],
          ],
        ),
      ],
      "Quarter",
    );
    expect(errors(r)).toEqual([]);
    const p = table(r.sheets, "Results_Payouts");
    expect(p.rows.map((_, i) => [p.get(i, "Period"), p.get(i, "Actual"), p.get(i, "Payout")])).toEqual([
      ["FY2026-Q1", 300000, 30000],
      ["FY2026-Q2", 150000, 15000],
      ["FY2026-Q3", 0, 0],
      ["FY2026-Q4", 0, 0],
    ]);
  });

  it("says which year end it assumed when FiscalYearEnd is not given", () => {
    const r = runWorkbook(
      [
        reps(),
        plans("Quarter"),
        settings([
          ["PlanYear", 2026],
          ["Calendar", "445"],
        ]),
      ],
      { sourceName: "445.xlsx", computedAt: at },
    );
    expect(r.issues.filter((i) => i.severity === "Info").map((i) => `${i.address} ${i.message}`)).toContain(
      "Settings!B3 Calendar 4-4-5: the fiscal year ends on the last Saturday of December (set FiscalYearEnd to choose, e.g. Last Saturday of December or Saturday nearest December 31)",
    );
    expect(table(r.sheets, "Results_Payouts").get(0, "Period")).toBe("FY2026-Q1");
  });
});

describe("the NRF 4-5-4 year (Saturday nearest 31 January), 53 weeks in FY2023", () => {
  it("derives FiscalYearStart from FiscalYearEnd and puts 3 February 2024 in FY2023's last month", () => {
    const r = runWorkbook(
      [
        reps(),
        plans("Month"),
        settings([
          ["Calendar", "4-5-4"],
          ["Fiscal Year End", "Saturday nearest January 31"],
          ["PlanYear", "FY2023"],
        ]),
        sheet(
          "Actuals",
          ["RepID", "Period", "Amount"],
          [
            ["R1", "2024-02-03", 5000], // the 53rd week's Saturday: P12 (2023-12-31 .. 2024-02-03)
            ["R1", "2023-01-29", 7000], // FY2023's first day: P01
            ["R1", "2024-02-04", 9000], // FY2024: outside the plan year
          ],
        ),
      ],
      { sourceName: "nrf.xlsx", computedAt: at },
    );
    expect(errors(r)).toEqual([]);
    const p = table(r.sheets, "Results_Payouts");
    expect([p.get(0, "Period"), p.get(0, "Actual")]).toEqual(["FY2023-P01", 7000]);
    expect([p.get(11, "Period"), p.get(11, "Actual")]).toEqual(["FY2023-P12", 5000]);
    expect(r.issues.map((i) => i.message)).toContain(
      "1 Actuals row(s) fall outside the plan year and were left out (first: Actuals row 4).",
    );
  });
});

describe("Proration = Months in Settings", () => {
  it("prorates a 15 February start by months counted (Feb and Mar of Q1), shown in Results_Payouts and the trace", () => {
    const r = runWorkbook(
      [
        reps("2026-02-15"),
        plans("Quarter"),
        settings([
          ["PlanYear", 2026],
          ["Proration", "Months"],
        ]),
      ],
      { sourceName: "months.xlsx", computedAt: at },
    );
    expect(errors(r)).toEqual([]);
    const p = table(r.sheets, "Results_Payouts");
    // Quota 300,000 × 2/3 = 200,000; target 30,000 × 2/3 = 20,000.
    expect([p.get(0, "Period"), p.get(0, "Proration"), p.get(0, "Quota"), p.get(0, "Target incentive")]).toEqual([
      "2026-Q1",
      2 / 3,
      200000,
      20000,
    ]);
    const t = table(r.sheets, "Results_Trace");
    const quota = t.rows.find((row) => row[2] === "2026-Q1" && row[4] === "Quota")!;
    expect(quota[5]).toBe(
      "annual quota 1,200,000.00 × period share 1/4 × proration 66.67% (2 of 3 months, mid-month rule: 2026-02, 2026-03)",
    );
  });
});

describe("bad calendar and proration settings are errors on their cell", () => {
  const run = (rows: RawCell[][]) =>
    runWorkbook([reps(), plans("Quarter"), settings([["PlanYear", 2026], ...rows])], {
      sourceName: "bad.xlsx",
      computedAt: at,
    });

  it("names the cell and the accepted values", () => {
    expect(errors(run([["Calendar", "4-4-6"]]))).toEqual([
      'Settings!B3 Calendar "4-4-6" is not Months, 4-4-5, 4-5-4 or 5-4-4',
    ]);
    expect(errors(run([["Calendar", "52/53 week"]]))).toEqual([
      'Settings!B3 Calendar "52/53 week" is not Months, 4-4-5, 4-5-4 or 5-4-4: a 52/53-week year is a week calendar; name its pattern, 4-4-5, 4-5-4 or 5-4-4',
    ]);
    expect(errors(run([["Proration", "Weekly"]]))).toEqual([
      'Settings!B3 Proration "Weekly" is not Days, Months or FullMonths',
    ]);
    expect(
      errors(
        run([
          ["Calendar", "4-4-5"],
          ["FiscalYearEnd", "Saturday of December"],
        ]),
      ),
    ).toEqual([
      'Settings!B4 FiscalYearEnd "Saturday of December" does not say which Saturday: write Last Saturday of December or Saturday nearest December 31',
    ]);
    expect(
      errors(
        run([
          ["Calendar", "4-4-5"],
          ["FiscalYearEnd", "December"],
        ]),
      ),
    ).toEqual([
      'Settings!B4 FiscalYearEnd "December" names no weekday: a 4-4-5 year ends on a weekday; write e.g. Last Saturday of December or Saturday nearest December 31',
    ]);
    expect(
      errors(
        run([
          ["FiscalYearStart", "March"],
          ["Calendar", "4-4-5"],
          ["FiscalYearEnd", "Last Saturday of December"],
        ]),
      ),
    ).toEqual([
      'Settings!B5 FiscalYearEnd "Last Saturday of December" ends the year in December, but FiscalYearStart is March (a year starting in March ends in February); make them agree or keep one',
    ]);
    expect(errors(run([["FiscalYearEnd", "Saturday nearest December 15"]]))).toEqual([
      'Settings!B3 FiscalYearEnd "Saturday nearest December 15": a fiscal year ends at the end of a month; write December 31',
    ]);
  });

  it("warns when a weekday year end is given on the months calendar", () => {
    const r = run([["FiscalYearEnd", "Last Saturday of December"]]);
    expect(errors(r)).toEqual([]);
    expect(r.issues.filter((i) => i.severity === "Warning").map((i) => `${i.address} ${i.message}`)).toEqual([
      "Settings!B3 FiscalYearEnd names a weekday, but the calendar is months (the year ends on the last day of December): set Calendar to 4-4-5, 4-5-4 or 5-4-4 for a 52/53-week year",
    ]);
  });
});

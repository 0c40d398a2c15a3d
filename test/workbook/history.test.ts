import type { AttainmentRecord } from "../../src/engine/types";
import { parseModelInput } from "../../src/workbook/parse";
import { readAttainmentHistory } from "../../src/workbook/parse/history";
import type { Issue, RawCell, RawTable } from "../../src/workbook/types";
import { minimalTables, table, TODAY, withTables } from "./tables";

const HEADERS = ["RepID", "Period", "Attainment", "Quota", "Actual"];
const history = (rows: readonly (readonly RawCell[])[], headers: readonly string[] = HEADERS) =>
  table("AttainmentHistory", headers, rows);
/** Reads a table, returning the records and every issue as "<where> <severity> <message>". */
const read = (t: RawTable, fiscalYearStartMonth?: number) => {
  const issues: Issue[] = [];
  const records = readAttainmentHistory(
    t,
    issues,
    fiscalYearStartMonth === undefined ? undefined : { fiscalYearStartMonth },
  );
  return { records, issues: issues.map(located) };
};
const located = (e: Issue) =>
  `${e.address ?? (e.row === null ? e.table : `${e.table} row ${e.row}`)} ${e.severity}: ${e.message}`;
const placed = (r: AttainmentRecord) => (r.placed ? [r.placed.year, r.placed.periodsPerYear, r.placed.index] : null);

describe("AttainmentHistory periods", () => {
  it("places each period in its plan year, grain and index (FiscalYearStart = January)", () => {
    const { records, issues } = read(
      history([
        ["R1", "2025-Q3", 0.9, null, null], // row 2
        ["R2", 2024, "112%", null, null], // row 3: a year number
        ["R3", "2025-H2", 0.8, null, null], // row 4
        ["R4", "Mar 2025", 1.1, null, null], // row 5
        ["R4", "2025-12", 0.7, null, null], // row 6
        ["R5", "FY2023", 1, null, null], // row 7
      ]),
    );
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.repId, r.period, placed(r), r.source])).toEqual([
      ["R1", "2025-Q3", [2025, 4, 2], "AttainmentHistory row 2"],
      ["R2", "2024", [2024, 1, 0], "AttainmentHistory row 3"],
      ["R3", "2025-H2", [2025, 2, 1], "AttainmentHistory row 4"],
      ["R4", "Mar 2025", [2025, 12, 2], "AttainmentHistory row 5"],
      ["R4", "2025-12", [2025, 12, 11], "AttainmentHistory row 6"],
      ["R5", "FY2023", [2023, 1, 0], "AttainmentHistory row 7"],
    ]);
    expect(records.map((r) => [r.attainment.toString(), r.quota])).toEqual([
      ["0.9", null],
      ["1.12", null],
      ["0.8", null],
      ["1.1", null],
      ["0.7", null],
      ["1", null],
    ]);
  });

  it("counts months from FiscalYearStart: with April, 2025-03 is the last month of plan year 2024", () => {
    const t: RawTable = {
      ...history([
        ["R1", "2025-03", 0.9], // row 2
        ["R1", "2025-04", 1], // row 3: first month of plan year 2025
        ["R1", 45755, 1.2], // row 4: an Excel date, 2025-04-08: its month, April 2025
        ["R2", "2025-Q1", 0.5], // row 5: fiscal quarters start in April too
      ]),
      headers: ["RepID", "Period", "Attainment"],
      numberFormats: [
        [null, null, null],
        [null, null, null],
        [null, "yyyy-mm-dd", null],
        [null, null, null],
      ],
    };
    const { records, issues } = read(t, 4);
    // Rows 3 and 4 are the same month for R1.
    expect(issues).toEqual(["AttainmentHistory!B4 Error: Rep R1 has Apr 2025 twice (rows 3 and 4); keep one"]);
    expect(records.map((r) => [r.repId, r.period, placed(r)])).toEqual([
      ["R1", "2025-03", [2024, 12, 11]],
      ["R1", "2025-04", [2025, 12, 0]],
      ["R2", "2025-Q1", [2025, 4, 0]],
    ]);
    // The Excel date is kept as its ISO day, placed in its month.
    const dated = read({ ...t, rows: [t.rows[2]], numberFormats: [t.numberFormats![2]] }, 4);
    expect(dated.records.map((r) => [r.period, placed(r)])).toEqual([["2025-04-08", [2025, 12, 0]]]);
    // Without settings, January.
    expect(placed(read(t).records[0])).toEqual([2025, 12, 2]);
  });

  it("warns once per table about periods it can't place, and counts them as whole years", () => {
    const { records, issues } = read(
      history(
        [
          ["R1", "2025-Q1", 0.9], // row 2
          ["R1", "Q2", 0.8], // row 3: no year
          ["R2", "last year", 1.1], // row 4: not a period label
          ["R3", "Mar", 1], // row 5: no year
          ["R4", null, 0.7], // row 6: no period at all: a year, nothing to say
        ],
        ["RepID", "Period", "Attainment"],
      ),
    );
    expect(issues).toEqual([
      'AttainmentHistory!B3 Warning: Period "Q2" names no year, so it can\'t be placed in a plan year: this record and 2 more like it are each counted as a whole year. Write the year, e.g. 2025, 2025-Q1, 2025-03, Mar 2025 or a date',
    ]);
    expect(records.map((r) => [r.period, placed(r)])).toEqual([
      ["2025-Q1", [2025, 4, 0]],
      ["Q2", null],
      ["last year", null],
      ["Mar", null],
      ["", null],
    ]);

    const one = read(history([["R2", "last year", 1.1]], ["RepID", "Period", "Attainment"]));
    expect(one.issues).toEqual([
      'AttainmentHistory!B2 Warning: Period "last year" is not a period label, so it can\'t be placed in a plan year: this record is counted as a whole year. Write the year, e.g. 2025, 2025-Q1, 2025-03, Mar 2025 or a date',
    ]);
  });

  it("refuses two grains in one rep's plan year, and the same period twice", () => {
    const { records, issues } = read(
      history(
        [
          ["R1", "2025-Q1", 0.9], // row 2
          ["R1", "2025-05", 0.8], // row 3: monthly in a quarterly year
          ["R1", "Q1 2025", 1.1], // row 4: row 2's quarter again
          ["R1", "2026-01", 1], // row 5: another plan year: months are fine there
          ["R1", "2024", 1], // row 6: and a whole year in another
          ["R2", "2025-03", 0.7], // row 7: another rep
          [null, "2025-Q1", 0.6], // row 8: no RepID: not checked
          [null, "2025-Q1", 0.6], // row 9
          ["R2", "2025", 0.7], // row 10: a year beside R2's month
        ],
        ["RepID", "Period", "Attainment"],
      ),
    );
    expect(issues).toEqual([
      "AttainmentHistory!B3 Error: Rep R1 has quarterly and monthly periods in plan year 2025 (rows 2 and 3); use one period length per rep and year",
      "AttainmentHistory!B4 Error: Rep R1 has Q1 of plan year 2025 twice (rows 2 and 4); keep one",
      "AttainmentHistory!B10 Error: Rep R2 has monthly and yearly periods in plan year 2025 (rows 7 and 10); use one period length per rep and year",
    ]);
    expect(records.map((r) => r.source)).toEqual([
      "AttainmentHistory row 2",
      "AttainmentHistory row 5",
      "AttainmentHistory row 6",
      "AttainmentHistory row 7",
      "AttainmentHistory row 8",
      "AttainmentHistory row 9",
    ]);

    const halves = read(
      history(
        [
          ["R1", "2025-H2", 0.9],
          ["R1", "H2 2025", 1],
        ],
        ["RepID", "Period", "Attainment"],
      ),
    );
    expect(halves.issues).toEqual([
      "AttainmentHistory!B3 Error: Rep R1 has H2 of plan year 2025 twice (rows 2 and 3); keep one",
    ]);
    const years = read(
      history(
        [
          ["R1", 2025, 0.9],
          ["R1", "FY2025", 1],
        ],
        ["RepID", "Period", "Attainment"],
      ),
    );
    expect(years.issues).toEqual([
      "AttainmentHistory!B3 Error: Rep R1 has plan year 2025 twice (rows 2 and 3); keep one",
    ]);
  });
});

describe("AttainmentHistory Quota and Actual", () => {
  it("computes attainment as Actual ÷ Quota, exactly, and keeps the quota", () => {
    const { records, issues } = read(
      history([
        ["R1", "2025-Q1", null, 200, 150], // row 2: 75%
        ["R1", "2025-Q2", null, "$300", "100"], // row 3: 1/3
        ["R1", "2025-Q3", "80%", 100000, null], // row 4: quota only weights the period
        ["R1", "2025-Q4", 0.5, 100, 50], // row 5: all three, agreeing
        ["R2", "2025", null, 0, null], // row 6: no attainment at all
      ]),
    );
    expect(issues).toEqual([
      "AttainmentHistory!C6 Error: Attainment is required, unless Quota and Actual are both given",
    ]);
    expect(records.map((r) => [r.period, r.attainment.toString(), r.quota?.toString() ?? null])).toEqual([
      ["2025-Q1", "0.75", "200"],
      ["2025-Q2", "0.3333333333333333333333333333333333", "300"],
      ["2025-Q3", "0.8", "100000"],
      ["2025-Q4", "0.5", "100"],
    ]);
  });

  it("reads Quota and Actual alone, under their other names", () => {
    const { records, issues } = read(
      history(
        [
          ["R1", "2025-Q1", 200, 150], // row 2
          ["R1", "2025-Q2", null, 150], // row 3: no quota
          ["R1", "2025-Q3", 200, null], // row 4: no actual
        ],
        ["Rep ID", "Period", "Period Quota", "Bookings"],
      ),
    );
    expect(issues).toEqual([
      "AttainmentHistory!C3 Error: Period Quota is required",
      "AttainmentHistory!D4 Error: Bookings is required",
    ]);
    expect(records.map((r) => [r.attainment.toString(), r.quota!.toString()])).toEqual([["0.75", "200"]]);
    for (const [quota, actual] of [
      ["Quota Amount", "Credit"],
      ["Quota", "Credited"],
    ])
      expect(
        read(history([["R1", "2025", 4, 3]], ["RepID", "Period", quota, actual])).records[0].attainment.toString(),
      ).toBe("0.75");
  });

  it("checks Quota and Actual against Attainment and each other", () => {
    const { records, issues } = read(
      history([
        ["R1", "2025-Q1", "80%", 200, 150], // row 2: 80% written, 75% computed
        ["R1", "2025-Q2", "33.3%", 3, 1], // row 3: within 0.05 points of 33.33%
        ["R1", "2025-Q3", "75.06%", 200, 150], // row 4: 0.06 points off
        ["R1", "2025-Q4", null, 0, 150], // row 5: zero quota with an actual
        ["R2", "2025-Q1", 0.9, -5, 10], // row 6: negative quota
        ["R2", "2025-Q2", 0.9, 5, "(10)"], // row 7: negative actual
        ["R2", "2025-Q3", 0.9, null, 10], // row 8: actual without quota
        ["R2", "2025-Q4", -0.1, null, null], // row 9: negative attainment
        ["R3", "2025", 0.9, "lots", null], // row 10: not an amount
      ]),
    );
    expect(issues).toEqual([
      "AttainmentHistory!C2 Warning: Attainment 80% differs from Actual ÷ Quota = 150 ÷ 200 = 75%; the Attainment written is used",
      "AttainmentHistory!C4 Warning: Attainment 75.06% differs from Actual ÷ Quota = 150 ÷ 200 = 75%; the Attainment written is used",
      "AttainmentHistory!D5 Error: Quota can't be 0 when Actual is given: attainment is Actual ÷ Quota",
      "AttainmentHistory!D6 Error: Quota can't be negative",
      "AttainmentHistory!E7 Error: Actual can't be negative",
      "AttainmentHistory!E8 Warning: Actual is not used without Quota; the Attainment written is used",
      "AttainmentHistory!C9 Error: Attainment can't be negative",
      'AttainmentHistory!D10 Error: Quota "lots" is not a number',
    ]);
    expect(records.map((r) => [r.source, r.attainment.toString()])).toEqual([
      ["AttainmentHistory row 2", "0.8"],
      ["AttainmentHistory row 3", "0.333"],
      ["AttainmentHistory row 4", "0.7506"],
      ["AttainmentHistory row 8", "0.9"],
    ]);
  });

  it("needs an Attainment column unless Quota and Actual are both columns", () => {
    expect(read(history([["R1", "2025", 200]], ["RepID", "Period", "Quota"]))).toEqual({
      records: [],
      issues: [
        "AttainmentHistory Error: AttainmentHistory has no Attainment column; add one (accepted headers: Attainment, Attainment %, Quota Attainment, Pct Of Quota), or give both Quota and Actual columns",
      ],
    });
    // Without Quota and Actual columns, a blank Attainment reads as before.
    expect(read(history([["R1", "2025", null, "x"]], ["RepID", "Period", "Attainment", "Notes"])).issues).toEqual([
      "AttainmentHistory!C2 Error: Attainment is required",
    ]);
  });

  it("places history with the workbook's FiscalYearStart", () => {
    const settings = table("Settings", ["Setting", "Value"], [["FiscalYearStart", "Apr"]]);
    const { input, issues } = parseModelInput(
      withTables(
        minimalTables(),
        settings,
        history([
          ["R1", "2025-03", null, 200, 150],
          ["X9", "2025-Q3", "120%", null, null],
        ]),
      ),
      { today: TODAY },
    );
    expect(issues.filter((i) => i.severity !== "Info")).toEqual([]);
    expect(
      input!.attainmentHistory.map((r) => [
        r.repId,
        r.attainment.toString(),
        placed(r),
        r.quota?.toString() ?? null,
        r.source,
      ]),
    ).toEqual([
      ["R1", "0.75", [2024, 12, 11], "200", "AttainmentHistory row 2"],
      ["X9", "1.2", [2025, 4, 2], null, "AttainmentHistory row 3"],
    ]);
  });
});

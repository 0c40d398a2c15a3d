import { parseModelInput } from "../../src/workbook/parse";
import type { Issue, RawTable } from "../../src/workbook/types";
import { minimalTables, table, TODAY, withTables } from "./tables";

const parse = (tables: readonly RawTable[], today = TODAY) => parseModelInput(tables, { today });
const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === "Error");
const located = (issues: readonly Issue[]) =>
  issues.map((e) => `${e.address ?? `${e.table} row ${e.row}`} ${e.message}`);
const twoMeasurePlans = table(
  "Plans",
  ["Plan", "Measure", "Weight"],
  [
    ["AE", "Bookings", 0.7],
    ["AE", "Renewals", 0.3],
  ],
);

describe("Quotas, Actuals and the fiscal year", () => {
  it("maps period labels with FiscalYearStart = February", () => {
    const settings = table(
      "Settings",
      ["Setting", "Value"],
      [
        ["FiscalYearStart", "Feb"],
        ["Plan Year", 2026],
      ],
    );
    const quotas = table(
      "Quotas",
      ["Rep ID", "Period", "Measure", "Target"],
      [
        ["R1", "2026-Q1", null, 250000], // blank Measure: the plan's first measure
        ["R1", "2026", "renewals", "100,000"],
      ],
    );
    const actuals = table(
      "Actuals",
      ["RepID", "Close Date", "Bookings"],
      [
        ["R1", 46068, 1000], // 2026-02-15 -> February 2026
        ["R1", "Mar 2026", -200], // a reversal
      ],
    );
    const { input, issues } = parse(withTables(minimalTables(), twoMeasurePlans, settings, quotas, actuals));
    expect(errors(issues)).toEqual([]);
    expect(input!.settings).toMatchObject({ fiscalYearStartMonth: 2, planYear: 2026 });
    expect(input!.quotas.map((q) => [q.measure, q.start, q.end, q.amount.toString(), q.source])).toEqual([
      ["Bookings", "2026-02-01", "2026-04-30", "250000", "Quotas row 2"],
      ["Renewals", "2026-02-01", "2027-01-31", "100000", "Quotas row 3"],
    ]);
    expect(input!.actuals.map((a) => [a.repId, a.measure, a.start, a.end, a.amount.toString()])).toEqual([
      ["R1", "Bookings", "2026-02-01", "2026-02-28", "1000"],
      ["R1", "Bookings", "2026-03-01", "2026-03-31", "-200"],
    ]);
  });

  it("takes the plan year most labels fall in when Settings has none, and says so", () => {
    const actuals = table(
      "Actuals",
      ["RepID", "Period", "Amount"],
      [
        ["R1", "2025-Q1", 1],
        ["R1", "2025-Q2", 1],
        ["R2", "2026-Q1", 1],
      ],
    );
    const { input, issues } = parse(withTables(minimalTables(), actuals));
    expect(input!.settings.planYear).toBe(2025);
    expect(issues.filter((i) => i.severity === "Info").map((i) => i.message)).toEqual([
      "Plan year 2025 (the plan year most periods in Quotas and Actuals fall in); set PlanYear in Settings to choose another",
    ]);
    // Without any dated label, today's year (TODAY is in 2026).
    expect(parse(minimalTables(), new Date(2031, 0, 5)).input!.settings.planYear).toBe(2031);
  });

  it("refuses a zero quota that has credits, in Quotas and in Reps", () => {
    const reps = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "Quota", "Quota Renewals"],
      [["R1", "AE", 1, 1, 1000, 0]],
    );
    const quotas = table(
      "Quotas",
      ["RepID", "Period", "Measure", "Quota"],
      [
        ["R1", "2026-Q1", "Bookings", 0], // row 2: credited in February
        ["R1", "2026-Q2", "Bookings", 0], // row 3: nothing credited: fine
      ],
    );
    const actuals = table(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      [
        ["R1", "2026-02", "Bookings", 500], // row 2
        ["R1", "2026-05", "Bookings", 0], // row 3: zero credit: fine
        ["R1", "2026-06", "Renewals", 10], // row 4: against the zero annual Renewals quota
      ],
    );
    const errs = errors(parse([reps, twoMeasurePlans, quotas, actuals]).issues);
    expect(located(errs)).toEqual([
      "Reps!F2 Quota Renewals is 0 but Actuals credit R1 with Renewals (Actuals row 4): attainment is undefined; enter the quota or remove the credit",
      "Quotas!D2 Quota is 0 but Actuals credit R1 with Bookings in this period (Actuals row 2): attainment is undefined; enter the quota or move the credit",
    ]);
  });

  it("reads amount rows one after another: blank rows skipped, a bad row fails alone, each amount names its row", () => {
    const actuals = table(
      "Actuals",
      ["RepID", "Period", "Amount"],
      [
        ["R1", "2026-01", 100], // row 2
        [null, null, null], // row 3: blank, skipped
        ["R2", "2026-02", "lots"], // row 4: not an amount
        ["R2", "2026-03", 250.5], // row 5
      ],
    );
    const quotas = table(
      "Quotas",
      ["RepID", "Period", "Quota"],
      [
        ["R1", "2026-Q1", 1000], // row 2
        [null, null, null], // row 3
        ["R1", "2026-Q1", 1000], // row 4: the same quota again
        ["R1", "Q1 2026", 1000], // row 5: and again, written another way
        ["R2", "2026-01", 500], // row 6
        ["R2", "P1 2026", 500], // row 7: fiscal period 1, the same days as January
      ],
    );
    const bad = parse(withTables(minimalTables(), actuals, quotas));
    expect(located(errors(bad.issues))).toEqual([
      "Quotas!B4 Quota for R1, Bookings, 2026-Q1 (2026-01-01 to 2026-03-31) is given twice (rows 2 and 4); keep one",
      // The period as typed on the row reported, with the days it covers.
      "Quotas!B5 Quota for R1, Bookings, Q1 2026 (2026-01-01 to 2026-03-31) is given twice (rows 2 and 5); keep one",
      "Quotas!B7 Quota for R2, Bookings, P1 2026 (2026-01-01 to 2026-01-31) is given twice (rows 6 and 7); keep one",
      'Actuals!C4 Amount "lots" is not a number',
    ]);
    expect(bad.input).toBeNull();
    const good = parse(
      withTables(minimalTables(), {
        ...actuals,
        rows: actuals.rows.map((r, i) => (i === 2 ? ["R2", "2026-02", 75] : r)),
      }),
    ).input!;
    expect(good.actuals.map((a) => [a.repId, a.measure, a.start, a.end, a.amount.toString(), a.source])).toEqual([
      ["R1", "Bookings", "2026-01-01", "2026-01-31", "100", "Actuals row 2"],
      ["R2", "Bookings", "2026-02-01", "2026-02-28", "75", "Actuals row 4"],
      ["R2", "Bookings", "2026-03-01", "2026-03-31", "250.5", "Actuals row 5"],
    ]);
  });

  it("checks RepIDs, measures and amounts", () => {
    const quotas = table(
      "Quotas",
      ["RepID", "Period", "Quota"],
      [
        ["R9", "2026", 1], // row 2
        ["R1", "2026", -5], // row 3
        ["R1", "2026-Q1", 1], // row 4
        ["R1", "2026-Q1", 2], // row 5: same period again
      ],
    );
    const actuals = table(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      [
        ["R1", "someday", "Bookings", 1], // row 2
        ["R1", "2026-01", "Upsell", 1], // row 3: no plan has Upsell: warning, row dropped
        ["R2", "2026-01", "Bookings", "1.234,50"], // row 4
      ],
    );
    const { input, issues } = parse(withTables(minimalTables(), quotas, actuals));
    expect(input).toBeNull();
    expect(located(issues.filter((i) => i.severity !== "Info"))).toEqual([
      'Quotas!A2 RepID "R9" is not in Reps',
      "Quotas!C3 Quota can't be negative",
      "Quotas!B5 Quota for R1, Bookings, 2026-Q1 (2026-01-01 to 2026-03-31) is given twice (rows 4 and 5); keep one",
      'Actuals!B2 Period "someday" is not a period; write 2026, 2026-Q1, 2026-03, Mar 2026 or a date',
      'Actuals!C3 Measure "Upsell" is not in any plan (measures: Bookings); this row is not used',
      'Actuals!D4 Amount "1.234,50" has an ambiguous number format: write it with a dot for decimals and no dots for thousands (e.g. 1200.50)',
    ]);
    expect(issues.find((i) => i.address === "Actuals!C3")!.severity).toBe("Warning");
  });
});

describe("Adjustments, Ramps and AttainmentHistory", () => {
  it("reads adjustments, taking a negative clawback as the amount taken back", () => {
    const adjustments = table(
      "Adjustments",
      ["RepID", "Period", "Type", "Amount", "Reason"],
      [
        ["R1", "2026-03", "spiff", "$500", "Q1 push"],
        ["R2", "2026-Q2", "Clawback", -1200, "Churned deal"],
        ["R2", "2026-04", "Bonus", -1, null], // row 4: negative bonus
      ],
    );
    const r = parse(withTables(minimalTables(), adjustments));
    expect(located(errors(r.issues))).toEqual([
      "Adjustments!D4 A Bonus can't be negative; to take money back use Type Clawback with the amount taken back",
    ]);
    const ok = parse(
      withTables(minimalTables(), table("Adjustments", adjustments.headers, adjustments.rows.slice(0, 2))),
    );
    expect(
      ok.input!.adjustments.map((a) => [a.repId, a.start, a.end, a.type, a.amount.toString(), a.note, a.source]),
    ).toEqual([
      ["R1", "2026-03-01", "2026-03-31", "SPIF", "500", "Q1 push", "Adjustments row 2"],
      ["R2", "2026-04-01", "2026-06-30", "Clawback", "1200", "Churned deal", "Adjustments row 3"],
    ]);
  });

  it("reads ramps and refuses gaps and differing guarantees", () => {
    const ramps = table(
      "Ramps",
      ["Ramp", "Month", "Quota %", "Guarantee"],
      [
        ["New Hire", 1, "0%", "50%"],
        ["New Hire", 2, 0.5, null],
        ["New Hire", 3, "75%", 0.5],
        ["Gappy", 1, 0.5, null],
        ["Gappy", 3, 0.75, null],
        ["Split", 1, 0.5, 0.5],
        ["Split", 2, 0.75, 0.6],
      ],
    );
    const reps = table("Reps", ["RepID", "Plan", "Base", "TargetVariable", "Ramp"], [["R1", "AE", 1, 1, "new hire"]]);
    const plans = table("Plans", ["Plan"], [["AE"]]);
    const r = parse([reps, plans, ramps]);
    expect(located(errors(r.issues))).toEqual([
      // On the Month cell of month 3, the row after the gap (it named no cell before).
      "Ramps!B6 Ramp Gappy has no row for month 2: months must run 1, 2, 3, … without gaps",
      "Ramps!D8 Ramp Split has different guarantees (50% on row 7, 60% on row 8); a ramp has one guarantee",
    ]);
    const ok = parse([reps, plans, table("Ramps", ramps.headers, ramps.rows.slice(0, 3))]);
    const schedule = ok.input!.ramps.get("New Hire")!;
    expect(schedule.quotaPct.map((p) => p.toString())).toEqual(["0", "0.5", "0.75"]);
    expect(schedule.guarantee!.toString()).toBe("0.5");
    expect(ok.input!.reps[0].ramp).toBe("New Hire");
  });

  it("reads attainment history without requiring current reps", () => {
    const history: RawTable = {
      ...table(
        "AttainmentHistory",
        ["RepID", "Period", "Attainment"],
        [
          ["X1", 2025, "112%"],
          [null, "2024-Q4", 0.8],
          ["R1", 45658, 0.95],
        ],
      ),
      // Only the last period is a date cell.
      numberFormats: [
        [null, "General", null],
        [null, null, null],
        [null, "yyyy-mm-dd", "0%"],
      ],
    };
    const { input, issues } = parse(withTables(minimalTables(), history));
    expect(errors(issues)).toEqual([]);
    expect(input!.attainmentHistory.map((h) => [h.repId, h.period, h.attainment.toString()])).toEqual([
      ["X1", "2025", "1.12"],
      [null, "2024-Q4", "0.8"],
      ["R1", "2025-01-01", "0.95"],
    ]);
  });
});

describe("Finding tables and Settings", () => {
  it("says which required tables are missing", () => {
    const { input, issues } = parse([table("Actuals", ["RepID", "Period", "Amount"], [])]);
    expect(input).toBeNull();
    expect(located(errors(issues))).toEqual([
      "Reps row null The workbook has no Reps table: add an Excel table or a sheet named Reps with the columns RepID, Plan, and two of Base, TargetVariable and OTE (one row per rep)",
      "Plans row null The workbook has no Plans table: add an Excel table or a sheet named Plans with at least the column Plan (one row per plan and measure)",
    ]);
  });

  it("prefers an Excel table to a sheet of the same name, uses a sheet otherwise, and ignores result sheets", () => {
    const [reps, plans] = minimalTables();
    const sheetReps = { ...table("REPS", ["junk"], [["x"]]), source: "sheet" as const };
    const sheetPlans = table("plans", plans.headers, plans.rows, { source: "sheet" });
    const resultSheet = table("Reps", ["junk"], [["x"]], { sheet: "Results_Reps" });
    const { input, issues } = parse([sheetReps, resultSheet, reps, sheetPlans]);
    expect(errors(issues)).toEqual([]);
    expect(input!.reps.map((r) => r.id)).toEqual(["R1", "R2"]);
    expect(input!.plans.has("AE")).toBe(true);
  });

  it("skips fully empty rows silently and keeps Excel row numbers", () => {
    const reps = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable"],
      [
        ["R1", "AE", 1, 1],
        [null, "", "  ", null],
        ["R2", "AE", "abc", 1],
      ],
    );
    const { issues } = parse([reps, table("Plans", ["Plan"], [["AE"]])]);
    expect(located(errors(issues))).toEqual(['Reps!C4 Base "abc" is not a number']);
  });

  it("reports Excel error values as such", () => {
    const reps = table("Reps", ["RepID", "Plan", "Base", "TargetVariable"], [["R1", "AE", "#N/A", 1]]);
    expect(located(errors(parse([reps, table("Plans", ["Plan"], [["AE"]])]).issues))).toEqual([
      "Reps!C2 Base shows the Excel error #N/A; fix the formula or enter a value",
    ]);
  });

  it("reads Settings written as one row with a column per setting", () => {
    const settings = table(
      "Settings",
      ["Reporting Currency", "Fiscal Year Start", "PlanYear", "FX:EUR", "Rounding"],
      [["eur", 7, "FY2027", 1, "cents"]],
    );
    const { input, issues } = parse(withTables(minimalTables(), settings));
    // Reps without a Currency are paid in the reporting currency.
    expect(errors(issues)).toEqual([]);
    expect(input!.settings).toMatchObject({ reportingCurrency: "EUR", fiscalYearStartMonth: 7, planYear: 2027 });
    expect(input!.reps[0].currency).toBe("EUR");
    expect(issues.map((i) => i.message)).toEqual([
      "Rounding is not a setting: payouts round to the currency's minor unit (cents), half away from zero",
    ]);
  });

  it("refuses bad settings", () => {
    const settings = table(
      "Settings",
      ["Key", "Value"],
      [
        ["FiscalYearStart", 13],
        ["PlanYear", "next"],
        ["FX:EUR", -1],
        ["Region", "EMEA"],
      ],
    );
    const { issues } = parse(withTables(minimalTables(), settings));
    expect(located(issues)).toEqual([
      "Settings row null Plan year 2026 (the current year: no period in Quotas or Actuals names a year); set PlanYear in Settings to choose another",
      "Settings!B2 FiscalYearStart 13 is not a month; write a month number 1–12 or a name like February",
      'Settings!B3 PlanYear "next" is not a year like 2026',
      "Settings!B4 FX rate FX:EUR must be more than 0",
      "Settings!A5 Setting Region is not used (settings read: ReportingCurrency, FiscalYearStart, FiscalYearEnd, PlanYear, Calendar, Proration, RampMonth1, and FX rates like FX:EUR)",
    ]);
  });
});

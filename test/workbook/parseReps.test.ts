import { parseModelInput } from "../../src/workbook/parse";
import type { Issue } from "../../src/workbook/types";
import { minimalTables, table, TODAY, withTables } from "./tables";

const parse = (tables: Parameters<typeof parseModelInput>[0]) => parseModelInput(tables, { today: TODAY });
const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === "Error");
const plans = table(
  "Plans",
  ["Plan", "Measure"],
  [
    ["AE", "Bookings"],
    ["SE", "Bookings"],
  ],
);

describe("Reps", () => {
  it("reads the minimal workbook with every default", () => {
    const { input, issues } = parse(minimalTables());
    expect(errors(issues)).toEqual([]);
    expect(input).not.toBeNull();
    const [ana, ben] = input!.reps;
    expect(ana).toMatchObject({
      id: "R1",
      name: "Ana",
      role: "",
      managerId: null,
      plan: "AE",
      currency: "USD",
      startDate: null,
      endDate: null,
      ramp: null,
      row: 2,
    });
    expect(ana.base.toString()).toBe("100000");
    expect(ana.targetVariable.toString()).toBe("50000");
    // Plain Quota is the plan's first measure.
    expect([...ana.annualQuota].map(([m, q]) => [m, q.toString()])).toEqual([["Bookings", "1000000"]]);
    expect(ben.managerId).toBe("R1");
    expect(input!.settings).toMatchObject({ reportingCurrency: "USD", fiscalYearStartMonth: 1, planYear: 2026 });
  });

  it("matches headers through aliases, ignoring case, spaces, underscores and punctuation", () => {
    const reps = table(
      "Reps",
      [
        "employee_id",
        "Full Name",
        "Reports To",
        "PLAN",
        "Base Salary",
        "On-Target Earnings",
        "Hire Date",
        "Termination Date",
        "Region",
      ],
      [
        ["E1", "Ana", null, "AE", "$100,000", "150,000", 45658, "2025-12-31", "West"],
        ["E2", "Ben", "E1", "ae", 90000, 140000, "2025/03/01", null, "East"],
      ],
    );
    const { input, issues } = parse([reps, plans]);
    expect(errors(issues)).toEqual([]);
    const [ana, ben] = input!.reps;
    // TargetVariable = OTE − Base: 150,000 − 100,000 = 50,000 and 140,000 − 90,000 = 50,000.
    expect(ana.targetVariable.toString()).toBe("50000");
    expect(ben.targetVariable.toString()).toBe("50000");
    expect(ana.startDate).toBe("2025-01-01"); // serial 45658
    expect(ana.endDate).toBe("2025-12-31");
    expect(ben).toMatchObject({ managerId: "E1", plan: "AE", startDate: "2025-03-01" }); // "ae" resolves to the plan as spelled in Plans
    // One Info for the unknown column, not one per row.
    const info = issues.filter((i) => i.severity === "Info" && i.table === "Reps");
    expect(info).toHaveLength(1);
    expect(info[0].message).toMatch(
      /^Reps: column not used: "Region" \(columns read: RepID, Name, Role, Manager, Plan, Currency, Base, TargetVariable, OTE, Quota, StartDate, EndDate, Ramp\)$/,
    );
    expect(info[0].row).toBe(1);
  });

  it("derives Base from TargetVariable and OTE", () => {
    const reps = table("Reps", ["RepID", "Plan", "TI", "OTE"], [["R1", "AE", 40000, "120,000.50"]]);
    const { input } = parse([reps, plans]);
    // Base = 120,000.50 − 40,000 = 80,000.50
    expect(input!.reps[0].base.toString()).toBe("80000.5");
  });

  it("reports Base + TargetVariable ≠ OTE on the OTE cell, as Excel shows it", () => {
    // Table on sheet "Comp Data" with the header on row 4 and first column B: body index 1 is row 6; OTE is the 5th column = F.
    const reps = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "OTE"],
      [
        ["R1", "AE", 100000, 50000, 150000],
        ["R2", "AE", 100000, 50000, 160000],
        ["R3", "AE", 100000, 50000.004, 150000], // within a cent: accepted
      ],
      { sheet: "Comp Data", headerRow: 4, firstColumn: 2 },
    );
    const { input, issues } = parse([reps, plans]);
    expect(input).toBeNull();
    expect(errors(issues)).toEqual([
      {
        severity: "Error",
        table: "Reps",
        sheet: "Comp Data",
        row: 6,
        column: "OTE",
        address: "'Comp Data'!F6",
        message:
          "Base 100,000 + TargetVariable 50,000 = 150,000, but OTE is 160,000; correct one of them or leave one blank",
      },
    ]);
  });

  it("needs two of Base, TargetVariable and OTE on every row", () => {
    const reps = table("Reps", ["RepID", "Plan", "Base", "TargetVariable", "OTE"], [["R1", "AE", 100000, null, null]]);
    const [e] = errors(parse([reps, plans]).issues);
    expect(e).toMatchObject({ row: 2, column: "TargetVariable", address: "Reps!D2" });
    expect(e.message).toBe("Give two of Base, TargetVariable, OTE (only Base is given)");
  });

  it("needs two of those columns in the table", () => {
    const reps = table("Reps", ["RepID", "Plan", "Base"], [["R1", "AE", 100000]]);
    const [e] = errors(parse([reps, plans]).issues);
    expect(e).toMatchObject({ table: "Reps", row: null });
    expect(e.message).toBe(
      "Reps needs two of the columns Base, TargetVariable and OTE (the third is worked out); it has only Base",
    );
  });

  it("reports a duplicate RepID naming both rows", () => {
    const reps = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable"],
      [
        ["R1", "AE", 1, 1],
        ["R2", "AE", 1, 1],
        ["R1", "AE", 1, 1],
      ],
    );
    expect(errors(parse([reps, plans]).issues)).toEqual([
      expect.objectContaining({
        row: 4,
        address: "Reps!A4",
        message: "RepID R1 is used twice (rows 2 and 4); each rep needs one row",
      }),
    ]);
  });

  it("reports an unknown plan listing the known ones, and an unknown manager", () => {
    const reps = table(
      "Reps",
      ["RepID", "Manager", "Plan", "Base", "TargetVariable"],
      [
        ["R1", null, "AE", 1, 1],
        ["R2", "R9", "Enterprise", 1, 1],
      ],
    );
    const errs = errors(parse([reps, plans]).issues);
    expect(errs.map((e) => [e.address, e.message])).toEqual([
      ["Reps!B3", 'Manager "R9" is not a RepID in Reps'],
      ["Reps!C3", 'Plan "Enterprise" is not in Plans (plans: AE, SE)'],
    ]);
  });

  it("compares RepIDs as Excel does, ignoring case: references find the rep, and two spellings clash", () => {
    const reps = table(
      "Reps",
      ["RepID", "Manager", "Plan", "Base", "TargetVariable", "Quota"],
      [
        ["R1", null, "AE", 1, 1, 1000],
        ["R2", "r1", "AE", 1, 1, 1000],
      ],
    );
    const actuals = table("Actuals", ["RepID", "Period", "Amount"], [["r2", "2026-Q1", 100]]);
    const ok = parse([reps, plans, actuals]);
    expect(errors(ok.issues)).toEqual([]);
    // The manager written "r1" and the Actuals row written "r2" are reps R1 and R2.
    expect(ok.input!.reps.map((r) => [r.id, r.managerId])).toEqual([
      ["R1", null],
      ["R2", "R1"],
    ]);
    expect(ok.input!.actuals.map((a) => a.repId)).toEqual(["R2"]);
    const clash = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable"],
      [
        ["E1101", "AE", 1, 1],
        ["e1101", "AE", 1, 1],
      ],
    );
    expect(errors(parse([clash, plans]).issues).map((e) => [e.address, e.message])).toEqual([
      [
        "Reps!A3",
        'RepID "e1101" is the same ID as "E1101" (rows 2 and 3): IDs match whatever their case, as in Excel; each rep needs one row',
      ],
    ]);
  });

  it("reads Quota <Measure> columns by the plan's measure names", () => {
    const twoMeasures = table(
      "Plans",
      ["Plan", "Measure", "Weight"],
      [
        ["AE", "New ARR", 0.7],
        ["AE", "Renewals", 0.3],
      ],
    );
    const reps = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "Quota", "Quota: Renewals"],
      [["R1", "AE", 1, 1, 900000, 300000]],
    );
    const { input, issues } = parse([reps, twoMeasures]);
    expect(errors(issues)).toEqual([]);
    expect([...input!.reps[0].annualQuota].map(([m, q]) => `${m}=${q.toString()}`)).toEqual([
      "New ARR=900000",
      "Renewals=300000",
    ]);

    const alt = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "renewals quota", "Quota Upsell"],
      [["R1", "AE", 1, 1, 5, 6]],
    );
    const r = parse([alt, twoMeasures]);
    expect([...r.input!.reps[0].annualQuota].map(([m, q]) => `${m}=${q.toString()}`)).toEqual(["Renewals=5"]);
    expect(r.issues.find((i) => i.severity === "Warning")).toMatchObject({
      address: "Reps!F1",
      message:
        'Column "Quota Upsell" reads as the annual quota of measure Upsell, but no plan has that measure (measures: New ARR, Renewals); it is not used',
    });
  });

  it("checks currencies against the FX rates in Settings", () => {
    const reps = table(
      "Reps",
      ["RepID", "Plan", "Currency", "Base", "TargetVariable"],
      [
        ["R1", "AE", "eur", 1, 1],
        ["R2", "AE", "GBP", 1, 1],
        ["R3", "AE", "JPY", 1, 1],
      ],
    );
    const settings = table(
      "Settings",
      ["Setting", "Value"],
      [
        ["FX:EUR", 1.08],
        ["GBPUSD", "1.25"],
      ],
    );
    const { issues } = parse([reps, plans, settings]);
    expect(errors(issues)).toEqual([
      expect.objectContaining({
        address: "Reps!C4",
        message: "Rep R3 is paid in JPY but Settings has no FX rate for it: add the setting FX:JPY (USD per 1 JPY)",
      }),
    ]);
    const ok = parse([
      reps,
      plans,
      withTables(
        [settings],
        table(
          "Settings",
          ["Setting", "Value"],
          [
            ["EUR", 1.08],
            ["FX GBP", 1.25],
            ["USDJPY", 160],
          ],
        ),
      )[0],
    ]);
    expect(errors(ok.issues)).toEqual([]);
    expect(ok.input!.reps.map((r) => r.currency)).toEqual(["EUR", "GBP", "JPY"]);
    const fx = ok.input!.settings.fxRates;
    // USDJPY 160 means 160 yen per dollar, so one yen is 1/160 = 0.00625 USD.
    expect([...fx].map(([c, r]) => `${c}=${r.toString()}`)).toEqual(["USD=1", "EUR=1.08", "GBP=1.25", "JPY=0.00625"]);
  });

  it("checks ramps exist and end dates follow start dates", () => {
    const reps = table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "StartDate", "EndDate", "Ramp"],
      [["R1", "AE", 1, 1, "2026-03-01", "2026-01-31", "New Hire"]],
    );
    const errs = errors(parse([reps, plans]).issues);
    expect(errs.map((e) => [e.address, e.message])).toEqual([
      ["Reps!F2", "EndDate 2026-01-31 is before StartDate 2026-03-01"],
      ["Reps!G2", 'Ramp "New Hire" needs a Ramps table, and the workbook has none: add one, or clear Ramp'],
    ]);
  });
});

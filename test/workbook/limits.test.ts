import { assertFinite, runWorkbook } from "../../src/workbook/run";
import { minimalTables, table, withTables } from "./tables";

/** Inputs that used to crash the run, exhaust memory or reach a sheet as nonsense: each now a located error. */
const at = new Date("2026-06-15T00:00:00Z");
const errors = (tables: ReturnType<typeof minimalTables>) => {
  const r = runWorkbook(tables, { sourceName: "limits.xlsx", computedAt: at });
  expect(r.ok).toBe(false);
  return r.issues.filter((i) => i.severity === "Error").map((i) => `${i.address} ${i.message}`);
};
const tiers = table("Tiers", ["Plan", "Measure", "From", "To", "Rate"], [["AE", "Bookings", 0, null, 1]]);

describe("limits on input values", () => {
  it("refuses a ShareAtQuota a spread cannot be fitted to (1e-300 was an internal RangeError)", () => {
    const scenarios = table(
      "Scenarios",
      ["Scenario", "Distribution", "Mean", "ShareAtQuota"],
      [["Tiny", "Normal", 0.9, 1e-300]],
    );
    expect(errors(withTables(minimalTables(), tiers, scenarios))).toEqual([
      "Scenarios!D2 ShareAtQuota must be between 0.1% and 99.9%: a spread cannot be fitted to 1e-298% of reps at quota",
    ]);
  });

  it("refuses a ramp month past ten years (1e9 crashed building the schedule)", () => {
    const ramps = table("Ramps", ["Ramp", "Month", "QuotaPct"], [["Slow", 1000000000, 0.5]]);
    expect(errors(withTables(minimalTables(), tiers, ramps))).toEqual([
      "Ramps!B2 Month 1000000000 is more than 120: a ramp covers at most ten years of tenure",
    ]);
  });

  it("refuses vesting past ten years (4e8 was killed for memory)", () => {
    const offers = table(
      "Offers",
      ["Offer", "Base", "OTE", "VestingYears", "EquityValue"],
      [["Far", 100000, 200000, 400000000, 1000]],
    );
    expect(errors(withTables(minimalTables(), tiers, offers))).toEqual([
      "Offers!D2 VestingYears 400000000 is more than 10 years",
    ]);
  });

  it("refuses an amount no plan holds: 1e300 bookings, a target variable of 1e20", () => {
    const actuals = table("Actuals", ["RepID", "Period", "Amount"], [["R1", "2026-Q1", 1e300]]);
    const reps = table(
      "Reps",
      ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
      [["R1", "Ana", "AE", 100000, 1e20, 1000000]],
    );
    expect(errors(withTables(minimalTables(), tiers, actuals, reps))).toEqual([
      "Reps!E2 TargetVariable 100000000000000000000 is beyond ±10,000,000,000,000 (ten trillion): no single amount, quota or pay in a plan is that large",
      "Actuals!C2 Amount 1e+300 is beyond ±10,000,000,000,000 (ten trillion): no single amount, quota or pay in a plan is that large",
    ]);
  });

  it("points a LogNormal whose mean and share at quota conflict at its ShareAtQuota cell", () => {
    const scenarios = table(
      "Scenarios",
      ["Scenario", "Distribution", "Mean", "StdDev", "ShareAtQuota"],
      [["N", "LogNormal", 0.5, null, 0.9]],
    );
    expect(errors(withTables(minimalTables(), tiers, scenarios))).toEqual([
      "Scenarios!E2 Scenario N: With mean attainment 50%, a LogNormal has at most 11.95% of reps at quota, so ShareAtQuota 90% is impossible: lower the share, raise the mean, or use a Normal.",
    ]);
  });

  it("reports an FX rate of 0 once, on its Settings cell, not as a missing rate on every rep paid in it", () => {
    const reps = table(
      "Reps",
      ["RepID", "Name", "Plan", "Currency", "Base", "TargetVariable", "Quota"],
      [
        ["R1", "Ana", "AE", "EUR", 100000, 50000, 1000000],
        ["R2", "Ben", "AE", "EUR", 100000, 50000, 1000000],
      ],
    );
    const settings = table(
      "Settings",
      ["Setting", "Value"],
      [
        ["PlanYear", 2026],
        ["FX EUR", 0],
      ],
    );
    expect(errors(withTables(minimalTables(), tiers, reps, settings))).toEqual([
      "Settings!B3 FX rate FX EUR must be more than 0",
    ]);
  });
});

describe("an FX rate left empty", () => {
  it("is one error on its Settings cell (it used to pass every check and stop the run with an internal error)", () => {
    const reps = table(
      "Reps",
      ["RepID", "Name", "Manager", "Plan", "Currency", "Base", "TargetVariable", "Quota"],
      [
        ["M1", "Lead", null, "Mgr", "USD", 100000, 50000, 1000000],
        ["R1", "Ana", "M1", "AE", "EUR", 100000, 50000, 1000000],
      ],
    );
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Basis"],
      [
        ["AE", "Bookings", "Individual"],
        ["Mgr", "Bookings", "Team"],
      ],
    );
    const bothTiers = table(
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate"],
      [
        ["AE", "Bookings", 0, null, 1],
        ["Mgr", "Bookings", 0, null, 1],
      ],
    );
    const actuals = table("Actuals", ["RepID", "Period", "Amount"], [["R1", "2026-Q1", 1000]]);
    const settings = table("Settings", ["Setting", "Value"], [["FX EUR", null]]);
    expect(errors([reps, plans, bothTiers, actuals, settings])).toEqual([
      "Settings!B2 FX rate FX EUR is empty: enter how many USD one EUR is worth",
    ]);
  });
});

describe("the render boundary", () => {
  it("never lets a non-finite number reach a result sheet", () => {
    const sheet = {
      name: "Results_X",
      title: "",
      subtitle: "",
      columns: [{ header: "Pay", format: "money" as const }],
    };
    expect(() => assertFinite([{ ...sheet, rows: [[1], [2.5]] }])).not.toThrow();
    expect(() => assertFinite([{ ...sheet, rows: [[1], [Infinity]] }])).toThrow(
      "internal: Results_X row 2, column Pay would hold Infinity",
    );
    expect(() => assertFinite([{ ...sheet, rows: [[NaN]] }])).toThrow(/would hold NaN/);
  });

  it("refuses a quota under a cent, which would put an attainment of 1e300% into the trace", () => {
    const reps = table(
      "Reps",
      ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
      [["R1", "Ana", "AE", 100000, 50000, 1e-300]],
    );
    expect(errors(withTables(minimalTables(), tiers, reps))).toEqual([
      "Reps!F2 Quota 1e-300 is less than a cent: a quota is 0 (nothing to attain) or at least 0.01",
    ]);
  });
});

describe("empty and missing inputs", () => {
  it("says so when a team plan has no team, or a Historical scenario has no history, instead of a silent zero", () => {
    const reps = table(
      "Reps",
      ["RepID", "Name", "Manager", "Plan", "Base", "TargetVariable", "Quota"],
      [
        ["M1", "Lone", null, "Mgr", 100000, 50000, 1000000],
        ["E1", "Ana", null, "AE", 100000, 50000, 1000000],
      ],
    );
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Basis"],
      [
        ["AE", "Bookings", "Individual"],
        ["Mgr", "Bookings", "Team"],
      ],
    );
    const teamTiers = table(
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate"],
      [
        ["AE", "Bookings", 0, null, 1],
        ["Mgr", "Bookings", 0, null, 1],
      ],
    );
    const scenarios = table("Scenarios", ["Scenario", "Distribution"], [["Hist", "Historical"]]);
    const r = runWorkbook([reps, plans, teamTiers, scenarios], { sourceName: "empty.xlsx", computedAt: at });
    expect(r.issues.filter((i) => i.severity === "Warning").map((i) => `${i.address} ${i.message}`)).toEqual([
      "Reps!D2 Rep M1 is paid on the team's Bookings (plan Mgr, Basis Team) but nobody in Reps has M1 as Manager: the team's credit is 0.",
      "Scenarios!B2 Scenario Hist: No AttainmentHistory rows for the org in scope. Those reps are left out of its realistic earnings.",
    ]);
  });
});

describe("rows that would change nothing", () => {
  it("warns, on the row, that a plan with rows only in a scenario pays nobody", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Scenario"],
      [
        ["AE", "Bookings", null],
        ["New", "Bookings", "S1"],
      ],
    );
    const scenarios = table("Scenarios", ["Scenario"], [["S1"]]);
    const r = runWorkbook(withTables(minimalTables(), tiers, plans, scenarios), {
      sourceName: "s.xlsx",
      computedAt: at,
    });
    expect(r.ok).toBe(true);
    expect(r.issues.filter((i) => i.severity === "Warning").map((i) => `${i.address} ${i.message}`)).toEqual([
      "Plans!A3 Plan New has rows only in scenario S1, and a rep's Plan must name a baseline plan, so nobody is paid on it and these rows change nothing; add a baseline Plans row for New, or give the rows the plan the reps are on",
    ]);
  });
});

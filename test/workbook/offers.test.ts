import { evaluateOffers } from "../../src/engine/offers";
import { locateEngineIssue } from "../../src/workbook/engineIssues";
import { parseModelInput } from "../../src/workbook/parse";
import type { Issue, RawCell, RawTable } from "../../src/workbook/types";
import { minimalTables, table, TODAY, withTables } from "./tables";

const plans = table(
  "Plans",
  ["Plan", "Measure", "RateType"],
  [
    ["AE", "Bookings", null],
    ["Director", "Bookings", null],
    ["Commission", "Bookings", "Percent"],
  ],
);
const tiers = table(
  "Tiers",
  ["Plan", "Measure", "From", "To", "Rate"],
  [
    ["Director", "Bookings", 0, 1, 1],
    ["Director", "Bookings", 1, null, 1.5],
    ["Commission", "Bookings", 0, null, "10%"],
  ],
);
const settings = table("Settings", ["Setting", "Value"], [["FX:EUR", 1.1]]);

function parse(offers: RawTable) {
  const tables = withTables(minimalTables(), plans, tiers, settings, offers);
  return { tables, ...parseModelInput(tables, { today: TODAY }) };
}
const offersTable = (headers: string[], rows: RawCell[][]) => table("Offers", headers, rows);
const brief = (issues: readonly Issue[]) =>
  issues.filter((i) => i.table === "Offers").map((i) => [i.severity, i.row, i.address, i.message]);

describe("Offers table", () => {
  it("reads every column through its aliases, leaving unstated terms null", () => {
    const { input, issues } = parse(
      offersTable(
        [
          "Offer Name",
          "Base Salary",
          "On-Target Earnings",
          "Comp Plan",
          "Org Attainment",
          "Std Dev",
          "Ramp Months",
          "Guarantee",
          "Monthly Draw",
          "Draw Type",
          "Signing Bonus",
          "Equity Grant",
          "Vesting",
          "Cliff",
          "Vest Frequency",
          "Start Date",
          "Ccy",
        ],
        [
          [
            "Growth Co",
            "$150,000",
            240000,
            "director",
            "70%",
            0.2,
            3,
            "50%",
            4000,
            "Non-recoverable",
            10000,
            200000,
            4,
            12,
            "Quarterly",
            "2026-03-01",
            "eur",
          ],
          [
            "Current job",
            140000,
            200000,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ],
        ],
      ),
    );
    expect(brief(issues)).toEqual([]);
    const [growth, current] = input!.offers!;
    expect(growth).toMatchObject({
      name: "Growth Co",
      currency: "EUR",
      plan: "Director",
      rampMonths: 3,
      drawType: "NonRecoverable",
      vestingYears: 4,
      cliffMonths: 12,
      vestingFrequency: "Quarterly",
      startDate: "2026-03-01",
      source: "Offers row 2",
    });
    // OTE 240,000 − base 150,000 = target variable 90,000.
    expect(
      [
        growth.base,
        growth.targetVariable,
        growth.expectedAttainment,
        growth.stdDev,
        growth.rampGuarantee,
        growth.draw,
        growth.signOnBonus,
        growth.equityValue,
      ].map(String),
    ).toEqual(["150000", "90000", "0.7", "0.2", "0.5", "4000", "10000", "200000"]);
    expect(current).toMatchObject({
      currency: "USD",
      plan: null,
      expectedAttainment: null,
      rampMonths: 0,
      vestingYears: null,
      cliffMonths: null,
      vestingFrequency: null,
      startDate: null,
    });
    expect([current.targetVariable.toString(), current.signOnBonus.toString(), current.equityValue.toString()]).toEqual(
      ["60000", "0", "0"],
    );
  });

  it("without an Offers table the input has no offers", () => {
    const { input } = parseModelInput(minimalTables(), { today: TODAY });
    expect(input!.offers).toBeUndefined();
  });

  it("reports missing columns: no Offer column, and fewer than two of Base, TargetVariable, OTE", () => {
    expect(brief(parse(offersTable(["Base", "OTE"], [[150000, 240000]])).issues)).toEqual([
      [
        "Error",
        null,
        null,
        "Offers has no Offer column; add one (accepted headers: Offer, Offer Name, Name, Company, Employer, Option)",
      ],
    ]);
    expect(brief(parse(offersTable(["Offer", "OTE"], [["A", 240000]])).issues)).toEqual([
      [
        "Error",
        null,
        null,
        "Offers needs two of the columns Base, TargetVariable and OTE (the third is worked out); it has only OTE",
      ],
    ]);
    expect(brief(parse(offersTable(["Offer", "Base", "OTE"], [["A", 150000, null]])).issues)).toEqual([
      ["Error", 2, "Offers!C2", "Give two of Base, OTE (only Base is given)"],
    ]);
  });

  it("refuses an OTE that is not Base + TargetVariable, like Reps", () => {
    const { input, issues } = parse(
      offersTable(["Offer", "Base", "TargetVariable", "OTE"], [["A", 150000, 80000, 240000]]),
    );
    expect(input).toBeNull();
    expect(brief(issues)).toEqual([
      [
        "Error",
        2,
        "Offers!D2",
        "Base 150,000 + TargetVariable 80,000 = 230,000, but OTE is 240,000; correct one of them or leave one blank",
      ],
    ]);
  });

  it("checks plan names, spreads, ramp, vesting and currency cell by cell", () => {
    const { issues } = parse(
      offersTable(
        [
          "Offer",
          "Base",
          "OTE",
          "Plan",
          "ExpectedAttainment",
          "StdDev",
          "ShareAtQuota",
          "RampMonths",
          "RampGuarantee",
          "VestingYears",
          "CliffMonths",
          "Currency",
        ],
        [
          ["A", 150000, 240000, "VP", 0.7, 0.2, 0.3, 13, null, null, null, null],
          ["A", 150000, 240000, null, null, 0.2, null, 2, 0.5, 2, 30, "GBP"],
          ["B", 150000, 240000, "Commission", 0.8, null, null, 0, 0.5, null, null, null],
        ],
      ),
    );
    expect(brief(issues)).toEqual([
      ["Error", 2, "Offers!D2", 'Plan "VP" is not in Plans (plans: AE, Director, Commission)'],
      ["Error", 2, "Offers!G2", "Give StdDev or ShareAtQuota, not both: either one fixes the spread of attainment"],
      ["Error", 2, "Offers!H2", "RampMonths 13 is more than 12: the ramp is part of year one"],
      ["Error", 3, "Offers!A3", "Offer A is listed twice (rows 2 and 3); give each offer its own name"],
      ["Error", 3, "Offers!E3", "A spread (StdDev) needs ExpectedAttainment, the mean it spreads around (e.g. 70%)"],
      ["Error", 3, "Offers!K3", "CliffMonths 30 is longer than the 24-month vesting schedule"],
      [
        "Error",
        3,
        "Offers!L3",
        "Offer A is in GBP but Settings has no FX rate for it: add the setting FX:GBP (USD per 1 GBP)",
      ],
      [
        "Error",
        4,
        "Offers!D4",
        "Plan Commission pays Bookings as a percent of bookings (or on amount bands), so the offer needs its annual Quota above 0",
      ],
      ["Warning", 4, "Offers!I4", "RampGuarantee is not used: the offer has no RampMonths"],
    ]);
  });

  it("warnings for what to ask name the offer's Excel row and cell once the engine has valued it", () => {
    const { tables, input, issues } = parse(
      offersTable(
        ["Offer", "Base", "OTE", "Plan", "ExpectedAttainment", "EquityValue"],
        [
          ["Growth Co", 150000, 240000, "Director", 0.7, null],
          ["Mystery Inc", 160000, 250000, null, null, 50000],
        ],
      ),
    );
    expect(brief(issues)).toEqual([]);
    const located = evaluateOffers(input!).issues.map((i) => locateEngineIssue(i, tables));
    expect(brief(located)).toEqual([
      ["Warning", 3, "Offers!D3", expect.stringContaining("Offer Mystery Inc: no Plan given")],
      ["Warning", 3, "Offers!E3", expect.stringContaining("Ask what share of quota the org reached last year")],
      ["Warning", 3, "Offers!F3", expect.stringContaining("Ask about vesting")],
    ]);
  });

  it("a ShareAtQuota on a Team-basis plan is not used: the warning is on its cell, the spread is the org's history", () => {
    const teamPlans = table(
      "Plans",
      ["Plan", "Measure", "RateType", "Basis"],
      [
        ["AE", "Bookings", null, null],
        ["Director", "Bookings", null, "Team"],
        ["Commission", "Bookings", "Percent", null],
      ],
    );
    // Org attainment 0.8 (2024) and 1.0 (2025, the mean of Q1–Q4 0.9, 1.1, 0.8, 1.2): sample sd √0.02 = 14.1%.
    const history = table(
      "AttainmentHistory",
      ["RepID", "Period", "Attainment"],
      [
        ["R1", "2024", 0.8],
        ["R1", "2025-Q1", 0.9],
        ["R1", "2025-Q2", 1.1],
        ["R1", "2025-Q3", 0.8],
        ["R1", "2025-Q4", 1.2],
      ],
    );
    const offers = offersTable(
      ["Offer", "Base", "OTE", "Plan", "ExpectedAttainment", "ShareAtQuota"],
      [["Growth Co", 150000, 240000, "Director", 0.7, 0.25]],
    );
    const tables = withTables(minimalTables(), teamPlans, tiers, settings, history, offers);
    const { input, issues } = parseModelInput(tables, { today: TODAY });
    expect(issues.filter((i) => i.severity === "Error")).toEqual([]);
    const evaluation = evaluateOffers(input!);
    const r = evaluation.results[0];
    expect([r.spreadSource, r.spread.toDecimalPlaces(9).toString()]).toEqual(["AttainmentHistory", "0.141421356"]);
    const located = evaluation.issues.map((i) => locateEngineIssue(i, tables));
    expect(brief(located)).toEqual([
      [
        "Warning",
        2,
        "Offers!F2",
        expect.stringContaining(
          "As plan Director has a Team-basis measure, ShareAtQuota is not used; the spread used is the org's year-to-year spread in AttainmentHistory 2024–2025, 14.1%.",
        ),
      ],
    ]);
  });
});

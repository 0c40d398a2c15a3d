import type { RawCell } from "../types";
import { EUR_USD, NEW_ARR, PLAN_YEAR, RENEWALS, type AcmeOrg } from "./acmeOrg";
import { excelSerial } from "./excelDate";
import { seededRandom } from "./random";
import type { ExampleTable } from "./exampleTable";

/** One function per input table of the Acme example; add a table by adding a function. */

export function settingsTable(): ExampleTable {
  return {
    name: "Settings",
    headers: ["Setting", "Value"],
    formats: ["text", "text"],
    rows: [
      ["ReportingCurrency", "USD"],
      ["FiscalYearStart", 1],
      ["PlanYear", PLAN_YEAR],
      ["FX EUR", EUR_USD],
    ],
  };
}

export function repsTable(org: AcmeOrg): ExampleTable {
  return {
    name: "Reps",
    headers: [
      "RepID",
      "Name",
      "Role",
      "Manager",
      "Plan",
      "Currency",
      "Base",
      "TargetVariable",
      "Quota",
      "Quota Renewals",
      "StartDate",
      "EndDate",
      "Ramp",
    ],
    formats: [
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "money",
      "money",
      "money",
      "money",
      "date",
      "date",
      "text",
    ],
    rows: org.people.map((p) => [
      p.id,
      p.name,
      p.role,
      p.managerId,
      p.plan,
      p.currency,
      p.base,
      p.targetVariable,
      p.quota,
      p.renewalsQuota,
      p.startDate,
      p.endDate,
      p.ramp,
    ]),
  };
}

const PLAN_HEADERS = [
  "Plan",
  "Measure",
  "Weight",
  "Period",
  "Basis",
  "TeamScope",
  "TierMode",
  "TierBasis",
  "RateType",
  "Combine",
  "Cumulative",
  "NegativeTrueUp",
  "Threshold",
  "CapAttainment",
  "CapPayout",
  "Draw",
  "DrawType",
  "DrawRecovery",
  "Scenario",
] as const;

interface PlanRow {
  readonly plan: string;
  readonly measure: string;
  readonly weight: number;
  readonly basis?: "Individual" | "Team";
  readonly scope?: "Subtree" | "Direct";
  readonly gate?: number;
  readonly capAttainment?: number;
  readonly capPayout?: number;
  readonly draw?: number;
  /** Year-to-date plan: true-ups, a negative one carried as a debit (NegativeTrueUp Clawback). */
  readonly cumulative?: boolean;
  readonly scenario?: string;
}

function planRow(r: PlanRow): RawCell[] {
  const drawn = r.draw !== undefined;
  return [
    r.plan,
    r.measure,
    r.weight,
    "Quarter",
    r.basis ?? "Individual",
    r.scope ?? null,
    "Marginal",
    "Attainment",
    "Multiplier",
    "PerMeasure",
    r.cumulative ? "Yes" : null,
    r.cumulative ? "Clawback" : null,
    r.gate ?? null,
    r.capAttainment ?? null,
    r.capPayout ?? null,
    r.draw ?? null,
    drawn ? "Recoverable" : null,
    drawn ? "AboveDraw" : null,
    r.scenario ?? null,
  ];
}

/** The AE plan's two measures; the new-hire plan is the same with a recoverable draw. */
const AE_NEW_ARR: PlanRow = { plan: "AE", measure: NEW_ARR, weight: 0.7, gate: 0.4, capPayout: 3 };
const AE_RENEWALS: PlanRow = { plan: "AE", measure: RENEWALS, weight: 0.3, gate: 0.5, capAttainment: 1.5 };

export function plansTable(): ExampleTable {
  const hire = (r: PlanRow): PlanRow => ({ ...r, plan: "AE New Hire", draw: 6_000 });
  const ytd = (r: PlanRow): PlanRow => ({ ...r, plan: "AE YTD", cumulative: true });
  return {
    name: "Plans",
    headers: PLAN_HEADERS,
    formats: [
      "text",
      "text",
      "percent",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "percent",
      "percent",
      "multiple",
      "money",
      "text",
      "text",
      "text",
    ],
    rows: [
      // AE: New ARR gated at 40% and capped at 3× target; Renewals gated at 50%, attainment capped at 150%.
      planRow(AE_NEW_ARR),
      planRow(AE_RENEWALS),
      // AE YTD: the same measures paid on year-to-date attainment, each quarter trued up.
      planRow(ytd(AE_NEW_ARR)),
      planRow(ytd(AE_RENEWALS)),
      planRow(hire(AE_NEW_ARR)),
      planRow(hire(AE_RENEWALS)),
      // Leaders are paid on their team's New ARR: managers on their direct reports, the director on the whole org.
      planRow({ plan: "Manager", measure: NEW_ARR, weight: 1, basis: "Team", scope: "Direct" }),
      planRow({ plan: "Director", measure: NEW_ARR, weight: 1, basis: "Team", scope: "Subtree" }),
      // Scenarios: each row replaces the baseline row of the same plan and measure inside that scenario.
      ...[(r: PlanRow) => r, ytd].flatMap((as) => [
        planRow({ ...as(AE_NEW_ARR), weight: 0.6, scenario: "60/40 measure mix" }),
        planRow({ ...as(AE_RENEWALS), weight: 0.4, scenario: "60/40 measure mix" }),
        planRow({ ...as(AE_NEW_ARR), capPayout: 2, scenario: "Payout cap 2x" }),
        planRow({ ...as(AE_NEW_ARR), gate: 0.25, scenario: "Lower gate 25%" }),
      ]),
    ],
  };
}

export function tiersTable(): ExampleTable {
  return {
    name: "Tiers",
    headers: ["Plan", "Measure", "From", "To", "Rate", "Scenario"],
    formats: ["text", "text", "percent", "percent", "multiple", "text"],
    rows: [
      // Marginal: at 100% the AE earns 0.5 × 50% + 1.5 × 50% = 0.25 + 0.75 = 1.0 × target.
      ["AE", NEW_ARR, 0, 0.5, 0.5, null], // decelerator
      ["AE", NEW_ARR, 0.5, 1, 1.5, null],
      ["AE", NEW_ARR, 1, 1.5, 2, null], // accelerator
      ["AE", NEW_ARR, 1.5, null, 2.5, null],
      ["AE", RENEWALS, 0, 1, 1, null],
      ["AE", RENEWALS, 1, null, 1.25, null],
      ["Manager", NEW_ARR, 0, 1, 1, null],
      ["Manager", NEW_ARR, 1, null, 1.5, null],
      ["Director", NEW_ARR, 0, 1, 1, null],
      ["Director", NEW_ARR, 1, null, 1.5, null],
      // The year-to-date and new-hire plans pay on the AE tables.
      ...["AE YTD", "AE New Hire"].flatMap((plan): RawCell[][] => [
        [plan, NEW_ARR, 0, 0.5, 0.5, null],
        [plan, NEW_ARR, 0.5, 1, 1.5, null],
        [plan, NEW_ARR, 1, 1.5, 2, null],
        [plan, NEW_ARR, 1.5, null, 2.5, null],
        [plan, RENEWALS, 0, 1, 1, null],
        [plan, RENEWALS, 1, null, 1.25, null],
      ]),
      // Scenario "Richer accelerators": steeper above quota (replaces all AE New ARR bands in that scenario).
      ...["AE", "AE YTD"].flatMap((plan): RawCell[][] => [
        [plan, NEW_ARR, 0, 0.5, 0.5, "Richer accelerators"],
        [plan, NEW_ARR, 0.5, 1, 1.5, "Richer accelerators"],
        [plan, NEW_ARR, 1, 1.5, 2.5, "Richer accelerators"],
        [plan, NEW_ARR, 1.5, null, 3, "Richer accelerators"],
      ]),
    ],
  };
}

export function actualsTable(org: AcmeOrg): ExampleTable {
  return {
    name: "Actuals",
    headers: ["RepID", "Period", "Measure", "Amount"],
    formats: ["text", "text", "text", "money"],
    rows: org.bookings.map((b) => [b.repId, b.period, b.measure, b.amount]),
  };
}

export function rampsTable(): ExampleTable {
  return {
    name: "Ramps",
    headers: ["Ramp", "Month", "QuotaPct"],
    formats: ["text", "integer", "percent"],
    rows: [
      ["NewHire", 1, 0.5],
      ["NewHire", 2, 0.5],
      ["NewHire", 3, 0.75],
      ["NewHire", 4, 0.75],
    ],
  };
}

export function adjustmentsTable(): ExampleTable {
  return {
    name: "Adjustments",
    headers: ["RepID", "Period", "Type", "Amount", "Note"],
    formats: ["text", "text", "text", "money", "text"],
    rows: [
      ["E1101", "2026-Q2", "SPIF", 2_500, "Multi-year prepaid deal SPIF"],
      // Larger than E1205's Q3 pay: the rest is carried and taken from Q4.
      ["E1205", "2026-Q3", "Clawback", 30_000, "Customer churned within 90 days; commission on the deal reversed"],
      ["E1302", "2026-Q4", "Bonus", 1_500, "President's club runner-up"],
      // Booked after the leaver's last day (31 August): nothing left to take it from, so it is owed.
      ["E1206", "2026-11", "Clawback", 5_000, "A deal closed in July churned after the rep left"],
    ],
  };
}

export function scenariosTable(): ExampleTable {
  return {
    name: "Scenarios",
    headers: ["Scenario", "Description", "Attainment", "Distribution", "Mean", "StdDev", "ShareAtQuota", "Scope"],
    formats: ["text", "text", "percent", "text", "percent", "percent", "percent", "text"],
    rows: [
      [
        "Richer accelerators",
        "2.5x from 100%, 3x from 150%, at last year's attainment",
        null,
        "Historical",
        null,
        null,
        null,
        "Org",
      ],
      [
        "Payout cap 2x",
        "New ARR capped at 2x target; a normal spread around 90%",
        null,
        "Normal",
        0.9,
        0.25,
        null,
        null,
      ],
      ["60/40 measure mix", "New ARR 60%, Renewals 40%, on this year's actuals", null, null, null, null, null, null],
      [
        "Lower gate 25%",
        "New ARR gate lowered to 25%; 25% of reps at quota",
        null,
        "LogNormal",
        0.85,
        null,
        0.25,
        null,
      ],
    ],
  };
}

/** First plan year of the example's AttainmentHistory: three years, so the backtest can fit two and score one. */
export const HISTORY_FROM = PLAN_YEAR - 3;

/**
 * Three years of quarterly attainment of every AE who was there all year:
 * each rep has a lasting level, each year moves the whole org a little (a
 * shared market), each rep-year its own way, and quarters swing around the
 * year. Quota is the rep's quarterly quota that year, so a rep-year's
 * attainment is credit over quota.
 */
export function attainmentHistoryTable(org: AcmeOrg): ExampleTable {
  const random = seededRandom(2025);
  const rows: RawCell[][] = [];
  const yearShock = [0.94, 1.04, 0.96];
  const aes = org.people.filter((p) => p.role === "AE");
  const skill = new Map(aes.map((p) => [p.id, random.between(0.62, 1.12)]));
  for (let y = 0; y < 3; y++) {
    const year = HISTORY_FROM + y;
    for (const p of aes) {
      if (p.startDate > excelSerial(year, 1, 1)) continue;
      const level = skill.get(p.id)! * yearShock[y] * Math.exp(0.12 * random.normal());
      const quota = Math.round((p.quota * (0.85 + 0.05 * y)) / 4 / 1000) * 1000;
      for (let q = 1; q <= 4; q++) {
        rows.push([
          p.id,
          `${year}-Q${q}`,
          Math.round(level * Math.max(0, 1 + 0.22 * random.normal()) * 1000) / 1000,
          quota,
        ]);
      }
    }
  }
  return {
    name: "AttainmentHistory",
    headers: ["RepID", "Period", "Attainment", "Quota"],
    formats: ["text", "text", "percent", "money"],
    rows,
  };
}

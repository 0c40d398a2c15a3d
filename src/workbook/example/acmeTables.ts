import type { RawCell } from "../types";
import { NEW_ARR, PLAN_YEAR, RENEWALS, type AcmeOrg } from "./acmeOrg";
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
    ],
    formats: ["text", "text", "text", "text", "text", "text", "money", "money", "money", "money", "date"],
    rows: org.people.map((p) => [
      p.id,
      p.name,
      p.role,
      p.managerId,
      p.plan,
      "USD",
      p.base,
      p.targetVariable,
      p.quota,
      p.renewalsQuota,
      p.startDate,
    ]),
  };
}

const PLAN_HEADERS = [
  "Plan",
  "Measure",
  "Weight",
  "Period",
  "Basis",
  "TierMode",
  "TierBasis",
  "RateType",
  "Combine",
  "Threshold",
  "CapAttainment",
  "CapPayout",
] as const;

export function plansTable(): ExampleTable {
  const quarterlyMarginal = ["Quarter", "Individual", "Marginal", "Attainment", "Multiplier", "PerMeasure"];
  const row = (
    plan: string,
    measure: string,
    weight: number,
    gate: RawCell,
    capAtt: RawCell,
    capPay: RawCell,
  ): RawCell[] => [plan, measure, weight, ...quarterlyMarginal, gate, capAtt, capPay];
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
      "percent",
      "percent",
      "multiple",
    ],
    rows: [
      // AE: New ARR gated at 40% and capped at 3× target; Renewals gated at 50%, attainment capped at 150%.
      row("AE", NEW_ARR, 0.7, 0.4, null, 3),
      row("AE", RENEWALS, 0.3, 0.5, 1.5, null),
      row("Manager", NEW_ARR, 1, null, null, null),
      row("Director", NEW_ARR, 1, null, null, null),
    ],
  };
}

export function tiersTable(): ExampleTable {
  return {
    name: "Tiers",
    headers: ["Plan", "Measure", "From", "To", "Rate"],
    formats: ["text", "text", "percent", "percent", "multiple"],
    rows: [
      // Marginal: at 100% the AE earns 0.5 × 50% + 1.5 × 50% = 0.25 + 0.75 = 1.0 × target.
      ["AE", NEW_ARR, 0, 0.5, 0.5], // decelerator
      ["AE", NEW_ARR, 0.5, 1, 1.5],
      ["AE", NEW_ARR, 1, 1.5, 2], // accelerator
      ["AE", NEW_ARR, 1.5, null, 2.5],
      ["AE", RENEWALS, 0, 1, 1],
      ["AE", RENEWALS, 1, null, 1.25],
      ["Manager", NEW_ARR, 0, 1, 1],
      ["Manager", NEW_ARR, 1, null, 1.5],
      ["Director", NEW_ARR, 0, 1, 1],
      ["Director", NEW_ARR, 1, null, 1.5],
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

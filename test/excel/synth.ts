import type { ColumnSpec, SheetSpec, SpecCell } from "../../src/workbook/types";

/**
 * Synthetic inputs and results of realistic width for payload tests:
 * per rep, 2 measures × 12 months of quotas and actuals; per rep × month ×
 * measure one payout line of 14 columns (10,000 reps -> 240,000 rows).
 */

const MEASURES = ["New ARR", "Renewals"];

export function repId(i: number): string {
  return `R${String(i + 1).padStart(5, "0")}`;
}

export function repsRows(reps: number): (string | number)[][] {
  return Array.from({ length: reps }, (_, i) => [
    repId(i),
    `Rep Number ${i + 1}`,
    "AE",
    i < 10 ? "" : repId(i % 10),
    "AE",
    "USD",
    95000 + (i % 7) * 1000,
    60000,
    800000,
    "",
    46023,
    "",
  ]);
}
export const REPS_HEADERS = [
  "RepID",
  "Name",
  "Role",
  "Manager",
  "Plan",
  "Currency",
  "Base",
  "TargetVariable",
  "Quota",
  "EndDate",
  "StartDate",
  "Ramp",
];

export function periodRows(reps: number, amount: (i: number, m: number, k: number) => number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < reps; i++) {
    for (let m = 1; m <= 12; m++) {
      for (let k = 0; k < MEASURES.length; k++)
        rows.push([repId(i), `2026-${String(m).padStart(2, "0")}`, MEASURES[k], amount(i, m, k)]);
    }
  }
  return rows;
}

const PAYOUT_COLUMNS: ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Period", format: "text" },
  { header: "Measure", format: "text" },
  { header: "Quota", format: "money" },
  { header: "Actual", format: "money" },
  { header: "Attainment", format: "percent" },
  { header: "TargetIncentive", format: "money" },
  { header: "Rate", format: "multiple" },
  { header: "Payout", format: "money" },
  { header: "Threshold", format: "boolean" },
  { header: "Capped", format: "boolean" },
  { header: "Note", format: "text", width: 40 },
];

export function payoutsSpec(reps: number): SheetSpec {
  const rows: SpecCell[][] = [];
  for (let i = 0; i < reps; i++) {
    for (let m = 1; m <= 12; m++) {
      for (let k = 0; k < MEASURES.length; k++) {
        const quota = 33333.33 + k * 1000;
        const actual = Math.round((20000 + ((i * 7919 + m * 104729 + k) % 40000)) * 100) / 100;
        const att = Math.round((actual / quota) * 1e6) / 1e6;
        rows.push([
          "",
          repId(i),
          `Rep Number ${i + 1}`,
          `2026-${String(m).padStart(2, "0")}`,
          MEASURES[k],
          quota,
          actual,
          att,
          2500,
          1.5,
          Math.round(att * 2500 * 100) / 100,
          att >= 0.5,
          att > 2,
          i % 50 === 0 ? "=ramp adjusted" : null,
        ]);
      }
    }
  }
  return {
    name: "Results_Payouts",
    title: "Payouts",
    subtitle: `Computed from synthetic.xlsx (${reps} reps)`,
    columns: PAYOUT_COLUMNS,
    rows,
  };
}

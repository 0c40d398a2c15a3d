import { excelSerial } from "./excelDate";
import type { ExampleTable } from "./exampleTable";

/** The Modern SaaS example's plan year. */
export const MODERN_PLAN_YEAR = 2027;

type Quarter = [newArr: number, renewals: number, mboScore: number];

/**
 * One AE's year: quarterly New ARR, Renewals and MBO score. Annual quotas are
 * 1,200,000 New ARR and 800,000 Renewals (300,000 and 200,000 a quarter).
 */
interface ModernRep {
  readonly id: string;
  readonly name: string;
  readonly plan: "AE" | "AE New Hire";
  readonly start: [number, number, number] | null;
  readonly end: [number, number, number] | null;
  readonly quarters: readonly (Quarter | null)[];
}

const REPS: readonly ModernRep[] = [
  // The worked rep of docs/calculation.md and test/example/modernSaas.test.ts.
  {
    id: "M101",
    name: "Ava Chen",
    plan: "AE",
    start: null,
    end: null,
    quarters: [
      [270_000, 190_000, 1],
      [390_000, 230_000, 1.2],
      [300_000, 160_000, 0.9],
      [450_000, 200_000, 1.1],
    ],
  },
  {
    id: "M102",
    name: "Ben Okafor",
    plan: "AE",
    start: null,
    end: null,
    quarters: [
      [330_000, 210_000, 1.1],
      [280_000, 150_000, 0.8],
      [360_000, 220_000, 1.3],
      [900_000, 240_000, 1.5],
    ],
  },
  // Under the 50% annual gate: what was advanced is taken back at year end.
  {
    id: "M103",
    name: "Liam Ortiz",
    plan: "AE",
    start: null,
    end: null,
    quarters: [
      [150_000, 120_000, 0.5],
      [90_000, 80_000, 0.4],
      [60_000, 60_000, 0.3],
      [60_000, 40_000, 0.2],
    ],
  },
  // A hire on 15 February on a six-month 8,000 quarterly draw: 41 of fiscal Q1's 91 days of it tops up her MBO,
  // Q2 pays it back, and the draw ends on 14 August, mid-Q3.
  {
    id: "M201",
    name: "Nora Patel",
    plan: "AE New Hire",
    start: [MODERN_PLAN_YEAR, 2, 15],
    end: null,
    quarters: [
      [0, 0, 0.5],
      [120_000, 150_000, 0.9],
      [270_000, 200_000, 1],
      [330_000, 210_000, 1],
    ],
  },
  // Leaves on 26 June, the last day of fiscal Q2, with 5,500 drawn ahead: the plan forgives it (DrawOnExit Forgiven).
  {
    id: "M202",
    name: "Omar Haddad",
    plan: "AE New Hire",
    start: null,
    end: [MODERN_PLAN_YEAR, 6, 26],
    quarters: [[30_000, 40_000, 0.5], [20_000, 30_000, 0.5], null, null],
  },
];

const date = (d: [number, number, number] | null) => (d === null ? null : excelSerial(...d));
const label = (q: number) => `${MODERN_PLAN_YEAR}-Q${q + 1}`;

/**
 * A second example workbook, for the plan designs modern SaaS plans use
 * (docs/workbook.md): New ARR with accelerators and a kicker, its payout
 * multiplied by Renewals attainment (the Modifiers table), an MBO paid on a
 * score (the Scores table), an annual cap, quarterly advances at 80% with an
 * annual gate settled at year end, and a new-hire plan whose draw runs six
 * months and is forgiven at exit — on a 4-4-5 calendar (FY2027: 27 December
 * 2026 to 25 December 2027, quarters of 13 weeks).
 */
export function modernSaasExample(): readonly ExampleTable[] {
  const planRow = (plan: string, measure: string, weight: number, extra: (string | number | null)[]) => [
    plan,
    measure,
    weight,
    ...extra,
  ];
  // The AE plan advances 80% under a 50% annual gate; a new hire's first year has no gate, and a six-month draw.
  const planLevel = (draw: number | null) =>
    draw === null
      ? ["Quarter", 2.5, 0.8, 0.5, "FullYear", null, null, null]
      : ["Quarter", 2.5, null, null, null, draw, 6, "Forgiven"];
  const plans: (string | number | null)[][] = [];
  for (const [plan, draw] of [
    ["AE", null],
    ["AE New Hire", 8000],
  ] as const) {
    plans.push(planRow(plan, "New ARR", 0.6, [null, 0.5, 1.2, "Marginal", ...planLevel(draw)]));
    plans.push(planRow(plan, "Renewals", 0.2, [null, null, null, null, ...planLevel(draw)]));
    plans.push(planRow(plan, "MBO", 0.2, ["Score", null, null, null, ...planLevel(draw)]));
  }
  const tiers: (string | number | null)[][] = [];
  const modifiers: (string | number | null)[][] = [];
  for (const plan of ["AE", "AE New Hire"]) {
    tiers.push([plan, "New ARR", 0, 1, 1], [plan, "New ARR", 1, null, 2]);
    tiers.push([plan, "MBO", 0, 1.5, 1]);
    for (const [from, factor] of [
      [0, 0.8],
      [0.9, 1],
      [1.1, 1.1],
    ])
      modifiers.push([plan, "New ARR", "Renewals", from, factor]);
  }
  const actuals: (string | number)[][] = [];
  const scores: (string | number)[][] = [];
  for (const r of REPS)
    r.quarters.forEach((q, i) => {
      if (q === null) return;
      actuals.push([r.id, label(i), "New ARR", q[0]], [r.id, label(i), "Renewals", q[1]]);
      scores.push([r.id, label(i), "MBO", q[2]]);
    });
  return [
    {
      name: "Settings",
      headers: ["Setting", "Value"],
      formats: ["text", "text"],
      rows: [
        ["ReportingCurrency", "USD"],
        ["FiscalYearStart", 1],
        ["PlanYear", MODERN_PLAN_YEAR],
        ["Calendar", "4-4-5"],
        ["FiscalYearEnd", "Last Saturday of December"],
      ],
    },
    {
      name: "Reps",
      headers: [
        "RepID",
        "Name",
        "Plan",
        "Currency",
        "Base",
        "TargetVariable",
        "Quota New ARR",
        "Quota Renewals",
        "StartDate",
        "EndDate",
      ],
      formats: ["text", "text", "text", "text", "money", "money", "money", "money", "date", "date"],
      rows: REPS.map((r) => [
        r.id,
        r.name,
        r.plan,
        "USD",
        120_000,
        120_000,
        1_200_000,
        800_000,
        date(r.start),
        date(r.end),
      ]),
    },
    {
      name: "Plans",
      headers: [
        "Plan",
        "Measure",
        "Weight",
        "Basis",
        "Kicker",
        "KickerFrom",
        "KickerMode",
        "Period",
        "AnnualCap",
        "AdvancePct",
        "AnnualGate",
        "AnnualGateBasis",
        "Draw",
        "DrawMonths",
        "DrawOnExit",
      ],
      formats: [
        "text",
        "text",
        "percent",
        "text",
        "multiple",
        "percent",
        "text",
        "text",
        "multiple",
        "percent",
        "percent",
        "text",
        "money",
        "integer",
        "text",
      ],
      rows: plans,
    },
    {
      name: "Tiers",
      headers: ["Plan", "Measure", "From", "To", "Rate"],
      formats: ["text", "text", "percent", "percent", "multiple"],
      rows: tiers,
    },
    {
      name: "Modifiers",
      headers: ["Plan", "Measure", "LinkedMeasure", "From", "Multiplier"],
      formats: ["text", "text", "text", "percent", "multiple"],
      rows: modifiers,
    },
    {
      name: "Actuals",
      headers: ["RepID", "Period", "Measure", "Amount"],
      formats: ["text", "text", "text", "money"],
      rows: actuals,
    },
    {
      name: "Scenarios",
      headers: ["Scenario", "Distribution", "Mean", "StdDev", "Description"],
      formats: ["text", "text", "percent", "percent", "text"],
      rows: [["Typical year", "Normal", 0.95, 0.25, "Attainment as a typical year spreads it: 95% ± 25%"]],
    },
    {
      name: "Scores",
      headers: ["RepID", "Period", "Measure", "Score"],
      formats: ["text", "text", "text", "percent"],
      rows: scores,
    },
  ];
}

import { Decimal } from "../src/engine/decimal";
import type { MeasurePlan, ModelInput, PeriodAmount, Plan, Rep } from "../src/engine/types";
import { seededRandom } from "../src/workbook/example/random";
import type { RawCell, RawTable } from "../src/workbook/types";

/**
 * A large synthetic org for the benchmark: N AEs on a monthly plan with two
 * measures (New ARR: marginal tiers, 40% gate, 3× payout cap; Renewals: 50%
 * gate, attainment capped at 150%), monthly quotas and actuals in cents.
 * The same data feeds the engine directly (toModelInput) and the CLI through
 * a workbook (toRawTables), so both benches compute the same payouts.
 */

export const MEASURES = ["New ARR", "Renewals"] as const;
const MONTHS = 12;
const YEAR = 2026;

export interface SyntheticRep {
  readonly id: string;
  readonly base: number;
  readonly targetVariable: number;
  /** Per measure, per month: quota and actual in cents. */
  readonly quotaCents: readonly (readonly number[])[];
  readonly actualCents: readonly (readonly number[])[];
}

export function syntheticOrg(repCount: number, seed = 42): SyntheticRep[] {
  const random = seededRandom(seed);
  return Array.from({ length: repCount }, (_, i) => {
    const annual = [random.between(800_000, 1_200_000), random.between(300_000, 500_000)];
    const mean = [random.between(0.5, 1.5), random.between(0.8, 1.15)];
    const quotaCents = annual.map((a) => Array.from({ length: MONTHS }, () => Math.round((a / MONTHS) * 100)));
    const actualCents = quotaCents.map((months, m) =>
      months.map((q) => Math.round(q * Math.max(0, mean[m] * Math.exp(0.35 * random.normal() - 0.06)))),
    );
    return {
      id: `R${String(i + 1).padStart(6, "0")}`,
      base: Math.round(random.between(90_000, 110_000)),
      targetVariable: Math.round(random.between(90_000, 110_000)),
      quotaCents,
      actualCents,
    };
  });
}

const pct = (n: string) => new Decimal(n);
const tier = (from: string, to: string | null, rate: string) => ({
  from: pct(from),
  to: to === null ? null : pct(to),
  rate: pct(rate),
});

function measurePlan(measure: string, fields: Partial<MeasurePlan>): MeasurePlan {
  return {
    measure,
    weight: pct("1"),
    basis: "Individual",
    tierMode: "Marginal",
    tierBasis: "Attainment",
    rateType: "Multiplier",
    threshold: null,
    capAttainment: null,
    capPayout: null,
    tiers: [],
    ...fields,
  };
}

export const BENCH_PLAN: Plan = {
  name: "AE",
  period: "Month",
  combine: "PerMeasure",
  cumulative: false,
  negativeTrueUp: "Hold",
  draw: null,
  drawType: "NonRecoverable",
  drawRecovery: "AboveDraw",
  teamScope: "Subtree",
  measures: [
    measurePlan("New ARR", {
      weight: pct("0.7"),
      threshold: pct("0.4"),
      capPayout: pct("3"),
      tiers: [tier("0", "0.5", "0.5"), tier("0.5", "1", "1.5"), tier("1", "1.5", "2"), tier("1.5", null, "2.5")],
    }),
    measurePlan("Renewals", {
      weight: pct("0.3"),
      threshold: pct("0.5"),
      capAttainment: pct("1.5"),
      tiers: [tier("0", "1", "1"), tier("1", null, "1.25")],
    }),
  ],
};

const cents = (c: number) => new Decimal(c).div(100);
const pad2 = (n: number) => String(n).padStart(2, "0");
const monthLabel = (m: number) => `${YEAR}-${pad2(m + 1)}`;
const monthEnd = (m: number) => new Date(Date.UTC(YEAR, m + 1, 0)).toISOString().slice(0, 10);

export function toModelInput(org: readonly SyntheticRep[]): ModelInput {
  const reps: Rep[] = org.map((r) => ({
    id: r.id,
    name: `Rep ${r.id}`,
    role: "AE",
    managerId: null,
    plan: BENCH_PLAN.name,
    currency: "USD",
    base: new Decimal(r.base),
    targetVariable: new Decimal(r.targetVariable),
    annualQuota: new Map(MEASURES.map((m, i) => [m, cents(r.quotaCents[i].reduce((a, b) => a + b, 0))])),
    startDate: null,
    endDate: null,
    ramp: null,
  }));
  const amounts = (pick: (r: SyntheticRep) => readonly (readonly number[])[]): PeriodAmount[] =>
    org.flatMap((r) =>
      MEASURES.flatMap((measure, i) =>
        pick(r)[i].map((c, m) => ({
          repId: r.id,
          measure,
          start: `${monthLabel(m)}-01`,
          end: monthEnd(m),
          amount: cents(c),
        })),
      ),
    );
  return {
    settings: { reportingCurrency: "USD", fiscalYearStartMonth: 1, planYear: YEAR, fxRates: new Map() },
    reps,
    plans: new Map([[BENCH_PLAN.name, BENCH_PLAN]]),
    scenarioPlans: new Map(),
    scenarios: [],
    quotas: amounts((r) => r.quotaCents),
    actuals: amounts((r) => r.actualCents),
    adjustments: [],
    ramps: new Map(),
    attainmentHistory: [],
  };
}

function rawTable(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, source: "table", headerRow: 1, firstColumn: 1, headers, rows };
}

/**
 * The same org as workbook input tables (what a user would keep in Excel).
 * `period` "Quarter": the same amounts added up by quarter and a quarterly
 * plan, so that 100,000 reps' Quotas and Actuals (800,000 rows each) fit in
 * Excel's 1,048,576 rows; monthly they would take 2,400,000.
 */
export function toRawTables(org: readonly SyntheticRep[], period: "Month" | "Quarter" = "Month"): RawTable[] {
  const periodRows = (pick: (r: SyntheticRep) => readonly (readonly number[])[]): RawCell[][] => {
    const rows: RawCell[][] = [];
    for (const r of org) {
      MEASURES.forEach((measure, i) => {
        const cents = pick(r)[i];
        if (period === "Month") cents.forEach((c, m) => rows.push([r.id, monthLabel(m), measure, c / 100]));
        else
          for (let q = 0; q < 4; q++)
            rows.push([r.id, `${YEAR}-Q${q + 1}`, measure, (cents[3 * q] + cents[3 * q + 1] + cents[3 * q + 2]) / 100]);
      });
    }
    return rows;
  };
  const [newArr, renewals] = BENCH_PLAN.measures;
  const planRow = (m: MeasurePlan): RawCell[] => [
    BENCH_PLAN.name,
    m.measure,
    m.weight.toNumber(),
    period,
    "Marginal",
    "Attainment",
    "Multiplier",
    "PerMeasure",
    m.threshold?.toNumber() ?? null,
    m.capAttainment?.toNumber() ?? null,
    m.capPayout?.toNumber() ?? null,
  ];
  return [
    rawTable(
      "Settings",
      ["Setting", "Value"],
      [
        ["ReportingCurrency", "USD"],
        ["FiscalYearStart", 1],
        ["PlanYear", YEAR],
      ],
    ),
    rawTable(
      "Reps",
      ["RepID", "Name", "Role", "Plan", "Currency", "Base", "TargetVariable"],
      org.map((r) => [r.id, `Rep ${r.id}`, "AE", BENCH_PLAN.name, "USD", r.base, r.targetVariable]),
    ),
    rawTable(
      "Plans",
      [
        "Plan",
        "Measure",
        "Weight",
        "Period",
        "TierMode",
        "TierBasis",
        "RateType",
        "Combine",
        "Threshold",
        "CapAttainment",
        "CapPayout",
      ],
      [planRow(newArr), planRow(renewals)],
    ),
    rawTable(
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate"],
      BENCH_PLAN.measures.flatMap((m) =>
        m.tiers.map((t) => [
          BENCH_PLAN.name,
          m.measure,
          t.from.toNumber(),
          t.to?.toNumber() ?? null,
          t.rate.toNumber(),
        ]),
      ),
    ),
    rawTable(
      "Quotas",
      ["RepID", "Period", "Measure", "Quota"],
      periodRows((r) => r.quotaCents),
    ),
    rawTable(
      "Actuals",
      ["RepID", "Period", "Measure", "Amount"],
      periodRows((r) => r.actualCents),
    ),
  ];
}

import { Decimal } from "../decimal";
import type { MeasurePlan, ModelInput, Plan, Rep, Settings, Tier, PeriodAmount } from "../types";

export const d = (v: string | number): Decimal => new Decimal(String(v));

/** Tiers from [from, to|null, rate] triples written as strings or numbers (test convenience only). */
export function tiers(...rows: [string | number, string | number | null, string | number][]): Tier[] {
  return rows.map(([from, to, rate]) => ({ from: d(from), to: to === null ? null : d(to), rate: d(rate) }));
}

export function measure(overrides: Partial<MeasurePlan> = {}): MeasurePlan {
  return {
    measure: "Bookings",
    weight: d(1),
    basis: "Individual",
    tierMode: "Marginal",
    tierBasis: "Attainment",
    rateType: "Multiplier",
    threshold: null,
    capAttainment: null,
    capPayout: null,
    tiers: [],
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    name: "AE",
    measures: [measure()],
    period: "Quarter",
    combine: "PerMeasure",
    cumulative: false,
    negativeTrueUp: "Hold",
    draw: null,
    drawType: "Recoverable",
    drawRecovery: "AboveDraw",
    teamScope: "Subtree",
    ...overrides,
  };
}

export function rep(overrides: Partial<Rep> & { quota?: Record<string, string> } = {}): Rep {
  const { quota, ...rest } = overrides;
  return {
    id: "R1",
    name: "Rep One",
    role: "AE",
    managerId: null,
    plan: "AE",
    currency: "USD",
    base: d(100000),
    targetVariable: d(100000),
    annualQuota: new Map(Object.entries(quota ?? { Bookings: "1000000" }).map(([k, v]) => [k, d(v)])),
    startDate: null,
    endDate: null,
    ramp: null,
    ...rest,
  };
}

export const settings2026: Settings = {
  reportingCurrency: "USD",
  fiscalYearStartMonth: 1,
  planYear: 2026,
  fxRates: new Map(),
};

export function amount(
  repId: string,
  start: string,
  end: string,
  value: string | number,
  measure = "Bookings",
): PeriodAmount {
  return { repId, measure, start, end, amount: d(value) };
}

export function quarter(repId: string, q: 1 | 2 | 3 | 4, value: string | number, measure = "Bookings"): PeriodAmount {
  const starts = ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"];
  const ends = ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"];
  return amount(repId, starts[q - 1], ends[q - 1], value, measure);
}

export function model(overrides: Partial<ModelInput> & { planList?: Plan[] } = {}): ModelInput {
  const { planList, ...rest } = overrides;
  const plans = planList ?? [plan()];
  return {
    settings: settings2026,
    reps: [rep()],
    plans: new Map(plans.map((p) => [p.name, p])),
    scenarioPlans: new Map(),
    scenarios: [],
    quotas: [],
    actuals: [],
    adjustments: [],
    ramps: new Map(),
    attainmentHistory: [],
    ...rest,
  };
}

import {
  roundMoney,
  needsQuota,
  yearMeasureCurve,
  Decimal,
  probAtLeast,
  lowerBound,
  sortDecimals,
  type ScenarioResult,
  type MeasurePlan,
  type Plan,
  type Rep,
  type RealisticScenario,
} from "../../engine";
import type { ChartSeriesSpec, ChartSpec, ColumnSpec, SheetSpec, SpecCell } from "../types";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "Plan", format: "text" },
  { header: "Measure", format: "text" },
  { header: "Attainment", format: "percent" },
  { header: "Payout multiple", format: "multiple" },
  { header: "Payout", format: "money" },
  { header: "Currency", format: "text" },
  { header: "Share of reps", format: "percent" },
];

/** 0% to 200% in 5% steps, plus every breakpoint of the curve in that range. */
export function curveAttainments(breakpoints: readonly Decimal[]): Decimal[] {
  const steps = Array.from({ length: 41 }, (_, i) => new Decimal(i).div(20));
  const all = [...steps, ...breakpoints.filter((b) => b.gte(0) && b.lte(2))];
  all.sort((a, b) => a.comparedTo(b));
  return all.filter((v, i) => i === 0 || !v.eq(all[i - 1]));
}

/** The plan's typical rep: median target incentive and quota (for Percent and Amount plans, whose curve depends on them). */
export function typicalContext(
  all: readonly Rep[],
  plan: Plan,
  m: MeasurePlan,
): { target: Decimal; quota: Decimal; currency: string | null; quotaKnown: boolean } {
  const onPlan = all.filter((r) => r.plan === plan.name);
  // One currency per curve: the plan's most common (first in Reps on a tie), so a median never mixes EUR and USD.
  const counts = new Map<string, number>();
  for (const r of onPlan) counts.set(r.currency, (counts.get(r.currency) ?? 0) + 1);
  let currency: string | null = null;
  counts.forEach((n, c) => {
    if (currency === null || n > counts.get(currency)!) currency = c;
  });
  const reps = onPlan.filter((r) => r.currency === currency);
  const targets = sortDecimals(reps.map((r) => r.targetVariable.times(m.weight)));
  const quotas = sortDecimals(
    reps.map((r) => r.annualQuota.get(m.measure)).filter((q): q is Decimal => q !== undefined && q.gt(0)),
  );
  const median = (xs: Decimal[], fallback: Decimal) => (xs.length ? xs[Math.floor(xs.length / 2)] : fallback);
  return {
    target: median(targets, new Decimal(1)),
    quota: median(quotas, new Decimal(1)),
    currency,
    quotaKnown: quotas.length > 0,
  };
}

/** A plan set to draw: a scenario's plans and the attainment spread of its reps. */
interface CurveSet {
  readonly name: string;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly reps: readonly Rep[];
  /** Share of the plan's reps with an attainment from `lo` to just under `hi` (±2.5% of a step). */
  readonly share: (plan: string, lo: Decimal, hi: Decimal) => Decimal | null;
}

const HALF_STEP = new Decimal("0.025");
const IDENTITY = [{ from: new Decimal(0), to: null, intercept: new Decimal(0), slope: new Decimal(1) }];

function curveSets(actual: readonly ScenarioResult[], realistic: readonly RealisticScenario[]): CurveSet[] {
  const sets: CurveSet[] = actual.map((s) => {
    // Each plan's reps' attainments, sorted once: a step's count is two binary searches, not a pass over every rep.
    const byPlan = new Map<string, Decimal[]>();
    for (const r of s.reps) {
      if (r.attainment === null) continue;
      const list = byPlan.get(r.rep.plan);
      if (list) list.push(r.attainment);
      else byPlan.set(r.rep.plan, [r.attainment]);
    }
    for (const list of byPlan.values()) sortDecimals(list);
    return {
      name: s.name,
      plans: s.plans,
      reps: s.reps.map((r) => r.rep),
      share: (plan, lo, hi) => {
        const attainments = byPlan.get(plan);
        return attainments
          ? new Decimal(lowerBound(attainments, hi) - lowerBound(attainments, lo)).div(attainments.length)
          : null;
      },
    };
  });
  for (const s of realistic) {
    if (actual.some((a) => a.name === s.name)) continue;
    const dist = s.orgDistribution;
    sets.push({
      name: s.name,
      plans: s.plans,
      reps: s.reps.map((r) => r.rep),
      // Under a distribution every plan is drawn against the scenario's org-level one.
      share: (_plan, lo, hi) =>
        dist
          ? probAtLeast({ segments: IDENTITY }, dist, lo).minus(probAtLeast({ segments: IDENTITY }, dist, hi))
          : null,
    });
  }
  return sets;
}

/**
 * Results_PayoutCurve: payout multiple of target (and the annual payout of the
 * plan's median rep) by attainment, per scenario × plan × measure, with the
 * share of reps around each 5% step (actual attainments, or the scenario's
 * distribution) beside it, and a chart per plan × measure holding one series
 * per scenario.
 */
export function payoutCurveSheet(
  actual: readonly ScenarioResult[],
  realistic: readonly RealisticScenario[],
  subtitleText: string,
): SheetSpec {
  const scenarios = curveSets(actual, realistic);
  const rows: SpecCell[][] = [];
  const blocks = new Map<string, ChartSeriesSpec[]>();
  const planNames = [...new Set(scenarios.flatMap((s) => [...s.plans.keys()]))];
  for (const planName of planNames) {
    const measures = [
      ...new Set(scenarios.flatMap((s) => s.plans.get(planName)?.measures.map((m) => m.measure) ?? [])),
    ];
    for (const measureName of measures) {
      for (const s of scenarios) {
        const plan = s.plans.get(planName);
        const m = plan?.measures.find((x) => x.measure === measureName);
        if (!plan || !m || (plan.combine === "WeightedAttainment" && m !== plan.measures[0])) continue;
        const { target, quota, currency, quotaKnown } = typicalContext(s.reps, plan, m);
        // A measure with no target incentive (pure commission: rate × credit) has no multiple of target to draw;
        // one paid on bookings (a percent, money bands) by nobody with a quota has no attainment to draw it on.
        if (target.isZero() || (needsQuota(m) && !quotaKnown)) continue;
        // Each period on its own terms (a flat kicker, a money band once a period): the year's curve is the period's.
        const curve = yearMeasureCurve(plan, m, target, quota);
        const label = plan.combine === "WeightedAttainment" ? "Weighted" : measureName;
        const first = rows.length;
        for (const a of curveAttainments(curve.breakpoints)) {
          const multiple = curve.evaluate(a);
          const onStep = a.times(20).isInteger();
          const share = onStep ? s.share(planName, a.minus(HALF_STEP), a.plus(HALF_STEP)) : null;
          rows.push([
            s.name,
            planName,
            label,
            a.toNumber(),
            multiple.toNumber(),
            roundMoney(multiple.times(target), currency ?? "").toNumber(),
            currency,
            share === null ? null : share.toNumber(),
          ]);
        }
        const key = `${planName} · ${label}`;
        const list = blocks.get(key) ?? [];
        list.push({ name: s.name, xColumn: 3, yColumn: 4, firstRow: first, lastRow: rows.length - 1 });
        blocks.set(key, list);
      }
    }
  }
  const charts: ChartSpec[] = [...blocks].map(([title, series]) => ({
    kind: "scatterLine",
    title: `Payout curve: ${title}`,
    xTitle: "Attainment",
    yTitle: "Payout (× target incentive)",
    xMax: 2,
    series,
  }));
  return {
    name: "Results_PayoutCurve",
    title: "Payout curves: payout as a multiple of target incentive by attainment",
    subtitle: `${subtitleText} · Payout = annual payout of the plan's median rep`,
    columns: COLUMNS,
    rows,
    charts,
  };
}

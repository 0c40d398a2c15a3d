import { Decimal, ONE, ZERO } from "../../decimal";
import type { Plan, Rep } from "../../types";
import { curveView } from "../curveView";
import { empirical } from "../distribution";
import { expectedAttainment } from "../expectation";
import { probAttainmentAtLeast } from "../payProbability";
import { planYearPay } from "../planYearPay";
import { swingOutcome, type YearPay } from "../swing/swingOutcome";
import { historySwing, swingFromHistory } from "./historyStats";
import { historyYears, type RepYear } from "./repYears";

/**
 * Is the realistic model any good? With history over two or more plan years,
 * fit it on the earlier years (rep-year levels for the year distribution, the
 * periods inside them for the swing, org scope) and score the last year: the
 * share of reps at quota and the mean attainment it predicted against what
 * happened, and whether each rep's actual pay — the current plan paid on the
 * rep's actual periods that year — fell inside the predicted P10–P90 band. A
 * well calibrated model has about 80% of reps inside it.
 */
export interface Backtest {
  readonly fitYears: readonly number[];
  readonly testYear: number;
  readonly predictedShareAtQuota: Decimal;
  readonly actualShareAtQuota: Decimal;
  readonly predictedMeanAttainment: Decimal;
  readonly actualMeanAttainment: Decimal;
  /** Reps of the test year who are in Reps on an individual plan. */
  readonly reps: readonly BacktestRep[];
  /** Share of `reps` inside their band; null when there are none. */
  readonly coverage: Decimal | null;
  /** Test-year rep-years (all of them, for the share and the mean). */
  readonly testRepYears: number;
}

export interface BacktestRep {
  readonly rep: Rep;
  readonly plan: Plan;
  readonly actualAttainment: Decimal;
  /** Multiples of target variable. */
  readonly actualMultiple: Decimal;
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  readonly band: "Below" | "Inside" | "Above";
}

export function backtest(
  years: readonly RepYear[],
  reps: readonly Rep[],
  plans: ReadonlyMap<string, Plan>,
): Backtest | null {
  const all = historyYears(years);
  if (all.length < 2) return null;
  const testYear = all[all.length - 1];
  const fit = years.filter((y) => y.year !== null && y.year < testYear);
  const test = years.filter((y) => y.year === testYear);
  if (fit.length === 0 || test.length === 0) return null;

  const dist = empirical(fit.map((y) => y.level));
  const measured = historySwing(fit);

  const byId = new Map(reps.map((r) => [r.id.toLowerCase(), r])); // matched ignoring case, as Excel does
  const outcomes = new Map<Plan, ReturnType<typeof swingOutcome>>();
  const scored: BacktestRep[] = [];
  for (const y of test) {
    const rep = y.repId === null ? undefined : byId.get(y.repId.toLowerCase());
    const plan = rep ? plans.get(rep.plan) : undefined;
    if (!rep || !plan || plan.measures.some((m) => m.basis === "Team")) continue;
    const pay = planYearPay(plan, rep);
    const actual = actualMultiple(pay, y);
    if (actual === null) continue;
    let o = outcomes.get(plan);
    if (!o) {
      o = swingOutcome(pay, dist, swingFromHistory(measured, pay.periods), null);
      outcomes.set(plan, o);
    }
    const band = actual.lt(o.p10) ? "Below" : actual.gt(o.p90) ? "Above" : "Inside";
    scored.push({
      rep,
      plan,
      actualAttainment: y.level,
      actualMultiple: actual,
      p10: o.p10,
      p50: o.p50,
      p90: o.p90,
      band,
    });
  }
  const inside = scored.filter((r) => r.band === "Inside").length;
  const atQuota = test.filter((y) => y.level.gte(ONE)).length;
  return {
    fitYears: historyYears(fit),
    testYear,
    predictedShareAtQuota: probAttainmentAtLeast(dist, ONE),
    actualShareAtQuota: new Decimal(atQuota).div(test.length),
    predictedMeanAttainment: expectedAttainment(dist),
    actualMeanAttainment: test.reduce((s, y) => s.plus(y.level), ZERO).div(test.length),
    reps: scored,
    coverage: scored.length === 0 ? null : new Decimal(inside).div(scored.length),
    testRepYears: test.length,
  };
}

/**
 * What the plan pays (multiple of target variable) on a rep-year's actual
 * periods. History at the plan's grain is used as it is, finer history is
 * averaged into the plan's periods, and an annual plan uses the year's level;
 * null when the history is coarser than the plan's periods.
 */
export function actualMultiple(pay: YearPay, year: RepYear): Decimal | null {
  const n = pay.periods;
  const curve = (segments: YearPay["periodCurve"]) => curveView({ segments });
  if (n === 1) return curve(pay.ytd ? pay.ytd.curves[0] : pay.periodCurve).evaluate(year.level);
  if (year.periods.length === 0 || year.periodsPerYear % n !== 0 || year.periods.length !== year.periodsPerYear)
    return null;
  const per = year.periodsPerYear / n;
  const periods = Array.from({ length: n }, (_, p) =>
    year.periods
      .slice(p * per, (p + 1) * per)
      .reduce((s, a) => s.plus(a), ZERO)
      .div(per),
  );
  if (pay.ytd === null) {
    const c = curve(pay.periodCurve);
    return periods.reduce((s, a) => s.plus(c.evaluate(a)), ZERO).div(n);
  }
  let best: Decimal | null = null;
  let sum = ZERO;
  periods.forEach((a, k) => {
    sum = sum.plus(a);
    const earned = curve(pay.ytd!.curves[k])
      .evaluate(sum.div(k + 1))
      .times(k + 1)
      .div(n);
    if (best === null || earned.gt(best)) best = earned;
  });
  return pay.ytd.hold ? best : curve(pay.ytd.curves[n - 1]).evaluate(year.level);
}

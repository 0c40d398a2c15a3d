import {
  Decimal,
  ZERO,
  ONE,
  same,
  fxRate,
  roundMoney,
  variableMoney,
  ratioValue,
  BASELINE,
  type ScenarioResult,
  type RealisticScenario,
  type DistributionSpec,
  type Settings,
} from "../../engine";
import { describeAssumption } from "./realistic";

/** A scenario's figures in the reporting currency; counts of reps are expected numbers for distribution scenarios. */
export interface ScenarioTotals {
  readonly reps: number;
  /**
   * Variable pay: Σ each rep's payout lines (actual), or Σ each rep's expected
   * variable (distribution) — before adjustments. The headline's "variable
   * pay" and Results_Scenarios' VariablePay column.
   */
  readonly variablePay: Decimal;
  /** Σ adjustments (SPIFs and bonuses less clawbacks taken); 0 for a distribution scenario. */
  readonly adjustments: Decimal;
  /** Variable pay + adjustments: the variable cost of the plan (TotalVariableCost). */
  readonly variable: Decimal;
  /** Base (prorated) + variable. */
  readonly total: Decimal;
  /**
   * Σ target variable × proration (the part of the year each rep was
   * employed), so variable pay ÷ this is on the same footing as each rep's
   * PctOfOTE. A distribution scenario is a full year for everyone.
   */
  readonly targetVariable: Decimal;
  /** Credited (actual) or expected (quota × expected attainment) bookings, individual measures only. */
  readonly bookings: Decimal;
  /** Σ each rep's total ÷ (OTE × proration), as PctOfOTE (divide by reps for the average). */
  readonly pctOfOteSum: Decimal;
  readonly atOrAboveQuota: Decimal;
  readonly capped: Decimal;
  /** Expected number of reps reaching OTE (distribution scenarios), else null. */
  readonly reachOte: Decimal | null;
}

type Fx = (currency: string) => Decimal;

// A rep's figures are mostly in the reporting currency, for the whole year, with no adjustments: multiplying by
// one and adding zero are skipped (each would make a new Decimal, 10,000 reps × a dozen times).
const times = (a: Decimal, b: Decimal): Decimal => (same(b, ONE) ? a : a.times(b));
const plus = (a: Decimal, b: Decimal): Decimal => (b.isZero() ? a : a.isZero() ? b : a.plus(b));

/** One scenario's totals, as the headline and Results_Scenarios show them. */
export interface ScenarioFigures {
  readonly name: string;
  /** The attainment assumption in words; null for a scenario paid on actuals. */
  readonly assumption: string | null;
  /** Expected figures (a distribution scenario) rather than a sum of payout lines. */
  readonly expected: boolean;
  readonly totals: ScenarioTotals;
  /**
   * What the scenario is compared with, like for like: the baseline plans on
   * the same actuals, at the same flat attainment, or under the same
   * attainment distribution and period swing. Null for a baseline row.
   */
  readonly comparedWith: {
    readonly label: string;
    readonly totals: ScenarioTotals;
    /** This scenario's variable cost less the baseline's, each to the cent. */
    readonly delta: Decimal;
  } | null;
}

/**
 * Whom a scenario is compared with, in words: the baseline on actuals, at a
 * flat attainment, or under a distribution (the same for every sheet).
 */
export function comparedWithLabel(assumption: DistributionSpec | null | undefined): string {
  if (!assumption) return `${BASELINE} on actuals`;
  return `${BASELINE} ${assumption.kind === "Flat" ? "at" : "under"} ${describeAssumption(assumption)}`;
}

function compared(
  label: string,
  own: ScenarioTotals,
  base: ScenarioTotals,
): NonNullable<ScenarioFigures["comparedWith"]> {
  return { label, totals: base, delta: own.variable.minus(base.variable) };
}

/**
 * Every scenario's totals, computed once per run: those paid line by line
 * first, then the distribution scenarios (a flat scenario is already among
 * the first). Adding up a scenario means a pass over all its lines.
 */
export function scenarioFigures(
  actual: readonly ScenarioResult[],
  realistic: readonly RealisticScenario[],
  settings: Pick<Settings, "reportingCurrency" | "fxRates">,
  baselineAt: ReadonlyMap<string, ScenarioResult> = new Map(),
): ScenarioFigures[] {
  const fx: Fx = (c) => fxRate(c, settings);
  const reporting = settings.reportingCurrency;
  const actualTotals = (s: ScenarioResult) => actualTotalsIn(s, fx, reporting);
  const expectedTotals = (s: RealisticScenario, which: "scenario" | "baseline") =>
    expectedTotalsIn(s, fx, which, reporting);
  const baseline = actual[0] ? actualTotals(actual[0]) : null;
  return [
    ...actual.map((s, k): ScenarioFigures => {
      const flatBase = baselineAt.get(s.name);
      const totals = k === 0 && baseline ? baseline : actualTotals(s);
      return {
        name: s.name,
        assumption: s.scenario?.assumption ? describeAssumption(s.scenario.assumption) : null,
        expected: false,
        totals,
        comparedWith:
          k === 0 || baseline === null
            ? null
            : flatBase
              ? compared(comparedWithLabel(s.scenario?.assumption), totals, actualTotals(flatBase))
              : compared(comparedWithLabel(null), totals, baseline),
      };
    }),
    ...realistic
      .filter((s) => !actual.some((a) => a.name === s.name))
      .map((s): ScenarioFigures => {
        const totals = expectedTotals(s, "scenario");
        return {
          name: s.name,
          assumption: describeAssumption(s.spec),
          expected: true,
          totals,
          comparedWith:
            s.scenario === null ? null : compared(comparedWithLabel(s.spec), totals, expectedTotals(s, "baseline")),
        };
      }),
  ];
}

/**
 * Totals of a scenario paid line by line: each rep's figures converted at the
 * Settings FX rate and rounded to the reporting currency's minor unit, as
 * Results_Summary shows them, then added.
 */
function actualTotalsIn(s: ScenarioResult, fx: Fx, reporting: string): ScenarioTotals {
  let variablePay = ZERO;
  let adjustments = ZERO;
  let total = ZERO;
  let targetVariable = ZERO;
  let bookings = ZERO;
  let pctOfOteSum = ZERO;
  let atQuota = 0;
  let capped = 0;
  for (const r of s.reps) {
    const rate = fx(r.rep.currency);
    const share = ratioValue(r.proration);
    const earned = plus(plus(r.baseEarned, r.variablePay), r.adjustments);
    // Each rep converted and rounded as Results_Summary shows it, so its reporting-currency columns foot to these.
    const inReporting = (amount: Decimal) => roundMoney(times(amount, rate), reporting);
    variablePay = variablePay.plus(inReporting(r.variablePay));
    adjustments = plus(adjustments, inReporting(r.adjustments));
    total = total.plus(inReporting(earned));
    targetVariable = targetVariable.plus(times(times(r.rep.targetVariable, share), rate));
    bookings = bookings.plus(times(r.bookings, rate));
    const ote = times(r.rep.base.plus(r.rep.targetVariable), share);
    if (!ote.isZero()) pctOfOteSum = pctOfOteSum.plus(earned.div(ote));
    if (r.attainment?.gte(1)) atQuota++;
    if (r.capped) capped++;
  }
  const pay = roundMoney(variablePay, reporting);
  const adjusted = roundMoney(adjustments, reporting);
  return {
    reps: s.reps.length,
    variablePay: pay,
    adjustments: adjusted,
    variable: pay.plus(adjusted),
    total: roundMoney(total, reporting),
    targetVariable: roundMoney(targetVariable, reporting),
    bookings: roundMoney(bookings, reporting),
    pctOfOteSum,
    atOrAboveQuota: new Decimal(atQuota),
    capped: new Decimal(capped),
    reachOte: null,
  };
}

/**
 * Expected totals of a distribution scenario (full year, one attainment
 * driving every measure), for its own plans or for the baseline plans under
 * the same assumption.
 */
function expectedTotalsIn(
  s: RealisticScenario,
  fx: Fx,
  which: "scenario" | "baseline",
  reporting: string,
): ScenarioTotals {
  let variable = ZERO;
  let total = ZERO;
  let targetVariable = ZERO;
  let bookings = ZERO;
  let pctOfOteSum = ZERO;
  let atQuota = ZERO;
  let capped = ZERO;
  let reachOte = ZERO;
  for (const r of s.reps) {
    const rate = fx(r.rep.currency);
    const outcome = which === "baseline" && r.baseline ? r.baseline : r.outcome;
    // Rounded per rep, as Results_Realistic shows it, then converted and rounded in the reporting currency (as
    // actualTotalsIn does), so the rows converted one by one foot to this total.
    const v = variableMoney(r.rep, outcome.expectedMultiple);
    variable = variable.plus(roundMoney(v.times(rate), reporting));
    total = total.plus(roundMoney(r.rep.base.plus(v).times(rate), reporting));
    targetVariable = targetVariable.plus(r.rep.targetVariable.times(rate));
    // Expected bookings: E[attainment] × the annual quota of each individual measure.
    for (const m of r.plan.measures) {
      if (m.basis === "Team") continue;
      const q = r.rep.annualQuota.get(m.measure);
      if (q) bookings = bookings.plus(q.times(r.outcome.expectedAttainment).times(rate));
    }
    const ote = r.rep.base.plus(r.rep.targetVariable);
    if (!ote.isZero()) pctOfOteSum = pctOfOteSum.plus(r.rep.base.plus(v).div(ote));
    atQuota = atQuota.plus(r.probAtOrAboveQuota);
    capped = capped.plus(r.probCapped);
    reachOte = reachOte.plus(outcome.probAtOrAboveTarget);
  }
  const pay = roundMoney(variable, reporting);
  return {
    reps: s.reps.length,
    variablePay: pay,
    adjustments: ZERO,
    variable: pay,
    total: roundMoney(total, reporting),
    targetVariable: roundMoney(targetVariable, reporting),
    bookings: roundMoney(bookings, reporting),
    pctOfOteSum,
    atOrAboveQuota: atQuota,
    capped,
    reachOte,
  };
}

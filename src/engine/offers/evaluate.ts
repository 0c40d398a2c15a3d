import { planYearSpan } from "../periods";
import type { CurveSegment } from "../line/segments";
import { Decimal, ONE } from "../decimal";
import type { EngineIssue } from "../issues";
import { fxRate } from "../mechanics/fx";
import { DistributionError, realisticOutcome, type DistributionField } from "../realistic";
import { roundMoney } from "../exact/rounding";
import type { ModelInput, Plan } from "../types";
import { offerAttainment, orgSpreadFromHistory, type OfferAttainment } from "./attainment";
import { cashLine, crossings } from "./breakEven";
import { capAttainment, capMultiple, drivingMeasures, needsQuota, offerCurve } from "./offerCurve";
import {
  DEFAULT_CLIFF_MONTHS,
  DEFAULT_VESTING_FREQUENCY,
  DEFAULT_VESTING_YEARS,
  type BreakEven,
  type Offer,
  type OfferResult,
  type SpreadHistory,
} from "./types";
import { vestedInFirstYears, vestingByYear } from "./vesting";
import { openQuestions } from "./warnings";
import { yearOneEnd, yearOneVariable } from "./yearOne";
import { assertNever } from "../assertNever";

export interface OffersEvaluation {
  /** One per offer that could be evaluated, in input order. */
  readonly results: OfferResult[];
  /** Errors (an offer left out) and warnings (what to ask), each naming its Offers row. */
  readonly issues: EngineIssue[];
}

const THREE = new Decimal(3);

/**
 * What evaluateOffers reads: AttainmentHistory is optional (without it the
 * spread falls to the default). `spreadHistory`, when given, is the org's
 * spread already measured from it (orgSpreadFromHistory; null = fewer than 2
 * plan years), so a caller valuing offers again and again measures it once.
 */
export type OffersInput = Pick<ModelInput, "offers" | "plans" | "settings"> &
  Partial<Pick<ModelInput, "attainmentHistory">> & { readonly spreadHistory?: SpreadHistory | null };

/**
 * The offers of a model input, each valued and compared with the others. The
 * org's year-to-year spread in AttainmentHistory (2+ plan years) is the
 * spread of an offer that states none (see offerAttainment).
 */
export function evaluateOffers(input: OffersInput): OffersEvaluation {
  const issues: EngineIssue[] = [];
  const valued: { result: Omit<OfferResult, "breakEvens">; line: CurveSegment[] }[] = [];
  const history =
    input.spreadHistory === undefined ? orgSpreadFromHistory(input.attainmentHistory ?? []) : input.spreadHistory;
  for (const offer of input.offers ?? []) {
    const v = evaluateOffer(offer, input, history, issues);
    if (v) valued.push(v);
  }
  const results = valued.map((v, i) => ({
    ...v.result,
    breakEvens: valued.slice(i + 1).map((w) => breakEvenOf(v.line, w.line, w.result.offer.name)),
  }));
  return { results, issues };
}

function evaluateOffer(
  offer: Offer,
  input: Pick<ModelInput, "plans" | "settings">,
  history: SpreadHistory | null,
  issues: EngineIssue[],
): { result: Omit<OfferResult, "breakEvens">; line: CurveSegment[] } | null {
  const error = (column: string | undefined, message: string) =>
    issues.push({ severity: "Error", source: offer.source, column, message: `Offer ${offer.name}: ${message}` });
  const { settings } = input;

  let plan: Plan | null = null;
  if (offer.plan !== null) {
    plan = input.plans.get(offer.plan) ?? null;
    if (plan === null) return (error("Plan", `plan ${offer.plan} is not in Plans`), null);
    if (offer.quota === null && drivingMeasures(plan).some((m) => needsQuota(m.measure)))
      return (error("Quota", `plan ${plan.name} pays on amounts, so the offer needs its annual Quota`), null);
  }
  let fx: Decimal;
  try {
    fx = fxRate(offer.currency, settings);
  } catch (e) {
    return (error("Currency", (e as Error).message), null);
  }
  let attainment: OfferAttainment;
  try {
    attainment = offerAttainment(offer, plan, history);
  } catch (e) {
    if (!(e instanceof DistributionError)) throw e;
    return (error(columnOf(e.field), e.message), null);
  }

  const currency = settings.reportingCurrency;
  const money = (x: Decimal) => roundMoney(x.times(fx), currency);
  const curve = offerCurve(plan, offer.targetVariable, offer.quota);
  const { distribution } = attainment;
  const outcome = realisticOutcome({ segments: curve }, distribution);
  const tv = offer.targetVariable;

  const base = money(offer.base);
  const targetVariable = money(tv);
  const ote = base.plus(targetVariable);
  const expectedVariable = money(tv.times(outcome.expectedMultiple));
  const steadyStateExpected = base.plus(expectedVariable);
  const gapToOte = ote.minus(steadyStateExpected);

  const start = offer.startDate ?? planYearSpan(settings).start;
  const variableYearOne = money(
    yearOneVariable({
      targetVariable: tv,
      expectedVariable: tv.times(outcome.expectedMultiple),
      rampMonths: offer.rampMonths,
      rampGuarantee: offer.rampGuarantee,
      nonRecoverableDraw: offer.drawType === "NonRecoverable" ? offer.draw : null,
    }),
  );
  const signOn = money(offer.signOnBonus);
  const yearOneCash = base.plus(variableYearOne).plus(signOn);

  const vestingYears = offer.vestingYears ?? DEFAULT_VESTING_YEARS;
  const schedule = {
    vestingYears,
    cliffMonths: offer.cliffMonths ?? Math.min(DEFAULT_CLIFF_MONTHS, vestingYears * 12),
    frequency: offer.vestingFrequency ?? DEFAULT_VESTING_FREQUENCY,
  };
  const byYear = vestingByYear(offer.equityValue.times(fx), schedule, currency);
  const equityPerYearExact = offer.equityValue.div(vestingYears);

  const cap = capMultiple(curve);
  issues.push(
    ...openQuestions(offer, {
      capMultiple: cap,
      capAttainment: capAttainment(curve),
      maxVariable: cap === null ? null : money(tv.times(cap)),
      currency,
      plan,
      attainment,
    }),
  );

  return {
    result: {
      offer,
      currency,
      fxRate: fx,
      base,
      targetVariable,
      ote,
      expectedAttainment: attainment.mean,
      spread: attainment.spread,
      spreadSource: attainment.spreadSource,
      spreadHistory: attainment.spreadHistory,
      distribution,
      curve,
      capMultiple: cap,
      outcome,
      expectedVariable,
      steadyStateExpected,
      p10: base.plus(money(tv.times(outcome.p10))),
      p50: base.plus(money(tv.times(outcome.p50))),
      p90: base.plus(money(tv.times(outcome.p90))),
      // Without a variable, OTE is the base: reached for sure.
      probReachOte: tv.isZero() ? ONE : outcome.probAtOrAboveTarget,
      gapToOte,
      gapPct: ote.isZero() ? null : gapToOte.div(ote),
      yearOne: { start, end: yearOneEnd(start), base, variable: variableYearOne, signOn, cash: yearOneCash },
      equity: {
        value: money(offer.equityValue),
        ...schedule,
        byYear,
        perYear: money(equityPerYearExact),
      },
      oneYearTotal: yearOneCash.plus(vestedInFirstYears(byYear, 1)),
      fourYearTotal: yearOneCash.plus(steadyStateExpected.times(THREE)).plus(vestedInFirstYears(byYear, 4)),
    },
    // Exact (unrounded) annual cash at a flat attainment, in the reporting currency, for break-evens.
    line: cashLine(curve, offer.base.plus(equityPerYearExact).times(fx), tv.times(fx)),
  };
}

function breakEvenOf(line: CurveSegment[], otherLine: CurveSegment[], other: string): BreakEven {
  const c = crossings(line, otherLine);
  return {
    other,
    kind: c.kind,
    at: c.at,
    aheadBelow: c.firstAhead === 1 ? "this" : c.firstAhead === -1 ? "other" : "tie",
  };
}

/** The Offers column behind a distribution problem. */
function columnOf(field: DistributionField): string {
  switch (field) {
    case "StdDev":
    case "ShareAtQuota":
      return field;
    case "Attainment":
    case "Mean":
    case "AttainmentHistory":
    case "Weight":
      return "ExpectedAttainment";
    default:
      return assertNever(field);
  }
}

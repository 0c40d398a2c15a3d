import {
  BASELINE,
  Decimal,
  ONE,
  fitDistribution,
  DistributionError,
  roundMoney,
  type DistributionSpec,
} from "../engine";
import {
  attainmentArg,
  choices,
  numberArg,
  optionalNumberArg,
  optionalTextArg,
  sameName,
  textArg,
  type CallArg,
} from "./args";
import { answer, badValue, notAvailable, type FunctionAnswer } from "./failure";
import type { FunctionModel } from "./functionModel";

/**
 * The COMP.* worksheet functions over the engine, one pure function each
 * (docs/functions.md lists them with examples). Money is computed in exact
 * decimals and rounded once, to the currency's minor unit, as the Run rounds
 * a payout line; the cell gets it as a number. A FunctionFailure becomes the
 * Excel error with its message.
 */

/** Every function, and whether it reads the workbook (the others need no model and no read). */
export const FUNCTIONS = {
  PAYOUT: true,
  PAY: true,
  OTE: false,
  BCR: false,
  MIX: false,
  BASE: false,
  TARGETVARIABLE: false,
  EXPECTED: true,
  PERCENTILE: true,
  PROBOTE: true,
  CURVE: true,
  OFFER: true,
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

export const readsWorkbook = (name: FunctionName): boolean => FUNCTIONS[name];

/** One call of a function from a cell, as it crosses to the model thread. */
export interface FunctionCall {
  readonly name: FunctionName;
  readonly args: readonly CallArg[];
}

const num = (d: Decimal): number => d.toNumber();

// ---- pay-mix helpers: exact, no workbook ----

/** =COMP.OTE(base, targetVariable): on-target earnings, base + target variable. */
export function ote(base: CallArg, targetVariable: CallArg): number {
  return num(numberArg("Base", base).plus(numberArg("TargetVariable", targetVariable)));
}

/** =COMP.BCR(targetVariable, quota): base commission rate, target variable ÷ quota. */
export function bcr(targetVariable: CallArg, quota: CallArg): number {
  const q = numberArg("Quota", quota);
  if (!q.gt(0)) throw badValue(`Quota ${q.toString()} must be above 0 for a commission rate.`);
  return num(numberArg("TargetVariable", targetVariable).div(q));
}

/** =COMP.MIX(base, targetVariable): the base's share of OTE (0.6 for a 60/40 pay mix). */
export function mix(base: CallArg, targetVariable: CallArg): number {
  const b = numberArg("Base", base);
  const total = b.plus(numberArg("TargetVariable", targetVariable));
  if (total.isZero()) throw badValue("OTE is 0: there is no pay mix.");
  return num(b.div(total));
}

function mixShare(m: CallArg): Decimal {
  const share = numberArg("Mix", m);
  if (share.isNeg() || share.gt(ONE))
    throw badValue(`Mix ${share.toString()} is the base's share of OTE, 0 to 1 (60% for 60/40).`);
  return share;
}

/** =COMP.BASE(ote, mix): the base of an OTE at a pay mix (mix = the base's share). */
export function base(oteArg: CallArg, m: CallArg): number {
  return num(numberArg("OTE", oteArg).times(mixShare(m)));
}

/** =COMP.TARGETVARIABLE(ote, mix): the target variable of an OTE at a pay mix. */
export function targetVariable(oteArg: CallArg, m: CallArg): number {
  return num(numberArg("OTE", oteArg).times(ONE.minus(mixShare(m))));
}

// ---- the plan's payout curve ----

function measureOf(model: FunctionModel, planName: CallArg, measureName: CallArg, scenario: CallArg) {
  const plan = model.plan(textArg("Plan", planName), optionalTextArg(scenario));
  const wanted = textArg("Measure", measureName);
  const measure = plan.measures.find((m) => sameName(m.measure, wanted));
  if (!measure)
    throw notAvailable(
      `Plan ${plan.name} has no measure "${wanted}" (measures: ${choices(plan.measures.map((m) => m.measure))}).`,
    );
  return { plan, measure, curve: model.payoutCurve(plan, measure) };
}

/**
 * =COMP.PAYOUT(plan, measure, attainment, [targetIncentive], [scenario]): the
 * payout multiple of target at an attainment (gate, tiers, caps and kicker
 * folded in, as Results_PayoutCurve), or, given a target incentive, the
 * payout itself rounded to the cent (the Run's rounding of a line).
 */
export function payout(
  model: FunctionModel,
  plan: CallArg,
  measure: CallArg,
  attainment: CallArg,
  targetIncentive: CallArg,
  scenario: CallArg,
): number {
  const a = attainmentArg(attainment);
  const { curve } = measureOf(model, plan, measure, scenario);
  const multiple = curve.evaluate(a);
  const target = optionalNumberArg("TargetIncentive", targetIncentive);
  if (target === null) return num(multiple);
  return num(roundMoney(multiple.times(target), model.model.settings.reportingCurrency));
}

/** The most rows COMP.CURVE spills: more is almost surely a step typed in percent points. */
export const CURVE_MAX_ROWS = 1000;

/**
 * =COMP.CURVE(plan, measure, from, to, step, [scenario]): two columns,
 * attainment and payout multiple, from `from` to `to` by `step` — a dynamic
 * array to chart.
 */
export function curve(
  model: FunctionModel,
  plan: CallArg,
  measure: CallArg,
  from: CallArg,
  to: CallArg,
  step: CallArg,
  scenario: CallArg,
): number[][] {
  const lo = attainmentArg(from, "From");
  const hi = attainmentArg(to, "To");
  const by = numberArg("Step", step);
  if (!by.gt(0)) throw badValue(`Step ${by.toString()} must be above 0.`);
  if (hi.lt(lo)) throw badValue(`To ${hi.toString()} is below From ${lo.toString()}.`);
  const count = hi.minus(lo).div(by).floor().toNumber() + 1;
  if (count > CURVE_MAX_ROWS)
    throw badValue(
      `${count} rows from ${lo.toString()} to ${hi.toString()} by ${by.toString()}: at most ${CURVE_MAX_ROWS}.`,
    );
  const { curve: c } = measureOf(model, plan, measure, scenario);
  return Array.from({ length: count }, (_, i) => {
    const a = lo.plus(by.times(i));
    return [num(a), num(c.evaluate(a))];
  });
}

// ---- a rep's pay, as the Run computes it ----

/**
 * =COMP.PAY(repId, [period], [scenario]): what the rep is paid — net paid, as
 * Results_Statements' "Net paid" (variable pay, adjustments and draws) — in
 * the year, or in one period ("2026-Q1", or "Q1" within the plan year).
 */
export function pay(model: FunctionModel, repId: CallArg, period: CallArg, scenario: CallArg): number {
  const id = textArg("RepID", repId);
  const name = model.scenarioName(optionalTextArg(scenario));
  const result = model.run();
  const set = result.scenarios.find((s) => s.name === name);
  if (!set)
    throw notAvailable(
      `Scenario ${name} has no pay of its own: it models attainment (see COMP.EXPECTED). Paid scenarios: ${choices(result.scenarios.map((s) => s.name))}.`,
    );
  const rep = set.reps.find((r) => sameName(r.rep.id, id));
  if (!rep) throw notAvailable(`Rep "${id}" is not in Reps.`);
  const wanted = optionalTextArg(period);
  if (wanted === null) return num(rep.netPaid);
  const line = rep.statement.find(
    (l) => sameName(l.period.key, wanted) || l.period.key.toLowerCase().endsWith(`-${wanted.toLowerCase()}`),
  );
  if (!line)
    throw notAvailable(
      `Period "${wanted}" is not one of ${rep.rep.id}'s pay periods (${choices(rep.statement.map((l) => l.period.key))}).`,
    );
  return num(line.netPaid);
}

// ---- realistic earnings ----

/** The attainment assumption: Normal (default) or LogNormal with mean and sd as fractions, or History. */
function assumption(mean: CallArg, sd: CallArg, distribution: CallArg): { spec: DistributionSpec; label: string } {
  const kind = optionalTextArg(distribution) ?? "Normal";
  if (/^hist(ory|orical)?$/i.test(kind)) return { spec: { kind: "Historical", scope: "Org" }, label: "History" };
  const k = /^normal$/i.test(kind) ? "Normal" : /^log-?normal$/i.test(kind) ? "LogNormal" : null;
  if (!k) throw badValue(`Distribution "${kind}" is not Normal, LogNormal or History.`);
  const m = numberArg("Mean", mean);
  const s = numberArg("SD", sd);
  if (!m.gt(0)) throw badValue(`Mean ${m.toString()} must be above 0 (a fraction of quota: 0.9 or 90%).`);
  if (s.isNeg()) throw badValue(`SD ${s.toString()} must not be negative (0 = every rep at the mean).`);
  const spec: DistributionSpec = { kind: k, mean: m, stdDev: s, shareAtQuota: null };
  try {
    fitDistribution(spec, []);
  } catch (e) {
    throw badValue(e instanceof DistributionError ? e.message : String(e));
  }
  return { spec, label: `${k} ${m.toString()} ${s.toString()}` };
}

function realisticOf(model: FunctionModel, plan: CallArg, mean: CallArg, sd: CallArg, distribution: CallArg) {
  const p = model.plan(textArg("Plan", plan));
  const { spec, label } = assumption(mean, sd, distribution);
  return model.realistic(p, spec, label);
}

/** =COMP.EXPECTED(plan, mean, sd, [distribution]): expected payout, as a multiple of target variable. */
export function expected(
  model: FunctionModel,
  plan: CallArg,
  mean: CallArg,
  sd: CallArg,
  distribution: CallArg,
): number {
  return num(realisticOf(model, plan, mean, sd, distribution).outcome.expectedMultiple);
}

/** =COMP.PERCENTILE(plan, p, mean, sd, [distribution]): the year's payout multiple at P10, P50 or P90. */
export function percentile(
  model: FunctionModel,
  plan: CallArg,
  p: CallArg,
  mean: CallArg,
  sd: CallArg,
  distribution: CallArg,
): number {
  const at = numberArg("P", p);
  const which = [0.1, 0.5, 0.9].find((x) => at.eq(x) || at.eq(x * 100));
  if (which === undefined) throw badValue(`P ${at.toString()}: the model gives P10, P50 and P90 (0.1, 0.5 or 0.9).`);
  const o = realisticOf(model, plan, mean, sd, distribution).outcome;
  return num(which === 0.1 ? o.p10 : which === 0.5 ? o.p50 : o.p90);
}

/** =COMP.PROBOTE(plan, mean, sd, [distribution]): the chance of earning at least target variable (reaching OTE). */
export function probOte(
  model: FunctionModel,
  plan: CallArg,
  mean: CallArg,
  sd: CallArg,
  distribution: CallArg,
): number {
  return num(realisticOf(model, plan, mean, sd, distribution).outcome.probAtOrAboveTarget);
}

// ---- offers ----

const OFFER_FIGURES = {
  year1: "Year1",
  steadystate: "SteadyState",
  fouryear: "FourYear",
  gaptoote: "GapToOTE",
  ote: "OTE",
} as const;

/** =COMP.OFFER(offerName, figure): an Offers row's Year1 cash, SteadyState expected cash, FourYear total, GapToOTE or OTE. */
export function offer(model: FunctionModel, offerName: CallArg, figure: CallArg): number {
  const name = textArg("Offer", offerName);
  const which = textArg("Figure", figure);
  const key = which.toLowerCase().replace(/[\s_-]/g, "") as keyof typeof OFFER_FIGURES;
  if (!(key in OFFER_FIGURES))
    throw badValue(`Figure "${which}" is not one of ${Object.values(OFFER_FIGURES).join(", ")}.`);
  const { results, issues } = model.offers();
  const r = results.find((x) => sameName(x.offer.name, name));
  if (!r) {
    const why = issues.find((i) => i.severity === "Error" && i.message.includes(name))?.message;
    throw notAvailable(
      why ?? `Offer "${name}" is not in Offers (offers: ${choices(results.map((x) => x.offer.name))}).`,
    );
  }
  switch (OFFER_FIGURES[key]) {
    case "Year1":
      return num(r.yearOne.cash);
    case "SteadyState":
      return num(r.steadyStateExpected);
    case "FourYear":
      return num(r.fourYearTotal);
    case "GapToOTE":
      return num(r.gapToOte);
    case "OTE":
      return num(r.ote);
  }
}

// ---- one entry point ----

const ARITY: Record<FunctionName, number> = {
  PAYOUT: 5,
  PAY: 3,
  OTE: 2,
  BCR: 2,
  MIX: 2,
  BASE: 2,
  TARGETVARIABLE: 2,
  EXPECTED: 4,
  PERCENTILE: 5,
  PROBOTE: 4,
  CURVE: 6,
  OFFER: 2,
};

/** Answers one call; `model` is called only by the functions that read the workbook. */
export function evaluateCall(call: FunctionCall, model: () => FunctionModel): FunctionAnswer {
  const a = Array.from({ length: ARITY[call.name] }, (_, i) => call.args[i] ?? null);
  return answer(() => {
    switch (call.name) {
      case "PAYOUT":
        return payout(model(), a[0], a[1], a[2], a[3], a[4]);
      case "PAY":
        return pay(model(), a[0], a[1], a[2]);
      case "OTE":
        return ote(a[0], a[1]);
      case "BCR":
        return bcr(a[0], a[1]);
      case "MIX":
        return mix(a[0], a[1]);
      case "BASE":
        return base(a[0], a[1]);
      case "TARGETVARIABLE":
        return targetVariable(a[0], a[1]);
      case "EXPECTED":
        return expected(model(), a[0], a[1], a[2], a[3]);
      case "PERCENTILE":
        return percentile(model(), a[0], a[1], a[2], a[3], a[4]);
      case "PROBOTE":
        return probOte(model(), a[0], a[1], a[2], a[3]);
      case "CURVE":
        return curve(model(), a[0], a[1], a[2], a[3], a[4], a[5]);
      case "OFFER":
        return offer(model(), a[0], a[1]);
    }
  });
}

/** Answers a batch of calls on one workbook read (the model thread's side, or here without one). */
export function evaluateCalls(calls: readonly FunctionCall[], model: () => FunctionModel): FunctionAnswer[] {
  return calls.map((c) => evaluateCall(c, model));
}

export { BASELINE };

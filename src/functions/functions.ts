/**
 * The COMP.* worksheet functions as Excel sees them. Their metadata
 * (dist/functions.json) is generated from the JSDoc below by
 * custom-functions-metadata-plugin, which also appends each function's
 * `CustomFunctions.associate` call to this file when webpack builds it.
 *
 * In the shared runtime the pane's entry attaches a LiveFunctions (one read
 * of the workbook, the pane's model thread); where this file runs without it
 * (a host that loads functions.js in a separate JavaScript-only runtime)
 * every function answers #N/A saying so. Only this file and the entries touch
 * the CustomFunctions global; the rest of src/functions is plain TypeScript.
 */
import type { CallArg } from "./args";
import type { FunctionName } from "./comp";
import type { FunctionAnswer } from "./failure";
import type { LiveFunctions } from "./live";

/**
 * The host's CustomFunctions, looked up when used, or an inert stand-in where there is none (the pane in a host
 * without custom functions): this module-level name is also what the associate calls appended at build time
 * refer to, so loading this file never throws.
 */
const CustomFunctions = {
  associate: (...args: Parameters<typeof globalThis.CustomFunctions.associate>) =>
    (host()?.associate as (...a: unknown[]) => void)?.(...args),
  get Error() {
    return (host() ?? inert()).Error;
  },
  get ErrorCode() {
    return (host() ?? inert()).ErrorCode;
  },
} as unknown as typeof globalThis.CustomFunctions;

const host = () => (globalThis as { CustomFunctions?: typeof globalThis.CustomFunctions }).CustomFunctions;

function inert(): typeof globalThis.CustomFunctions {
  class InertError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  return {
    associate: () => undefined,
    Error: InertError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  } as unknown as typeof globalThis.CustomFunctions;
}

/** True where the host runs custom functions in this runtime (the shared runtime). */
export const hostHasCustomFunctions = (): boolean =>
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions !== undefined;

let live: LiveFunctions | null = null;

/** The shared runtime's pane hands its LiveFunctions over here. */
export function attachLiveFunctions(runtime: LiveFunctions | null): void {
  live = runtime;
}

export const NO_SHARED_RUNTIME =
  "CompPlan's functions need Excel's shared runtime (SharedRuntime 1.1): update Excel (Microsoft 365, Excel 2021 or later, or Excel on the web). The Comp Plan pane works without it.";

function toExcel(a: FunctionAnswer): number | number[][] | CustomFunctions.Error {
  if ("value" in a) return a.value as number | number[][];
  const code =
    a.error === "#VALUE!"
      ? CustomFunctions.ErrorCode.invalidValue
      : a.error === "#NUM!"
        ? CustomFunctions.ErrorCode.invalidNumber
        : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, a.message);
}

/** A function that follows the workbook: answered now and again after every watched table change. */
function stream<T extends number | number[][]>(
  name: FunctionName,
  args: readonly CallArg[],
  invocation: CustomFunctions.StreamingInvocation<T>,
): void {
  if (!live) {
    invocation.setResult(new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, NO_SHARED_RUNTIME));
    return;
  }
  const cancel = live.call(name, args, (a) => invocation.setResult(toExcel(a) as T | CustomFunctions.Error));
  invocation.onCanceled = cancel;
}

/** A helper that reads no workbook: answered at once, like a built-in function. */
function now(name: FunctionName, args: readonly CallArg[]): number {
  let result: FunctionAnswer = { error: "#N/A", message: NO_SHARED_RUNTIME };
  if (live) live.call(name, args, (a) => (result = a), false);
  const r = toExcel(result);
  if (r instanceof CustomFunctions.Error) throw r;
  return r as number;
}

/**
 * The payout of a plan's measure at an attainment: the multiple of target incentive (gate, tiers, caps and
 * kicker folded in), or the payout in money when given the target incentive. Follows edits of Plans and Tiers.
 * @customfunction PAYOUT
 * @param plan Plan name, as in the Plans table ("AE").
 * @param measure Measure name ("New ARR").
 * @param attainment Attainment as a fraction of quota (1.2 or 120%).
 * @param [targetIncentive] Target incentive for the period: the payout in money, rounded to the cent.
 * @param [scenario] A scenario whose Plans and Tiers rows replace the plan's (default Baseline).
 * @param invocation Streaming invocation.
 */
export function payout(
  plan: string,
  measure: string,
  attainment: number,
  targetIncentive: number,
  scenario: string,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream("PAYOUT", [plan, measure, attainment, targetIncentive, scenario], invocation);
}

/**
 * A rep's pay as the Run computes it: net paid in the year, or in one period.
 * @customfunction PAY
 * @param repId RepID, as in the Reps table.
 * @param [period] A pay period ("2026-Q1" or "Q1"); omitted = the year.
 * @param [scenario] A scenario paid on actuals (default Baseline).
 * @param invocation Streaming invocation.
 */
export function pay(
  repId: string,
  period: string,
  scenario: string,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream("PAY", [repId, period, scenario], invocation);
}

/**
 * On-target earnings: base + target variable.
 * @customfunction OTE
 * @param base Base salary.
 * @param targetVariable Target variable pay.
 */
export function ote(base: number, targetVariable: number): number {
  return now("OTE", [base, targetVariable]);
}

/**
 * Base commission rate: target variable ÷ quota.
 * @customfunction BCR
 * @param targetVariable Target variable pay.
 * @param quota Quota for the same period.
 */
export function bcr(targetVariable: number, quota: number): number {
  return now("BCR", [targetVariable, quota]);
}

/**
 * Pay mix: the base's share of OTE (0.6 for 60/40).
 * @customfunction MIX
 * @param base Base salary.
 * @param targetVariable Target variable pay.
 */
export function mix(base: number, targetVariable: number): number {
  return now("MIX", [base, targetVariable]);
}

/**
 * The base salary of an OTE at a pay mix.
 * @customfunction BASE
 * @param ote On-target earnings.
 * @param mix The base's share of OTE (0.6 for 60/40).
 */
export function base(ote: number, mix: number): number {
  return now("BASE", [ote, mix]);
}

/**
 * The target variable pay of an OTE at a pay mix.
 * @customfunction TARGETVARIABLE
 * @param ote On-target earnings.
 * @param mix The base's share of OTE (0.6 for 60/40).
 */
export function targetVariable(ote: number, mix: number): number {
  return now("TARGETVARIABLE", [ote, mix]);
}

/**
 * Expected payout of a plan, as a multiple of target variable, from the realistic-earnings model.
 * @customfunction EXPECTED
 * @param plan Plan name.
 * @param mean Mean attainment (0.9 or 90%); ignored for History.
 * @param sd Standard deviation of attainment (0.25 or 25%); ignored for History.
 * @param [distribution] Normal (default), LogNormal or History (the org's AttainmentHistory).
 * @param invocation Streaming invocation.
 */
export function expected(
  plan: string,
  mean: number,
  sd: number,
  distribution: string,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream("EXPECTED", [plan, mean, sd, distribution], invocation);
}

/**
 * A plan's payout multiple at the 10th, 50th or 90th percentile of the year, from the realistic-earnings model.
 * @customfunction PERCENTILE
 * @param plan Plan name.
 * @param p 0.1, 0.5 or 0.9 (P10, P50, P90).
 * @param mean Mean attainment (0.9 or 90%); ignored for History.
 * @param sd Standard deviation of attainment; ignored for History.
 * @param [distribution] Normal (default), LogNormal or History.
 * @param invocation Streaming invocation.
 */
export function percentile(
  plan: string,
  p: number,
  mean: number,
  sd: number,
  distribution: string,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream("PERCENTILE", [plan, p, mean, sd, distribution], invocation);
}

/**
 * The chance of earning at least target variable (reaching OTE) on a plan, from the realistic-earnings model.
 * @customfunction PROBOTE
 * @param plan Plan name.
 * @param mean Mean attainment (0.9 or 90%); ignored for History.
 * @param sd Standard deviation of attainment; ignored for History.
 * @param [distribution] Normal (default), LogNormal or History.
 * @param invocation Streaming invocation.
 */
export function probOte(
  plan: string,
  mean: number,
  sd: number,
  distribution: string,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream("PROBOTE", [plan, mean, sd, distribution], invocation);
}

/**
 * A plan measure's payout curve as two columns, attainment and payout multiple: a dynamic array to chart.
 * @customfunction CURVE
 * @param plan Plan name.
 * @param measure Measure name.
 * @param from First attainment (0 or 0%).
 * @param to Last attainment (2 or 200%).
 * @param step Attainment step (0.05 or 5%); at most 1,000 rows.
 * @param [scenario] A scenario whose Plans and Tiers rows replace the plan's (default Baseline).
 * @param invocation Streaming invocation.
 */
export function curve(
  plan: string,
  measure: string,
  from: number,
  to: number,
  step: number,
  scenario: string,
  invocation: CustomFunctions.StreamingInvocation<number[][]>,
): void {
  stream("CURVE", [plan, measure, from, to, step, scenario], invocation);
}

/**
 * A figure of an offer in the Offers table, valued as Results_Offers values it.
 * @customfunction OFFER
 * @param offerName The offer's name (Offers' Offer column).
 * @param figure Year1, SteadyState, FourYear, GapToOTE or OTE.
 * @param invocation Streaming invocation.
 */
export function offer(
  offerName: string,
  figure: string,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream("OFFER", [offerName, figure], invocation);
}

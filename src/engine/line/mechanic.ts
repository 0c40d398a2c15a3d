import type { Decimal } from "../decimal";
import type { Fixed, QuotientRounding } from "../exact/fixed";
import type { Ratio } from "../exact/ratio";
import type { PayoutLine } from "../results";
import type { TraceStep } from "../traceStep";
import type { MeasurePlan } from "../types";
import type { CurveSegment } from "./segments";
import type { KernelOp } from "./kernelOp";
import type { LineUnits } from "./units";

/**
 * A line mechanic: one rule of how a payout line turns credit into pay (a
 * gate, an attainment cap, the tiers, a payout cap). Each lives in one module
 * that owns its parameters and its step in the three interpreters of a line:
 *  - the exact kernel (pricer.ts), which pays 240,000 lines in integers;
 *  - the payout curve (payoutCurve.ts), attainment → multiple of target, which
 *    realistic earnings, offers and Results_PayoutCurve integrate and draw;
 *  - the trace (trace.ts), which narrates an audited line.
 * mechanics.ts lists them in the order a line applies them. docs/extending.md
 * is the recipe for adding one.
 */
export interface LineMechanic {
  readonly name: string;
  readonly stage: Stage;
  /** The mechanic bound to a measure's parameters, or null when the measure does not use it. */
  compile(measure: MeasurePlan): MechanicRule | null;
}

/**
 * Where a mechanic acts, which fixes how each interpreter composes it:
 *  - `credit`: on the credit before it is priced (gate, attainment cap). The
 *    kernel and the trace run these first, in order; the curve applies them to
 *    the priced curve in reverse order (payout(a) = rate(cap(gate(a)))).
 *  - `rate`: turns the credit into money; several add up (the tiers or a
 *    payout matrix in their place, an extra rate above a trigger).
 *  - `payout`: on the money (a payout cap), in order, after the rates.
 */
export type Stage = "credit" | "rate" | "payout";

/** A mechanic with its parameters read: what each interpreter runs. */
export interface MechanicRule {
  readonly stage: Stage;
  /** Kernel: the mechanic's constants for one line's quota and target. */
  kernel(units: LineUnits): KernelPart;
  /** Curve: reshapes the payout curve (multiple of target incentive by attainment). */
  curve(segments: readonly CurveSegment[], at: CurveContext): CurveSegment[];
  /** Trace: adds the mechanic's steps to a line's narration. */
  trace(t: TraceState): void;
}

// ---------------------------------------------------------------- kernel

/** How a mechanic left the line: capped by which cap, if any. */
export type Capped = "Attainment" | "Payout" | null;

/** What one payout line came to. */
export interface LineOutcome {
  /** The payout rounded to the currency's minor unit (cents for USD): the one rounding point. */
  readonly minor: bigint;
  /** The exact payout is rounding.exact(numerator) (see `exactPayout`). */
  readonly numerator: bigint;
  readonly rounding: QuotientRounding;
  /** Rate of the band reached (as written in Tiers). */
  readonly rate: Decimal;
  /** Below the threshold: the measure paid 0. */
  readonly gated: boolean;
  readonly capped: Capped;
}

/**
 * A line in flight through the kernel, in scaled integers: `scaled` is the
 * credit × quota.den at the comparison scale; the payout so far is
 * n ÷ (D × over) (units.ts) with n at the numerator scale. One per pricer,
 * reused per line.
 */
export interface LineState {
  scaled: bigint;
  capped: Capped;
  n: bigint;
  /**
   * A denominator of this line only, 1 on almost every line: a step whose
   * money is over a line's own integer (a matrix interpolated at a linked
   * attainment, whose fraction differs from line to line) multiplies n and
   * this by it rather than divide. The line's one rounding divides by it.
   */
  over: bigint;
  rate: Decimal;
  /** The attainment of the measure a modifier or matrix links to (null: none given, read as 0%). */
  linked: Ratio | null;
}

/** One mechanic's step on a line, as data the kernel runs (kernelOp.ts). */
export type KernelStep = KernelOp;

/**
 * A mechanic's exact constants for one quota and target. The kernel lines up
 * every mechanic's integers on common scales, then asks each for its step.
 */
export interface KernelPart {
  /** Values compared with the credit (as credit × quota.den): their decimals set the comparison scale. */
  readonly compared?: readonly Fixed[];
  /** Money coefficients (n = intercept + slope × scaled): their decimals set the numerator scale. */
  readonly intercepts?: readonly Fixed[];
  readonly slopes?: readonly Fixed[];
  /** A rate part's coefficients are over this (y = (intercept + slope × x) ÷ denominator); absent = 1. */
  readonly denominator?: Fixed;
  /** A payout part that multiplies n by an integer adds this to the denominator of every part after it. */
  readonly multiplies?: Fixed;
  lift(at: Lift): KernelStep;
}

/** The common scales of one credit scale, and how to bring a mechanic's constants onto them. */
export interface Lift {
  readonly digits: number;
  /** Decimal places of n. */
  readonly numeratorScale: number;
  /** What n is over when it reaches this step: the payout so far is n ÷ (D × denominator × the line's `over`). */
  readonly denominator: Fixed;
  /** A compared value as an integer at the comparison scale. */
  credit(f: Fixed): bigint;
  /** A money intercept as an integer at the numerator scale (over the common denominator). */
  intercept(f: Fixed): bigint;
  /** A money slope as the factor that takes `scaled` to the numerator scale (over the common denominator). */
  slope(f: Fixed): bigint;
  /** A line that pays nothing. */
  none(gated: boolean, capped: Capped): LineOutcome;
}

// ---------------------------------------------------------------- curve

/** What a curve is drawn for: a rep-like base commission rate and quota (see buildPayoutCurve). */
export interface CurveContext {
  readonly bcr: Decimal;
  readonly quota: Decimal;
}

// ---------------------------------------------------------------- trace

/** A line's narration while the mechanics add their steps. */
export interface TraceState {
  readonly line: PayoutLine;
  /** The quota and target the line was priced on (year to date on a cumulative plan). */
  readonly quota: Ratio;
  readonly target: Ratio;
  readonly quotaValue: Decimal;
  /** The credit the rates see (a credit-stage mechanic may change it). */
  credit: Decimal;
  /** Money the rate-stage mechanics have added up. */
  subtotal: Decimal;
  /** Set by a mechanic that ends the line (a gate): the rest is skipped. */
  stopped: boolean;
  step(s: Partial<TraceStep> & Pick<TraceStep, "step" | "detail">): void;
}

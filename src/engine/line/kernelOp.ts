import type { Decimal } from "../decimal";
import type { Capped, LineOutcome, LineState } from "./mechanic";

/** The kinds of kernel op (numbers, for the pricer's switch). */
export enum OpKind {
  Pass,
  Stop,
  Below,
  Clamp,
  Pieces,
  AddAbove,
  Ceiling,
  Custom,
}

/** What an op without pieces holds (shared: a pricer is made per quota and target, thousands a run). */
const NONE: readonly bigint[] = [];
const NO_RATES: readonly Decimal[] = [];

/**
 * A mechanic's step in the exact kernel, as data. The common steps are a few
 * kinds of integer arithmetic, not mechanics: "pay nothing below", "clamp the
 * credit", "add a piecewise-linear rate", "stop at a ceiling". The pricer runs
 * them in one switch over one object shape, so the hot loop makes no calls
 * (a closure per mechanic made every line's calls megamorphic: 15% of the
 * kernel). A mechanic whose arithmetic is none of these returns `custom`.
 * Only a custom op may put the line over a denominator of its own
 * (LineState.over, a payout matrix); the ops before it never see one, and
 * `ceiling` and the final rounding take it into account.
 * Every op has every field, so a line's loop sees one hidden class.
 */
export class KernelOp {
  private constructor(
    readonly kind: OpKind,
    /** below / clamp / addAbove / ceiling: the compared value. */
    readonly at: bigint,
    /** pieces: ascending edges, n += c0[i] + c1[i] × scaled in the last piece whose edge ≤ scaled. addAbove: c0[0], c1[0]. */
    readonly edges: readonly bigint[],
    readonly c0: readonly bigint[],
    readonly c1: readonly bigint[],
    /** pieces: the rate of each piece, as written (the outcome's `rate`). */
    readonly rates: readonly Decimal[],
    /** stop / below: the outcome's flag; pieces: pays nothing at all (zero denominator). */
    readonly flag: boolean,
    /** clamp: what the line was capped by. */
    readonly capped: Capped,
    /** ceiling: binds when n × mul > at. */
    readonly mul: bigint,
    /** ceiling: the capped outcome, for the rate reached (made the first time it binds). */
    readonly ceiling: ((rate: Decimal) => LineOutcome) | null,
    readonly custom: ((s: LineState) => LineOutcome | null) | null,
  ) {}

  /** Goes on without a change. */
  static readonly pass = new KernelOp(OpKind.Pass, 0n, NONE, NONE, NONE, NO_RATES, false, null, 0n, null, null);

  /** Ends every line paying nothing, gated or not (no quota to clear a gate with). */
  static stop(gated: boolean): KernelOp {
    return new KernelOp(OpKind.Stop, 0n, NONE, NONE, NONE, NO_RATES, gated, null, 0n, null, null);
  }
  /** Ends the line paying nothing, gated, when scaled < at. */
  static below(at: bigint): KernelOp {
    return new KernelOp(OpKind.Below, at, NONE, NONE, NONE, NO_RATES, true, null, 0n, null, null);
  }
  /** scaled > at: the credit becomes `at`, and the line is marked capped. */
  static clamp(at: bigint, capped: Capped): KernelOp {
    return new KernelOp(OpKind.Clamp, at, NONE, NONE, NONE, NO_RATES, false, capped, 0n, null, null);
  }
  /**
   * A piecewise-linear rate: pays nothing for a negative credit (or always, `payNothing`); else adds
   * c0[i] + c1[i] × scaled for the last piece i whose edge ≤ scaled (the first piece below every edge).
   */
  static pieces(
    edges: readonly bigint[],
    c0: readonly bigint[],
    c1: readonly bigint[],
    rates: readonly Decimal[],
    payNothing: boolean,
  ): KernelOp {
    return new KernelOp(OpKind.Pieces, 0n, edges, c0, c1, rates, payNothing, null, 0n, null, null);
  }
  /** Adds c0 + c1 × scaled when scaled ≥ at. */
  static addAbove(at: bigint, c0: bigint, c1: bigint): KernelOp {
    return new KernelOp(OpKind.AddAbove, at, NONE, [c0], [c1], NO_RATES, false, null, 0n, null, null);
  }
  /** Ends the line with `outcome(rate)` when n × mul > at. */
  static ceiling(mul: bigint, at: bigint, outcome: (rate: Decimal) => LineOutcome): KernelOp {
    return new KernelOp(OpKind.Ceiling, at, NONE, NONE, NONE, NO_RATES, false, null, mul, outcome, null);
  }
  /** Any other arithmetic, on the line's state: an outcome ends the line, null goes on. */
  static custom(step: (s: LineState) => LineOutcome | null): KernelOp {
    return new KernelOp(OpKind.Custom, 0n, NONE, NONE, NONE, NO_RATES, false, null, 0n, null, step);
  }
}

import { Decimal, ZERO } from "../decimal";
import { atScale, fixedOf, fixedTimes, pow10, QuotientRounding, type Fixed } from "../exact/fixed";
import { sameRatio, type Ratio } from "../exact/ratio";
import { KernelOp, OpKind } from "./kernelOp";
import type { Capped, KernelPart, Lift, LineOutcome, LineState } from "./mechanic";
import type { MeasureRule } from "./measureRule";
import { lineUnits, type LineUnits } from "./units";

export type { LineOutcome } from "./mechanic";

/** The unrounded payout of a line, to 34 significant digits (traces and checks; pay adds `minor`). */
export function exactPayout(o: LineOutcome): Decimal {
  return o.rounding.exact(o.numerator);
}

/**
 * Pays one line: credited `actual` against `quota` with `target` incentive,
 * rounded to `digits` decimal places.
 */
export function payLine(
  rule: MeasureRule,
  actual: Decimal,
  quota: Ratio,
  target: Ratio,
  digits = 2,
): LineOutcome & { readonly payout: Decimal } {
  const out = linePricer(rule, quota, target, digits).pay(actual);
  return { ...out, payout: exactPayout(out) };
}

/** A rule bound to one quota and target: every period of a rep with the same quota reuses it. */
export interface LinePricer {
  readonly quota: Ratio;
  readonly target: Ratio;
  pay(actual: Decimal, linked?: Ratio | null): LineOutcome;
  /** The same, for a credit already read as a scaled integer; `linked`: a modifier's linked attainment. */
  payFixed(actual: Fixed, linked?: Ratio | null): LineOutcome;
}

export function linePricer(rule: MeasureRule, quota: Ratio, target: Ratio, digits = 2): LinePricer {
  return new Pricer(rule, quota, target, digits);
}

/**
 * One measure's lines, period after period: one pricer while quota and target
 * repeat (the usual case: an evenly spread quota), a new one when they change.
 */
export class LinePricing {
  private pricer: LinePricer | null = null;

  constructor(
    private readonly rule: MeasureRule,
    private readonly digits: number,
  ) {}

  /** The line's pay, rounded to the minor unit: the one rounding point. */
  priceLine(quota: Ratio, target: Ratio, credit: Fixed, linked: Ratio | null): LineOutcome {
    let p = this.pricer;
    if (!p || !sameRatio(p.quota, quota) || !sameRatio(p.target, target)) {
      p = this.pricer = linePricer(this.rule, quota, target, this.digits);
    }
    return p.payFixed(credit, linked);
  }
}

/** A rule's steps on one scale of credit (credits with that many decimal places). */
interface Lifted {
  /** scaled = the credit's integer × aMul: credit × quota.den at the comparison scale. */
  readonly aMul: bigint;
  readonly ops: readonly KernelOp[];
  readonly rounding: QuotientRounding;
  /** The final divisor and the numerator scale, for a line with a denominator of its own (LineState.over). */
  readonly D: Fixed;
  readonly N: number;
}

const UNIT: Fixed = { int: 1n, scale: 0 };

/** What a line that pays nothing rounds with (its numerator is 0): one per currency precision. */
const zeroRoundings: QuotientRounding[] = [];
function zeroRounding(digits: number): QuotientRounding {
  return (zeroRoundings[digits] ??= new QuotientRounding(UNIT, 0, digits));
}

type None = (gated: boolean, capped: Capped) => LineOutcome;
/** A line that pays nothing, one shared outcome per precision × gated × cap (outcomes are read only). */
const nones: None[] = [];
function noneOf(digits: number): None {
  let none = nones[digits];
  if (!none) {
    const made: LineOutcome[] = [];
    const rounding = zeroRounding(digits);
    none = nones[digits] = (gated, capped) => {
      const k = (gated ? 3 : 0) + (capped === null ? 0 : capped === "Attainment" ? 1 : 2);
      return (made[k] ??= { minor: 0n, numerator: 0n, rounding, rate: ZERO, gated, capped });
    };
  }
  return none;
}

/**
 * The exact kernel: interprets a rule's mechanics (mechanic.ts) in scaled
 * integers. Quota and target are exact fractions (an annual quota spread over
 * 12 months has no finite decimal); everything that depends only on them is
 * multiplied out once per pricer, and lined up on common scales once per
 * credit scale. A line then costs one multiplication for its credit, each
 * mechanic's comparison or multiply-add, and one division that rounds — so
 * the cent is exactly what pencil and paper give, including a payout of
 * exactly half a cent.
 */
class Pricer implements LinePricer {
  private readonly units: LineUnits;
  private readonly parts: readonly KernelPart[];
  private readonly denominator: Fixed;
  /** The factor that brings each part over the common denominator; null when every part is over 1 (the usual case). */
  private readonly others: readonly Fixed[] | null;
  private readonly compareScale: number;
  private readonly zeroRounding: QuotientRounding;
  private readonly byScale: (Lifted | undefined)[] = [];
  private readonly none: None;
  /** The line in flight for a custom op, made the first time one runs. */
  private state: LineState | null = null;

  constructor(
    private readonly rule: MeasureRule,
    readonly quota: Ratio,
    readonly target: Ratio,
    private readonly digits: number,
  ) {
    this.units = lineUnits(rule, quota, target);
    this.parts = rule.mechanics.map((m) => m.kernel(this.units));
    // The common denominator of the rate parts, and the factor that brings each part over it (UNIT when all are 1).
    let scale = 0;
    let over = false;
    for (const p of this.parts) {
      if (p.denominator) over = true;
      if (p.compared) for (const c of p.compared) scale = Math.max(scale, c.scale);
    }
    this.compareScale = scale;
    if (!over) {
      this.denominator = UNIT;
      this.others = null;
    } else {
      const dens = this.parts.map((p) => p.denominator ?? UNIT);
      this.denominator = dens.reduce(fixedTimes, UNIT);
      this.others = dens.map((_, i) => dens.reduce((acc, d, j) => (i === j ? acc : fixedTimes(acc, d)), UNIT));
    }
    this.zeroRounding = zeroRounding(digits);
    this.none = noneOf(digits);
  }

  pay(actual: Decimal, linked: Ratio | null = null): LineOutcome {
    return this.payFixed(fixedOf(actual), linked);
  }

  payFixed(a: Fixed, linked: Ratio | null = null): LineOutcome {
    const k = this.byScale[a.scale] ?? this.lift(a.scale);
    // The line in locals; the state object only for a custom op (kernelOp.ts).
    let scaled = a.int * k.aMul;
    let n = 0n;
    let rate = ZERO;
    let capped: Capped = null;
    // A denominator of this line only (LineState.over): 1 but on an interpolated matrix's line.
    let over = 1n;
    const ops = k.ops;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      switch (op.kind) {
        case OpKind.Pass:
          break;
        case OpKind.Stop:
          return this.none(op.flag, null);
        case OpKind.Below:
          if (scaled < op.at) return this.none(true, null);
          break;
        case OpKind.Clamp:
          if (scaled > op.at) {
            scaled = op.at;
            capped = op.capped;
          }
          break;
        case OpKind.Pieces: {
          if (scaled < 0n || op.flag) return this.none(false, capped);
          const e = op.edges;
          let j = e.length - 1;
          while (j > 0 && scaled < e[j]) j--;
          // The first rate part sets n (no add to a zero bigint: one allocation less per line).
          const v = op.c0[j] + op.c1[j] * scaled;
          n = n === 0n ? v : n + v;
          rate = op.rates[j];
          break;
        }
        case OpKind.AddAbove:
          if (scaled >= op.at) n += op.c0[0] + op.c1[0] * scaled;
          break;
        case OpKind.Ceiling:
          if (n * op.mul > (over === 1n ? op.at : op.at * over)) return op.ceiling!(rate);
          break;
        case OpKind.Custom: {
          const s = (this.state ??= { scaled: 0n, capped: null, n: 0n, over: 1n, rate: ZERO, linked: null });
          s.scaled = scaled;
          s.n = n;
          s.rate = rate;
          s.capped = capped;
          s.over = over;
          s.linked = linked;
          const out = op.custom!(s);
          if (out !== null) return out;
          ({ scaled, n, rate, capped, over } = s);
          break;
        }
      }
    }
    // A line over a denominator of its own rounds once on D × over.
    const rounding = over === 1n ? k.rounding : this.roundingOver(k, over);
    return { minor: rounding.round(n), numerator: n, rounding, rate, gated: false, capped };
  }

  /** The rounding of a line whose n is also over `over` (LineState.over). */
  private roundingOver(k: Lifted, over: bigint): QuotientRounding {
    return k.D.int === 0n
      ? this.zeroRounding
      : new QuotientRounding(fixedTimes(k.D, { int: over, scale: 0 }), k.N, this.digits);
  }

  /**
   * Comparison scale S ≥ the credit's scale + quota.den's; numerator scale N fits every money
   * coefficient once each part's is brought over the common denominator (the product of the parts').
   */
  private lift(scale: number): Lifted {
    const qd = this.units.qd;
    const S = Math.max(this.compareScale, scale + qd.scale);
    const { parts, others, denominator } = this;
    let N = 0;
    for (let i = 0; i < parts.length; i++) {
      const extra = others === null ? 0 : others[i].scale;
      const { intercepts, slopes } = parts[i];
      if (intercepts) for (const c of intercepts) N = Math.max(N, c.scale + extra);
      if (slopes) for (const c of slopes) N = Math.max(N, c.scale + extra + S);
    }
    const none = this.none;
    // Parts with factor 1 over the same denominator share one Lift (the usual case: every part).
    let shared: Lift | null = null;
    // A payout part that multiplies n (a modifier) puts every part after it, and the rounding, over more.
    let reaching = denominator;
    const ops: KernelOp[] = [];
    for (let i = 0; i < parts.length; i++) {
      const other = others === null ? UNIT : others[i];
      const lift =
        other !== UNIT || reaching !== denominator
          ? new ScaleLift(S, N, other, reaching, this.digits, none)
          : (shared ??= new ScaleLift(S, N, other, reaching, this.digits, none));
      ops.push(parts[i].lift(lift));
      const m = parts[i].multiplies;
      if (m) reaching = fixedTimes(reaching, m);
    }
    const D = reaching === UNIT ? this.units.D : fixedTimes(this.units.D, reaching);
    const lifted: Lifted = {
      aMul: qd.int * pow10(S - scale - qd.scale),
      ops,
      rounding: D.int === 0n ? this.zeroRounding : new QuotientRounding(D, N, this.digits),
      D,
      N,
    };
    this.byScale[scale] = lifted;
    return lifted;
  }
}

/** One scale of credit's common scales, and how a part's constants land on them (over the common denominator). */
class ScaleLift implements Lift {
  constructor(
    private readonly S: number,
    readonly numeratorScale: number,
    private readonly other: Fixed,
    readonly denominator: Fixed,
    readonly digits: number,
    readonly none: Lift["none"],
  ) {}

  credit(f: Fixed): bigint {
    return atScale(f, this.S);
  }
  intercept(f: Fixed): bigint {
    return atScale(this.other === UNIT ? f : fixedTimes(f, this.other), this.numeratorScale);
  }
  slope(f: Fixed): bigint {
    const c = this.other === UNIT ? f : fixedTimes(f, this.other);
    return c.int * pow10(this.numeratorScale - c.scale - this.S);
  }
}

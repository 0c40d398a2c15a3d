import { Decimal, ZERO } from "../decimal";
import { atScale, fixedOf, fixedTimes, pow10, QuotientRounding, type Fixed } from "../exact/fixed";
import type { Ratio } from "../exact/ratio";
import type { Capped, KernelPart, KernelStep, Lift, LineOutcome, LineState } from "./mechanic";
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

/** A rule's steps on one scale of credit (credits with that many decimal places). */
interface Lifted {
  /** scaled = the credit's integer × aMul: credit × quota.den at the comparison scale. */
  readonly aMul: bigint;
  readonly steps: readonly KernelStep[];
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
  private readonly others: readonly Fixed[];
  private readonly compareScale: number;
  private readonly zeroRounding: QuotientRounding;
  private readonly byScale: (Lifted | undefined)[] = [];
  private readonly state: LineState = { scaled: 0n, capped: null, n: 0n, over: 1n, rate: ZERO, linked: null };

  constructor(
    private readonly rule: MeasureRule,
    readonly quota: Ratio,
    readonly target: Ratio,
    private readonly digits: number,
  ) {
    this.units = lineUnits(rule, quota, target);
    this.parts = rule.mechanics.map((m) => m.kernel(this.units));
    // The common denominator of the rate parts, and the factor that brings each part over it (UNIT when all are 1).
    const dens = this.parts.map((p) => p.denominator ?? UNIT);
    this.denominator = dens.every((d) => d === UNIT) ? UNIT : dens.reduce(fixedTimes, UNIT);
    this.others =
      this.denominator === UNIT
        ? dens
        : dens.map((_, i) => dens.reduce((acc, d, j) => (i === j ? acc : fixedTimes(acc, d)), UNIT));
    let scale = 0;
    for (const p of this.parts) for (const c of p.compared ?? []) scale = Math.max(scale, c.scale);
    this.compareScale = scale;
    this.zeroRounding = zeroRounding(digits);
  }

  pay(actual: Decimal, linked: Ratio | null = null): LineOutcome {
    return this.payFixed(fixedOf(actual), linked);
  }

  payFixed(a: Fixed, linked: Ratio | null = null): LineOutcome {
    const k = this.byScale[a.scale] ?? this.lift(a.scale);
    const s = this.state;
    s.scaled = a.int * k.aMul;
    s.capped = null;
    s.n = 0n;
    s.over = 1n;
    s.rate = ZERO;
    s.linked = linked;
    const steps = k.steps;
    for (let i = 0; i < steps.length; i++) {
      const out = steps[i](s);
      if (out !== null) return out;
    }
    // A line over a denominator of its own (an interpolated matrix) rounds once on D × over.
    const rounding = s.over === 1n ? k.rounding : this.roundingOver(k, s.over);
    return {
      minor: rounding.round(s.n),
      numerator: s.n,
      rounding,
      rate: s.rate,
      gated: false,
      capped: s.capped,
    };
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
      const extra = others[i].scale;
      for (const c of parts[i].intercepts ?? []) N = Math.max(N, c.scale + extra);
      for (const c of parts[i].slopes ?? []) N = Math.max(N, c.scale + extra + S);
    }
    const none = noneOf(this.digits);
    const lifts = new Map<Fixed, Lift>();
    const liftFor = (other: Fixed, reaching: Fixed): Lift => {
      // Parts with the same factor and denominator share one (the usual case: every factor 1).
      const shared = other === UNIT && reaching === denominator ? lifts.get(other) : undefined;
      if (shared) return shared;
      const made = new ScaleLift(S, N, other, reaching, this.digits, none);
      if (other === UNIT && reaching === denominator) lifts.set(other, made);
      return made;
    };
    // A payout part that multiplies n (a modifier) puts every part after it, and the rounding, over more.
    let reaching = denominator;
    const steps: KernelStep[] = [];
    for (let i = 0; i < parts.length; i++) {
      steps.push(parts[i].lift(liftFor(others[i], reaching)));
      const m = parts[i].multiplies;
      if (m) reaching = fixedTimes(reaching, m);
    }
    const D = reaching === UNIT ? this.units.D : fixedTimes(this.units.D, reaching);
    const lifted: Lifted = {
      aMul: qd.int * pow10(S - scale - qd.scale),
      steps,
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

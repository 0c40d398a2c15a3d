import { Decimal, ZERO } from "./decimal";
import { atScale, fixedOf, fixedTimes, pow10, QuotientRounding, type Fixed } from "./fixed";
import type { MeasureRule } from "./measureRule";
import type { Ratio } from "./ratio";

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
  readonly capped: "Attainment" | "Payout" | null;
}

/** The unrounded payout of a line, to 34 significant digits (traces and checks; pay adds `minor`). */
export function exactPayout(o: LineOutcome): Decimal {
  return o.rounding.exact(o.numerator);
}

/**
 * Pays one line: credited `actual` against `quota` with `target` incentive,
 * rounded to `digits` decimal places. Threshold gates on the true attainment;
 * an attainment cap limits the credit the tiers see; a payout cap limits the
 * result to CapPayout × target.
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
  pay(actual: Decimal): LineOutcome;
  /** The same, for a credit already read as a scaled integer. */
  payFixed(actual: Fixed): LineOutcome;
}

export function linePricer(rule: MeasureRule, quota: Ratio, target: Ratio, digits = 2): LinePricer {
  return new Pricer(rule, quota, target, digits);
}

/** The pricer's constants lifted to one scale of credit (credits with that many decimal places). */
interface Lifted {
  /** scaled = the credit's integer × aMul: credit × quota.den at one comparison scale. */
  readonly aMul: bigint;
  readonly edges: readonly bigint[];
  readonly gate: bigint | null;
  readonly capAt: bigint | null;
  /** n = c0 + c1 × scaled, at one numerator scale for every piece. */
  readonly c0: readonly bigint[];
  readonly c1: readonly bigint[];
  /** The payout cap binds when n × ceilingMul > ceilingAt. */
  readonly ceilingMul: bigint;
  readonly ceilingAt: bigint | null;
  readonly rounding: QuotientRounding;
}

const UNIT: Fixed = { int: 1n, scale: 0 };

/** What a line that pays nothing rounds with (its numerator is 0): one per currency precision. */
const zeroRoundings: QuotientRounding[] = [];
function zeroRounding(digits: number): QuotientRounding {
  return (zeroRoundings[digits] ??= new QuotientRounding(UNIT, 0, digits));
}

/**
 * Quota and target are exact fractions (an annual quota spread over 12 months
 * has no finite decimal). Everything that depends only on them is multiplied
 * out here once, in exact scaled integers (fixed.ts); a line then costs one
 * multiplication for its credit, a few comparisons, one multiply-add and one
 * division that rounds — so the cent is exactly what pencil and paper give,
 * including a payout of exactly half a cent.
 *
 * With scaled = credit × quota.den, each piece pays n / D where n = c0 + c1 × scaled
 * (see moneyAt in measureRule.ts for the four cases).
 */
class Pricer implements LinePricer {
  private readonly noQuota: boolean;
  private readonly payZero: boolean;
  private readonly qd: Fixed;
  private readonly edges: readonly Fixed[];
  private readonly gate: Fixed | null;
  private readonly capAt: Fixed | null;
  private readonly c0: readonly Fixed[];
  private readonly c1: readonly Fixed[];
  private readonly D: Fixed;
  private readonly capTarget: Fixed | null;
  private readonly ceilingRhs: Fixed | null;
  private readonly ceilingFactor: Fixed;
  private readonly td: Fixed;
  private ceilingRounding: QuotientRounding | null = null;
  private readonly zeroRounding: QuotientRounding;
  private readonly compareScale: number;
  private readonly byScale: (Lifted | undefined)[] = [];

  constructor(
    private readonly rule: MeasureRule,
    readonly quota: Ratio,
    readonly target: Ratio,
    private readonly digits: number,
  ) {
    const f = rule.fixed;
    const qn = fixedOf(quota.num);
    const qd = (this.qd = fixedOf(quota.den));
    const tn = fixedOf(target.num);
    const td = fixedOf(target.den);
    const multiplier = rule.rateType === "Multiplier";
    const edgeScale = rule.axis === "Attainment" ? qn : qd;
    this.noQuota = qn.int === 0n;
    this.edges = f.from.map((from) => fixedTimes(from, edgeScale));
    this.gate = f.threshold === null ? null : fixedTimes(f.threshold, qn);
    this.capAt = f.capAttainment === null ? null : fixedTimes(f.capAttainment, qn);
    this.c0 = f.intercept.map((i) =>
      multiplier ? fixedTimes(tn, fixedTimes(i, edgeScale)) : fixedTimes(i, edgeScale),
    );
    this.c1 = f.slope.map((s) => (multiplier ? fixedTimes(tn, s) : s));
    this.D = multiplier ? fixedTimes(td, qn) : qd;
    this.payZero = this.D.int === 0n;
    // payout > CapPayout × target ⇔ n × td > CapPayout × tn × D; with multiplier rates
    // D = td × qn, so td cancels: n > CapPayout × tn × qn.
    this.capTarget = f.capPayout === null ? null : fixedTimes(f.capPayout, tn);
    this.ceilingRhs = this.capTarget === null ? null : fixedTimes(this.capTarget, multiplier ? qn : this.D);
    this.ceilingFactor = multiplier ? UNIT : td;
    this.td = td;
    this.zeroRounding = zeroRounding(digits);
    let scale = 0;
    for (const e of this.edges) scale = Math.max(scale, e.scale);
    this.compareScale = Math.max(scale, this.gate?.scale ?? 0, this.capAt?.scale ?? 0);
  }

  pay(actual: Decimal): LineOutcome {
    return this.payFixed(fixedOf(actual));
  }

  payFixed(a: Fixed): LineOutcome {
    const k = this.byScale[a.scale] ?? this.lift(a.scale);
    let scaled = a.int * k.aMul;
    if (k.gate !== null && (this.noQuota || scaled < k.gate)) return this.none(true, null);
    let capped: LineOutcome["capped"] = null;
    if (k.capAt !== null && !this.noQuota && scaled > k.capAt) {
      scaled = k.capAt;
      capped = "Attainment";
    }
    if (scaled < 0n || this.payZero || (this.noQuota && this.rule.axis === "Attainment")) {
      return this.none(false, capped);
    }
    let i = k.edges.length - 1;
    while (i > 0 && scaled < k.edges[i]) i--;
    const n = k.c0[i] + k.c1[i] * scaled;
    const rate = this.rule.schedule[i].rate;
    if (k.ceilingAt !== null && n * k.ceilingMul > k.ceilingAt) {
      // The payout cap binds: CapPayout × target, rounded once (made the first time it is needed).
      const numerator = this.capTarget!.int;
      const rounding = (this.ceilingRounding ??= new QuotientRounding(this.td, this.capTarget!.scale, this.digits));
      return { minor: rounding.round(numerator), numerator, rounding, rate, gated: false, capped: "Payout" };
    }
    return { minor: k.rounding.round(n), numerator: n, rounding: k.rounding, rate, gated: false, capped };
  }

  private none(gated: boolean, capped: LineOutcome["capped"]): LineOutcome {
    return { minor: 0n, numerator: 0n, rounding: this.zeroRounding, rate: ZERO, gated, capped };
  }

  /** Comparison scale S ≥ the credit's scale + quota.den's; numerator scale N fits every piece. */
  private lift(scale: number): Lifted {
    const S = Math.max(this.compareScale, scale + this.qd.scale);
    let N = 0;
    for (const c of this.c0) N = Math.max(N, c.scale);
    for (const c of this.c1) N = Math.max(N, c.scale + S);
    const { ceilingFactor, ceilingRhs } = this;
    const ceilingScale = Math.max(N + ceilingFactor.scale, ceilingRhs?.scale ?? 0);
    const lifted: Lifted = {
      aMul: this.qd.int * pow10(S - scale - this.qd.scale),
      edges: this.edges.map((e) => atScale(e, S)),
      gate: this.gate === null ? null : atScale(this.gate, S),
      capAt: this.capAt === null ? null : atScale(this.capAt, S),
      c0: this.c0.map((c) => atScale(c, N)),
      c1: this.c1.map((c) => c.int * pow10(N - c.scale - S)),
      ceilingMul: ceilingFactor.int * pow10(ceilingScale - N - ceilingFactor.scale),
      ceilingAt: ceilingRhs === null ? null : atScale(ceilingRhs, ceilingScale),
      rounding: this.payZero ? this.zeroRounding : new QuotientRounding(this.D, N, this.digits),
    };
    this.byScale[scale] = lifted;
    return lifted;
  }
}

import { Decimal, ONE, ZERO } from "./decimal";
import { buildSchedule, tiersOf, type TierSchedule } from "./tierSchedule";
import type { Ratio } from "./ratio";
import type { MeasurePlan, RateType, Tier, TierBasis } from "./types";

/**
 * A measure's payout rules compiled once per plan, then applied to many lines.
 * This is the engine's hot path: per line one division (attainment), a few
 * comparisons, and a payout formula arranged so that its only division comes
 * last — the exact value is then correctly rounded, so a payout that is exactly
 * half a cent rounds the way Excel's ROUND does.
 */
export interface MeasureRule {
  readonly measure: MeasurePlan;
  readonly tiers: readonly Tier[];
  readonly schedule: TierSchedule;
  readonly axis: TierBasis;
  readonly rateType: RateType;
}

export function compileMeasureRule(measure: MeasurePlan): MeasureRule {
  const tiers = [...tiersOf(measure)].sort((a, b) => a.from.comparedTo(b.from));
  return {
    measure,
    tiers,
    schedule: buildSchedule(measure.tierMode, tiers),
    axis: measure.tierBasis,
    rateType: measure.rateType,
  };
}

/** What one payout line came to, before rounding. */
export interface LineOutcome {
  /** actual ÷ quota as an exact fraction; null when the quota is 0. */
  readonly attainment: Ratio | null;
  /** Unrounded payout in the rep's currency. */
  readonly payout: Decimal;
  /** Rate of the band reached (as written in Tiers). */
  readonly rate: Decimal;
  /** Below the threshold: the measure paid 0. */
  readonly gated: boolean;
  readonly capped: "Attainment" | "Payout" | null;
}

/**
 * Pays one line: credited `actual` against `quota` with `target` incentive.
 * Threshold gates on the true attainment; an attainment cap limits the credit
 * the tiers see; a payout cap limits the result to CapPayout × target.
 */
export function payLine(rule: MeasureRule, actual: Decimal, quota: Ratio, target: Ratio): LineOutcome {
  return linePricer(rule, quota, target).pay(actual);
}

/** A rule bound to one quota and target: every period of a rep with the same quota reuses it. */
export interface LinePricer {
  readonly quota: Ratio;
  readonly target: Ratio;
  pay(actual: Decimal): LineOutcome;
}

/**
 * Quota and target are exact fractions (an annual quota spread over 12 months
 * has no finite decimal). Everything that depends only on them is multiplied
 * out here once, so a line costs a multiplication or two, comparisons, and
 * one final division — which makes the unrounded payout correctly rounded
 * and the cent exact.
 *
 * With scaled = credit × quota.den, each piece pays N / D where N = c0 + c1 × scaled
 * (see moneyAt for the four cases).
 */
export function linePricer(rule: MeasureRule, quota: Ratio, target: Ratio): LinePricer {
  const m = rule.measure;
  const { num: qn, den: qd } = quota;
  const unitDen = qd.eq(ONE);
  const noQuota = qn.isZero();
  const multiplier = rule.rateType === "Multiplier";
  const edgeScale = rule.axis === "Attainment" ? qn : qd;
  const edges = rule.schedule.map((p) => p.from.times(edgeScale));
  const D = multiplier ? target.den.times(qn) : qd;
  const c0 = rule.schedule.map((p) => {
    const base = p.intercept.times(edgeScale);
    return multiplier ? target.num.times(base) : base;
  });
  const c1 = rule.schedule.map((p) => (multiplier ? target.num.times(p.slope) : p.slope));
  const gate = m.threshold === null ? null : m.threshold.times(qn);
  const capAt = m.capAttainment === null ? null : m.capAttainment.times(qn);
  // payout > CapPayout × target  ⇔  N × target.den > CapPayout × target.num × D; with
  // multiplier rates D = target.den × qn, so the test needs no per-line multiplication.
  const ceilingN = m.capPayout === null ? null : m.capPayout.times(target.num).times(multiplier ? qn : D);
  const ceilingScale = multiplier ? null : target.den;
  const ceiling = m.capPayout === null ? null : m.capPayout.times(target.num).div(target.den);
  const last = rule.schedule.length - 1;
  const payZero = multiplier && D.isZero();
  const perD = payZero ? null : reciprocalAbove(D);

  return {
    quota,
    target,
    pay(actual: Decimal): LineOutcome {
      let scaled = unitDen ? actual : actual.times(qd);
      const attainment: Ratio | null = noQuota ? null : { num: scaled, den: qn };
      if (gate !== null && (noQuota || scaled.lt(gate))) {
        return { attainment, payout: ZERO, rate: ZERO, gated: true, capped: null };
      }
      let capped: LineOutcome["capped"] = null;
      if (capAt !== null && !noQuota && scaled.gt(capAt)) {
        scaled = capAt;
        capped = "Attainment";
      }
      if (scaled.isNeg() || payZero || (noQuota && rule.axis === "Attainment")) {
        return { attainment, payout: ZERO, rate: ZERO, gated: false, capped };
      }
      let i = last;
      while (i > 0 && scaled.lt(edges[i])) i--;
      const k = c1[i];
      const n = k.isZero() ? c0[i] : c0[i].plus(k.times(scaled));
      if (ceilingN !== null && (ceilingScale === null ? n : n.times(ceilingScale)).gt(ceilingN)) {
        return { attainment, payout: ceiling!, rate: rule.schedule[i].rate, gated: false, capped: "Payout" };
      }
      return { attainment, payout: quotient(n, D, perD), rate: rule.schedule[i].rate, gated: false, capped };
    },
  };
}

/**
 * y = intercept + slope × x in the schedule's unit, turned into money, with
 * `scaled` = credit × quota.den and quota = qn/qd, target = tn/td:
 *  - Attainment × Multiplier: target × y, x = credit ÷ quota  → tn(i·qn + s·scaled) / (td·qn)
 *  - Attainment × Percent:    quota × y (money per band)       → (i·qn + s·scaled) / qd
 *  - Amount × Multiplier:     BCR × y, x = credit              → tn(i·qd + s·scaled) / (td·qn)
 *  - Amount × Percent:        y                                → (i·qd + s·scaled) / qd
 */
export function moneyAt(
  rule: MeasureRule,
  intercept: Decimal,
  slope: Decimal,
  scaled: Decimal,
  quota: Ratio,
  target: Ratio,
): Decimal {
  const { num: qn, den: qd } = quota;
  const base = rule.axis === "Attainment" ? qn : qd;
  const inner = (intercept.isZero() ? ZERO : intercept.times(base)).plus(slope.times(scaled));
  if (rule.rateType === "Multiplier") {
    if (qn.isZero()) return ZERO;
    return target.num.times(inner).div(target.den.times(qn));
  }
  return qd.eq(ONE) ? inner : inner.div(qd);
}

/**
 * 1/D rounded UP at 40 significant digits. Division is the costliest step of a
 * payout line; D is fixed per pricer, so each line multiplies instead.
 */
const Wide = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_UP });

export function reciprocalAbove(d: Decimal): Decimal | null {
  if (d.isZero() || d.isNeg()) return null;
  return new Decimal(new Wide(1).div(new Wide(d)));
}

/**
 * n ÷ D, good for rounding half-up to the cent. With R ≥ 1/D (rounded up at 40
 * digits), n × R lies in [n/D, n/D + n/D·1e-39], and rounding that product to
 * 34 digits cannot pass below a half cent it is at or above (the half cent is
 * on the grid). A quotient that is exactly a half cent therefore still rounds
 * up; a quotient below a half cent is below it by at least 1/(1000·D·10^k) —
 * far more than the overshoot and the 34-digit rounding of the product — so it
 * still rounds down. That margin holds for quotients of short decimals (money,
 * quotas and rates as people write them); a Curve table's interpolated slopes
 * already carry their own 34-digit rounding. Negative numerators (a plan with
 * negative rates) divide exactly.
 */
export function quotient(n: Decimal, d: Decimal, perD: Decimal | null): Decimal {
  return perD === null || n.isNeg() ? n.div(d) : n.times(perD);
}

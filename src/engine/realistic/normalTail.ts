/**
 * The standard normal's far tail Q(x) = Φ(−x) = 1 − Φ(x), 8 ≤ x ≤ 30, in
 * double-double arithmetic (a value as an unevaluated sum hi + lo of two
 * doubles, about 32 significant digits), from + − × ÷ alone: the same bits on
 * every machine. It is not a result on its own: massModel.ts's Φ works at 50
 * digits and costs milliseconds this far out (the continued fraction at 50
 * digits), and a Normal year level's censored mass Φ(−μ/σ) — about 1e−20 for
 * a team's narrow distribution — only ever reaches a 34-digit result through
 * 1 − Φ(−μ/σ) and Φ(z) − Φ(−μ/σ). Bracketed by this to 1e−25 relative, it
 * decides those roundings almost always; payProbability.ts checks that it
 * does and otherwise takes the 50-digit road, so results never change.
 */

/** Relative error bound claimed for `normalTail` (its true error is below 1e−29; see normalTail.test.ts). */
export const NORMAL_TAIL_REL_ERROR = 1e-25;

interface DD {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let r = quickTwoSum(s.hi, s.lo + t.hi);
  r = quickTwoSum(r.hi, r.lo + t.lo);
  return r;
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

function div(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = add(a, neg(mul(b, { hi: q1, lo: 0 })));
  const q2 = r.hi / b.hi;
  r = add(r, neg(mul(b, { hi: q2, lo: 0 })));
  const q3 = r.hi / b.hi;
  const q = quickTwoSum(q1, q2);
  return add(q, { hi: q3, lo: 0 });
}

function neg(a: DD): DD {
  return { hi: -a.hi, lo: -a.lo };
}

const LN2: DD = { hi: 6.931471805599453e-1, lo: 2.3190468138462996e-17 };
/** 1/√(2π) */
const INV_SQRT_2PI: DD = { hi: 3.989422804014327e-1, lo: -2.49232720227773e-17 };

/** e^(−t) for 0 ≤ t ≤ 450, double-double (beyond, the low part of the result would be subnormal). */
function expNeg(t: DD): DD {
  const k = Math.round(t.hi / LN2.hi);
  // r = k·ln2 − t, |r| ≤ 0.35 (k·ln2 is exact enough: k < 1100, ln2 to 107 bits).
  const r = add(mul({ hi: k, lo: 0 }, LN2), neg(t));
  // Taylor to r^30/30!: under 1e−45.
  let term: DD = { hi: 1, lo: 0 };
  let sum: DD = { hi: 1, lo: 0 };
  for (let i = 1; i <= 30; i++) {
    term = div(mul(term, r), { hi: i, lo: 0 });
    sum = add(sum, term);
  }
  // × 2^−k, exact (no underflow while t ≤ 700).
  let scale = 1;
  for (let i = 0; i < k; i++) scale *= 0.5;
  return { hi: sum.hi * scale, lo: sum.lo * scale };
}

/**
 * Q(x) = Φ(−x) for 8 ≤ x ≤ 30, x given as the double-double hi + lo:
 * φ(x) ÷ (x + 1/(x + 2/(x + 3/(x + …)))), the continued fraction taken
 * from a fixed depth backwards. Null outside that range.
 */
export function normalTail(xHi: number, xLo: number): DD | null {
  if (!(xHi >= 8 && xHi <= 30)) return null;
  const x: DD = quickTwoSum(xHi, xLo);
  const half = mul(x, x);
  const pdf = mul(expNeg({ hi: half.hi / 2, lo: half.lo / 2 }), INV_SQRT_2PI);
  // At x ≥ 8 the continued fraction from depth 200 is converged far below 1e−32.
  let f = x;
  for (let k = 200; k >= 1; k--) f = add(x, div({ hi: k, lo: 0 }, f));
  return div(pdf, f);
}

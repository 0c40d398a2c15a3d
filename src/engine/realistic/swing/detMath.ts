/**
 * exp, ln, √, Φ and Φ⁻¹ in IEEE doubles from + − × ÷ alone. JavaScript
 * fixes those four to correctly rounded IEEE results but lets every engine
 * approximate Math.exp, Math.log and the rest its own way, so a numerical
 * integration built on Math.exp could land on another cent in Safari than in
 * Edge. Built from these, the period-swing integration gives the same bits
 * on every machine. Accuracy: a few ulps for exp and ln, about 1e-15
 * absolute for Φ and Φ⁻¹ — far inside the model's stated error.
 */

const LN2_HI = 6.931471803691238e-1;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
const SQRT_HALF = 0.7071067811865476;
const INV_SQRT_2PI = 0.3989422804014327;

const view = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k in [−1074, 1023], exactly. */
function pow2(k: number): number {
  if (k < -1022) return pow2(k + 54) * 5.551115123125783e-17; // 2^−54
  view.setFloat64(0, 0);
  view.setUint16(0, (k + 1023) << 4);
  return view.getFloat64(0);
}

/** √x by Newton's method from a halved exponent: a fixed sequence of + × ÷, so the same bits everywhere. */
export function detSqrt(x: number): number {
  if (!(x > 0)) return x === 0 ? 0 : NaN;
  if (x === Infinity) return x;
  view.setFloat64(0, x);
  const e = ((view.getUint16(0) >> 4) & 0x7ff) - 1023;
  let y = pow2(Math.floor(e / 2)) * 1.2;
  // Eight steps from within a factor of √2: within an ulp of √x, and the same ulp on every machine.
  for (let i = 0; i < 8; i++) y = 0.5 * (y + x / y);
  return y;
}

export function detExp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.78) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // |r| ≤ 0.35: Taylor to r^17 / 17! leaves under 1e-18.
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= 17; i++) {
    term = (term * r) / i;
    sum += term;
  }
  if (k > 1023) return sum * pow2(1023) * pow2(k - 1023);
  return sum * pow2(k);
}

export function detLog(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54
    e = -54;
  }
  view.setFloat64(0, x);
  const hi = view.getUint16(0);
  e += ((hi >> 4) & 0x7ff) - 1023;
  view.setUint16(0, (hi & 0x800f) | (1023 << 4));
  let m = view.getFloat64(0); // [1, 2)
  if (m > 1.4142135623730951) {
    m /= 2;
    e += 1;
  }
  // ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let i = 3; i <= 29; i += 2) {
    term *= s2;
    sum += term / i;
  }
  return e * LN2_HI + (2 * sum + e * LN2_LO);
}

/** Standard normal density. */
export function detPdf(z: number): number {
  return INV_SQRT_2PI * detExp(-0.5 * z * z);
}

/**
 * Standard normal CDF: the Taylor series Φ(z) = ½ + φ(z)·Σ z^(2k+1)/(2k+1)!!
 * for |z| < 3, and the continued fraction of the Mills ratio beyond it.
 */
export function detCdf(z: number): number {
  if (z !== z) return NaN;
  if (z > 38) return 1;
  if (z < -38) return 0;
  return cdfWithPdf(z, detPdf(z));
}

/**
 * Φ(z) for |z| ≤ 38 given φ(z) (φ is even, so φ(|z|) is the same number):
 * below 3 the series Φ(z) = ½ + φ(z)·Σ z^(2k+1)/(1·3·…·(2k+1)); above, the
 * tail Q(a) = φ(a) / (a + 1/(a + 2/(a + 3/(a + …)))), evaluated from a fixed
 * depth (by the band a lies in) backwards.
 */
function cdfWithPdf(z: number, pdf: number): number {
  const a = z < 0 ? -z : z;
  if (a < 3) {
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let k = 1; k < 200; k++) {
      term *= z2 / (2 * k + 1);
      sum += term;
      if ((term < 0 ? -term : term) < 1e-17 * (sum < 0 ? -sum : sum)) break;
    }
    return 0.5 + pdf * sum;
  }
  // The fraction converges faster the further out a is: its depth, fixed for each band of a, is where the value
  // stopped changing on a dense grid of a (to within an ulp; 80 at every a was half the realistic run's Φ).
  const depth = a < 4 ? 60 : a < 5 ? 40 : a < 6 ? 30 : a < 8 ? 25 : a < 12 ? 20 : a < 20 ? 15 : 12;
  let f = a;
  for (let k = depth; k >= 1; k--) f = a + k / f;
  const tail = pdf / f;
  return z < 0 ? tail : 1 - tail;
}

/**
 * detCdf(z) into out[0] and detPdf(z) into out[1], the density computed once:
 * the same two numbers, bit for bit, as the two calls (φ is even, and its
 * argument is squared exactly alike for z and −z).
 */
export function detNormal(z: number, out: Float64Array): void {
  if (z !== z || z > 38 || z < -38) {
    out[0] = detCdf(z);
    out[1] = detPdf(z);
    return;
  }
  const pdf = detPdf(z);
  out[1] = pdf;
  out[0] = cdfWithPdf(z, pdf);
}

/** Φ⁻¹(p) for 0 < p < 1: Acklam's rational start and two Newton steps on detCdf. */
export function detQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  let x: number;
  if (p < 0.02425 || p > 1 - 0.02425) {
    const q = detSqrt(-2 * detLog(p < 0.5 ? p : 1 - p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    if (p > 0.5) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  for (let i = 0; i < 2; i++) {
    const density = detPdf(x);
    if (density === 0) break;
    // Halley: e = (Φ(x) − p)/φ(x), x ← x − e/(1 + x·e/2).
    const e = (detCdf(x) - p) / density;
    x -= e / (1 + (x * e) / 2);
  }
  return x;
}

export { SQRT_HALF };

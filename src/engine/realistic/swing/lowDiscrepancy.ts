/**
 * A fixed low-discrepancy point set in [0, 1)^dim: the Halton sequence with
 * each dimension's digits scrambled by a fixed permutation (0 kept at 0), which
 * breaks the correlation plain Halton shows between its higher dimensions.
 * The permutations come from a fixed seed, so every machine gets the same
 * points: results built on them are deterministic, not random.
 */

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89];

/** mulberry32 with a fixed seed: only to draw the digit permutations. */
function permutations(dim: number): Int32Array[] {
  let a = 0x5eed1234;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: dim }, (_, j) => {
    const b = PRIMES[j];
    const p = Int32Array.from({ length: b }, (_, i) => i);
    for (let i = b - 1; i > 1; i--) {
      const k = 1 + Math.floor(next() * i);
      const t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  });
}

/**
 * Points of dimension `dim` (≤ 24), row-major: the sequence's points from + 1 … count (point 0 is all zeros);
 * `from` = 0 gives the first `count`.
 */
export function scrambledHalton(count: number, dim: number, from = 0): Float64Array {
  if (dim > PRIMES.length) throw new RangeError(`Halton points of dimension ${dim} (at most ${PRIMES.length})`);
  const perms = permutations(dim);
  const out = new Float64Array(Math.max(0, count - from) * dim);
  for (let j = 0; j < dim; j++) {
    const b = PRIMES[j];
    const perm = perms[j];
    for (let i = from; i < count; i++) {
      let n = i + 1;
      let f = 1 / b;
      let x = 0;
      while (n > 0) {
        x += perm[n % b] * f;
        n = Math.floor(n / b);
        f /= b;
      }
      // i + 1 has a non-zero digit and permutations keep 0 at 0 only: x is never 0.
      out[(i - from) * dim + j] = x;
    }
  }
  return out;
}

import { Decimal, ONE, ZERO, sq } from "../decimal";
import {
  flat,
  normal,
  requirePositiveMean,
  type AttainmentDistribution,
  type EmpiricalDistribution,
  type FlatDistribution,
  type LogNormalDistribution,
} from "./distribution";
import { detExp, detLog, detSqrt } from "./swing/detMath";
import { floatLevelOf, withFloatLevel } from "./swing/floatLevel";
import { assertNever } from "../assertNever";

/**
 * A leader paid on the team's attainment: T = Σ qᵢ·Lᵢ ÷ Q, each member's
 * year level Lᵢ from their own distribution, qᵢ their quota in the leader's
 * currency and Q the leader's quota (so Σqᵢ ÷ Q is the over-assignment, and
 * it lifts the leader's attainment). With one correlation ρ between members:
 *   E[T]   = Σ qᵢ·mᵢ ÷ Q
 *   Var[T] = ((1 − ρ)·Σ (qᵢsᵢ)² + ρ·(Σ qᵢsᵢ)²) ÷ Q²
 * Eight independent reps at ±25% give a leader about ±9%; a perfectly
 * correlated team is one rep scaled by the over-assignment.
 *
 * The shape follows the members': Normal members give a Normal (exact for a
 * jointly normal team); LogNormal members a LogNormal with those moments;
 * samples (history) the quota-weighted mixture of the members' samples,
 * moved and rescaled to those moments, so a perfectly correlated team is
 * exactly the scaled sample; anything else a Normal with those moments.
 */
export interface TeamMember {
  /** Annual quota of the measure, in the leader's currency. */
  readonly quota: Decimal;
  readonly dist: AttainmentDistribution;
}

export function teamDistribution(
  members: readonly TeamMember[],
  leaderQuota: Decimal,
  correlation: Decimal,
): AttainmentDistribution {
  // Every member on one flat attainment (a flat scenario): the team's is one exact number, paid to the cent.
  if (members.every((m) => m.dist.kind === "Flat")) {
    const credit = members.reduce((s, m) => s.plus(m.quota.times((m.dist as FlatDistribution).attainment)), ZERO);
    return flat(Decimal.max(credit.div(leaderQuota), ZERO));
  }
  // Otherwise the team's distribution is a moment match, not a closed form: built in doubles (a leader's
  // figures are numerical whenever a swing applies, read in doubles anyway), the same bits on every machine.
  const q = leaderQuota.toNumber();
  const rho = correlation.toNumber();
  let credit = 0;
  let spread = 0;
  let squares = 0;
  for (const m of members) {
    const quota = m.quota.toNumber();
    const { mean, sd } = floatMomentsOf(m.dist);
    credit += quota * mean;
    spread += quota * sd;
    squares += quota * sd * (quota * sd);
  }
  const mean = credit / q;
  const variance = ((1 - rho) * squares + rho * spread * spread) / (q * q);
  if (!(variance > 0)) return flat(new Decimal(Math.max(mean, 0)));
  const sd = detSqrt(variance);
  const kinds = new Set(members.map((m) => m.dist.kind));
  let team: AttainmentDistribution;
  if (kinds.size === 1 && kinds.has("LogNormal")) team = logNormalOfMoments(mean, sd);
  else if (
    !kinds.has("Normal") &&
    !kinds.has("LogNormal") &&
    // A large team of members with different histories is a sum of many: Normal, by the central limit theorem.
    (members.every((m) => m.dist === members[0].dist) || distinct(members) <= TEAM_SAMPLE_POINTS)
  )
    team = rescaled(members, mean, sd);
  else team = normal(new Decimal(mean), new Decimal(sd));
  teams.add(team);
  return team;
}

const teams = new WeakSet<AttainmentDistribution>();

/** A team's distribution built in doubles (see teamDistribution): its figures are read in doubles too. */
export function isModelledTeam(d: AttainmentDistribution): boolean {
  return teams.has(d);
}

/** The factor on the period-swing spread of a team: its period swing is the quota-weighted mean of the members'. */
export function teamSwingFactor(quotas: readonly Decimal[], correlation: Decimal): Decimal {
  const total = quotas.reduce((s, q) => s.plus(q), ZERO);
  if (total.isZero()) return ONE;
  const squares = quotas.reduce((s, q) => s.plus(q.times(q)), ZERO);
  return ONE.minus(correlation).times(squares).div(sq(total)).plus(correlation).sqrt();
}

const momentCache = new WeakMap<AttainmentDistribution, { mean: number; sd: number }>();

/** Mean and standard deviation of attainment in doubles (a Normal's latent μ and σ: its censoring at 0 is left out). */
function floatMomentsOf(d: AttainmentDistribution): { mean: number; sd: number } {
  let m = momentCache.get(d);
  if (!m) {
    m = floatMoments(d);
    momentCache.set(d, m);
  }
  return m;
}

function floatMoments(d: AttainmentDistribution): { mean: number; sd: number } {
  switch (d.kind) {
    case "Flat":
      return { mean: d.attainment.toNumber(), sd: 0 };
    case "Normal":
      return { mean: d.mu.toNumber(), sd: d.sigma.toNumber() };
    case "LogNormal": {
      // m·√(e^(σ²) − 1)
      const sigma = d.sigma.toNumber();
      const mean = d.mean.toNumber();
      return { mean, sd: mean * detSqrt(detExp(sigma * sigma) - 1) };
    }
    case "Empirical": {
      const level = floatLevelOf(d);
      return sampleMoments(level.atomValues, level.atomProbs);
    }
    default:
      return assertNever(d);
  }
}

/** Weighted mean and standard deviation of a sample (weights need not add up to 1). */
function sampleMoments(values: Float64Array, weights: Float64Array): { mean: number; sd: number } {
  let total = 0;
  let moment = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i];
    moment += weights[i] * values[i];
  }
  const mean = moment / total;
  let variance = 0;
  for (let i = 0; i < values.length; i++) variance += weights[i] * (values[i] - mean) * (values[i] - mean);
  return { mean, sd: detSqrt(variance / total) };
}

/** LogNormal from the mean m and standard deviation s of attainment: σ² = ln(1 + s²/m²), μ = ln m − σ²/2. */
function logNormalOfMoments(mean: number, sd: number): LogNormalDistribution {
  requirePositiveMean(new Decimal(mean));
  const cv = sd / mean;
  const sigma2 = detLog(1 + cv * cv);
  return {
    kind: "LogNormal",
    mean: new Decimal(mean),
    mu: new Decimal(detLog(mean) - sigma2 / 2),
    sigma: new Decimal(detSqrt(sigma2)),
  };
}

/**
 * A team's sample has at most this many points: a larger mixture (the org's
 * history, thousands of rep-years) is grouped into equal-weight bins, each at
 * its own mean, before it is moved and rescaled — the team's mean and spread
 * are then set exactly, and a leader costs the same whatever the history's size.
 */
export const TEAM_SAMPLE_POINTS = 64;

/** A sample in doubles, ascending, weights above 0. */
interface Sample {
  readonly values: Float64Array;
  readonly weights: Float64Array;
}

const compressed = new WeakMap<AttainmentDistribution, Sample>();

/** The members' samples mixed by quota share, grouped (compress), then moved and scaled to the team's mean and spread. */
function rescaled(members: readonly TeamMember[], mean: number, sd: number): AttainmentDistribution {
  const first = members[0].dist;
  if (members.every((m) => m.dist === first)) {
    let small = compressed.get(first);
    if (!small) compressed.set(first, (small = compress(mixture(new Map([[first, 1]])))));
    return moveTo(small, mean, sd);
  }
  // Members sharing a sample (a team's history) enter the mixture once, with their quotas added.
  const shares = new Map<AttainmentDistribution, number>();
  for (const m of members) shares.set(m.dist, (shares.get(m.dist) ?? 0) + m.quota.toNumber());
  return moveTo(compress(mixture(shares)), mean, sd);
}

function distinct(members: readonly TeamMember[]): number {
  return new Set(members.map((m) => m.dist)).size;
}

/** Each sample's points at its share (its weights over their total, times the share), ascending, none at weight 0. */
function mixture(shares: ReadonlyMap<AttainmentDistribution, number>): Sample {
  const points: { v: number; w: number }[] = [];
  shares.forEach((share, d) => {
    if (!(share > 0)) return;
    if (d.kind === "Flat") points.push({ v: Math.max(0, d.attainment.toNumber()), w: share });
    else if (d.kind === "Empirical") {
      const level = floatLevelOf(d);
      for (let i = 0; i < level.atomValues.length; i++)
        if (level.atomProbs[i] > 0) points.push({ v: level.atomValues[i], w: level.atomProbs[i] * share });
    }
  });
  points.sort((a, b) => a.v - b.v);
  return { values: Float64Array.from(points, (p) => p.v), weights: Float64Array.from(points, (p) => p.w) };
}

/** At most TEAM_SAMPLE_POINTS equal-weight bins, each at its weighted mean (the sample's mean is kept). */
function compress(sample: Sample): Sample {
  const n = sample.values.length;
  if (n <= TEAM_SAMPLE_POINTS) return sample;
  let total = 0;
  for (let i = 0; i < n; i++) total += sample.weights[i];
  const values: number[] = [];
  const weights: number[] = [];
  let bin = 1;
  let cum = 0;
  let w = 0;
  let moment = 0;
  for (let i = 0; i < n; i++) {
    const wi = sample.weights[i];
    cum += wi;
    w += wi;
    moment += wi * sample.values[i];
    // A bin closes once it holds its share; the tolerance lets equal weights close on their exact multiples.
    if (cum * TEAM_SAMPLE_POINTS >= total * bin * (1 - 1e-12) || i === n - 1) {
      values.push(moment / w);
      weights.push(w);
      w = 0;
      moment = 0;
      bin++;
    }
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights) };
}

/** The sample moved and scaled to the mean and spread (a rising map: it stays sorted), censored at 0. */
function moveTo(sample: Sample, mean: number, sd: number): AttainmentDistribution {
  const own = sampleMoments(sample.values, sample.weights);
  if (!(own.sd > 0)) return flat(new Decimal(Math.max(mean, 0)));
  const scale = sd / own.sd;
  const n = sample.values.length;
  const values = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    values[i] = Math.max(0, mean + scale * (sample.values[i] - own.mean));
    total += sample.weights[i];
  }
  const probs = Float64Array.from(sample.weights, (w) => w / total);
  return withFloatLevel(lazyEmpirical(values, sample.weights), {
    atomValues: values,
    atomProbs: probs,
    continuous: null,
  });
}

/**
 * An Empirical distribution whose decimals are made only if something reads
 * them (an annual plan's closed forms): the period-swing grid reads the
 * doubles it was built from (withFloatLevel).
 */
function lazyEmpirical(values: Float64Array, weights: Float64Array): EmpiricalDistribution {
  let made: EmpiricalDistribution | null = null;
  const make = (): EmpiricalDistribution => {
    if (made) return made;
    const vs = Array.from(values, (v) => new Decimal(v));
    const ws = Array.from(weights, (w) => new Decimal(w));
    const cumWeight: Decimal[] = [ZERO];
    const cumMoment: Decimal[] = [ZERO];
    vs.forEach((v, k) => {
      cumWeight.push(cumWeight[k].plus(ws[k]));
      cumMoment.push(cumMoment[k].plus(ws[k].times(v)));
    });
    return (made = { kind: "Empirical", values: vs, weights: ws, cumWeight, cumMoment });
  };
  return {
    kind: "Empirical",
    get values() {
      return make().values;
    },
    get weights() {
      return make().weights;
    },
    get cumWeight() {
      return make().cumWeight;
    },
    get cumMoment() {
      return make().cumMoment;
    },
  };
}

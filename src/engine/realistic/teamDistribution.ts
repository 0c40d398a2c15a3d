import { Decimal, ONE, ZERO, sq } from "../decimal";
import {
  empirical,
  flat,
  logNormalFromMoments,
  logNormalStdDev,
  normal,
  type AttainmentDistribution,
} from "./distribution";
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
  const moments = members.map((m) => ({ ...momentsOf(m.dist), q: m.quota }));
  const mean = moments.reduce((s, m) => s.plus(m.q.times(m.mean)), ZERO).div(leaderQuota);
  const spread = moments.reduce((s, m) => s.plus(m.q.times(m.sd)), ZERO);
  const squares = moments.reduce((s, m) => s.plus(sq(m.q.times(m.sd))), ZERO);
  const variance = ONE.minus(correlation)
    .times(squares)
    .plus(correlation.times(sq(spread)))
    .div(sq(leaderQuota));
  if (variance.isZero()) return flat(Decimal.max(mean, ZERO));
  const sd = variance.sqrt();
  const kinds = new Set(members.map((m) => m.dist.kind));
  if (kinds.size === 1 && kinds.has("Normal")) return normal(mean, sd);
  if (kinds.size === 1 && kinds.has("LogNormal")) return logNormalFromMoments(mean, sd);
  if ([...kinds].every((k) => k === "Empirical" || k === "Flat")) {
    // A large team of members with different histories is a sum of many: Normal, by the central limit theorem.
    const one = members.every((m) => m.dist === members[0].dist);
    if (one || distinct(members) <= TEAM_SAMPLE_POINTS) return rescaled(members, mean, sd);
  }
  return normal(mean, sd);
}

/** The factor on the period-swing spread of a team: its period swing is the quota-weighted mean of the members'. */
export function teamSwingFactor(quotas: readonly Decimal[], correlation: Decimal): Decimal {
  const total = quotas.reduce((s, q) => s.plus(q), ZERO);
  if (total.isZero()) return ONE;
  const squares = quotas.reduce((s, q) => s.plus(q.times(q)), ZERO);
  return ONE.minus(correlation).times(squares).div(sq(total)).plus(correlation).sqrt();
}

const momentCache = new WeakMap<AttainmentDistribution, { mean: Decimal; sd: Decimal }>();

/** Mean and standard deviation of attainment (a Normal's latent μ and σ: its censoring at 0 is left out). */
function momentsOf(d: AttainmentDistribution): { mean: Decimal; sd: Decimal } {
  let m = momentCache.get(d);
  if (!m) {
    m = computeMoments(d);
    momentCache.set(d, m);
  }
  return m;
}

function computeMoments(d: AttainmentDistribution): { mean: Decimal; sd: Decimal } {
  switch (d.kind) {
    case "Flat":
      return { mean: d.attainment, sd: ZERO };
    case "Normal":
      return { mean: d.mu, sd: d.sigma };
    case "LogNormal":
      return { mean: d.mean, sd: logNormalStdDev(d) };
    case "Empirical": {
      const total = d.cumWeight[d.values.length];
      const mean = d.cumMoment[d.values.length].div(total);
      const variance = d.values.reduce((s, v, k) => s.plus(d.weights[k].times(sq(v.minus(mean)))), ZERO).div(total);
      return { mean, sd: variance.sqrt() };
    }
    default:
      return assertNever(d);
  }
}

/**
 * A team's sample has at most this many points: a larger mixture (the org's
 * history, thousands of rep-years) is grouped into equal-weight bins, each at
 * its own mean, before it is moved and rescaled — the team's mean and spread
 * are then set exactly, and a leader costs the same whatever the history's size.
 */
export const TEAM_SAMPLE_POINTS = 64;

const compressed = new WeakMap<AttainmentDistribution, AttainmentDistribution>();

/** The members' samples mixed by quota share, then moved and scaled to the team's mean and spread. */
function rescaled(members: readonly TeamMember[], mean: Decimal, sd: Decimal): AttainmentDistribution {
  const first = members[0].dist;
  const same = members.every((m) => m.dist === first);
  if (same) {
    let small = compressed.get(first);
    if (!small) {
      small = compress(mixture([first], [ONE]));
      compressed.set(first, small);
    }
    return moveTo(small, mean, sd);
  }
  // Members sharing a sample (a team's history) enter the mixture once, with their quotas added.
  const shares = new Map<AttainmentDistribution, Decimal>();
  for (const m of members) shares.set(m.dist, (shares.get(m.dist) ?? ZERO).plus(m.quota));
  return moveTo(compress(mixture([...shares.keys()], [...shares.values()])), mean, sd);
}

function distinct(members: readonly TeamMember[]): number {
  return new Set(members.map((m) => m.dist)).size;
}

function mixture(dists: readonly AttainmentDistribution[], shares: readonly Decimal[]): AttainmentDistribution {
  const values: Decimal[] = [];
  const weights: Decimal[] = [];
  dists.forEach((d, k) => {
    const share = shares[k];
    if (d.kind === "Flat") {
      values.push(d.attainment);
      weights.push(share);
    } else if (d.kind === "Empirical") {
      const total = d.cumWeight[d.values.length];
      d.values.forEach((v, i) => {
        values.push(v);
        weights.push(share.isZero() ? ZERO : d.weights[i].div(total).times(share));
      });
    }
  });
  return empirical(values, weights);
}

/** At most TEAM_SAMPLE_POINTS equal-weight bins, each at its weighted mean (the sample's mean is kept). */
function compress(d: AttainmentDistribution): AttainmentDistribution {
  if (d.kind !== "Empirical" || d.values.length <= TEAM_SAMPLE_POINTS) return d;
  const total = d.cumWeight[d.values.length];
  const values: Decimal[] = [];
  const weights: Decimal[] = [];
  let bin = 1;
  let w = ZERO;
  let moment = ZERO;
  d.values.forEach((v, i) => {
    w = w.plus(d.weights[i]);
    moment = moment.plus(d.weights[i].times(v));
    if (d.cumWeight[i + 1].times(TEAM_SAMPLE_POINTS).gte(total.times(bin)) || i === d.values.length - 1) {
      values.push(moment.div(w));
      weights.push(w);
      w = ZERO;
      moment = ZERO;
      bin++;
    }
  });
  return empirical(values, weights);
}

function moveTo(sample: AttainmentDistribution, mean: Decimal, sd: Decimal): AttainmentDistribution {
  const own = momentsOf(sample);
  if (own.sd.isZero() || sample.kind !== "Empirical") return flat(Decimal.max(mean, ZERO));
  const scale = sd.div(own.sd);
  // A rising map of a sorted sample stays sorted, with its weights: only the moments are new (empirical() would sort again).
  const values = sample.values.map((v) => {
    const moved = mean.plus(scale.times(v.minus(own.mean)));
    return moved.isNeg() ? ZERO : moved;
  });
  const cumMoment: Decimal[] = [ZERO];
  values.forEach((v, k) => {
    const w = sample.weights[k];
    cumMoment.push(cumMoment[k].plus(w.eq(ONE) ? v : w.times(v)));
  });
  return { kind: "Empirical", values, weights: sample.weights, cumWeight: sample.cumWeight, cumMoment };
}

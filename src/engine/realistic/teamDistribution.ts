import { Decimal, ONE, ZERO } from "../decimal";
import { empirical, flat, logNormalFromMoments, logNormalStdDev, normal, type AttainmentDistribution } from "./distribution";

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
  const squares = moments.reduce((s, m) => s.plus(m.q.times(m.sd).pow(2)), ZERO);
  const variance = ONE.minus(correlation).times(squares).plus(correlation.times(spread.pow(2))).div(leaderQuota.pow(2));
  if (variance.isZero()) return flat(Decimal.max(mean, ZERO));
  const sd = variance.sqrt();
  const kinds = new Set(members.map((m) => m.dist.kind));
  if (kinds.size === 1 && kinds.has("Normal")) return normal(mean, sd);
  if (kinds.size === 1 && kinds.has("LogNormal")) return logNormalFromMoments(mean, sd);
  if ([...kinds].every((k) => k === "Empirical" || k === "Flat")) return rescaled(members, mean, sd);
  return normal(mean, sd);
}

/** The factor on the period-swing spread of a team: its period swing is the quota-weighted mean of the members'. */
export function teamSwingFactor(quotas: readonly Decimal[], correlation: Decimal): Decimal {
  const total = quotas.reduce((s, q) => s.plus(q), ZERO);
  if (total.isZero()) return ONE;
  const squares = quotas.reduce((s, q) => s.plus(q.times(q)), ZERO);
  return ONE.minus(correlation).times(squares).div(total.pow(2)).plus(correlation).sqrt();
}

/** Mean and standard deviation of attainment (a Normal's latent μ and σ: its censoring at 0 is left out). */
function momentsOf(d: AttainmentDistribution): { mean: Decimal; sd: Decimal } {
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
      const variance = d.values.reduce((s, v, k) => s.plus(d.weights[k].times(v.minus(mean).pow(2))), ZERO).div(total);
      return { mean, sd: variance.sqrt() };
    }
  }
}

/** The members' samples mixed by quota share, then moved and scaled to the team's mean and spread. */
function rescaled(members: readonly TeamMember[], mean: Decimal, sd: Decimal): AttainmentDistribution {
  const first = members[0].dist;
  const same = members.every((m) => m.dist === first);
  const values: Decimal[] = [];
  const weights: Decimal[] = [];
  const add = (d: AttainmentDistribution, share: Decimal) => {
    if (d.kind === "Flat") {
      values.push(d.attainment);
      weights.push(share);
    } else if (d.kind === "Empirical") {
      const total = d.cumWeight[d.values.length];
      d.values.forEach((v, k) => {
        values.push(v);
        weights.push(share.isZero() ? ZERO : d.weights[k].div(total).times(share));
      });
    }
  };
  if (same) add(first, ONE);
  else for (const m of members) add(m.dist, m.quota);
  const mixture = empirical(values, weights);
  const own = momentsOf(mixture);
  if (own.sd.isZero()) return flat(Decimal.max(mean, ZERO));
  const scale = sd.div(own.sd);
  return empirical(
    mixture.values.map((v) => mean.plus(scale.times(v.minus(own.mean)))),
    mixture.weights,
  );
}

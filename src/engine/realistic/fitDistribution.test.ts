import type { DistributionSpec } from "../types";
import type { Decimal } from "../decimal";
import { logNormalFromMoments, logNormalStdDev } from "./distribution";
import { DistributionError } from "./distributionError";
import { fitDistribution } from "./fitDistribution";
import { normalCdf } from "./standardNormal";
import { d, diff } from "./testing/fixtures";

const normalSpec = (mean: string, stdDev: string | null, share: string | null): DistributionSpec => ({
  kind: "Normal",
  mean: d(mean),
  stdDev: stdDev === null ? null : d(stdDev),
  shareAtQuota: share === null ? null : d(share),
});
const logNormalSpec = (mean: string, stdDev: string | null, share: string | null): DistributionSpec => ({
  ...(normalSpec(mean, stdDev, share) as Extract<DistributionSpec, { kind: "Normal" }>),
  kind: "LogNormal",
});

function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DistributionError) return `${e.field}: ${e.message}`;
    throw e;
  }
  throw new Error("expected a DistributionError");
}

function params(spec: DistributionSpec): { mu: Decimal; sigma: Decimal } {
  const dist = fitDistribution(spec, []);
  if (dist.kind !== "Normal" && dist.kind !== "LogNormal") throw new Error(`got ${dist.kind}`);
  return dist;
}

describe("fitDistribution: Flat and Historical", () => {
  it("takes a flat attainment as is and refuses a negative one", () => {
    expect(fitDistribution({ kind: "Flat", attainment: d("0.7") }, [])).toEqual({ kind: "Flat", attainment: d("0.7") });
    expect(fieldOf(() => fitDistribution({ kind: "Flat", attainment: d("-0.1") }, []))).toMatch(
      /^Attainment: .*negative/,
    );
  });

  it("builds the history sample sorted, negative periods counted as 0, with prefix sums", () => {
    const dist = fitDistribution({ kind: "Historical", scope: "Team" }, ["1.1", "-0.2", "0.9"].map(d));
    if (dist.kind !== "Empirical") throw new Error(dist.kind);
    expect(dist.values.map(String)).toEqual(["0", "0.9", "1.1"]);
    expect(dist.cumWeight.map(String)).toEqual(["0", "1", "2", "3"]);
    // 0 + 0.9 = 0.9; + 1.1 = 2.0
    expect(dist.cumMoment.map(String)).toEqual(["0", "0", "0.9", "2"]);
  });

  it("refuses an empty history, naming the scope", () => {
    expect(fieldOf(() => fitDistribution({ kind: "Historical", scope: "Rep" }, []))).toMatch(
      /^AttainmentHistory: .*rep/,
    );
  });
});

describe("fitDistribution: Normal", () => {
  it("takes mean and standard deviation as μ and σ; StdDev 0 is Flat", () => {
    const p = params(normalSpec("0.7", "0.2", null));
    expect([p.mu.toString(), p.sigma.toString()]).toEqual(["0.7", "0.2"]);
    expect(fitDistribution(normalSpec("0.8", "0", null), [])).toEqual({ kind: "Flat", attainment: d("0.8") });
  });

  it("solves σ = (1 − m)/Φ⁻¹(1 − share) from the share of reps at quota", () => {
    // share = 1 − Φ(1.5) = 0.0668072012688580660044940409798862 at m = 0.7 → σ = 0.3/1.5 = 0.2
    expect(diff(params(normalSpec("0.7", null, "0.0668072012688580660044940409798862")).sigma, "0.2")).toBeLessThan(
      1e-30,
    );
    // m = 0.85, 30% at quota: Φ⁻¹(0.7) = 0.524400512708040784038289325025 → σ = 0.15/0.5244005127… = 0.286040910267973517208995530882
    expect(diff(params(normalSpec("0.85", null, "0.3")).sigma, "0.286040910267973517208995530882")).toBeLessThan(1e-30);
    // m = 1.2, 60% at quota: σ = −0.2/Φ⁻¹(0.4) = 0.2/0.253347103135800… = 0.789430…; check by the round trip.
    const p = params(normalSpec("1.2", null, "0.6"));
    expect(diff(d("1").minus(normalCdf(d("1").minus(p.mu).div(p.sigma))), "0.6")).toBeLessThan(1e-30);
  });

  it("explains the impossible shares", () => {
    expect(fieldOf(() => fitDistribution(normalSpec("0.7", null, "0.5"), []))).toMatch(
      /^ShareAtQuota: .*fewer than 50%/,
    );
    expect(fieldOf(() => fitDistribution(normalSpec("1.2", null, "0.3"), []))).toMatch(
      /^ShareAtQuota: .*more than 50%/,
    );
    expect(fieldOf(() => fitDistribution(normalSpec("1", null, "0.4"), []))).toMatch(/^ShareAtQuota: .*exactly 50%/);
    expect(fieldOf(() => fitDistribution(normalSpec("0.7", null, "1"), []))).toMatch(
      /^ShareAtQuota: .*strictly between/,
    );
    expect(fieldOf(() => fitDistribution(normalSpec("0.7", null, "0"), []))).toMatch(/^ShareAtQuota: /);
  });

  it("needs a positive mean and exactly one spread", () => {
    expect(fieldOf(() => fitDistribution(normalSpec("0", "0.2", null), []))).toMatch(/^Mean: /);
    expect(fieldOf(() => fitDistribution(normalSpec("0.7", "0.2", "0.1"), []))).toMatch(/^ShareAtQuota: .*not both/);
    expect(fieldOf(() => fitDistribution(normalSpec("0.7", null, null), []))).toMatch(/^StdDev: /);
    expect(fieldOf(() => fitDistribution(normalSpec("0.7", "-0.1", null), []))).toMatch(/^StdDev: .*negative/);
  });
});

describe("fitDistribution: LogNormal", () => {
  it("converts mean and sd of attainment to log space by moments", () => {
    // σ² = ln(1 + 0.3²/1²) = ln 1.09 = 0.0861776962410523…; σ = 0.293560379208523867755756200697
    // μ = ln 1 − σ²/2 = −0.0430888481205261661706667714202
    const p = params(logNormalSpec("1", "0.3", null));
    expect(diff(p.sigma, "0.293560379208523867755756200697")).toBeLessThan(1e-30);
    expect(diff(p.mu, "-0.0430888481205261661706667714202")).toBeLessThan(1e-30);
    expect(diff(logNormalStdDev(logNormalFromMoments(d("1.1"), d("0.35"))), "0.35")).toBeLessThan(1e-30);
  });

  it("solves the spread from the share in closed form, taking the narrower root below quota", () => {
    // m = 0.7, share 10%: z = Φ⁻¹(0.1) = −1.2815515655446; σ² + 2zσ − 2 ln 0.7 = 0
    // σ = −z ∓ √(z² + 2 ln 0.7) = 1.2815515655 ∓ √(1.6423744 − 0.7133499) = 1.2815516 ∓ 0.9638592
    //   → 0.317692381186038871923817831265 (taken) or 2.2454107499 (the runaway one)
    expect(diff(params(logNormalSpec("0.7", null, "0.1")).sigma, "0.317692381186038871923817831265")).toBeLessThan(
      1e-30,
    );
    // m = 1, share 30%: σ = −2·Φ⁻¹(0.3) = 2 × 0.524400512708040784038289325025 = 1.04880102541608156807657865005
    expect(diff(params(logNormalSpec("1", null, "0.3")).sigma, "1.04880102541608156807657865005")).toBeLessThan(1e-30);
    // m = 1.2, share 60%: one positive root, σ = −z + √(z² + 2 ln 1.2) = 0.401502397326108496508992822132
    expect(diff(params(logNormalSpec("1.2", null, "0.6")).sigma, "0.401502397326108496508992822132")).toBeLessThan(
      1e-30,
    );
  });

  it("reproduces the share it was fitted to: P(A ≥ 1) = Φ(−μ/σ)", () => {
    for (const [m, s] of [
      ["0.7", "0.1"],
      ["0.95", "0.35"],
      ["1.3", "0.8"],
    ]) {
      const p = params(logNormalSpec(m, null, s));
      expect(diff(normalCdf(p.mu.div(p.sigma)), s)).toBeLessThan(1e-30);
    }
  });

  it("explains the impossible shares", () => {
    // Below quota at most Φ(−√(−2 ln 0.7)) = Φ(−0.8446) = 19.92% of reps can reach it.
    expect(fieldOf(() => fitDistribution(logNormalSpec("0.7", null, "0.25"), []))).toMatch(
      /^ShareAtQuota: .*at most 19\.92%/,
    );
    expect(fieldOf(() => fitDistribution(logNormalSpec("1", null, "0.5"), []))).toMatch(
      /^ShareAtQuota: .*fewer than 50%/,
    );
    expect(fieldOf(() => fitDistribution(logNormalSpec("-1", "0.2", null), []))).toMatch(/^Mean: /);
  });
});

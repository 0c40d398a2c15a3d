import { Decimal } from "../decimal";
import { empirical, normal, type NormalDistribution } from "./distribution";
import { attainmentPercentile } from "./percentiles";
import { teamDistribution, teamSwingFactor } from "./teamDistribution";

const d = (s: string | number) => new Decimal(String(s));
const eight = (dist: ReturnType<typeof normal> | ReturnType<typeof empirical>) =>
  Array.from({ length: 8 }, () => ({ quota: d(1_000_000), dist }));

describe("a team's attainment from its members'", () => {
  const rep = normal(d("0.9"), d("0.25"));
  // Quota set at 90% of the team's sum: over-assignment 1/0.9.
  const leaderQuota = d(7_200_000);

  it("is far narrower than one rep's for eight independent reps, and lifted by over-assignment", () => {
    const team = teamDistribution(eight(rep), leaderQuota, d(0)) as NormalDistribution;
    expect(team.kind).toBe("Normal");
    // Mean 8 × 0.9 ÷ 7.2 = 1; sd √8 × 0.25 ÷ 7.2 = 0.25 ÷ (0.9 √8).
    expect(team.mu.toString()).toBe("1");
    expect(team.sigma.toFixed(12)).toBe(
      d("0.25")
        .div(d("0.9").times(d(8).sqrt()))
        .toFixed(12),
    );
  });

  it("is one rep scaled by the over-assignment when the team moves as one", () => {
    const team = teamDistribution(eight(rep), leaderQuota, d(1)) as NormalDistribution;
    expect(team.mu.toString()).toBe("1");
    // The team's distribution is a moment match built in doubles: to 15 places.
    expect(team.sigma.toFixed(15)).toBe(d("0.25").div("0.9").toFixed(15));
    // No over-assignment: exactly the rep.
    const same = teamDistribution(eight(rep), d(8_000_000), d(1)) as NormalDistribution;
    expect([same.mu.toString(), same.sigma.toString()]).toEqual(["0.9", "0.25"]);
  });

  it("keeps a history sample's shape: a perfectly correlated team is the sample scaled", () => {
    const sample = empirical([d("0.6"), d("0.9"), d("1.5")]);
    const team = teamDistribution(eight(sample), d(6_000_000), d(1));
    expect(team.kind).toBe("Empirical");
    if (team.kind !== "Empirical") return;
    // Over-assignment 8/6: 0.8, 1.2, 2.
    expect(team.values.map((v) => v.toDecimalPlaces(14).toString())).toEqual(["0.8", "1.2", "2"]);
  });

  it("has a P10–P90 band narrower than any one member's", () => {
    const sample = empirical([d("0.4"), d("0.7"), d("0.9"), d("1.1"), d("1.6")]);
    const team = teamDistribution(eight(sample), d(8_000_000), d("0.25"));
    const band = (x: Parameters<typeof attainmentPercentile>[0]) =>
      attainmentPercentile(x, d("0.9")).minus(attainmentPercentile(x, d("0.1")));
    expect(band(team).lt(band(sample))).toBe(true);
  });

  it("averages members' period swings: √((1 − ρ)/n + ρ) for n equal quotas", () => {
    const quotas = Array(8).fill(d(1));
    expect(teamSwingFactor(quotas, d(0)).toFixed(15)).toBe(d(1).div(d(8).sqrt()).toFixed(15));
    expect(teamSwingFactor(quotas, d(1)).toString()).toBe("1");
    expect(teamSwingFactor([d(1)], d(0)).toString()).toBe("1");
  });
});

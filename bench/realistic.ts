import { Decimal, ZERO } from "../src/engine/decimal";
import { buildPayoutCurve, type CurveSegment } from "../src/engine/curve";
import type { DistributionSpec, MeasurePlan, Tier } from "../src/engine/types";
import {
  combineCurves,
  fitDistribution,
  realisticOutcome,
  type AttainmentDistribution,
  type RealisticOutcome,
} from "../src/engine/realistic";
import {
  monteCarlo,
  seededNormal,
  seededUniform,
  type MonteCarloResult,
} from "../src/engine/realistic/testing/monteCarlo";

/**
 * Realistic earnings for 10,000 reps × 5 scenarios, computed exactly
 * (closed forms and exact sums, each unique plan curve × distribution once,
 * scaled by each rep's target variable), against a 100,000-draw Monte Carlo
 * of the same (seeded, JS floats) — what competitors ship. Prints the time
 * of each and how far the Monte Carlo lands from the exact figures.
 *
 * `npx tsx bench/realistic.ts`, or call benchRealistic() for the lines.
 */
const REPS = 10_000;
const TEAMS = 50;
const QUARTERS = 8;
const MC_DRAWS = 100_000;

const d = (s: string | number): Decimal => new Decimal(typeof s === "number" ? s.toString() : s);

interface Rep {
  readonly plan: PlanName;
  readonly team: number;
  readonly targetVariable: Decimal;
  readonly history: readonly Decimal[];
}

type PlanName = "A" | "B" | "C";

interface Scenario {
  readonly name: string;
  readonly spec: DistributionSpec;
}

const SCENARIOS: readonly Scenario[] = [
  { name: "Flat 70%", spec: { kind: "Flat", attainment: d("0.7") } },
  { name: "Normal mean 85%, sd 25%", spec: { kind: "Normal", mean: d("0.85"), stdDev: d("0.25"), shareAtQuota: null } },
  {
    name: "LogNormal mean 95%, 35% at quota",
    spec: { kind: "LogNormal", mean: d("0.95"), stdDev: null, shareAtQuota: d("0.35") },
  },
  { name: "Historical, team", spec: { kind: "Historical", scope: "Team" } },
  { name: "Historical, org", spec: { kind: "Historical", scope: "Org" } },
];

export function benchRealistic(): string[] {
  const curves = planCurves();
  const reps = syntheticReps();
  const lines: string[] = [
    `Realistic earnings: ${fmt(REPS)} reps × ${SCENARIOS.length} scenarios, 3 plan curves, exact vs ${fmt(MC_DRAWS)}-draw Monte Carlo`,
    "  A: marginal 1.0× to quota, 1.5× above, uncapped",
    "  B: gate 50%, retroactive 1.0× / 1.5× from quota (jump), payout cap 2.25×",
    "  C: 70% bookings (0.5× to 50%, 1× to quota, 2× above, attainment cap 200%) + 30% margin (curve points), one attainment",
    "",
    row([
      "scenario",
      "unique",
      "exact ms",
      "MC ms",
      "MC max |err|",
      "MC mean |err|",
      "MC max |err| P(OTE)",
      "expected variable (exact)",
    ]),
  ];
  let exactTotal = 0;
  let mcTotal = 0;
  for (const scenario of SCENARIOS) {
    // Exact: fit each distribution in scope once, each (plan, distribution) once, then scale per rep.
    const exactStart = performance.now();
    const dists = scenarioDistributions(scenario, reps);
    const outcomes = new Map<string, RealisticOutcome>();
    let cost = ZERO;
    reps.forEach((rep, k) => {
      const key = `${rep.plan}|${dists.keyOf(k)}`;
      let o = outcomes.get(key);
      if (o === undefined) {
        o = realisticOutcome(curves[rep.plan], dists.distOf(k));
        outcomes.set(key, o);
      }
      cost = cost.plus(rep.targetVariable.times(o.expectedMultiple));
    });
    const exactMs = performance.now() - exactStart;

    // Monte Carlo of the same unique pairs.
    const mcStart = performance.now();
    const simulated = new Map<string, MonteCarloResult>();
    let seed = 1;
    reps.forEach((rep, k) => {
      const key = `${rep.plan}|${dists.keyOf(k)}`;
      if (!simulated.has(key))
        simulated.set(key, monteCarlo(curves[rep.plan].segments, dists.distOf(k), MC_DRAWS, seed++));
    });
    const mcMs = performance.now() - mcStart;

    // Errors per rep, in % of target variable (and percentage points for P(reach OTE)).
    let maxErr = 0;
    let sumErr = 0;
    let maxProbErr = 0;
    reps.forEach((rep, k) => {
      const key = `${rep.plan}|${dists.keyOf(k)}`;
      const exact = outcomes.get(key) as RealisticOutcome;
      const mc = simulated.get(key) as MonteCarloResult;
      const err = Math.abs(mc.mean - exact.expectedMultiple.toNumber()) * 100;
      maxErr = Math.max(maxErr, err);
      sumErr += err;
      maxProbErr = Math.max(maxProbErr, Math.abs(mc.probAtOrAboveTarget - exact.probAtOrAboveTarget.toNumber()) * 100);
    });
    exactTotal += exactMs;
    mcTotal += mcMs;
    lines.push(
      row([
        scenario.name,
        fmt(outcomes.size),
        fmt(exactMs),
        fmt(mcMs),
        `${maxErr.toFixed(3)}%`,
        `${(sumErr / REPS).toFixed(3)}%`,
        `${maxProbErr.toFixed(3)} pp`,
        `$${fmt(cost.toNumber())}`,
      ]),
    );
  }
  lines.push(row(["total", "", fmt(exactTotal), fmt(mcTotal), "", "", "", ""]));

  // Historical by rep: 10,000 distinct 8-quarter samples. Exact stays cheap; a Monte Carlo would need 10⁹ draws.
  const byRepStart = performance.now();
  let byRepCost = ZERO;
  for (const rep of reps) {
    const o = realisticOutcome(curves[rep.plan], fitDistribution({ kind: "Historical", scope: "Rep" }, rep.history));
    byRepCost = byRepCost.plus(rep.targetVariable.times(o.expectedMultiple));
  }
  lines.push(
    "",
    `Historical by rep (${fmt(REPS)} distinct samples), exact only: ${fmt(performance.now() - byRepStart)} ms, expected variable $${fmt(byRepCost.toNumber())}` +
      ` (Monte Carlo at ${fmt(MC_DRAWS)} draws each would be ${fmt(REPS * MC_DRAWS)} draws)`,
    "MC error is |Monte Carlo − exact| of expected pay in % of target variable, per rep; the exact figures carry 30+ digits.",
  );
  return lines;
}

/** Distribution per rep for a scenario, with a key that is equal when the distribution is shared. */
function scenarioDistributions(
  scenario: Scenario,
  reps: readonly Rep[],
): { keyOf(k: number): string; distOf(k: number): AttainmentDistribution } {
  const spec = scenario.spec;
  if (spec.kind !== "Historical") {
    const dist = fitDistribution(spec, []);
    return { keyOf: () => "all", distOf: () => dist };
  }
  if (spec.scope === "Org") {
    const dist = fitDistribution(
      spec,
      reps.flatMap((r) => r.history),
    );
    return { keyOf: () => "org", distOf: () => dist };
  }
  const byTeam = new Map<number, Decimal[]>();
  for (const r of reps) {
    const history = byTeam.get(r.team) ?? [];
    history.push(...r.history);
    byTeam.set(r.team, history);
  }
  const dists = new Map([...byTeam].map(([team, history]) => [team, fitDistribution(spec, history)]));
  return { keyOf: (k) => `team${reps[k].team}`, distOf: (k) => dists.get(reps[k].team) as AttainmentDistribution };
}

function planCurves(): Record<PlanName, { segments: readonly CurveSegment[] }> {
  const tier = (from: string, to: string | null, rate: string): Tier => ({
    from: d(from),
    to: to === null ? null : d(to),
    rate: d(rate),
  });
  const measure = (m: Partial<MeasurePlan> & Pick<MeasurePlan, "tiers" | "tierMode">): MeasurePlan => ({
    measure: "Bookings",
    weight: d("1"),
    basis: "Individual",
    tierBasis: "Attainment",
    rateType: "Multiplier",
    threshold: null,
    capAttainment: null,
    capPayout: null,
    ...m,
  });
  const a = buildPayoutCurve(
    measure({ tierMode: "Marginal", tiers: [tier("0", "1", "1"), tier("1", null, "1.5")] }),
    d("1"),
  );
  const b = buildPayoutCurve(
    measure({
      tierMode: "Retroactive",
      threshold: d("0.5"),
      capPayout: d("2.25"),
      tiers: [tier("0", "1", "1"), tier("1", null, "1.5")],
    }),
    d("1"),
  );
  const bookings = buildPayoutCurve(
    measure({
      tierMode: "Marginal",
      capAttainment: d("2"),
      tiers: [tier("0", "0.5", "0.5"), tier("0.5", "1", "1"), tier("1", null, "2")],
    }),
    d("1"),
  );
  const margin = buildPayoutCurve(
    measure({
      measure: "Margin",
      tierMode: "Curve",
      tiers: [tier("0", null, "0"), tier("0.8", null, "0.6"), tier("1", null, "1"), tier("1.5", null, "1.3")],
    }),
    d("1"),
  );
  const c = combineCurves([
    { weight: d("0.7"), segments: bookings.segments },
    { weight: d("0.3"), segments: margin.segments },
  ]);
  return { A: a, B: b, C: { segments: c } };
}

/** Seeded org: teams with their own level, reps with their own, quarters around both. */
function syntheticReps(): Rep[] {
  const u = seededUniform(2026);
  const z = seededNormal(4711);
  const teamLevel = Array.from({ length: TEAMS }, () => 0.9 * Math.exp(0.15 * z()));
  const plans: readonly PlanName[] = ["A", "B", "C"];
  return Array.from({ length: REPS }, (_, k) => {
    const team = k % TEAMS;
    const repLevel = teamLevel[team] * Math.exp(0.2 * z());
    const history = Array.from({ length: QUARTERS }, () =>
      d(Math.max(0, repLevel * Math.exp(0.25 * z() - 0.03)).toFixed(3)),
    );
    return {
      plan: plans[Math.floor(u() * plans.length)],
      team,
      targetVariable: d(1000 * (40 + Math.floor(u() * 81))),
      history,
    };
  });
}

function fmt(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 0 });
}

const WIDTHS = [34, 7, 9, 8, 13, 14, 20, 27];

function row(cells: readonly string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i]) : c.padStart(WIDTHS[i]))).join(" ");
}

if (require.main === module) {
  process.stdout.write(`${benchRealistic().join("\n")}\n`);
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/read";
import { parseModelInput } from "../../src/workbook/parse";
import { RealisticContext, runRealistic, type RealisticScenario } from "../../src/engine/realisticModel";
import type { ModelInput } from "../../src/engine/types";

/**
 * The realistic model shares work between reps and scenarios: outcomes, teams,
 * a leader's swing factor and over-assignment, a distribution's float view,
 * swing paths. A scenario priced on its own, in a context that has seen
 * nothing else, must give every rep the same figures to the last digit.
 */
const input = ((): ModelInput => {
  const bytes = readFileSync(join(__dirname, "../../examples/acme-comp.xlsx"));
  const parsed = parseModelInput(readXlsx(new Uint8Array(bytes)), { today: new Date("2026-01-15") });
  if (!parsed.input) throw new Error("example did not parse");
  return parsed.input;
})();

const figures = (s: RealisticScenario) =>
  s.reps.map((r) => ({
    rep: r.rep.id,
    outcome: Object.values(r.outcome).map(String),
    baseline: r.baseline === null ? null : Object.values(r.baseline).map(String),
    atQuota: r.probAtOrAboveQuota.toString(),
    team: r.team === null ? null : [r.team.members, r.team.overAssignment.toString(), r.team.correlation.toString()],
    swing: [r.swing.spread.toString(), r.swing.correlation.toString()],
  }));

describe("realistic figures shared across scenarios and reps", () => {
  const together = runRealistic(input, []);

  it("prices every scenario as it would alone", () => {
    expect(together.length).toBeGreaterThan(3);
    for (const set of together) {
      // A fresh context: nothing cached from the other scenarios.
      const alone = new RealisticContext(input).run(
        { name: set.name, scenario: set.scenario, spec: set.spec, plans: set.plans },
        [],
      );
      expect(figures(alone)).toEqual(figures(set));
    }
  });

  it("prices a leader's team the same with every member or with the leader alone asked for", () => {
    const leaders = together[0].reps.filter((r) => r.team !== null).map((r) => r.rep.id);
    expect(leaders.length).toBeGreaterThan(0);
    const set = together[0];
    const only = new RealisticContext(input).run(
      { name: set.name, scenario: set.scenario, spec: set.spec, plans: set.plans },
      [],
      new Set(leaders),
    );
    expect(figures(only)).toEqual(figures(set).filter((r) => leaders.includes(r.rep)));
  });
});

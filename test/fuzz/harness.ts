import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMutations, loadParts, type Mutation } from "./mutate";
import { runCase, type Outcome } from "./runCase";

export const EXAMPLE = join(__dirname, "../../examples/acme-comp.xlsx");

/** The suite's budget: a fixed seed and a few hundred runs in `npm test`; `npm run fuzz` is the long run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261204);

/**
 * Runs `numRuns` cases of `arbitrary` through the CLI; every one must end in a
 * documented outcome. Returns the count of each, so a test can also check the
 * fuzz reaches all three (a mutator that only ever breaks the file tests little).
 */
export function fuzzCli(arbitrary: fc.Arbitrary<Mutation[]>, numRuns = FUZZ_RUNS): Map<Outcome, number> {
  const base = loadParts(readFileSync(EXAMPLE));
  const dir = mkdtempSync(join(tmpdir(), "compplan-fuzz-"));
  const counts = new Map<Outcome, number>();
  try {
    fc.assert(
      fc.property(arbitrary, (mutations) => {
        const result = runCase(applyMutations(base, mutations), dir);
        if (result.outcome === "failure") throw new Error(result.detail);
        counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
      }),
      { numRuns, seed: FUZZ_SEED },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

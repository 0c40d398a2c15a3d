import { parseArgs } from "node:util";
import { addinBench } from "./addinBench";
import { cliBench, cliScaleBench } from "./cliBench";
import { engineBench } from "./engineBench";
import { functionsBench } from "./functionsBench";
import { printGoals } from "./goals";
import { paneBench } from "./paneBench";
import { benchRealistic } from "./realistic";

const SECTIONS = ["engine", "realistic", "cli", "addin", "pane", "functions"] as const;

/**
 * `npm run bench [-- --reps N] [--only engine|realistic|cli|addin|pane|functions] [--scale]`: prints figures, no pass/fail.
 * `--scale` adds the CLI at 40,000 reps (.xlsx) and 100,000 reps (CSV), minutes of work; without it the Goals
 * table lists them as not measured.
 * `addin` is the adapter against the fake host and the pane in Chromium (its long tasks); `pane` the latter alone.
 * Default 10,000 reps × 12 months × 2 measures.
 */
async function bench(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: "string", default: "10000" },
      only: { type: "string" },
      scale: { type: "boolean", default: false },
    },
  });
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a positive integer, got ${values.reps}`);
  const only = values.only;
  if (only !== undefined && !SECTIONS.includes(only as (typeof SECTIONS)[number])) {
    throw new Error(`--only must be one of ${SECTIONS.join(", ")}, got ${only}`);
  }
  const run = (section: (typeof SECTIONS)[number]) => only === undefined || only === section;

  process.stdout.write(`compplan benchmark · node ${process.version} · ${process.platform}/${process.arch}\n`);
  // The CLI first: its own-process figure is a child's wall clock, which a parent holding the other sections'
  // heaps slows (their background marking and sweeping share the machine's two cores): 4.4 s measured after the
  // engine and realistic sections, 3.8 s before them.
  if (run("cli")) {
    cliBench(reps);
    cliScaleBench(values.scale);
  }
  if (run("engine")) engineBench(reps);
  // Realistic earnings has its own fixed sizes (accuracy cases at 10,000,000 draws; 10,000 reps × 5 scenarios).
  if (run("realistic")) {
    process.stdout.write("\n");
    benchRealistic();
  }
  if (run("addin")) await addinBench(reps);
  // The add-in's figures: the adapter against the fake host, then the pane itself in Chromium.
  if (run("addin") || run("pane")) await paneBench(reps);
  if (run("functions")) await functionsBench(reps);
  printGoals();
}

void bench();

import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LINE_MECHANICS } from "../../src/engine/line/mechanics";

/**
 * One home per line mechanic (docs/architecture.md, docs/extending.md): the
 * three interpreters of a payout line run whatever mechanics a rule lists and
 * never name a mechanic's parameters, so a mechanic's arithmetic exists once,
 * in its own module.
 */
const INTERPRETERS = ["src/engine/line/pricer.ts", "src/engine/line/payoutCurve.ts", "src/engine/trace.ts"];
/** Every MeasurePlan field a mechanic owns: no interpreter may read one. */
const MECHANIC_FIELDS = [
  "threshold",
  "capAttainment",
  "capPayout",
  "tiers",
  "tierMode",
  "kicker",
  "modifier",
  "matrix",
];

const code = (file: string) =>
  readFileSync(join(__dirname, "..", "..", file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");

describe("line mechanics", () => {
  it.each(INTERPRETERS)("%s reads no mechanic's parameters", (file) => {
    const text = code(file);
    for (const field of MECHANIC_FIELDS)
      expect({ field, found: new RegExp(`\\.${field}\\b`).test(text) }).toEqual({ field, found: false });
  });

  it("are listed in the order a line applies them: credit stage, then rates, then payout", () => {
    const order = { credit: 0, rate: 1, payout: 2 } as const;
    const stages = LINE_MECHANICS.map((m) => order[m.stage]);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    expect(LINE_MECHANICS.map((m) => m.name)).toEqual([
      "Threshold",
      "Cap attainment",
      "Tiers",
      "Kicker",
      "Matrix",
      "Modifier",
      "Cap payout",
    ]);
  });

  it("have distinct names (each names its own trace step)", () => {
    const names = LINE_MECHANICS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

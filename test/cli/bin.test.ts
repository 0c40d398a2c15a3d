import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { copyExample, sha256, tempDir } from "./helpers";

const root = join(__dirname, "../..");
const built = existsSync(join(root, "dist/cli/compplan.js"));

// Runs the real executable; needs `npm run build:cli` (npm ci does it through prepare).
(built ? describe : describe.skip)("bin/compplan.js (built CLI)", () => {
  it("runs the model on the example as a separate process", () => {
    const dir = tempDir();
    try {
      const input = copyExample(dir);
      const before = sha256(input);
      const run = spawnSync(process.execPath, [join(root, "bin/compplan.js"), "model", input], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("Wrote ");
      expect(existsSync(join(dir, "acme-comp-results.xlsx"))).toBe(true);
      expect(sha256(input)).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finishes and writes the workbook when its reader stops early (… | head -1)", () => {
    const dir = tempDir();
    try {
      const input = copyExample(dir);
      const script = `"${process.execPath}" "${join(root, "bin/compplan.js")}" model "${input}" | head -1; exit \${PIPESTATUS[0]}`;
      const run = spawnSync("bash", ["-c", script], { encoding: "utf8" });
      expect(run.stdout).toMatch(/^Baseline: 29 reps/);
      expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(1);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(existsSync(join(dir, "acme-comp-results.xlsx"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 on a usage error", () => {
    const run = spawnSync(process.execPath, [join(root, "bin/compplan.js"), "model"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing <input.xlsx>/);
  });
});

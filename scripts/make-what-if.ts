import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { whatIfXlsx } from "./whatIfXlsx";

/** `npm run make-what-if`: regenerates examples/what-if.xlsx (the Acme tables and a What-if sheet of COMP.* formulas). */
async function makeWhatIf(): Promise<void> {
  const target = resolve(__dirname, "..", "examples", "what-if.xlsx");
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await whatIfXlsx());
  process.stdout.write(`Wrote ${target}\n`);
}

makeWhatIf().catch((error: unknown) => {
  process.stderr.write(`make-what-if failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

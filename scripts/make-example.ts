import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { acmeExample } from "../src/workbook/example/acme";
import { modernSaasExample } from "../src/workbook/example/modernSaas";
import { exampleXlsx } from "./exampleXlsx";

/** `npm run make-example`: regenerates examples/acme-comp.xlsx and examples/modern-saas-plan.xlsx from src/workbook/example/. */
async function makeExample(): Promise<void> {
  for (const [file, tables] of [
    ["acme-comp.xlsx", acmeExample()],
    ["modern-saas-plan.xlsx", modernSaasExample()],
  ] as const) {
    const target = resolve(__dirname, "..", "examples", file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await exampleXlsx(tables));
    const summary = tables.map((t) => `${t.name} (${t.rows.length} rows)`).join(", ");
    process.stdout.write(`Wrote ${target}: ${summary}\n`);
  }
}

makeExample().catch((error: unknown) => {
  process.stderr.write(`make-example failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

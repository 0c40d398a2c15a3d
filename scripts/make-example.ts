import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { acmeExample } from "../src/workbook/example/acme";
import { exampleXlsx } from "./exampleXlsx";

/** `npm run make-example`: regenerates examples/acme-comp.xlsx from src/workbook/example/acme.ts. */
async function makeExample(): Promise<void> {
  const target = resolve(__dirname, "..", "examples", "acme-comp.xlsx");
  mkdirSync(dirname(target), { recursive: true });
  const tables = acmeExample();
  writeFileSync(target, await exampleXlsx(tables));
  const summary = tables.map((t) => `${t.name} (${t.rows.length} rows)`).join(", ");
  process.stdout.write(`Wrote ${target}: ${summary}\n`);
}

makeExample().catch((error: unknown) => {
  process.stderr.write(`make-example failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

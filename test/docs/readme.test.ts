import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/read";
import { runWorkbook } from "../../src/workbook/run";

/** What the README claims the CLI prints on the example is what it prints: the docs cannot drift. */
describe("README", () => {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");

  it("shows the example's headline exactly as the CLI computes it", () => {
    const start = readme.indexOf("what it wrote. On the example:");
    expect(start).toBeGreaterThan(0);
    const block = readme.slice(readme.indexOf("```", start) + 3);
    const lines = block
      .slice(block.indexOf("\n") + 1)
      .split("\n")
      .map((l) => l.trim());
    const headline = lines.slice(0, lines.indexOf(""));
    const tables = readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../examples/acme-comp.xlsx"))));
    const result = runWorkbook(tables, { sourceName: "acme-comp.xlsx", computedAt: new Date("2026-12-04T00:00:00Z") });
    expect(headline).toEqual(result.headline);
  });
});

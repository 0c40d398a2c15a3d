import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/read";
import { runWorkbook } from "../../src/workbook/run";
import type { SheetSpec } from "../../src/workbook/types";
import { Decimal } from "../../src/engine";

/** What the README claims the CLI prints on the example is what it prints: the docs cannot drift. */
describe("README", () => {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const tables = readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../examples/acme-comp.xlsx"))));
  const result = runWorkbook(tables, { sourceName: "acme-comp.xlsx", computedAt: new Date("2026-12-04T00:00:00Z") });
  const rowsOf = (name: string): Record<string, unknown>[] => {
    const sheet: SheetSpec = result.sheets.find((s) => s.name === name)!;
    return sheet.rows.map((r) => Object.fromEntries(sheet.columns.map((c, j) => [c.header, r[j]])));
  };
  const statements = rowsOf("Results_Statements").filter((r) => r.Scenario === "Baseline");
  const statement = (rep: string, period: string) => statements.find((r) => r.RepID === rep && r.Period === period)!;

  it("shows the example's headline exactly as the CLI computes it", () => {
    const start = readme.indexOf("what it wrote. On the example:");
    expect(start).toBeGreaterThan(0);
    const block = readme.slice(readme.indexOf("```", start) + 3);
    const lines = block
      .slice(block.indexOf("\n") + 1)
      .split("\n")
      .map((l) => l.trim());
    const headline = lines.slice(0, lines.indexOf(""));
    expect(headline).toEqual(result.headline);
  });

  it("foots each distribution scenario's totals to its Results_Realistic rows, each converted and rounded", () => {
    // docs/workbook.md: "each rep's figures converted and rounded as Results_Summary shows them, then added" — for
    // expected totals too (the EUR reps' rows at 1.08 used to miss Results_Scenarios by a cent or two).
    const realistic = rowsOf("Results_Realistic");
    const scenarios = rowsOf("Results_Scenarios");
    const expected = scenarios.filter((s) => String(s.Basis).startsWith("Expected"));
    expect(expected.map((s) => s.Scenario)).toEqual([
      "Baseline (history)",
      "Richer accelerators",
      "Payout cap 2x",
      "Lower gate 25%",
    ]);
    expect(realistic.some((r) => r.Currency === "EUR")).toBe(true);
    for (const s of expected) {
      const rows = realistic.filter((r) => r.Scenario === s.Scenario);
      const sum = rows.reduce(
        (total, r) =>
          total.plus(
            new Decimal(r["Expected variable"] as number)
              .times(r.Currency === "EUR" ? "1.08" : 1)
              .toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
          ),
        new Decimal(0),
      );
      expect(sum.toNumber()).toBe(s["Variable pay USD"]);
    }
  });

  it("describes mechanics the example's statements really show", () => {
    // Each claim of "The example workbook" section, checked against the statements it describes.
    expect(readme).toContain(
      "starts on 15 April and books under both gates in\n  her first quarter, so her 6,000 quarterly draw, prorated to 77 of Q2's 91 days (5,076.92), is paid as a top-up in\n  Q2 and taken back from her Q3 earnings",
    );
    expect(statement("E1309", "2026-Q2")).toMatchObject({ Earned: 0, "Draw top-up": 5076.92, "Net paid": 5076.92 });
    expect(statement("E1309", "2026-Q3")).toMatchObject({ Recovered: 5076.92 });

    expect(readme).toContain(
      "the negative true-up\n  is deferred as a debit (net pay 0, not a negative) and recovered from Q3",
    );
    const lost = statement("E1108", "2026-Q2");
    expect(lost.Earned as number).toBeLessThan(0);
    expect(lost).toMatchObject({ "True-up deferred": -(lost.Earned as number), "Net paid": 0 });
    expect(statement("E1108", "2026-Q3")).toMatchObject({ "Debit recovered": lost["True-up deferred"] });

    expect(readme).toContain("E1205's 30,000 clawback takes all of Q3 and carries the rest to Q4");
    const q3 = statement("E1205", "2026-Q3");
    expect(q3).toMatchObject({ Adjustments: -(q3.Earned as number), "Net paid": 0 });
    // The statement names the adjustment, with the note typed in the Adjustments table.
    expect(q3.Notes).toBe("Clawback 30000: Customer churned within 90 days; commission on the deal reversed");
    expect(q3["Clawback carried"]).toBeCloseTo(30000 - (q3.Earned as number), 2);
    expect(statement("E1205", "2026-Q4").Adjustments).toBeCloseTo(-(q3["Clawback carried"] as number), 2);

    expect(readme).toContain("a 5,000 clawback booked in November has no pay left to\n  come from");
    expect(statement("E1206", "2026-Q4")).toMatchObject({ Earned: 0, "Clawback carried": 5000, "Net paid": 0 });
    const leaver = rowsOf("Results_Summary").find((r) => r.Scenario === "Baseline" && r.RepID === "E1206")!;
    expect(leaver["Clawback outstanding"]).toBe(5000);

    // And no statement pays a negative amount: the example's only plan that could, clawing back, defers it.
    expect(statements.filter((r) => (r["Net paid"] as number) < 0)).toEqual([]);
  });
});

describe("README pictures", () => {
  it("shows screenshots that exist: all six views, light and dark, as npm run screenshots writes them", () => {
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) expect(existsSync(join(__dirname, "../..", image))).toBe(true);
    for (const view of ["inputs", "run", "plans", "scenarios", "offers", "settings"])
      for (const theme of ["light", "dark"])
        expect(existsSync(join(__dirname, "../../docs/screenshots", `${view}-${theme}-320.png`))).toBe(true);
  });
});

describe("docs/reliability.md", () => {
  it("names only files that exist, so each guarantee points at real code and a real test", () => {
    const root = join(__dirname, "../..");
    const doc = readFileSync(join(root, "docs/reliability.md"), "utf8");
    const paths = [...doc.matchAll(/`((?:src|test|bin)\/[^`\s]+?)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(15);
    const missing = paths.filter((p) => !existsSync(join(root, p)) && !existsSync(join(root, "src/workbook/parse", p)));
    expect(missing).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runWorkbook } from "../../workbook/run";
import { readXlsx } from "../../xlsx/read";
import { repChoices, repLookup } from "./repLookup";

describe("looking up one rep in a run's results", () => {
  const tables = readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../../examples/acme-comp.xlsx"))));
  const run = runWorkbook(tables, { sourceName: "acme-comp.xlsx", computedAt: new Date("2026-12-31T12:00:00Z") });

  it("lists everyone once and finds E1205's year: statement, lines and realistic band, as the sheets hold them", () => {
    const choices = repChoices(run.sheets);
    expect(choices).toHaveLength(29);
    expect(choices[0]).toEqual({ id: "E1000", name: "Dana Director" });
    const rep = repLookup(run.sheets, "E1205")!;
    expect(rep.name).toBe("Marley Adeyemi");
    // Quarterly plan: four statement periods, two measures a quarter.
    expect(rep.statement.map((s) => s.period)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(rep.lines).toHaveLength(8);
    // Each period's earned is the sum of its payout lines, to the cent (the statement foots).
    for (const s of rep.statement) {
      const lines = rep.lines.filter((l) => l.period === s.period).reduce((sum, l) => sum + (l.payout ?? 0), 0);
      expect(Math.round(lines * 100)).toBe(Math.round(s.earned * 100));
    }
    // The example's 30,000 clawback on E1205 is on the statement with its note.
    expect(rep.statement.some((s) => (s.notes ?? "").includes("30000"))).toBe(true);
    expect(rep.realistic!.scenario).toBe("Baseline (history)");
    expect(rep.realistic!.p10).toBeLessThanOrEqual(rep.realistic!.p50);
    expect(rep.realistic!.p50).toBeLessThanOrEqual(rep.realistic!.p90);
    expect(repLookup(run.sheets, "NOPE")).toBeNull();
  });
});

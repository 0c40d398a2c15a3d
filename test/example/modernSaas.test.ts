import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { modernSaasExample } from "../../src/workbook/example/modernSaas";
import { exampleXlsx } from "../../scripts/exampleXlsx";

const FILE = join(__dirname, "../../examples/modern-saas-plan.xlsx");

/** Results_Statements of the example through the CLI's CSV output, by rep and period. */
function statements(): Record<string, Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), "modern-saas-"));
  try {
    const code = main(["model", FILE, "--format", "csv", "-o", join(dir, "out"), "--quiet"], {
      stdout: () => undefined,
      stderr: () => undefined,
      now: () => new Date("2027-12-31T12:00:00Z"),
      cwd: dir,
    });
    expect(code).toBe(0);
    const [head, ...rows] = readFileSync(join(dir, "out", "Results_Statements.csv"), "utf8")
      .trim()
      .split("\n");
    const headers = head.split(",");
    const out: Record<string, Record<string, string>> = {};
    for (const line of rows) {
      // Notes (the last column) may hold commas inside quotes; the money columns before it do not.
      const cells = line.split(",");
      const row = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
      row.Notes = cells
        .slice(headers.length - 1)
        .join(",")
        .replace(/^"|"$/g, "");
      out[`${row.RepID} ${row.Period}`] = row;
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("examples/modern-saas-plan.xlsx", () => {
  const st = statements();
  const pick = (key: string, ...cols: string[]) => cols.map((c) => st[key][c]);

  it("matches the generator byte for byte (run npm run make-example after changes)", async () => {
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    expect(sha(await exampleXlsx(modernSaasExample()))).toBe(sha(readFileSync(FILE)));
  });

  it("pays Ava Chen's year as worked by hand: tiers, kicker, Renewals modifier, MBO, 80% advances, year-end settlement", () => {
    // Her quarters are fiscal quarters of 13 weeks on the 4-4-5 calendar; each is a quarter of the year's quota and target.
    // Target incentive a quarter: New ARR 120,000 × 60% ÷ 4 = 18,000; Renewals and MBO 6,000 each.
    // Q1: New ARR 90% → 16,200 (Renewals 95%: × 1); Renewals 95% → 5,700; MBO 100% → 6,000. 27,900, 80% advanced.
    expect(pick("M101 FY2027-Q1", "Earned", "Deferred to year end", "Net paid")).toEqual(["27900", "5580", "22320"]);
    // Q2: New ARR 130%: 1 + 2 × 30% = 1.6 → 28,800, kicker 0.5 × 10% → 900, × 1.1 (Renewals 115%) = 32,670;
    // Renewals 6,900; MBO 120% → 7,200. 46,770.
    expect(pick("M101 FY2027-Q2", "Earned", "Net paid")).toEqual(["46770", "37416"]);
    // Q3: New ARR 100% → 18,000 × 0.8 (Renewals 80%) = 14,400; Renewals 4,800; MBO 5,400. 24,600.
    expect(pick("M101 FY2027-Q3", "Earned", "Net paid")).toEqual(["24600", "19680"]);
    // Q4: New ARR 150% → 36,000 + kicker 0.5 × 30% × 18,000 = 2,700; Renewals 6,000; MBO 6,600. 51,300.
    // The year (150,570, attainment 111% ≥ the 50% gate) less the advances (79,416) is paid now: 71,154.
    expect(pick("M101 FY2027-Q4", "Earned", "Deferred to year end", "Net paid")).toEqual(["51300", "-19854", "71154"]);
  });

  it("takes back Liam Ortiz's advances when his year misses the 50% annual gate", () => {
    expect(pick("M103 FY2027-Q4", "Deferred to year end", "Net paid", "Clawback carried")).toEqual([
      "28800",
      "0",
      "23520",
    ]);
    expect(st["M103 FY2027-Q4"].Notes).toContain("Annual gate 50% not reached");
  });

  it("tops up a 15 February hire to her prorated draw and forgives a leaver's balance", () => {
    // On the 4-4-5 calendar fiscal Q1 is 27 December–27 March, 91 days; she is employed 41 of them.
    // Draw 8,000 × 41/91 = 3,604.40 against an MBO line of 6,000 × 41/91 × 50% = 1,351.65: top-up 2,252.75.
    expect(pick("M201 FY2027-Q1", "Earned", "Draw top-up", "Net paid")).toEqual(["1351.65", "2252.75", "3604.4"]);
    expect(pick("M201 FY2027-Q2", "Recovered")).toEqual(["2252.75"]);
    // Omar Haddad leaves on 26 June, the end of fiscal Q2, with 2,360 + 3,140 drawn ahead, which his plan forgives.
    expect(pick("M202 FY2027-Q2", "Draw balance", "Net paid")).toEqual(["0", "8000"]);
    expect(st["M202 FY2027-Q2"].Notes).toBe("Draw balance 5500.00 forgiven at exit (DrawOnExit Forgiven)");
  });
});

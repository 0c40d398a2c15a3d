import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { acmeExample, type ExampleTable } from "../../src/workbook/example/acme";
import { excelSerial } from "../../src/workbook/example/excelDate";
import { exampleXlsx } from "../../scripts/exampleXlsx";

const tables = acmeExample();
const byName = (name: string): ExampleTable => {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
};
const col = (t: ExampleTable, header: string) => t.headers.indexOf(header);
const rowsOf = (t: ExampleTable) =>
  t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])) as Record<string, unknown>);

describe("Acme example tables", () => {
  it("is deterministic and well-formed", () => {
    expect(acmeExample()).toEqual(tables);
    expect(tables.map((t) => t.name)).toEqual([
      "Settings",
      "Reps",
      "Plans",
      "Tiers",
      "Ramps",
      "Actuals",
      "Adjustments",
      "Scenarios",
      "AttainmentHistory",
      "Offers",
    ]);
    for (const t of tables) {
      expect(t.formats).toHaveLength(t.headers.length);
      for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
    }
  });

  it("has a director, 3 managers, 8 AEs per manager and a mid-year hire", () => {
    const reps = rowsOf(byName("Reps"));
    expect(reps).toHaveLength(29);
    expect(reps[28]).toMatchObject({
      RepID: "E1309",
      Plan: "AE New Hire",
      Ramp: "NewHire",
      StartDate: excelSerial(2026, 4, 15),
    });
    expect(reps[0]).toMatchObject({ Name: "Dana Director", Role: "Director", Plan: "Director", Manager: null });
    const managers = reps.filter((r) => r.Role === "Manager");
    expect(managers.map((m) => m.Manager)).toEqual(["E1000", "E1000", "E1000"]);
    for (const m of managers) {
      expect(
        reps.filter((r) => r.Manager === m.RepID && r.Role === "AE" && ["AE", "AE YTD"].includes(r.Plan as string)),
      ).toHaveLength(8);
    }
    for (const ae of reps.filter((r) => r.Role === "AE")) {
      // Berlin seats are planned in EUR at 1.08 USD per EUR: compare in USD.
      const usd = (v: unknown) => (v as number) * (ae.Currency === "EUR" ? 1.08 : 1);
      expect(usd(ae.Base)).toBeGreaterThanOrEqual(89_000);
      expect(usd(ae.Base)).toBeLessThanOrEqual(111_000);
      expect(usd(ae.Quota)).toBeGreaterThanOrEqual(790_000);
      expect(usd(ae.Quota)).toBeLessThanOrEqual(1_210_000);
      expect(usd(ae["Quota Renewals"])).toBeGreaterThanOrEqual(290_000);
    }
    expect(reps.filter((r) => r.Currency === "EUR").map((r) => r.RepID)).toEqual(["E1301", "E1302", "E1303"]);
    expect(reps.filter((r) => r.EndDate !== null).map((r) => r.RepID)).toEqual(["E1206"]);
  });

  it("gives leaders about 90% of their team's quota and pays them on the team (no own bookings)", () => {
    const reps = rowsOf(byName("Reps"));
    const actuals = rowsOf(byName("Actuals"));
    const manager = reps.find((r) => r.RepID === "E1200")!;
    const team = reps.filter((r) => r.Manager === "E1200");
    const teamQuota = team.reduce((s, r) => s + (r.Quota as number), 0);
    // Rounded to the nearest 20,000: within 10,000 of 0.9 × team quota.
    expect(Math.abs((manager.Quota as number) - 0.9 * teamQuota)).toBeLessThanOrEqual(10_000);
    expect(actuals.filter((a) => ["E1000", "E1100", "E1200", "E1300"].includes(a.RepID as string))).toEqual([]);
    const plans = rowsOf(byName("Plans")).filter((p) => p.Plan === "Manager" || p.Plan === "Director");
    expect(plans.map((p) => [p.Plan, p.Basis, p.TeamScope])).toEqual([
      ["Manager", "Team", "Direct"],
      ["Director", "Team", "Subtree"],
    ]);
  });

  it("pays exactly 1.0× target at 100% on the AE New ARR tiers", () => {
    const tiers = rowsOf(byName("Tiers")).filter((t) => t.Plan === "AE" && t.Measure === "New ARR" && !t.Scenario);
    // Marginal: 0.5 × (0.5 − 0) + 1.5 × (1 − 0.5) = 0.25 + 0.75 = 1.0
    const at100 = tiers.reduce((s, t) => {
      const to = (t.To as number | null) ?? Infinity;
      return s + (t.Rate as number) * Math.max(0, Math.min(1, to) - (t.From as number));
    }, 0);
    expect(at100).toBe(1);
    const plans = rowsOf(byName("Plans"));
    expect(plans.filter((p) => p.Plan === "AE" && !p.Scenario).map((p) => [p.Measure, p.Weight, p.Threshold])).toEqual([
      ["New ARR", 0.7, 0.4],
      ["Renewals", 0.3, 0.5],
    ]);
  });

  it("spreads AE attainment over the gate, the accelerators and the 3× cap", () => {
    const reps = new Map(rowsOf(byName("Reps")).map((r) => [r.RepID, r]));
    const newArr = rowsOf(byName("Actuals")).filter(
      (a) =>
        a.Measure === "New ARR" &&
        ["AE", "AE YTD"].includes(reps.get(a.RepID)!.Plan as string) &&
        reps.get(a.RepID)!.EndDate === null,
    );
    const attainment = (a: Record<string, unknown>) =>
      (a.Amount as number) / ((reps.get(a.RepID)!.Quota as number) / 4);
    const repsWhere = (test: (x: number) => boolean) =>
      new Set(newArr.filter((a) => test(attainment(a))).map((a) => a.RepID)).size;
    expect(repsWhere((x) => x < 0.4)).toBeGreaterThanOrEqual(2); // under the 40% gate in some quarter
    expect(repsWhere((x) => x > 1.5)).toBeGreaterThanOrEqual(4); // into the 2.5× band
    // Capped at 3×: 1.0 + 2.0 × 0.5 + 2.5 × (a − 1.5) ≥ 3 ⟺ a ≥ 1.9
    expect(repsWhere((x) => x >= 1.9)).toBeGreaterThanOrEqual(2);
  });

  it("stores dates as Excel serials formatted as dates", () => {
    expect(excelSerial(2026, 1, 1)).toBe(46023);
    expect(excelSerial(1900, 3, 1)).toBe(61);
    const reps = byName("Reps");
    expect(reps.formats[col(reps, "StartDate")]).toBe("date");
    expect(reps.rows[0][col(reps, "StartDate")]).toBe(excelSerial(2018, 4, 1));
  });

  it("uses no Node or browser APIs (the task pane bundles it)", () => {
    const dir = join(__dirname, "../../src/workbook/example");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(source).not.toMatch(/from "node:|require\(|process\.|window\.|document\.|Math\.random/);
    }
  });

  it("matches the committed examples/acme-comp.xlsx byte for byte (run npm run make-example after changes)", async () => {
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    const committed = readFileSync(join(__dirname, "../../examples/acme-comp.xlsx"));
    expect(sha(await exampleXlsx(tables))).toBe(sha(committed));
  });
});

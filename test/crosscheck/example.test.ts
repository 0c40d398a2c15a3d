import type ExcelJS from "exceljs";
import { join } from "node:path";
import { copyExample, readWorkbook, resultRows, runCli, tempDir } from "../cli/helpers";

/**
 * An outside check of the whole product on the bundled example: the input is
 * read with exceljs (not our reader), every baseline payout line of a full-year
 * rep is recomputed with a plain floating-point oracle written from
 * docs/calculation.md (not our engine), and compared with what the CLI wrote
 * (read back with exceljs, not our reader). Floats are fine for an oracle: it
 * must agree to the cent (a half-cent tie may round either way in binary).
 */

type Row = Record<string, unknown>;

function tableRows(workbook: ExcelJS.Workbook, name: string): Row[] {
  const sheet = workbook.getWorksheet(name)!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

interface Band {
  from: number;
  to: number | null;
  rate: number;
}

/** docs/calculation.md, step by step, in plain numbers. */
function oracle(actual: number, quota: number, target: number, bands: Band[], plan: Row): number {
  const attainment = actual / quota;
  const gate = (plan.Threshold as number | null) ?? null;
  if (gate !== null && attainment < gate) return 0;
  const capAtt = (plan.CapAttainment as number | null) ?? null;
  const a = capAtt !== null ? Math.min(attainment, capAtt) : attainment;
  let multiple = 0;
  for (const b of bands) {
    const top = b.to === null ? a : Math.min(a, b.to);
    if (top > b.from) multiple += b.rate * (top - b.from);
  }
  const capPay = (plan.CapPayout as number | null) ?? null;
  if (capPay !== null) multiple = Math.min(multiple, capPay);
  return Math.round(target * multiple * 100) / 100;
}

describe("cross-check: the example workbook against an independent oracle", () => {
  let inputs: ExcelJS.Workbook;
  let payouts: Row[];
  let summary: Row[];
  let scenarios: Row[];
  beforeAll(async () => {
    const dir = tempDir();
    const input = copyExample(dir);
    expect(runCli(["model", input, "-o", join(dir, "out.xlsx")], dir).code).toBe(0);
    inputs = await readWorkbook(input);
    const output = await readWorkbook(join(dir, "out.xlsx"));
    payouts = resultRows(output, "Results_Payouts");
    summary = resultRows(output, "Results_Summary");
    scenarios = resultRows(output, "Results_Scenarios");
  });

  it("states each leader's over-assignment in their own currency, against directs and against the sellers", () => {
    const reps = tableRows(inputs, "Reps");
    const plans = tableRows(inputs, "Plans").filter((p) => !p.Scenario);
    const fx = Number(tableRows(inputs, "Settings").find((s) => s.Setting === "FX EUR")!.Value);
    const usdQuota = (r: Row) => (r.Quota as number) * (r.Currency === "EUR" ? fx : 1);
    const below = (id: string): Row[] =>
      reps.filter((r) => r.Manager === id).flatMap((r) => [r, ...below(r.RepID as string)]);
    const sells = (r: Row) => plans.some((p) => p.Plan === r.Plan && p.Basis !== "Team");
    const leaders = plans.filter((p) => p.Basis === "Team").map((p) => p.Plan);
    const figures: Record<string, [number, number]> = {};
    for (const leader of reps.filter((r) => leaders.includes(r.Plan))) {
      const id = leader.RepID as string;
      const scope = plans.find((p) => p.Plan === leader.Plan)!.TeamScope;
      const directs = reps.filter((r) => r.Manager === id);
      const paidOn = (scope === "Direct" ? directs : below(id)).filter(sells);
      const own = usdQuota(leader);
      const expected = [
        directs.reduce((s, r) => s + usdQuota(r), 0) / own,
        paidOn.reduce((s, r) => s + usdQuota(r), 0) / own,
      ];
      const row = summary.find((r) => r.Scenario === "Baseline" && r.RepID === id)!;
      expect(row["Over-assignment"] as number).toBeCloseTo(expected[0], 12);
      expect(row["Over-assignment (paid on)"] as number).toBeCloseTo(expected[1], 12);
      figures[id] = [Number(expected[0].toFixed(3)), Number(expected[1].toFixed(3))];
    }
    // E1300 has EUR and USD reps: 125.3% once the EUR quotas are converted (122.3% if they were added as they are).
    expect(figures.E1300).toEqual([1.253, 1.253]);
    // The director (Subtree) carries 100% of the managers' numbers and 115.8% of the sellers'.
    expect(figures.E1000).toEqual([1, 1.158]);
  });

  it("shows every rep's totals in the reporting currency too, footing to Results_Scenarios", () => {
    const fx = Number(tableRows(inputs, "Settings").find((s) => s.Setting === "FX EUR")!.Value);
    const baseline = summary.filter((r) => r.Scenario === "Baseline");
    const cents = (v: number) => Math.round(v * 100);
    for (const r of baseline) {
      const rate = r.Currency === "EUR" ? fx : 1;
      for (const [local, usd] of [
        ["Variable pay", "Variable pay USD"],
        ["Variable paid", "Variable paid USD"],
        ["Total earnings", "Total earnings USD"],
      ])
        expect({ id: r.RepID, usd, value: cents(r[usd] as number) }).toEqual({
          id: r.RepID,
          usd,
          value: Math.round((r[local] as number) * rate * 100),
        });
    }
    const sum = (k: string) => baseline.reduce((s, r) => s + cents(r[k] as number), 0);
    const row = scenarios.find((r) => r.Scenario === "Baseline")!;
    expect(cents(row["Variable pay USD"] as number)).toBe(sum("Variable pay USD"));
    expect(cents(row["Total comp cost USD"] as number)).toBe(sum("Total earnings USD"));
  });

  it("gives RampPct as the mean over the ramped periods only", () => {
    const ramped = payouts
      .filter((p) => p.Scenario === "Baseline" && p.RepID === "E1309" && p.Measure === "New ARR")
      .map((p) => p["Ramp %"] as number | null);
    // Q2 and Q3 are ramped; Q4 is past the schedule and blank.
    expect(ramped.map((r) => r !== null)).toEqual([true, true, false]);
    const row = summary.find((r) => r.Scenario === "Baseline" && r.RepID === "E1309")!;
    expect(row["Ramp %"] as number).toBeCloseTo((ramped[0]! + ramped[1]!) / 2, 12);
    expect(Number((row["Ramp %"] as number).toFixed(3))).toBe(0.758); // 83.8% when Q4 counted as a ramp of 100%
  });

  it("agrees to the cent on every full-year rep's baseline line", () => {
    const reps = tableRows(inputs, "Reps");
    const plans = tableRows(inputs, "Plans").filter((p) => !p.Scenario);
    const tiers = tableRows(inputs, "Tiers").filter((t) => !t.Scenario);
    const actuals = tableRows(inputs, "Actuals");
    const fx = Number(tableRows(inputs, "Settings").find((s) => s.Setting === "FX EUR")!.Value);
    const byId = new Map(reps.map((r) => [r.RepID as string, r]));
    const usd = (id: string, v: number) => (byId.get(id)!.Currency === "EUR" ? v * fx : v);
    const childrenOf = (id: string) => reps.filter((r) => r.Manager === id).map((r) => r.RepID as string);
    const subtree = (id: string): string[] => childrenOf(id).flatMap((c) => [c, ...subtree(c)]);
    const credit = (id: string, period: string, measure: string) =>
      actuals
        .filter((a) => a.RepID === id && a.Period === period && a.Measure === measure)
        .reduce((s, a) => s + (a.Amount as number), 0);

    let compared = 0;
    for (const rep of reps) {
      if (rep.StartDate && (rep.StartDate as Date).getUTCFullYear() === 2026) continue; // prorated/ramped: other tests
      if (rep.EndDate) continue;
      const id = rep.RepID as string;
      for (const plan of plans.filter((p) => p.Plan === rep.Plan)) {
        const measure = plan.Measure as string;
        const bands = tiers
          .filter((t) => t.Plan === rep.Plan && t.Measure === measure)
          .map((t) => ({ from: t.From as number, to: (t.To as number | null) ?? null, rate: t.Rate as number }));
        const annualQuota = (measure === "Renewals" ? rep["Quota Renewals"] : rep.Quota) as number;
        const target = ((rep.TargetVariable as number) * (plan.Weight as number)) / 4;
        // A cumulative plan (Cumulative Yes, NegativeTrueUp Clawback) prices the year to date each quarter and pays
        // the YTD payout less what earlier quarters paid, negative or not (the statement defers a negative one).
        const cumulative = plan.Cumulative === "Yes";
        let ytdActual = 0;
        let paidBefore = 0;
        for (const [k, period] of ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"].entries()) {
          const team = plan.Basis === "Team";
          const members = plan.TeamScope === "Direct" ? childrenOf(id) : subtree(id);
          const actual = team
            ? members.reduce((s, m) => s + usd(m, credit(m, period, measure)), 0)
            : credit(id, period, measure);
          let expected: number;
          if (cumulative) {
            ytdActual += actual;
            const ytdEarned = oracle(ytdActual, (annualQuota / 4) * (k + 1), target * (k + 1), bands, plan);
            expected = Math.round((ytdEarned - paidBefore) * 100) / 100;
            paidBefore = ytdEarned;
          } else expected = oracle(actual, annualQuota / 4, target, bands, plan);
          const line = payouts.find(
            (p) => p.Scenario === "Baseline" && p.RepID === id && p.Period === period && p.Measure === measure,
          );
          expect({ id, period, measure, payout: line?.Payout }).toEqual({ id, period, measure, payout: expected });
          compared++;
        }
      }
    }
    // 4 leaders × 4 quarters + 23 full-year AEs × 4 quarters × 2 measures
    expect(compared).toBe(4 * 4 + 23 * 8);
  });
});

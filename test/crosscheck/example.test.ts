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
  beforeAll(async () => {
    const dir = tempDir();
    const input = copyExample(dir);
    expect(runCli(["model", input, "-o", join(dir, "out.xlsx")], dir).code).toBe(0);
    inputs = await readWorkbook(input);
    payouts = resultRows(await readWorkbook(join(dir, "out.xlsx")), "Results_Payouts");
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
        for (const period of ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]) {
          const team = plan.Basis === "Team";
          const members = plan.TeamScope === "Direct" ? childrenOf(id) : subtree(id);
          const actual = team
            ? members.reduce((s, m) => s + usd(m, credit(m, period, measure)), 0)
            : credit(id, period, measure);
          const expected = oracle(actual, annualQuota / 4, target, bands, plan);
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

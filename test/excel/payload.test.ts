import { readInputTables } from "../../src/excel/readInputTables";
import { writeResultSheets } from "../../src/excel/writeResultSheets";
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeExcel } from "../fake-excel";
import { runWith } from "../fake-excel/excelRun";
import { payoutsSpec, periodRows, REPS_HEADERS, repsRows } from "./synth";

function seedInputs(fake: FakeExcel, reps: number): void {
  fake.state.seedTable("Reps", "Reps", REPS_HEADERS, repsRows(reps));
  fake.state.seedTable(
    "Quotas",
    "Quotas",
    ["RepID", "Period", "Measure", "Quota"],
    periodRows(reps, () => 66666.67),
  );
  fake.state.seedTable(
    "Actuals",
    "Actuals",
    ["RepID", "Period", "Measure", "Amount"],
    periodRows(reps, (i, m, k) => 1000 + ((i * 31 + m * 7 + k) % 90000) + 0.25),
  );
}

function maxPayload(fake: FakeExcel): number {
  return Math.max(...fake.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
}

describe.each([10, 10_000])("payload limits at %i reps", (reps) => {
  it("reads every input with no request or response over the limit", async () => {
    const fake = new FakeExcel();
    seedInputs(fake, reps);
    const tables = await runWith(fake, (ctx) => readInputTables(ctx));
    // 2 measures × 12 months per rep.
    expect(tables.map((t) => [t.name, t.rows.length])).toEqual([
      ["Reps", reps],
      ["Quotas", reps * 24],
      ["Actuals", reps * 24],
    ]);
    const actuals = tables[2];
    // Last row: rep reps-1, month 12, Renewals: 1000 + ((i×31 + 84 + 1) mod 90000) + 0.25
    const i = reps - 1;
    expect(actuals.rows[actuals.rows.length - 1]).toEqual([
      `R${String(reps).padStart(5, "0")}`,
      "2026-12",
      "Renewals",
      1000 + ((i * 31 + 85) % 90000) + 0.25,
    ]);
    expect(maxPayload(fake)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    if (reps === 10) expect(fake.syncs.length).toBe(2);
    else expect(fake.syncs.length).toBeGreaterThan(2);
  });

  it("writes 24 payout lines per rep (14 columns) with no request over the limit", async () => {
    const fake = new FakeExcel();
    seedInputs(fake, Math.min(reps, 10));
    const spec = payoutsSpec(reps);
    const progress: number[] = [];
    await runWith(fake, (ctx) =>
      writeResultSheets(ctx, [spec], { screenUpdating: true, onProgress: (p) => progress.push(p.rowsWritten) }),
    );
    expect(maxPayload(fake)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    const t = fake.state.findTable("Results_Payouts")!;
    expect(t.rect.rows).toBe(reps * 24 + 1);
    const last = fake.state.tableValues("Results_Payouts").rows[reps * 24 - 1];
    expect(last).toEqual(spec.rows[reps * 24 - 1].map((c) => (c === null ? "" : c)));
    expect(progress[progress.length - 1]).toBe(reps * 24);
    for (const s of fake.syncs.filter((x) => x.cellsWritten > 0))
      expect(s.calcSuspended && s.screenSuspended).toBe(true);
  });
});

it("refuses an oversized request like Excel on the web (the fake enforces the limit)", async () => {
  const fake = new FakeExcel();
  await expect(
    fake.run(async (ctx) => {
      const big = Array.from({ length: 60_000 }, () => ["x".repeat(90)]);
      ctx.workbook.worksheets.add("S").getRange("A1:A60000").values = big;
    }),
  ).rejects.toThrow(/RequestPayloadSizeLimitExceeded|exceeds/);
});

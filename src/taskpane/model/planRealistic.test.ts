import { Decimal, type Plan, type Rep } from "../../engine";
import { acmeExample } from "../../workbook/example/acme";
import { runWorkbook } from "../../workbook/run";
import type { RawTable, SheetSpec, SpecCell } from "../../workbook/types";
import { formatPercent } from "./format";
import { numberLocaleOf } from "./numberEntry";
import { readBaselinePlans } from "./planEditing";
import {
  HISTORY,
  medianRep,
  priceRealistic,
  realisticModel,
  whatIfSpec,
  withTiers,
  type Priced,
  type RealisticPricing,
} from "./planRealistic";
import { answerFromWire, answerRealistic, answerToWire, tierText, type RealisticQuery } from "./realisticQuery";
import { table, withTables } from "../../../test/workbook/tables";

const TODAY = new Date("2026-12-31");
const priced = (p: Priced): RealisticPricing => {
  if ("problem" in p) throw new Error(p.problem);
  return p;
};

const runs = new WeakMap<readonly RawTable[], SheetSpec>();

/** Results_Realistic of runWorkbook on the same tables: one scenario's row for one rep, by column name. */
function sheetRow(tables: readonly RawTable[], scenario: string, repId: string): (header: string) => SpecCell {
  let sheet = runs.get(tables);
  if (!sheet) {
    const run = runWorkbook(tables, { sourceName: "t", computedAt: TODAY });
    if (!run.ok) throw new Error(run.issues.map((i) => i.message).join("; "));
    sheet = run.sheets.find((s) => s.name === "Results_Realistic")!;
    runs.set(tables, sheet);
  }
  const h = (name: string) => sheet.columns.findIndex((c) => c.header === name);
  const row = sheet.rows.find((r) => r[h("Scenario")] === scenario && r[h("RepID")] === repId);
  if (!row) throw new Error(`no Results_Realistic row for ${scenario} · ${repId}`);
  return (header) => row[h(header)];
}

/** The pane's figures next to the sheet's, column for column (numbers as the sheet holds them). */
function expectSameAsSheet(p: RealisticPricing, rep: Rep, cell: (header: string) => SpecCell) {
  const f = p.figures;
  expect({
    ExpectedVariable: f.expectedVariable.toNumber(),
    P10: f.p10.toNumber(),
    P50: f.p50.toNumber(),
    P90: f.p90.toNumber(),
    ProbAtOrAboveOTE: f.probReachOte.toNumber(),
    PctOfOTE: f.pctOfOte?.toNumber() ?? null,
  }).toEqual({
    ExpectedVariable: cell("Expected variable"),
    P10: cell("P10"),
    P50: cell("P50"),
    P90: cell("P90"),
    ProbAtOrAboveOTE: cell("P(reach OTE)"),
    PctOfOTE: cell("% of OTE"),
  });
  // To the cent: the money is the rep's currency rounded as the sheet rounds it.
  expect(f.expectedVariable.decimalPlaces()).toBeLessThanOrEqual(2);
  expect(rep.base.plus(f.expectedVariable).toNumber()).toBe(cell("Expected total"));
}

describe("realistic pay beside the plan editor: hand-checked on an annual plan", () => {
  // One annual plan (one period a year: no period swing), marginal: 1.0× to 100%, 2.0× above. Three reps; the
  // median by target variable is R2 (60,000). History: three rep-years at 50%, 100% and 150%.
  const tables = [
    table(
      "Reps",
      ["RepID", "Name", "Plan", "Base", "TargetVariable", "Quota"],
      [
        ["R1", "Ana", "AE", 80000, 50000, 500000],
        ["R3", "Cy", "AE", 100000, 70000, 700000],
        ["R2", "Ben", "AE", 90000, 60000, 600000],
      ],
    ),
    table("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Year"]]),
    table(
      "Tiers",
      ["Plan", "From", "To", "Rate"],
      [
        ["AE", 0, 1, 1],
        ["AE", 1, null, 2],
      ],
    ),
    table(
      "AttainmentHistory",
      ["Period", "Attainment"],
      [
        ["2025", 0.5],
        ["2025", 1],
        ["2025", 1.5],
      ],
    ),
  ];
  const model = realisticModel(tables, TODAY);
  const plan = readBaselinePlans(tables)[0];
  const rep = medianRep(model.reps, "AE")!;

  it("reads the workbook as the run does, and picks the plan's median rep by target variable", () => {
    expect(model.partial).toBeNull();
    expect(model.historyYears).toBe(3);
    expect(model.reps.map((r) => r.id)).toEqual(["R1", "R3", "R2"]);
    expect(rep.id).toBe("R2");
    expect(medianRep(model.reps, "Nobody")).toBeNull();
  });

  it("under the history: the mean of the curve over the rep-years", () => {
    // Curve: 50% → 0.5×, 100% → 1.0×, 150% → 1.0 + 0.5 × 2 = 2.0×. Mean (0.5 + 1 + 2) ÷ 3 = 7/6.
    // Expected variable 60,000 × 7/6 = 70,000; % of OTE (90,000 + 70,000) ÷ 150,000.
    const p = priced(priceRealistic(model, plan, rep, HISTORY));
    const f = p.figures;
    expect(f.expectedMultiple.toDecimalPlaces(10).toString()).toBe("1.1666666667");
    expect(f.expectedVariable.toString()).toBe("70000");
    expect(f.pctOfOte!.toDecimalPlaces(6).toString()).toBe("1.066667");
    // Two of three years pay at least 1.0×.
    expect(f.probReachOte.toDecimalPlaces(6).toString()).toBe("0.666667");
    // Percentiles of attainment (PERCENTILE.INC over 50%, 100%, 150%): P10 = 60%, P50 = 100%, P90 = 140%;
    // pay 90,000 + 60,000 × (0.6, 1.0, 1.0 + 0.4 × 2 = 1.8) = 126,000, 150,000, 198,000.
    expect([f.p10, f.p50, f.p90].map(String)).toEqual(["126000", "150000", "198000"]);
    // Nothing edited: the saved bands pay the same.
    expect(f.savedVariable.toString()).toBe("70000");
    expect(p.basis).toEqual({ attainment: "Individual", swing: "paid on the year's level (one period a year)" });
    expectSameAsSheet(p, rep, sheetRow(tables, "Baseline (history)", "R2"));
  });

  it("recomputes from the edited bands, beside the saved bands under the same attainment", () => {
    // Rate above 100% raised to 3.0×: 150% → 1.0 + 0.5 × 3 = 2.5×; mean (0.5 + 1 + 2.5) ÷ 3 = 4/3 → 80,000.
    const edited = withTiers(plan, plan.measures[0].measure, [
      { from: new Decimal(0), to: new Decimal(1), rate: new Decimal(1) },
      { from: new Decimal(1), to: null, rate: new Decimal(3) },
    ]);
    const f = priced(priceRealistic(model, edited, rep, HISTORY)).figures;
    expect(f.expectedVariable.toString()).toBe("80000");
    expect(f.savedVariable.toString()).toBe("70000");
  });

  it("a typed what-if: sd 0 puts every year at the mean", () => {
    // Flat 80%: 0.8× of 60,000 = 48,000; 138,000 of 150,000 OTE = 92%; never reaches OTE.
    const w = whatIfSpec("80", "0");
    if (!("spec" in w)) throw new Error(w.problem);
    const f = priced(priceRealistic(model, plan, rep, w.spec)).figures;
    expect(f.expectedVariable.toString()).toBe("48000");
    expect(f.pctOfOte!.toString()).toBe("0.92");
    expect(f.probReachOte.toString()).toBe("0");
    expect(whatIfSpec("0", "25")).toEqual({ problem: "Mean: type a percent above 0, like 90", field: "mean" });
    expect(whatIfSpec("90", "wide")).toEqual({
      problem: "Spread: type a percent, like 25 (0 = every year at the mean)",
      field: "sd",
    });
  });

  it("without anyone on the plan, the figures are multiples of target, saved and edited", () => {
    // Per 1 of target and no base: expected 7/6, P50 1.0; with the top rate at 3.0×, 4/3.
    const alone: Plan = { ...plan, name: "Nobody's" };
    const f = priced(priceRealistic(model, alone, null, HISTORY)).figures;
    expect(f.expectedVariable.toDecimalPlaces(4).toString()).toBe("1.1667");
    expect(f.p50.toString()).toBe("1");
    const edited = withTiers(plan, plan.measures[0].measure, [
      { from: new Decimal(0), to: new Decimal(1), rate: new Decimal(1) },
      { from: new Decimal(1), to: null, rate: new Decimal(3) },
    ]);
    const g = priced(priceRealistic(model, edited, null, HISTORY)).figures;
    expect(g.expectedVariable.toDecimalPlaces(4).toString()).toBe("1.3333");
    expect(g.savedVariable.toDecimalPlaces(4).toString()).toBe("1.1667");
  });

  it("keeps working on a workbook with an input error, from the rows that read", () => {
    const broken = withTables(tables, table("Actuals", ["RepID", "Period", "Amount"], [["R1", "2026", "lots"]]));
    const m = realisticModel(broken, TODAY);
    expect(m.partial).toMatch(/input errors/);
    const f = priced(priceRealistic(m, plan, medianRep(m.reps, "AE"), HISTORY)).figures;
    expect(f.expectedVariable.toString()).toBe("70000");
  });
});

describe("realistic pay beside the plan editor: the run's model, period swings and teams", () => {
  // A quarterly plan; L1 leads R1..R3 and is paid on their New ARR; two years of quarterly history with quotas.
  const quarters = (id: string, year: number, levels: number[]) =>
    levels.map((a, q) => [id, `${year}-Q${q + 1}`, a, 250000]);
  // AE 1.0× to 100%, then `aeTopRate`; Lead 1.0× to 100%, then 1.5×.
  const tiers = (aeTopRate: number) =>
    table(
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate"],
      [
        ["AE", "New ARR", 0, 1, 1],
        ["AE", "New ARR", 1, null, aeTopRate],
        ["Lead", "New ARR", 0, 1, 1],
        ["Lead", "New ARR", 1, null, 1.5],
      ],
    );
  const tables = [
    table(
      "Reps",
      ["RepID", "Name", "Manager", "Plan", "Base", "TargetVariable", "Quota"],
      [
        ["L1", "Lee", null, "Lead", 150000, 90000, 3000000],
        ["R1", "Ana", "L1", "AE", 100000, 100000, 1000000],
        ["R2", "Ben", "L1", "AE", 100000, 110000, 1100000],
        ["R3", "Cy", "L1", "AE", 100000, 120000, 1200000],
      ],
    ),
    table(
      "Plans",
      ["Plan", "Measure", "Period", "Basis", "TeamScope", "CapPayout"],
      [
        ["AE", "New ARR", "Quarter", "Individual", null, 3],
        ["Lead", "New ARR", "Quarter", "Team", "Direct", null],
      ],
    ),
    tiers(2),
    table(
      "AttainmentHistory",
      ["RepID", "Period", "Attainment", "Quota"],
      [
        ...quarters("R1", 2024, [0.7, 1.1, 0.9, 1.3]),
        ...quarters("R2", 2024, [0.5, 0.8, 0.6, 0.9]),
        ...quarters("R3", 2024, [1.2, 1.0, 1.4, 0.9]),
        ...quarters("R1", 2025, [0.9, 0.8, 1.2, 1.0]),
        ...quarters("R2", 2025, [0.6, 1.0, 0.7, 0.7]),
        ...quarters("R3", 2025, [1.1, 1.3, 0.8, 1.2]),
      ],
    ),
    table("Scenarios", ["Scenario", "Distribution", "Mean", "StdDev"], [["What if 90/25", "Normal", 0.9, 0.25]]),
  ];
  const model = realisticModel(tables, TODAY);
  const plans = readBaselinePlans(tables);
  const planOf = (name: string) => plans.find((p) => p.name === name)!;

  it("an individual's quarters swing around the year as measured, as on Results_Realistic", () => {
    const rep = medianRep(model.reps, "AE")!;
    expect(rep.id).toBe("R2");
    const p = priced(priceRealistic(model, planOf("AE"), rep, HISTORY));
    const cell = sheetRow(tables, "Baseline (history)", "R2");
    expectSameAsSheet(p, rep, cell);
    expect(cell("Attainment basis")).toBe("Individual");
    expect(p.basis).toEqual({
      attainment: "Individual",
      swing: `quarters ±${formatPercent(cell("Period spread") as number)} around the year's level (from AttainmentHistory)`,
    });
  });

  it("a leader's year is the team's, with over-assignment, as on Results_Realistic", () => {
    const leader = medianRep(model.reps, "Lead")!;
    const p = priced(priceRealistic(model, planOf("Lead"), leader, HISTORY));
    const cell = sheetRow(tables, "Baseline (history)", "L1");
    expectSameAsSheet(p, leader, cell);
    // Quotas 1.0M + 1.1M + 1.2M = 3.3M over the leader's 3.0M: 110%.
    expect(cell("Attainment basis")).toBe("Team of 3");
    expect(cell("Over-assignment (paid on)")).toBeCloseTo(1.1, 12);
    expect(p.basis.attainment).toBe("Team of 3, over-assignment 110%");
    expect(p.basis.swing).toBe(
      `quarters ±${formatPercent(cell("Period spread") as number)} around the year's level (from AttainmentHistory, averaged over the team)`,
    );
  });

  it("in de-DE the basis writes its percents as the pane does, also when asked from the model thread", () => {
    const leader = medianRep(model.reps, "Lead")!;
    const de = numberLocaleOf("de-DE");
    const p = priced(priceRealistic(model, planOf("Lead"), leader, HISTORY, de));
    expect(p.basis.attainment).toBe("Team of 3, over-assignment 110\u00A0%");
    const spread = sheetRow(tables, "Baseline (history)", "L1")("Period spread") as number;
    expect(p.basis.swing).toContain(`quarters ±${formatPercent(spread, 1, de)} around`);
    expect(p.basis.swing).toMatch(/±\d+,\d\u00A0%/);
  });

  it("the what-if is priced as a scenario of that distribution would be", () => {
    const w = whatIfSpec("90", "25");
    if (!("spec" in w)) throw new Error(w.problem);
    for (const [planName, id] of [
      ["AE", "R2"],
      ["Lead", "L1"],
    ]) {
      const rep = model.reps.find((r) => r.id === id)!;
      expectSameAsSheet(
        priced(priceRealistic(model, planOf(planName), rep, w.spec)),
        rep,
        sheetRow(tables, "What if 90/25", id),
      );
    }
  });

  it("edited bands price as the run would price them saved", () => {
    // The AE's top rate raised to 3.0×, in the editor and in the Tiers table; the leader's team credit is the same.
    const ae = planOf("AE");
    const bands = ae.measures[0].tiers.map((t, i) => (i === 1 ? { ...t, rate: new Decimal(3) } : t));
    const edited = withTiers(ae, "New ARR", bands);
    const savedTables = withTables(tables, tiers(3));
    const rep = medianRep(model.reps, "AE")!;
    const p = priced(priceRealistic(model, edited, rep, HISTORY));
    expectSameAsSheet(p, rep, sheetRow(savedTables, "Baseline (history)", "R2"));
    // Against the saved bands under the same history: the edit adds pay.
    expect(p.figures.savedVariable.toNumber()).toBe(sheetRow(tables, "Baseline (history)", "R2")("Expected variable"));
    expect(p.figures.expectedVariable.gt(p.figures.savedVariable)).toBe(true);
  });
});

describe("realistic pay beside the plan editor: the example workbook", () => {
  const acme = acmeExample().map((t) =>
    table(t.name, [...t.headers], t.rows, {
      columnFormats: t.formats.map((f) => (f === "percent" ? "0.0%" : f === "date" ? "yyyy-mm-dd" : "General")),
    }),
  );
  const model = realisticModel(acme, TODAY);
  const plans = readBaselinePlans(acme);

  it("matches Results_Realistic for the median rep of every plan under its history, before any edit", () => {
    for (const plan of plans) {
      const rep = medianRep(model.reps, plan.name);
      if (!rep) continue;
      const p = priced(priceRealistic(model, plan, rep, HISTORY));
      const cell = sheetRow(acme, "Baseline (history)", rep.id);
      expectSameAsSheet(p, rep, cell);
      const basis = cell("Attainment basis") as string;
      expect(p.basis.attainment).toBe(
        basis === "Individual"
          ? basis
          : `${basis}, over-assignment ${formatPercent(cell("Over-assignment (paid on)") as number, 0)}`,
      );
    }
    expect(
      priced(
        priceRealistic(
          model,
          plans.find((p) => p.name === "Manager")!,
          medianRep(model.reps, "Manager"),
          HISTORY,
        ),
      ).basis.attainment,
    ).toMatch(/^Team of \d+, over-assignment \d+%$/);
  });
});

describe("the plan editor's question to the model thread", () => {
  const acme = acmeExample().map((t) => table(t.name, [...t.headers], t.rows));
  const model = realisticModel(acme, TODAY);
  const ae = readBaselinePlans(acme).find((p) => p.name === "AE")!;
  const measure = ae.measures[0];
  // The top band's rate raised from 2.5× to 3.5×: the edit the answer must price.
  const raised = measure.tiers.map((t, i, all) => (i === all.length - 1 ? { ...t, rate: new Decimal("3.5") } : t));
  const query: RealisticQuery = {
    plan: "AE",
    measure: measure.measure,
    tiers: raised.map(tierText),
    mean: "90",
    sd: "25",
    today: TODAY.getTime(),
  };

  it("answers with the same figures as pricing the edited plan directly, for the plan's median rep", () => {
    const answer = answerRealistic(model, query);
    const rep = medianRep(model.reps, "AE")!;
    const edited = withTiers(ae, measure.measure, raised);
    expect(answer.rep).toEqual({
      id: rep.id,
      name: rep.name,
      currency: rep.currency,
      ote: rep.base.plus(rep.targetVariable),
    });
    expect(answer.historyYears).toBe(model.historyYears);
    expect(answer.history).toEqual(priceRealistic(model, edited, rep, HISTORY));
    const spec = whatIfSpec("90", "25");
    expect(answer.whatIf).toEqual(priceRealistic(model, edited, rep, "spec" in spec ? spec.spec : HISTORY));
    // The raise pays more than the saved bands under the same history.
    const f = priced(answer.history!).figures;
    expect(f.expectedVariable.gt(f.savedVariable)).toBe(true);
  });

  it("crosses a structured clone exactly: every Decimal as its string, back to the same value", () => {
    const answer = answerRealistic(model, query);
    const back = answerFromWire(structuredClone(answerToWire(answer)));
    expect(back).toEqual(answer);
    const f = priced(back.history!).figures;
    expect(f.expectedVariable).toBeInstanceOf(Decimal);
    expect(f.expectedMultiple.eq(priced(answer.history!).figures.expectedMultiple)).toBe(true);
  });

  it("reads the what-if in the user's number format, on the model thread too, refusing the other convention", () => {
    const de = numberLocaleOf("de-DE");
    const mean = (text: string) => {
      const w = whatIfSpec(text, "25", de);
      return "spec" in w && w.spec.kind === "Normal" ? w.spec.mean.toString() : "problem" in w ? w.problem : "";
    };
    expect([mean("87,5"), mean("87,5 %"), mean("1.000")]).toEqual(["0.875", "0.875", "10"]);
    expect(mean("87.5")).toBe(
      'Mean: "87.5" is not a number in your format (de-DE: a comma for decimals). Type it like 1,5 or 1.500.',
    );
    expect(whatIfSpec("90", "2.5", de)).toMatchObject({
      field: "sd",
      problem: expect.stringMatching(/^Spread: "2.5" is not/),
    });
    // The pane sends its locale with the question: the worker, without one of its own, reads as the pane does.
    const answer = answerRealistic(model, { ...query, mean: "87,5", sd: "25", locale: "de-DE" });
    expect("figures" in answer.whatIf).toBe(true);
    expect(answerRealistic(model, { ...query, mean: "87.5", locale: "de-DE" }).whatIf).toMatchObject({ field: "mean" });
  });

  it("says what is wrong rather than pricing something else", () => {
    expect(answerRealistic(model, { ...query, mean: "abc" }).whatIf).toEqual({
      problem: "Mean: type a percent above 0, like 90",
      field: "mean",
    });
    const gone = answerRealistic(model, { ...query, plan: "Renamed" });
    expect(gone.rep).toBeNull();
    expect(gone.whatIf).toEqual({ problem: "Plan Renamed · New ARR is not in the workbook as last read: refresh." });
  });
});

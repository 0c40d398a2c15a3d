import { runWorkbook, runWorkbookStreamed } from "../../src/workbook/run";
import { rowsArray, type RawCell, type RawTable, type SheetSpec } from "../../src/workbook/types";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/read";

/** A table as a user would type it on its own sheet, header in row 1 from column A. */
function sheet(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, source: "sheet", headerRow: 1, firstColumn: 1, headers, rows };
}

const reps = sheet(
  "Reps",
  ["Rep ID", "Name", "Plan", "Base Salary", "OTE", "Quota", "Quota Renewals"],
  [
    ["A1", "Ana", "AE", 100000, 200000, "$1,000,000", 400000],
    ["A2", "Ben", "AE", "$90,000.00", 190000, 800000, 400000],
  ],
);
const plans = sheet(
  "Plans",
  ["Plan", "Measure", "Weight", "Period", "Threshold", "CapPayout"],
  [
    ["AE", "New ARR", "70%", "Quarterly", 0.4, 3],
    ["AE", "Renewals", 0.3, "Quarter", "50%", null],
  ],
);
const tiers = sheet(
  "Tiers",
  ["Plan", "Measure", "From", "To", "Rate"],
  [
    ["AE", "New ARR", 0, 0.5, 0.5],
    ["AE", "New ARR", "50%", "100%", 1.5],
    ["AE", "New ARR", 1, 1.5, 2],
    ["AE", "New ARR", 1.5, null, 2.5],
    ["AE", "Renewals", 0, 1, 1],
    ["AE", "Renewals", 1, null, 1.25],
  ],
);
const actuals = sheet(
  "Actuals",
  ["RepID", "Period", "Measure", "Bookings"],
  [
    ["A1", "2026-Q1", "New ARR", 300000],
    ["A1", "2026-Q1", "Renewals", 40000],
    ["A1", "2026-Q2", "New ARR", 200000],
    ["A1", "2026-Q2", "Renewals", 110000],
    ["A2", "2026-Q1", "New ARR", 500000],
  ],
);
const settings = sheet(
  "Settings",
  ["Setting", "Value"],
  [
    ["PlanYear", 2026],
    ["ReportingCurrency", "USD"],
  ],
);
const at = new Date("2026-11-22T10:00:00Z");

function table(sheets: readonly SheetSpec[], name: string) {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  const col = (h: string) => s.columns.findIndex((c) => c.header === h);
  return { spec: s, rows: s.rows, get: (row: number, header: string) => s.rows[row][col(header)] };
}

describe("runWorkbook over a workbook typed by hand to the contract", () => {
  const result = runWorkbook([reps, plans, tiers, actuals, settings], { sourceName: "hand.xlsx", computedAt: at });

  it("runs without errors", () => {
    expect(result.issues.filter((i) => i.severity === "Error")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.sheets.map((s) => s.name)).toEqual([
      "Results_Summary",
      "Results_Statements",
      "Results_Payouts",
      "Results_PayoutCurve",
      "Results_Trace",
      "Results_Issues",
    ]);
  });

  it("pays each line as computed by hand", () => {
    const p = table(result.sheets, "Results_Payouts");
    const byKey = new Map(
      p.rows.map((r, i) => [`${p.get(i, "RepID")} ${p.get(i, "Period")} ${p.get(i, "Measure")}`, i]),
    );
    const payout = (k: string) => p.get(byKey.get(k)!, "Payout");
    // Ana: TV 100,000; New ARR target/quarter 17,500 on quota 250,000; Renewals 7,500 on 100,000
    expect(payout("A1 2026-Q1 New ARR")).toBe(24500); // 120% → 1.4×
    expect(payout("A1 2026-Q1 Renewals")).toBe(0); // 40% < 50% gate
    expect(payout("A1 2026-Q2 New ARR")).toBe(12250); // 80% → 0.7×
    expect(payout("A1 2026-Q2 Renewals")).toBe(8437.5); // 110% → 1.125×
    // Ben: TV 100,000; quota 200,000/quarter; 500,000 = 250% → 0.25+0.75+1.0+2.5×1.0 = 4.5× capped at 3× → 52,500
    expect(payout("A2 2026-Q1 New ARR")).toBe(52500);
    expect(p.get(byKey.get("A2 2026-Q1 New ARR")!, "Cap")).toBe("Payout");
    expect(p.get(byKey.get("A1 2026-Q1 Renewals")!, "Gate")).toBe("Below threshold");
    // No flag is a blank cell, not empty text: COUNTA and filters count only flagged lines.
    expect(p.get(byKey.get("A1 2026-Q1 New ARR")!, "Gate")).toBeNull();
    expect(p.get(byKey.get("A1 2026-Q1 New ARR")!, "Cap")).toBeNull();
    expect(p.get(byKey.get("A1 2026-Q1 New ARR")!, "BCR")).toBeCloseTo(0.07, 12); // 17,500 / 250,000
    expect(p.rows).toHaveLength(2 * 4 * 2);
  });

  it("sums each rep's earnings in the summary", () => {
    const s = table(result.sheets, "Results_Summary");
    expect(s.get(0, "Variable pay")).toBe(24500 + 12250 + 8437.5);
    expect(s.get(0, "Total earnings")).toBe(100000 + 45187.5);
    expect(s.get(0, "% of OTE")).toBeCloseTo(145187.5 / 200000, 12);
    expect(s.get(0, "Pay mix")).toBe("50/50");
    expect(s.get(1, "Target variable")).toBe(100000); // OTE 190,000 − base 90,000
    expect(s.get(1, "Capped")).toBe("Yes");
    expect(s.get(0, "Capped")).toBeNull();
  });

  it("writes a pay statement per rep and period that foots to the summary", () => {
    const st = table(result.sheets, "Results_Statements");
    const ana = st.rows.map((_, i) => i).filter((i) => st.get(i, "RepID") === "A1");
    // Q1 24,500 + Q2 (12,250 + 8,437.50) = 20,687.50; Q3 and Q4 nothing
    expect(ana.map((i) => st.get(i, "Net paid"))).toEqual([24500, 20687.5, 0, 0]);
  });

  it("draws a payout curve per plan and measure through 200% and every band edge", () => {
    const c = table(result.sheets, "Results_PayoutCurve");
    const newArr = c.rows.filter((r) => r[2] === "New ARR");
    // 41 steps of 5% (0..200%) + the 3× cap crossing at 190%? 1.9 is already a 5% step; 40% gate is a step too
    expect(newArr.map((r) => r[3])).toContain(1.5);
    const at = (a: number) => newArr.find((r) => r[3] === a)![4];
    expect(at(0.35)).toBe(0); // gated
    expect(at(1.2)).toBeCloseTo(1.4, 12);
    expect(at(2)).toBe(3); // capped
    expect(c.spec.charts?.length).toBe(2);
  });

  it("traces a payout line band by band", () => {
    const t = table(result.sheets, "Results_Trace");
    const rows = t.rows.filter((r) => r[1] === "A1" && r[2] === "2026-Q1" && r[3] === "New ARR");
    expect(rows.map((r) => r[4])).toEqual([
      "Quota",
      "Target",
      "Attainment",
      "Threshold",
      "Band",
      "Band",
      "Band",
      "Payout",
    ]);
    // Ana: OTE 200,000 − base 100,000 = 100,000 target variable; New ARR weighs 70%; a quarter of a 1,000,000 quota.
    expect(rows[1][5]).toBe(
      "target variable 100,000.00 × weight 70% × period share 1/4 = 17,500.00; BCR 17,500.00 ÷ 250,000.00 = 7%",
    );
    // bands: 125,000 × 0.5 × 0.07 = 4,375; 125,000 × 1.5 × 0.07 = 13,125; 50,000 × 2 × 0.07 = 7,000 → 24,500
    expect(rows.filter((r) => r[4] === "Band").map((r) => r[10])).toEqual([4375, 13125, 7000]);
  });
});

describe("runWorkbook with bad input", () => {
  it("stops on errors, names the cell, and writes only Results_Issues", () => {
    const bad = sheet(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "Quota"],
      [["A1", "AE", "lots", 100000, 1000000]],
    );
    const r = runWorkbook([bad, plans, tiers], { sourceName: "bad.xlsx", computedAt: at });
    expect(r.ok).toBe(false);
    expect(r.sheets.map((s) => s.name)).toEqual(["Results_Issues"]);
    const err = r.issues.find((i) => i.severity === "Error")!;
    expect(err.address).toBe("Reps!C2");
    expect(err.row).toBe(2);
    expect(err.column).toBe("Base");
  });
});

describe("a pure commission plan", () => {
  it("pays 10% on new, 6% on expansion and 3% on renewal with no weights and no target variable", () => {
    const r = runWorkbook(
      [
        sheet("Reps", ["RepID", "Plan", "Base", "TargetVariable"], [["C1", "Commission", 60000, 0]]),
        sheet(
          "Plans",
          ["Plan", "Measure", "Period", "TierBasis", "RateType"],
          [
            ["Commission", "New", "Month", "Amount", "Percent"],
            ["Commission", "Expansion", "Month", "Amount", "Percent"],
            ["Commission", "Renewal", "Month", "Amount", "Percent"],
          ],
        ),
        sheet(
          "Tiers",
          ["Plan", "Measure", "From", "To", "Rate"],
          [
            ["Commission", "New", 0, null, "10%"],
            ["Commission", "Expansion", 0, null, "6%"],
            ["Commission", "Renewal", 0, null, "3%"],
          ],
        ),
        sheet(
          "Actuals",
          ["RepID", "Period", "Measure", "Amount"],
          [
            ["C1", "2026-01", "New", 50000],
            ["C1", "2026-01", "Expansion", 20000],
            ["C1", "2026-01", "Renewal", 100000],
          ],
        ),
        settings,
      ],
      { sourceName: "commission.xlsx", computedAt: at },
    );
    expect(r.issues.filter((i) => i.severity === "Error")).toEqual([]);
    const payouts = table(r.sheets, "Results_Payouts");
    const january = payouts.rows.filter(
      (row) => row[payouts.spec.columns.findIndex((c) => c.header === "Period")] === "2026-01",
    );
    const payout = payouts.spec.columns.findIndex((c) => c.header === "Payout");
    // No target incentive: no payout multiple to draw (it was NaN on the curve sheet).
    expect(r.sheets.find((x) => x.name === "Results_PayoutCurve")!.rows).toEqual([]);
    // 10% × 50,000 + 6% × 20,000 + 3% × 100,000 = 5,000 + 1,200 + 3,000
    expect(january.map((row) => row[payout])).toEqual([5000, 1200, 3000]);
  });

  it("still asks for weights on a multiplier measure beside a commission one", () => {
    const r = runWorkbook(
      [
        sheet("Reps", ["RepID", "Plan", "Base", "TargetVariable", "Quota"], [["C1", "Mixed", 60000, 50000, 500000]]),
        sheet(
          "Plans",
          ["Plan", "Measure", "Period", "TierBasis", "RateType"],
          [
            ["Mixed", "Bookings", "Quarter", "Attainment", "Multiplier"],
            ["Mixed", "Renewal", "Quarter", "Amount", "Percent"],
          ],
        ),
        sheet(
          "Tiers",
          ["Plan", "Measure", "From", "To", "Rate"],
          [
            ["Mixed", "Bookings", 0, null, 1],
            ["Mixed", "Renewal", 0, null, "3%"],
          ],
        ),
        settings,
      ],
      { sourceName: "mixed.xlsx", computedAt: at },
    );
    expect(r.issues.filter((i) => i.severity === "Error").map((i) => i.message)).toEqual([
      "Weight is required: plan Mixed has 2 measures (Bookings, Renewal), so say each one's share of target incentive",
    ]);
  });
});

describe("the payout curve's money", () => {
  it("is the median rep of the plan's most common currency, rounded to its minor unit", () => {
    const r = runWorkbook(
      [
        sheet(
          "Reps",
          ["RepID", "Plan", "Currency", "Base", "TargetVariable", "Quota"],
          [
            ["J1", "AE", "JPY", 9000000, 1234567, 100000000],
            ["J2", "AE", "JPY", 9000000, 1000001, 100000000],
            ["U1", "AE", "USD", 90000, 100000, 1000000],
          ],
        ),
        sheet("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Year"]]),
        sheet(
          "Tiers",
          ["Plan", "Measure", "From", "To", "Rate"],
          [
            ["AE", "Bookings", 0, 1, 1],
            ["AE", "Bookings", 1, null, 1.5],
          ],
        ),
        sheet(
          "Settings",
          ["Setting", "Value"],
          [
            ["PlanYear", 2026],
            ["ReportingCurrency", "USD"],
            ["FX JPY", 0.0067],
          ],
        ),
      ],
      { sourceName: "yen.xlsx", computedAt: at },
    );
    expect(r.issues.filter((i) => i.severity === "Error")).toEqual([]);
    const c = table(r.sheets, "Results_PayoutCurve");
    const row = c.rows.find((x) => x[3] === 1.1)!;
    const col = (h: string) => c.spec.columns.findIndex((x) => x.header === h);
    // JPY is the common currency; its median target (upper of two) 1,234,567 × (1 + 0.1 × 1.5) = 1,419,752.05 → ¥1,419,752.
    expect([row[col("Payout")], row[col("Currency")]]).toEqual([1419752, "JPY"]);
  });
});

describe("ramp tenure month 1", () => {
  const run = (rampMonthOne: string | null) =>
    runWorkbook(
      [
        sheet(
          "Reps",
          ["RepID", "Plan", "Base", "TargetVariable", "Quota", "StartDate", "Ramp"],
          [["N1", "AE", 90000, 90000, 1200000, "2026-02-15", "NewHire"]],
        ),
        sheet("Plans", ["Plan", "Measure", "Period"], [["AE", "Bookings", "Month"]]),
        sheet("Tiers", ["Plan", "Measure", "From", "To", "Rate"], [["AE", "Bookings", 0, null, 1]]),
        sheet(
          "Ramps",
          ["Ramp", "Month", "QuotaPct"],
          [
            ["NewHire", 1, 0.5],
            ["NewHire", 2, 0.5],
            ["NewHire", 3, 0.75],
            ["NewHire", 4, 0.75],
          ],
        ),
        sheet(
          "Settings",
          ["Setting", "Value"],
          [["PlanYear", 2026], ...(rampMonthOne ? [["RampMonth1", rampMonthOne]] : [])],
        ),
      ],
      { sourceName: "ramp.xlsx", computedAt: at },
    );
  const ramps = (r: ReturnType<typeof run>) => {
    const p = table(r.sheets, "Results_Payouts");
    const col = (h: string) => p.spec.columns.findIndex((c) => c.header === h);
    return p.rows.slice(0, 6).map((row) => [row[col("Period")], row[col("Ramp %")]]);
  };

  it("is the month of the start date by default", () => {
    expect(ramps(run(null))).toEqual([
      ["2026-02", 0.5],
      ["2026-03", 0.5],
      ["2026-04", 0.75],
      ["2026-05", 0.75],
      ["2026-06", null],
      ["2026-07", null],
    ]);
  });

  it("is the first full month with RampMonth1 = FirstFullMonth, the stub ramped as month 1", () => {
    expect(ramps(run("FirstFullMonth"))).toEqual([
      ["2026-02", 0.5],
      ["2026-03", 0.5],
      ["2026-04", 0.5],
      ["2026-05", 0.75],
      ["2026-06", 0.75],
      ["2026-07", null],
    ]);
  });

  it("refuses any other value, naming the cell", () => {
    const r = run("Sometimes");
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === "Error").map((i) => `${i.address} ${i.message}`)).toEqual([
      'Settings!B3 RampMonth1 "Sometimes" is not StartMonth or FirstFullMonth',
    ]);
  });
});

describe("a weighted-attainment plan on Results_Payouts", () => {
  it("shows each measure's quota, actual, attainment and weight below the weighted line", () => {
    const tables = (): RawTable[] => [
      sheet(
        "Reps",
        ["RepID", "Plan", "Base", "TargetVariable", "Quota A", "Quota B"],
        [["W1", "W", 100000, 100000, 400000, 400000]],
      ),
      sheet(
        "Plans",
        ["Plan", "Measure", "Weight", "Period", "Combine"],
        [
          ["W", "A", 0.6, "Quarter", "WeightedAttainment"],
          ["W", "B", 0.4, "Quarter", "WeightedAttainment"],
        ],
      ),
      sheet(
        "Tiers",
        ["Plan", "From", "To", "Rate"],
        [
          ["W", 0, 1, 1],
          ["W", 1, null, 2],
        ],
      ),
      sheet(
        "Actuals",
        ["RepID", "Period", "Measure", "Amount"],
        [
          ["W1", "2026-Q1", "A", 150000],
          ["W1", "2026-Q1", "B", 50000],
        ],
      ),
      settings,
    ];
    const options = { sourceName: "weighted.xlsx", computedAt: at };
    const r = runWorkbook(tables(), options);
    expect(r.issues.filter((i) => i.severity === "Error")).toEqual([]);
    const p = table(r.sheets, "Results_Payouts");
    const cols = ["Period", "Measure", "Quota", "Actual", "Attainment", "Weight", "Payout"];
    const idx = cols.map((h) => p.spec.columns.findIndex((c) => c.header === h));
    // 0.6 × 150% + 0.4 × 50% = 110% → (1 + 2 × 0.1) × 25,000 = 30,000, paid once on the weighted line.
    expect(p.rows.slice(0, 3).map((row) => idx.map((i) => row[i]))).toEqual([
      ["2026-Q1", "Weighted", null, null, 1.1, null, 30000],
      ["2026-Q1", "A", 100000, 150000, 1.5, 0.6, null],
      ["2026-Q1", "B", 100000, 50000, 0.5, 0.4, null],
    ]);
    // Streamed (the CLI's writer), the measures' rows follow their line the same, row by row.
    const pending = runWorkbookStreamed(tables(), options).sheets.find((s) => s.name === "Results_Payouts");
    const streamed = pending && "stream" in pending && pending.stream ? pending.stream() : null;
    expect(streamed?.rows.length).toBe(p.rows.length);
    expect(rowsArray(streamed!.rows)).toEqual(p.rows);
    expect(streamed!.rows.row(2)).toEqual(p.rows[2]);
  });
});

describe("a cumulative plan on Results_Payouts", () => {
  it("shows YTD quota and actual beside the period's, and the YTD multiple on a negative true-up", () => {
    const r = runWorkbook(
      [
        sheet("Reps", ["RepID", "Plan", "Base", "TargetVariable", "Quota"], [["Y1", "YTD", 100000, 100000, 1000000]]),
        sheet(
          "Plans",
          ["Plan", "Measure", "Period", "Threshold", "Cumulative", "NegativeTrueUp"],
          [["YTD", "Bookings", "Quarter", 1, "Yes", "Clawback"]],
        ),
        sheet("Tiers", ["Plan", "Measure", "From", "To", "Rate"], [["YTD", "Bookings", 0, null, 1]]),
        sheet(
          "Actuals",
          ["RepID", "Period", "Amount"],
          [
            ["Y1", "2026-Q1", 300000],
            ["Y1", "2026-Q3", 500000],
          ],
        ),
        settings,
      ],
      { sourceName: "ytd.xlsx", computedAt: at },
    );
    expect(r.issues.filter((i) => i.severity === "Error")).toEqual([]);
    const p = table(r.sheets, "Results_Payouts");
    const cols = ["Period", "Quota", "Actual", "YTD quota", "YTD actual", "Attainment", "Payout multiple", "Payout"];
    const idx = cols.map((h) => p.spec.columns.findIndex((c) => c.header === h));
    const rows = p.rows.map((row) => idx.map((i) => row[i]));
    // Q2: YTD 300,000 ÷ 500,000 = 60% under the 100% gate: YTD earned 0, so the 30,000 paid in Q1 is trued up.
    expect(rows[1]).toEqual(["2026-Q2", 250000, 0, 500000, 300000, 0.6, 0, -30000]);
    // Q3: YTD 800,000 ÷ 750,000 → YTD earned 80,000 on a YTD target of 75,000; paid to date 0, so Q3 pays 80,000.
    expect(rows[2].slice(0, 5)).toEqual(["2026-Q3", 250000, 500000, 750000, 800000]);
    expect(rows[2][5]).toBeCloseTo(800000 / 750000, 12);
    expect(rows[2][6]).toBeCloseTo(80000 / 75000, 12);
    expect(rows[2][7]).toBe(80000);
  });
});

describe("ratios on Results_Payouts", () => {
  it("are the doubles nearest the exact fractions: a 36% month reads 0.36, BCR 10% reads 0.1", () => {
    // Monthly quota 1,000,000 ÷ 12, target 100,000 ÷ 12 (no finite decimal). Divided as actual ÷ (num ÷ den), 30,000
    // read 0.36000000000000004 and 200,000 read 2.4000000000000004; BCR 0.10000000000000002.
    const result = runWorkbook(
      [
        sheet("Reps", ["RepID", "Plan", "Base", "TargetVariable", "Quota"], [["R1", "M", 100000, 100000, 1000000]]),
        sheet("Plans", ["Plan", "Measure", "Period"], [["M", "Bookings", "Month"]]),
        sheet(
          "Actuals",
          ["RepID", "Period", "Measure", "Amount"],
          [
            ["R1", "2026-01", "Bookings", 30000],
            ["R1", "2026-02", "Bookings", 200000],
          ],
        ),
        settings,
      ],
      { sourceName: "t.xlsx", computedAt: at },
    );
    const p = table(result.sheets, "Results_Payouts");
    expect([p.get(0, "Attainment"), p.get(1, "Attainment")]).toEqual([0.36, 2.4]);
    expect(p.get(0, "BCR")).toBe(0.1);
  });
});

describe("a missing quota's place", () => {
  it("names the measure's own quota column, never another measure's", () => {
    const result = runWorkbook(
      [
        sheet(
          "Reps",
          ["RepID", "Plan", "Base", "TargetVariable", "Quota", "Quota: Renewals"],
          [
            ["R1", "P", 100000, 100000, 1000000, 200000],
            ["R2", "P", 100000, 100000, null, 200000],
          ],
        ),
        sheet(
          "Plans",
          ["Plan", "Measure", "Weight", "Period"],
          [
            ["P", "Bookings", 0.5, "Quarter"],
            ["P", "Renewals", 0.3, "Quarter"],
            ["P", "Services", 0.2, "Quarter"],
          ],
        ),
        settings,
      ],
      { sourceName: "t.xlsx", computedAt: at },
    );
    const missing = result.issues.filter((i) => i.message.includes("has no quota"));
    // R2's Bookings quota belongs in Quota (E3); Services has no column at all, so no cell — not Quota: Renewals (F).
    expect(missing.map((i) => [i.message.slice(0, 41), i.column, i.address])).toEqual([
      ['Rep R1 has no quota for measure "Services', "Quota Services", null],
      ['Rep R2 has no quota for measure "Bookings', "Quota", "Reps!E3"],
      ['Rep R2 has no quota for measure "Services', "Quota Services", null],
    ]);
  });
});

describe("a threshold above quota", () => {
  it("is named, on its own cell, as why a rep at quota earns nothing", () => {
    const result = runWorkbook(
      [
        sheet("Reps", ["RepID", "Plan", "Base", "TargetVariable", "Quota"], [["R1", "P", 100000, 100000, 1000000]]),
        // 2.5 meant as 2.5% reads 250% (a number up to 3 is a percentage).
        sheet("Plans", ["Plan", "Measure", "Period", "Threshold"], [["P", "Bookings", "Quarter", 2.5]]),
        settings,
      ],
      { sourceName: "t.xlsx", computedAt: at },
    );
    const warning = result.issues.find((i) => i.message.includes("payout at 100% attainment"))!;
    expect(warning).toMatchObject({ severity: "Warning", column: "Threshold", address: "Plans!D2" });
    expect(warning.message).toBe(
      "Plan P, Bookings: the threshold is 250%, above quota, so payout at 100% attainment is 0% of target incentive — a rep at quota will not earn their OTE. A number up to 3 reads as a percentage (2.5 is 250%); write 2.5% for two and a half percent.",
    );
  });
});

describe("a column no table reads", () => {
  it("is reported on its header cell", () => {
    const result = runWorkbook(
      [
        sheet(
          "Reps",
          ["RepID", "Plan", "Region", "Base", "TargetVariable", "Quota"],
          [["R1", "P", "EMEA", 100000, 100000, 1000000]],
        ),
        sheet("Plans", ["Plan", "Measure", "Period"], [["P", "Bookings", "Quarter"]]),
        settings,
      ],
      { sourceName: "t.xlsx", computedAt: at },
    );
    const info = result.issues.find((i) => i.message.startsWith("Reps: column not used"))!;
    expect(info).toMatchObject({ severity: "Info", row: 1, column: "Region", address: "Reps!C1" });
  });
});

describe("the period swing's assumption in words", () => {
  it("names the correlation's own source when a scenario states only the spread", () => {
    const tables = readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../examples/acme-comp.xlsx")))).map((t) => {
      if (t.name !== "Scenarios") return t;
      // "Payout cap 2x" states a 20% spread and leaves the correlation to AttainmentHistory's.
      const scenario = t.headers.indexOf("Scenario");
      return {
        ...t,
        headers: [...t.headers, "PeriodSpread"],
        rows: t.rows.map((r) => [...r, r[scenario] === "Payout cap 2x" ? 0.2 : null]),
      };
    });
    const result = runWorkbook(tables, { sourceName: "acme-comp.xlsx", computedAt: at });
    const realistic = table(result.sheets, "Results_Realistic");
    const assumption = (name: string) =>
      realistic.get(
        realistic.rows.findIndex((r) => r[0] === name),
        "Assumption",
      );
    expect(assumption("Payout cap 2x")).toContain(
      "periods ±20% per period around the year's level (stated; correlation 33.9% from AttainmentHistory)",
    );
    expect(assumption("Baseline (history)")).toContain("(from AttainmentHistory, correlation 33.9%)");
  });
});

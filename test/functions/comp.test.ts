import { Decimal } from "../../src/engine";
import { acmeExample } from "../../src/workbook/example/acme";
import { runWorkbook } from "../../src/workbook/run";
import type { RawCell, RawTable } from "../../src/workbook/types";
import { evaluateCall, type FunctionCall, type FunctionName } from "../../src/functions/comp";
import { FunctionModel } from "../../src/functions/functionModel";
import type { CallArg } from "../../src/functions/args";

/**
 * Every COMP.* function, hand-computed on the engine side. The Acme example's
 * AE plan: New ARR marginal 0.5× to 50%, 1.5× to 100%, 2× to 150%, 2.5×
 * beyond; gate 40%; payout capped at 3×. Renewals 1.0× then 1.25×, gate 50%,
 * attainment capped at 150%.
 */
const table = (name: string, headers: string[], rows: readonly (readonly RawCell[])[]): RawTable => ({
  name,
  sheet: name,
  source: "table",
  headerRow: 1,
  firstColumn: 1,
  headers,
  rows,
});
const acme = acmeExample().map((t) => table(t.name, [...t.headers], t.rows));
const model = new FunctionModel(acme, new Date("2026-06-01"));
const call = (name: FunctionName, ...args: CallArg[]) => evaluateCall({ name, args } as FunctionCall, () => model);
const value = (name: FunctionName, ...args: CallArg[]) => {
  const a = call(name, ...args);
  if ("error" in a) throw new Error(`${a.error} ${a.message}`);
  return a.value;
};

describe("COMP.PAYOUT on a per-period plan's flat kicker and on bookings with no quota", () => {
  const tables = [
    table("Settings", ["Setting", "Value"], [["PlanYear", 2026]]),
    table(
      "Reps",
      ["RepID", "Plan", "Base", "TargetVariable", "Quota"],
      [
        ["K1", "KQ", 100000, 60000, 2500000],
        ["S1", "Commission", 60000, 30000, null],
      ],
    ),
    table(
      "Plans",
      ["Plan", "Measure", "Period", "KickerFrom", "KickerAmount", "TierBasis", "RateType"],
      [
        ["KQ", "Bookings", "Quarter", 1.1, 2000, null, null],
        ["Commission", "Bookings", "Month", null, null, "Amount", "Percent"],
      ],
    ),
    table("Tiers", ["Plan", "Measure", "From", "To", "Rate"], [["Commission", "Bookings", 0, null, "5%"]]),
  ];
  const kicker = new FunctionModel(tables, new Date("2026-06-01"));
  const ask = (...args: CallArg[]) => evaluateCall({ name: "PAYOUT", args } as FunctionCall, () => kicker);

  it("pays the kicker once a quarter over the year: 1.25 + 4 × 2,000 ÷ 60,000 at 125%, as Results_PayoutCurve", () => {
    const a = ask("KQ", "Bookings", 1.25);
    expect("value" in a && a.value).toBeCloseTo(1.25 + 8000 / 60000, 12);
  });

  it("answers #N/A, saying why, for a plan paid on bookings that no rep on it has a quota for", () => {
    const a = ask("Commission", "Bookings", 1);
    expect(a).toEqual({
      error: "#N/A",
      message:
        "Plan Commission · Bookings pays on bookings, and no rep on it has a Bookings quota to turn an attainment into bookings.",
    });
  });
});

describe("COMP.PAYOUT", () => {
  it("is the payout multiple at an attainment: bands marginal, gate, cap", () => {
    expect(value("PAYOUT", "AE", "New ARR", 1.2)).toBe(1.4); // 0.5×0.5 + 1.5×0.5 + 2×0.2
    expect(value("PAYOUT", "AE", "New ARR", 1)).toBe(1); // exactly 1× target at quota
    expect(value("PAYOUT", "AE", "New ARR", 0.45)).toBe(0.225); // over the 40% gate: 0.5 × 0.45
    expect(value("PAYOUT", "AE", "New ARR", 0.4)).toBe(0.2); // on the gate: paid
    expect(value("PAYOUT", "AE", "New ARR", 0.39)).toBe(0); // under it
    expect(value("PAYOUT", "AE", "New ARR", 2)).toBe(3); // 0.25 + 0.75 + 1 + 1.25 = 3.25, capped at 3
    expect(value("PAYOUT", "ae", " new arr ", "120%")).toBe(1.4); // names as the parser reads them; text percent
    expect(value("PAYOUT", "AE", "Renewals", 2)).toBe(1.625); // attainment capped at 150%: 1 + 1.25 × 0.5
    expect(value("PAYOUT", "AE", "Renewals", 0.49)).toBe(0); // gate 50%
  });

  it("is the payout in money, rounded to the cent, given a target incentive", () => {
    expect(value("PAYOUT", "AE", "New ARR", 1.2, 25000)).toBe(35000);
    // 1.469 × 12,345.67 = 18,135.78923 → 18,135.79
    expect(value("PAYOUT", "AE", "New ARR", 1.2345, 12345.67)).toBe(18135.79);
    // 0.225 × 0.1 = 0.0225 → 0.02; 0.5 × 0.45 × 0.3 = 0.0675 → 0.07 (half away from zero)
    expect(value("PAYOUT", "AE", "New ARR", 0.45, 0.3)).toBe(0.07);
  });

  it("prices a scenario's plan", () => {
    expect(value("PAYOUT", "AE", "New ARR", 1.2, null, "Richer accelerators")).toBe(1.5); // 0.25 + 0.75 + 2.5 × 0.2
    expect(value("PAYOUT", "AE", "New ARR", 2, null, "Payout cap 2x")).toBe(2);
    expect(value("PAYOUT", "AE", "New ARR", 0.3, null, "Lower gate 25%")).toBe(0.15);
    expect(value("PAYOUT", "Manager", "New ARR", 1.2, null, "Payout cap 2x")).toBe(1.3); // not in the scenario: baseline
  });

  it("answers #VALUE! for a bad attainment and #N/A for an unknown plan, measure or scenario, with the reason", () => {
    expect(call("PAYOUT", "AE", "New ARR", -0.1)).toEqual({
      error: "#VALUE!",
      message: "Attainment -0.1 is negative: give it as a fraction of quota (1.2 or 120%).",
    });
    expect(call("PAYOUT", "AE", "New ARR", 120)).toEqual({
      error: "#VALUE!",
      message: "Attainment 120 is 12000% of quota: give it as a fraction or a percent (1.2 or 120%).",
    });
    expect(call("PAYOUT", "AE", "New ARR", "lots")).toMatchObject({ error: "#VALUE!" });
    expect(call("PAYOUT", "Flatt", "New ARR", 1)).toEqual({
      error: "#N/A",
      message: 'Plan "Flatt" is not in Plans (plans: AE, AE YTD, AE New Hire, Manager, Director).',
    });
    expect(call("PAYOUT", "AE", "Upsell", 1)).toEqual({
      error: "#N/A",
      message: 'Plan AE has no measure "Upsell" (measures: New ARR, Renewals).',
    });
    expect(call("PAYOUT", "AE", "New ARR", 1, null, "Nope")).toMatchObject({ error: "#N/A" });
  });

  it("draws each plan measure's curve once per read, a scenario's plan apart from the baseline's", () => {
    const fresh = new FunctionModel(acme, new Date("2026-06-01"));
    const ae = fresh.plan("AE");
    const richer = fresh.plan("AE", "Richer accelerators");
    expect(richer).not.toBe(ae);
    const curve = fresh.payoutCurve(ae, ae.measures[0]);
    // The typical rep is found once (it sorts every rep on the plan): the same curve object every time after.
    expect(fresh.payoutCurve(ae, ae.measures[0])).toBe(curve);
    expect(fresh.plan("ae", " baseline ")).toBe(ae);
    expect(fresh.payoutCurve(richer, richer.measures[0])).not.toBe(curve);
    expect(fresh.payoutCurve(richer, richer.measures[0]).evaluate(new Decimal("1.2")).toNumber()).toBe(1.5);
    expect(curve.evaluate(new Decimal("1.2")).toNumber()).toBe(1.4);
    // A scenario's plans are put together once, too.
    expect(fresh.plansUnder("Richer accelerators")).toBe(fresh.plansUnder("Richer accelerators"));
  });
});

describe("COMP.CURVE", () => {
  it("spills attainment and multiple from `from` to `to` by `step`", () => {
    expect(value("CURVE", "AE", "New ARR", 0, 2, 0.5)).toEqual([
      [0, 0],
      [0.5, 0.25],
      [1, 1],
      [1.5, 2],
      [2, 3],
    ]);
    expect(call("CURVE", "AE", "New ARR", 0, 2, 0)).toMatchObject({ error: "#VALUE!" });
    expect(call("CURVE", "AE", "New ARR", 0, 10, 0.001)).toMatchObject({ error: "#VALUE!" }); // 10,001 rows
  });
});

describe("pay-mix helpers", () => {
  it("are exact", () => {
    expect(value("OTE", 100000, 50000)).toBe(150000);
    expect(value("BCR", 50000, 1000000)).toBe(0.05);
    expect(value("MIX", 90000, 60000)).toBe(0.6);
    expect(value("BASE", 150000, 0.6)).toBe(90000);
    expect(value("TARGETVARIABLE", 150000, 0.6)).toBe(60000);
    expect(value("TARGETVARIABLE", 100000, 0.7)).toBe(30000); // floats: 30000.000000000004
    expect(value("OTE", 0.1, 0.2)).toBe(0.3); // floats: 0.30000000000000004
    expect(call("BCR", 50000, 0)).toMatchObject({ error: "#VALUE!" });
    expect(call("BASE", 150000, 1.5)).toMatchObject({ error: "#VALUE!" });
  });
});

describe("COMP.PAY", () => {
  it("is the Run's net paid, to the cent, for the year and for each period", () => {
    const run = runWorkbook(acme, { sourceName: "acme", computedAt: new Date("2026-06-01") });
    const sheet = run.sheets.find((s) => s.name === "Results_Statements")!;
    const col = (h: string) => sheet.columns.findIndex((c) => c.header === h);
    const [scenario, rep, period, net] = ["Scenario", "RepID", "Period", "Net paid"].map(col);
    const baseline = sheet.rows.filter((r) => r[scenario] === "Baseline");
    expect(baseline.length).toBeGreaterThan(100);
    const years = new Map<string, number>();
    for (const r of baseline) {
      expect(value("PAY", r[rep] as string, r[period] as string)).toBe(r[net]);
      years.set(r[rep] as string, Math.round(((years.get(r[rep] as string) ?? 0) + (r[net] as number)) * 100) / 100);
    }
    for (const [id, total] of years) expect(value("PAY", id)).toBe(total);
    // The leaver's Q4: nothing left to pay (README: the late clawback is carried, then owed).
    expect(value("PAY", "E1206", "Q4")).toBe(0);
    expect(value("PAY", "E1101", "2026-Q1", "60/40 measure mix")).toBe(
      sheet.rows.find((r) => r[scenario] === "60/40 measure mix" && r[rep] === "E1101" && r[period] === "2026-Q1")![
        net
      ],
    );
  });

  it("answers #N/A for an unknown rep or period", () => {
    expect(call("PAY", "E9999")).toEqual({ error: "#N/A", message: 'Rep "E9999" is not in Reps.' });
    expect(call("PAY", "E1101", "Q5")).toMatchObject({ error: "#N/A" });
  });
});

/** A one-rep workbook on a yearly linear plan: the realistic figures are the distribution's own. */
const linear = (plan: string, tiers: RawCell[][]): RawTable[] => [
  table(
    "Settings",
    ["Setting", "Value"],
    [
      ["ReportingCurrency", "USD"],
      ["PlanYear", 2026],
    ],
  ),
  table("Reps", ["RepID", "Plan", "Base", "TargetVariable", "Quota"], [["R1", plan, 100000, 100000, 1000000]]),
  table("Plans", ["Plan", "Measure", "Weight", "Period"], [[plan, "New ARR", 1, "Year"]]),
  table("Tiers", ["Plan", "Measure", "From", "To", "Rate"], tiers),
];

describe("COMP.EXPECTED, COMP.PERCENTILE, COMP.PROBOTE", () => {
  const flat = new FunctionModel(linear("Linear", [["Linear", "New ARR", 0, null, 1]]), new Date("2026-06-01"));
  const at = (name: FunctionName, ...args: CallArg[]) => {
    const a = evaluateCall({ name, args } as FunctionCall, () => flat);
    if ("error" in a) throw new Error(`${a.error} ${a.message}`);
    return a.value as number;
  };

  it("on a linear yearly plan are the attainment distribution's mean, percentiles and tail", () => {
    // Normal(90%, 10%): nothing below 0 to speak of, so the payout multiple is the attainment.
    expect(at("EXPECTED", "Linear", 0.9, 0.1)).toBeCloseTo(0.9, 9);
    expect(at("PERCENTILE", "Linear", 0.1, 0.9, 0.1)).toBeCloseTo(0.9 - 0.128155, 5); // z(0.9) = 1.281552
    expect(at("PERCENTILE", "Linear", 50, 0.9, 0.1)).toBeCloseTo(0.9, 6);
    expect(at("PERCENTILE", "Linear", 0.9, 0.9, 0.1)).toBeCloseTo(0.9 + 0.128155, 5);
    expect(at("PROBOTE", "Linear", 0.9, 0.1)).toBeCloseTo(0.158655, 5); // 1 − Φ(1)
    // Everyone at the mean: the plan's own payout there.
    expect(at("EXPECTED", "Linear", 1.2, 0)).toBeCloseTo(1.2, 12);
    expect(at("PROBOTE", "Linear", 0.8, 0)).toBe(0);
  });

  it("refuse what the model cannot price, with the reason", () => {
    const e = (name: FunctionName, ...args: CallArg[]) => evaluateCall({ name, args } as FunctionCall, () => flat);
    expect(e("EXPECTED", "Linear", 0, 0.1)).toMatchObject({ error: "#VALUE!" });
    expect(e("EXPECTED", "Linear", 0.9, -0.1)).toMatchObject({ error: "#VALUE!" });
    expect(e("EXPECTED", "Linear", 0.9, 0.1, "Cauchy")).toMatchObject({ error: "#VALUE!" });
    expect(e("PERCENTILE", "Linear", 0.25, 0.9, 0.1)).toMatchObject({ error: "#VALUE!" });
    expect(e("EXPECTED", "Nope", 0.9, 0.1)).toMatchObject({ error: "#N/A" });
  });

  it("price the Acme AE plan as the realistic model does: a gate and a decelerator cost below the mean", () => {
    const expected = value("EXPECTED", "AE", 0.9, 0.25) as number;
    expect(expected).toBeGreaterThan(0.5);
    expect(expected).toBeLessThan(1.2);
    expect(value("PROBOTE", "AE", 0.9, 0.25)).toBeGreaterThan(0);
  });
});

describe("COMP.OFFER", () => {
  it("gives an offer's figures as Results_Offers does", () => {
    // The published check: OTE 150,000 at 50/50, linear, uncapped, the org at 80% → 15,000 below OTE.
    const offers = new FunctionModel(
      [
        ...linear("Linear", [["Linear", "New ARR", 0, null, 1]]),
        table(
          "Offers",
          ["Offer", "Base", "OTE", "Plan", "ExpectedAttainment", "StdDev"],
          [["Check", 75000, 150000, "Linear", 0.8, 0]],
        ),
      ],
      new Date("2026-06-01"),
    );
    const o = (figure: string) => evaluateCall({ name: "OFFER", args: ["Check", figure] }, () => offers);
    expect(o("GapToOTE")).toEqual({ value: 15000 });
    expect(o("SteadyState")).toEqual({ value: 135000 });
    expect(o("OTE")).toEqual({ value: 150000 });
    expect(o("FourYear")).toEqual({ value: 540000 }); // no ramp, no equity: 4 × 135,000
    expect(o("Year1")).toEqual({ value: 135000 });
    expect(o("Bonus")).toMatchObject({ error: "#VALUE!" });
    expect(evaluateCall({ name: "OFFER", args: ["Other", "Year1"] }, () => offers)).toMatchObject({ error: "#N/A" });
    expect(value("OFFER", "Late-stage director", "FourYear")).toBeGreaterThan(
      value("OFFER", "Late-stage director", "Year1") as number,
    );
  });
});

describe("a workbook with errors", () => {
  it("answers #N/A saying where the first error is", () => {
    const broken = new FunctionModel(linear("Linear", [["Linear", "New ARR", 0, null, "lots"]]));
    const a = evaluateCall({ name: "PAYOUT", args: ["Linear", "New ARR", 1] }, () => broken);
    expect(a).toMatchObject({ error: "#N/A" });
    expect((a as { message: string }).message).toMatch(/input tables have errors.*Tiers/);
    // The pay-mix helpers read no workbook.
    expect(evaluateCall({ name: "OTE", args: [1, 2] }, () => broken)).toEqual({ value: 3 });
  });
});

import { runModel } from "../../src/engine/model";
import type { Decimal } from "../../src/engine/decimal";
import { ratioValue } from "../../src/engine/exact/ratio";
import { amount, d, measure, model, plan, quarter, rep, settings2026, tiers } from "../../src/engine/testing/builders";

const month = (m: number) => {
  const mm = String(m).padStart(2, "0");
  const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  return [`2026-${mm}-01`, `2026-${mm}-${last}`] as const;
};
const aeTiers = tiers([0, 0.5, 0.5], [0.5, 1, 1.5], [1, 1.5, 2], [1.5, null, 2.5]);

describe("ramps and proration through the model", () => {
  it("ramps a new hire's quota: months 1–2 at 50%, 3–4 at 75%, then 100% → year-one quota $875,000", () => {
    const input = model({
      planList: [plan({ period: "Month" })],
      reps: [rep({ startDate: "2026-01-01", ramp: "New" })],
      ramps: new Map([["New", { name: "New", quotaPct: [d(0.5), d(0.5), d(0.75), d(0.75)], guarantee: null }]]),
    });
    const lines = runModel(input).scenarios[0].lines;
    const yearQuota = lines.reduce((s, l) => s.plus(ratioValue(l.quota!)), d(0));
    // 1,000,000 × (0.5 + 0.5 + 0.75 + 0.75 + 8) / 12 = 875,000 (sum of exact twelfths)
    expect(yearQuota.toDecimalPlaces(20).toString()).toBe("875000");
    expect(ratioValue(lines[0].ramp!).toString()).toBe("0.5");
    // Past the four ramp months no ramp applies: blank, not 100%, so a year's RampPct means the ramped months.
    expect(lines.map((l) => (l.ramp ? ratioValue(l.ramp).toString() : null))).toEqual([
      "0.5",
      "0.5",
      "0.75",
      "0.75",
      ...Array(8).fill(null),
    ]);
  });

  it("prorates quota and target for a 15 February start (45 of Q1's 90 days), BCR unchanged", () => {
    const input = model({ reps: [rep({ startDate: "2026-02-15" })], actuals: [quarter("R1", 1, 125000)] });
    const q1 = runModel(input).scenarios[0].lines[0];
    expect(ratioValue(q1.proration).toString()).toBe("0.5");
    expect(ratioValue(q1.quota!).toString()).toBe("125000"); // 250,000 × 0.5
    expect(ratioValue(q1.target).toString()).toBe("12500"); // 25,000 × 0.5
    expect(q1.payout.toFixed(2)).toBe("12500.00"); // 100% attainment → 1.0 × 12,500
  });

  it("prorates a mid-quarter hire by the plan's own periods, so quarterly and monthly quotas differ", () => {
    const quarterly = runModel(model({ reps: [rep({ startDate: "2026-05-16" })] })).scenarios[0].lines;
    const monthly = runModel(model({ planList: [plan({ period: "Month" })], reps: [rep({ startDate: "2026-05-16" })] }))
      .scenarios[0].lines;
    const q2 = ratioValue(quarterly.find((l) => l.period.key === "2026-Q2")!.quota!);
    const mayJune = monthly
      .filter((l) => l.period.key === "2026-05" || l.period.key === "2026-06")
      .reduce((s, l) => s.plus(ratioValue(l.quota!)), d(0));
    // 1,000,000/4 × 46/91 (16 May – 30 June of a 91-day quarter) against 1,000,000/12 × (16/31 + 1)
    expect(q2.toDecimalPlaces(2).toString()).toBe("126373.63");
    expect(mayJune.toDecimalPlaces(2).toString()).toBe("126344.09");
  });

  it("stops paying after a departure and prorates the last period", () => {
    const input = model({ reps: [rep({ endDate: "2026-05-15" })], actuals: [quarter("R1", 2, 100000)] });
    const r = runModel(input).scenarios[0].reps[0];
    expect(r.lines.map((l) => l.period.key)).toEqual(["2026-Q1", "2026-Q2"]);
    // Q2: Apr 1 – May 15 = 45 of 91 days; quota 250,000 × 45/91; actual 100,000 → attainment 0.8089 → marginal 1.0×
    const q2 = r.lines[1];
    expect(ratioValue(q2.attainment!).toDecimalPlaces(6).toString()).toBe("0.808889");
    // payout = target × attainment = 25,000 × 45/91 × 100,000 / (250,000 × 45/91) = 10,000
    expect(q2.payout.toFixed(2)).toBe("10000.00");
    // base earned: 135 of 365 days (Jan 1 – May 15) × 100,000 = 36,986.30
    expect(r.baseEarned.toFixed(2)).toBe("36986.30");
  });

  it("pays the ramp guarantee as a floor during the ramp", () => {
    const input = model({
      planList: [plan({ period: "Month" })],
      reps: [rep({ startDate: "2026-01-01", ramp: "New" })],
      ramps: new Map([["New", { name: "New", quotaPct: [d(0.5), d(0.5)], guarantee: d(0.6) }]]),
      actuals: [amount("R1", ...month(1), 10000), amount("R1", ...month(3), 10000)],
    });
    const lines = runModel(input).scenarios[0].lines;
    // month 1: quota 83,333.33 × 0.5; attainment 10,000/41,666.67 = 24% → 0.24 × 8,333.33 = 2,000; floor 0.6 × 8,333.33 = 5,000
    expect(lines[0].payout.toFixed(2)).toBe("5000.00");
    expect(lines[0].guarantee?.toFixed(2)).toBe("5000.00");
    // month 3 is past the ramp: 10,000 / 83,333.33 = 12% → 1,000, no floor
    expect(lines[2].payout.toFixed(2)).toBe("1000.00");
  });
});

describe("cumulative plans (YTD true-up)", () => {
  const base = {
    actuals: [quarter("R1", 1, 300000), quarter("R1", 2, 100000)],
    planList: [] as ReturnType<typeof plan>[],
  };
  const run = (negativeTrueUp: "Hold" | "Clawback") =>
    runModel(
      model({
        ...base,
        planList: [plan({ cumulative: true, negativeTrueUp, measures: [measure({ tiers: aeTiers })] })],
      }),
    ).scenarios[0].reps[0];

  it("pays YTD earned minus what was paid, holding a negative true-up", () => {
    const r = run("Hold");
    // Q1: 300k/250k = 120% → 1.4 × 25,000 = 35,000
    // Q2: YTD 400k/500k = 80% → 0.7 × 50,000 = 35,000 → true-up 0
    // Q3: YTD 400k/750k = 53.3% → (0.25 + 1.5 × 0.0333…) = 0.3 × 75,000 = 22,500 → −12,500 held
    // Q4: YTD 400k/1M = 40% → 0.2 × 100,000 = 20,000 → still below paid, held 15,000
    expect(r.lines.map((l) => l.payout.toFixed(2))).toEqual(["35000.00", "0.00", "0.00", "0.00"]);
    expect(r.lines.map((l) => l.ytd!.earned.toFixed(2))).toEqual(["35000.00", "35000.00", "22500.00", "20000.00"]);
    expect(r.lines[3].ytd!.held.toFixed(2)).toBe("15000.00");
  });

  it("claws back a negative true-up when the plan says so; Σ paid = final YTD earned", () => {
    const r = run("Clawback");
    expect(r.lines.map((l) => l.payout.toFixed(2))).toEqual(["35000.00", "0.00", "-12500.00", "-2500.00"]);
    expect(r.variablePay.toFixed(2)).toBe("20000.00");
  });
});

describe("draws and adjustments in the pay statement", () => {
  // 10% commission on every dollar: earnings 500, 700, 400 from bookings 5,000, 7,000, 4,000
  const commission = measure({ rateType: "Percent", tierBasis: "Amount", tiers: tiers([0, null, 0.1]) });
  const drawPlan = plan({ period: "Month", measures: [commission], draw: d(1000), drawType: "Recoverable" });

  it("reproduces Oracle's recoverable draw: pays 1,000 each month, balance 500 → 800 → 1,400", () => {
    const input = model({
      planList: [drawPlan],
      actuals: [amount("R1", ...month(1), 5000), amount("R1", ...month(2), 7000), amount("R1", ...month(3), 4000)],
    });
    const st = runModel(input).scenarios[0].reps[0].statement.slice(0, 3);
    expect(st.map((s) => s.earned.toFixed(2))).toEqual(["500.00", "700.00", "400.00"]);
    expect(st.map((s) => s.netPaid.toFixed(2))).toEqual(["1000.00", "1000.00", "1000.00"]);
    expect(st.map((s) => s.drawBalance.toFixed(2))).toEqual(["500.00", "800.00", "1400.00"]);
  });

  it("says on a leaver's last statement whether the draw balance is owed or forgiven (DrawOnExit)", () => {
    // Monthly draw 1,000 against earnings 500 and 700; the rep leaves on 28 February with 800 drawn ahead.
    const leaver = (drawOnExit: "Owed" | "Forgiven") => {
      const input = model({
        planList: [{ ...drawPlan, drawOnExit }],
        reps: [rep({ endDate: "2026-02-28" })],
        actuals: [amount("R1", ...month(1), 5000), amount("R1", ...month(2), 7000)],
      });
      return runModel(input).scenarios[0].reps[0];
    };
    const owed = leaver("Owed");
    expect(owed.statement.map((s) => [s.drawBalance.toFixed(2), s.notes])).toEqual([
      ["500.00", ""],
      ["800.00", "Draw balance 800.00 owed at exit (DrawOnExit Owed)"],
    ]);
    expect(owed.drawBalance.toFixed(2)).toBe("800.00");
    const forgiven = leaver("Forgiven");
    expect(forgiven.statement.map((s) => [s.drawBalance.toFixed(2), s.notes])).toEqual([
      ["500.00", ""],
      ["0.00", "Draw balance 800.00 forgiven at exit (DrawOnExit Forgiven)"],
    ]);
    expect(forgiven.drawBalance.toFixed(2)).toBe("0.00");
  });

  it("prorates the draw of a partial period: a hire on 15 April gets 77 of Q2's 91 days of a 6,000 quarterly draw", () => {
    const input = model({
      planList: [plan({ measures: [commission], draw: d(6000) })],
      reps: [rep({ startDate: "2026-04-15" })],
    });
    const st = runModel(input).scenarios[0].reps[0].statement;
    expect(st.map((s) => [s.period.key, s.drawTopUp.toFixed(2)])).toEqual([
      ["2026-Q2", "5076.92"],
      ["2026-Q3", "6000.00"],
      ["2026-Q4", "6000.00"],
    ]);
  });

  it("gives a leaver's clawback, booked after the last day, a statement row of its own", () => {
    const input = model({
      reps: [rep({ endDate: "2026-05-15" })],
      actuals: [quarter("R1", 1, 250000)],
      adjustments: [
        { repId: "R1", start: "2026-08-01", end: "2026-08-31", type: "Clawback", amount: d(4000), note: "deal" },
      ],
    });
    const r = runModel(input).scenarios[0].reps[0];
    // Q1 pays 25,000; Q2 (to 15 May) nothing booked; Q3 has no pay to take the 4,000 from: it is owed.
    expect(r.statement.map((s) => [s.period.key, s.netPaid.toFixed(2), s.clawbackCarried.toFixed(2)])).toEqual([
      ["2026-Q1", "25000.00", "0.00"],
      ["2026-Q2", "0.00", "0.00"],
      ["2026-Q3", "0.00", "4000.00"],
    ]);
    expect(r.clawbackOutstanding.toFixed(2)).toBe("4000.00");
  });

  it("settles SPIFs and carries a clawback that exceeds a period's pay", () => {
    const input = model({
      planList: [plan({ measures: [commission] })],
      actuals: [quarter("R1", 2, 10000), quarter("R1", 3, 20000), quarter("R1", 4, 50000)],
      adjustments: [
        { repId: "R1", start: "2026-04-01", end: "2026-06-30", type: "SPIF", amount: d(1000), note: "" },
        { repId: "R1", start: "2026-07-01", end: "2026-09-30", type: "Clawback", amount: d(3000), note: "" },
      ],
    });
    const r = runModel(input).scenarios[0].reps[0];
    const by = Object.fromEntries(r.statement.map((s) => [s.period.key, s]));
    // Q2: earned 1,000 + SPIF 1,000 = 2,000
    expect(by["2026-Q2"].netPaid.toFixed(2)).toBe("2000.00");
    // Q3: earned 2,000, clawback 3,000 → take 2,000, pay 0, carry 1,000
    expect(by["2026-Q3"].netPaid.toFixed(2)).toBe("0.00");
    expect(by["2026-Q3"].clawbackCarried.toFixed(2)).toBe("1000.00");
    // Q4: earned 5,000 − carried 1,000 = 4,000
    expect(by["2026-Q4"].netPaid.toFixed(2)).toBe("4000.00");
    expect(r.adjustments.toFixed(2)).toBe("-2000.00"); // +1,000 − 3,000
    expect(r.netPaid.toFixed(2)).toBe("6000.00"); // 8,000 earned − 2,000
  });
});

describe("team basis", () => {
  it("pays a manager on the team's bookings and reports over-assignment", () => {
    const team = plan({ name: "Mgr", measures: [measure({ basis: "Team" })] });
    const input = model({
      planList: [plan(), team],
      reps: [
        rep({ id: "M", plan: "Mgr", quota: { Bookings: "1500000" } }),
        rep({ id: "A", managerId: "M" }),
        rep({ id: "B", managerId: "M" }),
      ],
      actuals: [quarter("A", 1, 200000), quarter("B", 1, 175000), quarter("M", 1, 999999)],
    });
    const r = runModel(input).scenarios[0].reps[0];
    // team Q1 = 200,000 + 175,000 (the manager's own credit is not counted) on quota 375,000 → 100%
    expect(r.lines[0].actual!.toString()).toBe("375000");
    expect(r.lines[0].payout.toFixed(2)).toBe("25000.00");
    // over-assignment: (1,000,000 + 1,000,000) / 1,500,000
    expect(r.overAssignment!.directs!.toDecimalPlaces(4).toString()).toBe("1.3333");
    expect(r.overAssignment!.paidOn!.toDecimalPlaces(4).toString()).toBe("1.3333");
  });

  it("converts a team's credit to the manager's currency at the Settings rate", () => {
    const team = plan({ name: "Mgr", measures: [measure({ basis: "Team" })] });
    const input = model({
      planList: [plan(), team],
      settings: {
        ...settings2026,
        fxRates: new Map([
          ["USD", d(1)],
          ["EUR", d("1.1")],
        ]),
      },
      reps: [
        rep({ id: "M", plan: "Mgr", quota: { Bookings: "1240000" } }),
        rep({ id: "A", managerId: "M" }),
        rep({ id: "B", managerId: "M", currency: "EUR" }),
      ],
      actuals: [quarter("A", 1, 200000), quarter("B", 1, 100000)],
    });
    const manager = runModel(input).scenarios[0].reps[0];
    const line = manager.lines[0];
    // 200,000 USD + 100,000 EUR × 1.1 = 310,000 USD on a 310,000 quarterly quota → 100% → 25,000
    expect(line.actual!.toString()).toBe("310000");
    expect(line.payout.toFixed(2)).toBe("25000.00");
    // Quotas too are converted before they are added: (1,000,000 USD + 1,000,000 EUR × 1.1) / 1,240,000 USD.
    expect(manager.overAssignment!.directs!.toDecimalPlaces(6).toString()).toBe("1.693548");
  });

  it("still reports a monthly rep's quarterly actual when a quarterly team plan shares the run", () => {
    const team = plan({ name: "Mgr", period: "Quarter", measures: [measure({ basis: "Team" })] });
    const monthly = plan({ period: "Month" });
    const input = model({
      planList: [monthly, team],
      reps: [rep({ id: "M", plan: "Mgr" }), rep({ id: "A", managerId: "M", row: 3 })],
      actuals: [{ ...quarter("A", 1, 300000), source: "Actuals row 2" }],
    });
    const result = runModel(input);
    // The manager's quarterly roll-up sees it; the rep's monthly plan cannot split it, and says so.
    expect(result.scenarios[0].reps[0].lines[0].actual!.toString()).toBe("300000");
    expect(result.issues.filter((i) => i.severity === "Error").map((i) => i.source)).toEqual(["Actuals row 2"]);
  });

  it("reports a management loop naming the rows", () => {
    const input = model({
      reps: [rep({ id: "A", managerId: "B", row: 2 }), rep({ id: "B", managerId: "A", row: 3 })],
    });
    const errors = runModel(input).issues.filter((i) => i.severity === "Error");
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/A.*B|B.*A/);
    expect(errors[0].source).toMatch(/^Reps row [23]$/);
  });
});

describe("negative true-ups on a cumulative plan, finance-safe", () => {
  // Gate 100%, 1.0× of target per 100%: Q1 120% → YTD 30,000. Q2 0 → YTD 60%, gated: YTD 0, a −30,000 true-up.
  // Q3 500,000 → YTD 800,000 ÷ 750,000 = 106.67% → YTD 80,000. Q4 0 → YTD 80%, gated: YTD 0, a −80,000 true-up.
  const run = (rule: "Hold" | "Clawback" | "NegativePay") => {
    const ytdPlan = plan({
      cumulative: true,
      negativeTrueUp: rule,
      measures: [measure({ threshold: d(1), tiers: tiers([0, null, 1]) })],
    });
    const input = model({
      planList: [ytdPlan],
      actuals: [quarter("R1", 1, 300000), quarter("R1", 3, 500000)],
    });
    const r = runModel(input).scenarios[0].reps[0];
    const col = (f: (s: (typeof r.statement)[number]) => Decimal) => r.statement.map((s) => f(s).toFixed(2));
    return { r, col };
  };

  it("Clawback: a negative true-up pays 0 and becomes a debit recovered from later pay; the rest is owed", () => {
    const { r, col } = run("Clawback");
    expect(col((s) => s.earned)).toEqual(["30000.00", "-30000.00", "80000.00", "-80000.00"]);
    expect(col((s) => s.deferred)).toEqual(["0.00", "30000.00", "0.00", "80000.00"]);
    expect(col((s) => s.debitRecovered)).toEqual(["0.00", "0.00", "30000.00", "0.00"]);
    expect(col((s) => s.netPaid)).toEqual(["30000.00", "0.00", "50000.00", "0.00"]);
    expect(col((s) => s.clawbackCarried)).toEqual(["0.00", "30000.00", "0.00", "80000.00"]);
    // Paid 80,000 for a year that earned 0: the 80,000 is owed by the rep.
    expect([r.netPaid.toFixed(2), r.clawbackOutstanding.toFixed(2)]).toEqual(["80000.00", "80000.00"]);
  });

  it("Hold: nothing is taken back; the held shortfall is on the statement, and kept at year end", () => {
    const { r, col } = run("Hold");
    expect(col((s) => s.netPaid)).toEqual(["30000.00", "0.00", "50000.00", "0.00"]);
    expect(col((s) => s.held)).toEqual(["0.00", "30000.00", "0.00", "80000.00"]);
    expect([r.heldAtYearEnd.toFixed(2), r.clawbackOutstanding.toFixed(2)]).toEqual(["80000.00", "0.00"]);
  });

  it("Clawback nets a period's true-ups across measures before it defers a debit (docs/workbook.md, NegativeTrueUp)", () => {
    // Measures A and B at 50% each: 12,500 target a quarter each on 250,000 quotas, 1× per 100%, A gated at 100%.
    // Q1: A 300,000 = 120% → 15,000. Q2: A YTD 300,000 ÷ 500,000 = 60%, gated → YTD 0, a −15,000 true-up; B YTD
    // 240,000 ÷ 500,000 = 48% → +12,000. The period's −3,000 is the debit, not A's −15,000 beside B's 12,000.
    const ytdPlan = plan({
      cumulative: true,
      negativeTrueUp: "Clawback",
      measures: [
        measure({ measure: "A", weight: d(0.5), threshold: d(1), tiers: tiers([0, null, 1]) }),
        measure({ measure: "B", weight: d(0.5), tiers: tiers([0, null, 1]) }),
      ],
    });
    const input = model({
      planList: [ytdPlan],
      reps: [rep({ quota: { A: "1000000", B: "1000000" } })],
      actuals: [quarter("R1", 1, 300000, "A"), quarter("R1", 2, 240000, "B")],
    });
    const r = runModel(input).scenarios[0].reps[0];
    const col = (f: (s: (typeof r.statement)[number]) => Decimal) =>
      r.statement.slice(0, 2).map((s) => f(s).toFixed(2));
    expect(r.lines.filter((l) => l.period.index === 1).map((l) => l.payout.toFixed(2))).toEqual([
      "-15000.00",
      "12000.00",
    ]);
    expect(col((s) => s.earned)).toEqual(["15000.00", "-3000.00"]);
    expect(col((s) => s.deferred)).toEqual(["0.00", "3000.00"]);
    expect(col((s) => s.netPaid)).toEqual(["15000.00", "0.00"]);
  });

  it("NegativePay: only a plan that says so pays a negative amount", () => {
    const { col } = run("NegativePay");
    expect(col((s) => s.netPaid)).toEqual(["30000.00", "-30000.00", "80000.00", "-80000.00"]);
  });
});

import { runModel } from "../../src/engine/model";
import { ratioValue } from "../../src/engine/exact/ratio";
import { explainLine } from "../../src/engine/trace";
import type { Ratio } from "../../src/engine/exact/ratio";
import type { Settings } from "../../src/engine/types";
import { amount, d, measure, model, plan, rep, settings2026, tiers } from "../../src/engine/testing/builders";

const fraction = (r: Ratio) => `${r.num.toString()}/${r.den.toString()}`;
const fourFourFive: Settings = { ...settings2026, calendar: { pattern: "4-4-5", weekday: 6, rule: "Last" } };

describe("a 4-4-5 year (ends on the last Saturday of December): FY2026 = 2025-12-28 .. 2026-12-26, 52 weeks", () => {
  // Quarterly plan, target variable 100,000, annual quota 1,000,000, 1.0× uncapped tiers but a 1.5× payout cap.
  const capped = plan({ measures: [measure({ capPayout: d("1.5") })] });
  const run = () =>
    runModel(
      model({
        settings: fourFourFive,
        planList: [capped],
        reps: [rep({ startDate: "2026-02-01" })],
        actuals: [
          amount("R1", "2026-03-27", "2026-03-27", 300000), // Friday of the last week of Q1
          amount("R1", "2026-03-29", "2026-03-29", 50000), // the Sunday after: Q2
        ],
      }),
    ).scenarios[0];

  it("prorates Q1 by days of its 13 weeks and places bookings by their day", () => {
    const r = run();
    const [q1, q2] = r.lines;
    expect(r.lines.map((l) => l.period.key)).toEqual(["FY2026-Q1", "FY2026-Q2", "FY2026-Q3", "FY2026-Q4"]);
    // Q1 = 2025-12-28 .. 2026-03-28 = 91 days; employed 2026-02-01 .. 03-28 = 28 + 28 = 56 days.
    expect(fraction(q1.proration)).toBe("56/91");
    // Quota 250,000 × 56/91 = 153,846.15; target 25,000 × 56/91 = 15,384.615…
    expect(ratioValue(q1.quota!).toDecimalPlaces(2).toString()).toBe("153846.15");
    expect(ratioValue(q1.target).toDecimalPlaces(4).toString()).toBe("15384.6154");
    // 300,000 credit pays 0.1 × 300,000 = 30,000, capped at 1.5 × 15,384.615… = 23,076.923… → 23,076.92.
    expect(q1.actual!.toString()).toBe("300000");
    expect(q1.payout.toFixed(2)).toBe("23076.92");
    expect(q1.capped).toBe("Payout");
    // The 29 March booking is in Q2 (it starts 2026-03-29): 50,000 of a 250,000 quota → 20% → 5,000.
    expect(q2.actual!.toString()).toBe("50000");
    expect(q2.payout.toFixed(2)).toBe("5000.00");
  });

  it("prorates the year by its 364 days: 2026-02-01 .. 12-26 = 329 days, base earned 100,000 × 329/364", () => {
    const r = run().reps[0];
    expect(fraction(r.proration)).toBe("329/364");
    expect(r.baseEarned.toFixed(2)).toBe("90384.62");
  });

  it("traces the proration's basis", () => {
    const steps = explainLine(run().lines[0]);
    expect(steps.find((s) => s.step === "Quota")!.detail).toBe(
      "annual quota 1,000,000.00 × period share 1/4 × proration 61.54% (56 of 91 days employed)",
    );
    expect(steps.find((s) => s.step === "Target")!.detail).toMatch(
      /^target variable 100,000.00 × period share 1\/4 × proration 61.54% \(56 of 91 days employed\) = 15,384.62/,
    );
  });
});

describe("proration by whole months (Settings Proration = Months, the mid-month rule)", () => {
  // Quarterly, target variable 100,000, quota 1,000,000; marginal tiers 1.0× to 100%, 2.0× above.
  const accelerated = plan({ measures: [measure({ tiers: tiers([0, 1, 1], [1, null, 2]) })] });
  const q1Actual = amount("R1", "2026-01-01", "2026-03-31", 200000);
  const run = (settings: Settings, startDate: string) =>
    runModel(model({ settings, planList: [accelerated], reps: [rep({ startDate })], actuals: [q1Actual] }))
      .scenarios[0];

  it("a 15 February start counts February and March: Q1 at 2/3, the year at 11/12", () => {
    const r = run({ ...settings2026, proration: "Months" }, "2026-02-15");
    const q1 = r.lines[0];
    expect(fraction(q1.proration)).toBe("2/3");
    // Quota 250,000 × 2/3 = 166,666.67, target 25,000 × 2/3 = 16,666.67; 200,000 is 120% →
    // 16,666.67 × (1.0 × 100% + 2.0 × 20%) = 70,000/3 = 23,333.33.
    expect(ratioValue(q1.quota!).toDecimalPlaces(2).toString()).toBe("166666.67");
    expect(q1.payout.toFixed(2)).toBe("23333.33");
    expect(fraction(r.reps[0].proration)).toBe("11/12");
    expect(r.reps[0].baseEarned.toFixed(2)).toBe("91666.67");
    expect(explainLine(q1).find((s) => s.step === "Quota")!.detail).toBe(
      "annual quota 1,000,000.00 × period share 1/4 × proration 66.67% (2 of 3 months, mid-month rule: 2026-02, 2026-03)",
    );
    // By days the same start is 45 of 90 days: quota 125,000, 160% → 12,500 × (1 + 2 × 0.6) = 27,500.
    const days = run(settings2026, "2026-02-15").lines[0];
    expect(fraction(days.proration)).toBe("45/90");
    expect(days.payout.toFixed(2)).toBe("27500.00");
  });

  it("a 16 February start counts March only; FullMonths counts neither a 15 February start's February", () => {
    expect(fraction(run({ ...settings2026, proration: "Months" }, "2026-02-16").lines[0].proration)).toBe("1/3");
    const full = run({ ...settings2026, proration: "FullMonths" }, "2026-02-15");
    expect(fraction(full.lines[0].proration)).toBe("1/3");
    expect(fraction(full.reps[0].proration)).toBe("10/12");
  });

  it("counts fiscal months on a 4-4-5 calendar (P02 = 2026-01-25 .. 02-21, its 15th day 2026-02-08)", () => {
    const settings: Settings = { ...fourFourFive, proration: "Months" };
    const on = run(settings, "2026-02-08");
    expect(fraction(on.lines[0].proration)).toBe("2/3");
    expect(explainLine(on.lines[0]).find((s) => s.step === "Quota")!.detail).toContain(
      "(2 of 3 months, mid-month rule: P02, P03)",
    );
    expect(fraction(run(settings, "2026-02-09").lines[0].proration)).toBe("1/3");
  });

  it("starts a ramp on the first month that counts, and weighs ramp months by months counted", () => {
    const ramps = new Map([["New", { name: "New", quotaPct: [d("0.5"), d("0.75")], guarantee: null }]]);
    const input = model({
      settings: { ...settings2026, proration: "Months" },
      planList: [plan({ period: "Month" })],
      reps: [rep({ startDate: "2026-02-20", ramp: "New" })],
      ramps,
    });
    const lines = runModel(input).scenarios[0].lines;
    // February does not count (a start after the 15th): no line; March is tenure month 1 (50%), April month 2 (75%).
    expect(lines.map((l) => l.period.key).slice(0, 3)).toEqual(["2026-03", "2026-04", "2026-05"]);
    expect(lines.slice(0, 3).map((l) => (l.ramp ? ratioValue(l.ramp).toString() : null))).toEqual([
      "0.5",
      "0.75",
      null,
    ]);
    expect(ratioValue(lines[0].quota!).toDecimalPlaces(2).toString()).toBe("41666.67"); // 1,000,000/12 × 50%
    // A quarterly plan: Q1 has March only (weight 1), so its ramp factor is month 1's 50%.
    const quarterly = runModel({ ...input, plans: new Map([["AE", plan()]]) }).scenarios[0].lines;
    expect(ratioValue(quarterly[0].ramp!).toString()).toBe("0.5");
    expect(fraction(quarterly[0].proration)).toBe("1/3");
  });
});

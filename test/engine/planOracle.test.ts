import fc from "fast-check";
import { runModel } from "../../src/engine/model";
import type { NegativeTrueUp, PeriodAmount, RampSchedule } from "../../src/engine/types";
import { amount, d, model, plan, quarter, rep, tiers, measure } from "../../src/engine/testing/builders";
import {
  centsHalfAway,
  centsText,
  div,
  linePayout,
  measureOf,
  mul,
  pct,
  q,
  add,
  type Q,
  type RuleSpec,
} from "./testing/exactOracle";

/**
 * Whole plans through runModel against expectations rebuilt from the rulebook
 * (docs/calculation.md, src/engine/mechanics/README.md) in exact fractions:
 * weighted-attainment plans, cumulative (YTD) plans with each NegativeTrueUp
 * rule, and ramped reps with a guarantee. The oracle is ./testing/exactOracle.ts;
 * nothing here calls the engine's curve, schedule, ramp or true-up helpers.
 */

/** Contiguous bands from 0 (Marginal, Retroactive) or rising points (Curve), in hundredths. */
const ruleArb: fc.Arbitrary<RuleSpec> = fc
  .record({
    mode: fc.constantFrom("Marginal" as const, "Retroactive" as const, "Curve" as const),
    steps: fc.array(fc.tuple(fc.integer({ min: 5, max: 120 }), fc.integer({ min: 0, max: 400 })), {
      minLength: 1,
      maxLength: 5,
    }),
    start: fc.integer({ min: 0, max: 60 }),
    threshold: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
    capAttainment: fc.option(fc.integer({ min: 50, max: 300 }), { nil: null }),
    capPayout: fc.option(fc.integer({ min: 50, max: 400 }), { nil: null }),
  })
  .map(({ mode, steps, start, ...limits }) => {
    let from = mode === "Curve" ? start : 0;
    const bands = steps.map(([width, rate], i) => {
      const to = mode !== "Curve" && i === steps.length - 1 ? null : from + width;
      const band = [from, mode === "Curve" ? null : to, rate] as const;
      from += width;
      return band;
    });
    return { mode, bands, ...limits };
  });

const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
const daysIn = (m: number) => new Date(Date.UTC(2026, m, 0)).getUTCDate(); // m = 1..12
const monthAmount = (m: number, cents: number, measureName = "Bookings"): PeriodAmount =>
  amount(
    "R1",
    `2026-${MONTHS[m - 1]}-01`,
    `2026-${MONTHS[m - 1]}-${daysIn(m)}`,
    d(cents).div(100).toString(),
    measureName,
  );
const dollars = (cents: number): Q => q(cents, 100);

describe("WeightedAttainment plans: one attainment Σ weight × measure attainment, the first measure's curve", () => {
  it("pays a quarter by hand", () => {
    // Weights 60% New ARR, 40% Renewals; annual quotas 1,000,000 and 400,000 → Q1 quotas 250,000 and 100,000.
    // Q1 actuals 300,000 (120%) and 50,000 (50%): attainment 0.6 × 1.2 + 0.4 × 0.5 = 0.72 + 0.2 = 92%.
    // New ARR's curve: marginal 0–100% at 1.0×, 100%+ at 2.0×, gate 50% → 0.92×; TI = 100,000 × 3/12 = 25,000
    // → 23,000.00. Q2 actuals 200,000 (80%) and 100,000 (100%): 0.48 + 0.4 = 88% → 22,000.00.
    // Q3 only 150,000 (60%) of New ARR: 0.36 — below the 50% gate → 0.00 (Renewals' own gate plays no part).
    const weighted = plan({
      combine: "WeightedAttainment",
      measures: [
        measure({ measure: "New ARR", weight: d(0.6), threshold: d(0.5), tiers: tiers([0, 1, 1], [1, null, 2]) }),
        measure({ measure: "Renewals", weight: d(0.4), threshold: d(0.9), tiers: tiers([0, null, 5]) }),
      ],
    });
    const input = model({
      planList: [weighted],
      reps: [rep({ quota: { "New ARR": "1000000", Renewals: "400000" } })],
      actuals: [
        quarter("R1", 1, 300000, "New ARR"),
        quarter("R1", 1, 50000, "Renewals"),
        quarter("R1", 2, 200000, "New ARR"),
        quarter("R1", 2, 100000, "Renewals"),
        quarter("R1", 3, 150000, "New ARR"),
      ],
    });
    const lines = runModel(input).scenarios[0].lines;
    expect(lines.map((l) => `${l.measure} ${l.payout.toFixed(2)}`)).toEqual([
      "Weighted 23000.00",
      "Weighted 22000.00",
      "Weighted 0.00",
      "Weighted 0.00",
    ]);
  });

  // The weighted attainment is one exact fraction (it was summed in 34-digit Decimals, so an attainment exactly on
  // an edge landed a hair below it). One measure, weight 48%, Q1 quota 3,000 (annual 12,000), actual 4,000:
  // attainment 4/3, weighted 0.48 × 4/3 = 64% exactly; with a 64% gate and 1.0× of target per 100%, the rulebook
  // pays 0.64 × 100 = 64.00 on a Q1 TI of 100 (TV 400). The 34-digit sum gave 0.6399…98 < 64%: gated, 0.00.
  it("pays a weighted attainment that lands exactly on the gate (exact fractions, as the rulebook says)", () => {
    const rule: RuleSpec = {
      mode: "Marginal",
      bands: [[0, null, 100]],
      threshold: 64,
      capAttainment: null,
      capPayout: null,
    };
    const input = model({
      planList: [plan({ combine: "WeightedAttainment", measures: [measureOf(rule, { weight: d(0.48) })] })],
      reps: [rep({ targetVariable: d(400), quota: { Bookings: "12000" } })],
      actuals: [quarter("R1", 1, 4000)],
    });
    const q1 = runModel(input).scenarios[0].lines[0];
    expect(centsText(centsHalfAway(linePayout(rule, mul(pct(48), q(4, 3)), q(100))))).toBe("64.00");
    expect(q1.payout.toFixed(2)).toBe("64.00");
  });

  it("property: a weighted attainment exactly on the gate is paid, however its fraction falls", () => {
    // Weight w hundredths, quarter quota w × k dollars, actual g × k: attainment g/w, weighted exactly g%, the gate.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 100, max: 10_000_000 }),
        (w, g, k, tvCents) => {
          const rule: RuleSpec = {
            mode: "Marginal",
            bands: [[0, null, 100]],
            threshold: g,
            capAttainment: null,
            capPayout: null,
          };
          const input = model({
            planList: [plan({ combine: "WeightedAttainment", measures: [measureOf(rule, { weight: d(w).div(100) })] })],
            reps: [rep({ targetVariable: d(tvCents).div(100), quota: { Bookings: String(4 * w * k) } })],
            actuals: [quarter("R1", 1, g * k)],
          });
          const q1 = runModel(input).scenarios[0].lines[0];
          // Q1's target incentive is TV ÷ 4; at exactly g% it pays g% of it.
          const expected = centsText(centsHalfAway(mul(pct(g), q(tvCents, 400))));
          expect(q1.gated).toBe(false);
          expect(q1.payout.toFixed(2)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  const weightedArb = fc.record({
    rule: ruleArb,
    period: fc.constantFrom("Month" as const, "Quarter" as const),
    measures: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 100 }), // hundredths
        annualDollars: fc.integer({ min: 1, max: 5_000_000 }),
        // Each period's actual as thousandths of the period's quota (then in cents, truncated).
        actuals: fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 12, maxLength: 12 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    tvCents: fc.integer({ min: 1, max: 50_000_000 }),
  });

  it("property: each period pays round(TI × curve(Σ weight × actual ÷ quota)) on the exact fractions", () => {
    fc.assert(
      fc.property(weightedArb, ({ rule, period, measures, tvCents }) => {
        const n = period === "Month" ? 12 : 4;
        const names = measures.map((_, i) => `M${i}`);
        const periodActualCents = (annualDollars: number, thousandths: number) =>
          Math.floor((annualDollars * 100 * thousandths) / (n * 1000));
        const actuals: PeriodAmount[] = [];
        measures.forEach((m, i) => {
          for (let k = 0; k < n; k++) {
            const cents = periodActualCents(m.annualDollars, m.actuals[k]);
            if (period === "Month") actuals.push(monthAmount(k + 1, cents, names[i]));
            else actuals.push(quarter("R1", (k + 1) as 1 | 2 | 3 | 4, d(cents).div(100).toString(), names[i]));
          }
        });
        const input = model({
          planList: [
            plan({
              period,
              combine: "WeightedAttainment",
              measures: measures.map((m, i) => measureOf(rule, { measure: names[i], weight: d(m.weight).div(100) })),
            }),
          ],
          reps: [
            rep({
              targetVariable: d(tvCents).div(100),
              quota: Object.fromEntries(measures.map((m, i) => [names[i], String(m.annualDollars)])),
            }),
          ],
          actuals,
        });
        const lines = runModel(input).scenarios[0].lines;
        const target = q(tvCents, 100 * n);
        const expected = Array.from({ length: n }, (_, k) => {
          let attainment: Q = q(0);
          for (const m of measures) {
            const quota = q(m.annualDollars, n);
            const actual = dollars(periodActualCents(m.annualDollars, m.actuals[k]));
            attainment = add(attainment, mul(pct(m.weight), div(actual, quota)));
          }
          return centsText(centsHalfAway(linePayout(rule, attainment, target)));
        });
        expect(lines.map((l) => l.payout.toFixed(2))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe("cumulative (YTD) plans: each period pays YTD earned less what was paid", () => {
  it("foots to the year-end YTD payout under Clawback, and to the highest YTD under Hold, by hand", () => {
    // Marginal 0–100% at 1.0×, 100%+ at 2.0×, gate 50%. Annual quota 1,000,000, TV 100,000, quarterly.
    // Q1 300,000: YTD 300k ÷ 250k = 120% → (1 + 0.2 × 2) × 25,000 = 35,000.
    // Q2 50,000:  YTD 350k ÷ 500k = 70% → 0.7 × 50,000 = 35,000 → true-up 0.
    // Q3 0:       YTD 350k ÷ 750k = 46.7% < 50% gate → 0 → true-up −35,000.
    // Q4 500,000: YTD 850k ÷ 1M = 85% → 0.85 × 100,000 = 85,000 → +85,000 (Clawback) or +50,000 (Hold).
    // Clawback: lines 35,000, 0, −35,000, 85,000 foot to 85,000 = the year-end YTD payout.
    // Hold: 35,000, 0, 0, 50,000 — paid to date is the running maximum of YTD: 85,000, nothing held at year end.
    const run = (rule: NegativeTrueUp) =>
      runModel(
        model({
          planList: [
            plan({
              cumulative: true,
              negativeTrueUp: rule,
              measures: [measure({ threshold: d(0.5), tiers: tiers([0, 1, 1], [1, null, 2]) })],
            }),
          ],
          actuals: [quarter("R1", 1, 300000), quarter("R1", 2, 50000), quarter("R1", 4, 500000)],
        }),
      ).scenarios[0].reps[0];
    const claw = run("Clawback");
    expect(claw.lines.map((l) => l.payout.toFixed(2))).toEqual(["35000.00", "0.00", "-35000.00", "85000.00"]);
    expect(claw.variablePay.toFixed(2)).toBe("85000.00");
    expect(claw.netPaid.toFixed(2)).toBe("85000.00"); // the 35,000 debit is recovered from Q4
    expect(claw.clawbackOutstanding.toFixed(2)).toBe("0.00");
    const hold = run("Hold");
    expect(hold.lines.map((l) => l.payout.toFixed(2))).toEqual(["35000.00", "0.00", "0.00", "50000.00"]);
    expect(hold.heldAtYearEnd.toFixed(2)).toBe("0.00");
  });

  const cumulativeArb = fc.record({
    rule: ruleArb,
    negativeTrueUp: fc.constantFrom("Hold" as const, "Clawback" as const, "NegativePay" as const),
    period: fc.constantFrom("Month" as const, "Quarter" as const),
    annualDollars: fc.integer({ min: 1, max: 5_000_000 }),
    tvCents: fc.integer({ min: 1, max: 50_000_000 }),
    // Each period's actual as thousandths of the period's quota; often 0, so YTD falls and true-ups go negative.
    actuals: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })), { minLength: 12, maxLength: 12 }),
  });

  it("property: YTD earned, each period's true-up, the year's total and the statement follow the rule", () => {
    fc.assert(
      fc.property(cumulativeArb, ({ rule, negativeTrueUp, period, annualDollars, tvCents, actuals }) => {
        const n = period === "Month" ? 12 : 4;
        const cents = actuals.slice(0, n).map((t) => Math.floor((annualDollars * 100 * t) / (n * 1000)));
        const input = model({
          planList: [plan({ period, cumulative: true, negativeTrueUp, measures: [measureOf(rule)] })],
          reps: [rep({ targetVariable: d(tvCents).div(100), quota: { Bookings: String(annualDollars) } })],
          actuals: cents.map((c, k) =>
            period === "Month"
              ? monthAmount(k + 1, c)
              : quarter("R1", (k + 1) as 1 | 2 | 3 | 4, d(c).div(100).toString()),
          ),
        });
        const r = runModel(input).scenarios[0].reps[0];

        // YTD earned_k = round(curve(Σ actual ÷ (annual × k/n)) × TV × k/n), a line of its own.
        let ytdActual = 0;
        const ytd = cents.map((c, k) => {
          ytdActual += c;
          const quota = q(annualDollars * (k + 1), n);
          return centsHalfAway(linePayout(rule, div(dollars(ytdActual), quota), q(tvCents * (k + 1), 100 * n)));
        });
        // What each period pays: the true-up, or under Hold nothing while YTD is below what was paid.
        let paidToDate = 0n;
        const paid = ytd.map((e) => {
          const due = e - paidToDate;
          const pay = negativeTrueUp === "Hold" && due < 0n ? 0n : due;
          paidToDate += pay;
          return pay;
        });
        expect(r.lines.map((l) => l.ytd!.earned.toFixed(2))).toEqual(ytd.map(centsText));
        expect(r.lines.map((l) => l.payout.toFixed(2))).toEqual(paid.map(centsText));

        const finalYtd = ytd[n - 1];
        const highest = ytd.reduce((a, b) => (b > a ? b : a), 0n);
        const sumNet = r.statement.reduce((s, l) => s.plus(l.netPaid), d(0));
        if (negativeTrueUp === "Hold") {
          // Paid to date is the running maximum of YTD earned; what exceeds the year's YTD is kept by the rep.
          expect(r.variablePay.toFixed(2)).toBe(centsText(highest));
          expect(r.heldAtYearEnd.toFixed(2)).toBe(centsText(highest - finalYtd));
          expect(r.lines.every((l) => !l.payout.isNeg())).toBe(true);
        } else {
          // The year foots to the year-end YTD payout.
          expect(r.variablePay.toFixed(2)).toBe(centsText(finalYtd));
        }
        if (negativeTrueUp === "Clawback") {
          // Never a negative pay period; Σ net paid = final YTD earned + what the rep still owes.
          expect(r.statement.every((s) => !s.netPaid.isNeg())).toBe(true);
          expect(sumNet.toFixed(2)).toBe(d(centsText(finalYtd)).plus(r.clawbackOutstanding).toFixed(2));
        } else {
          expect(sumNet.toFixed(2)).toBe(r.variablePay.toFixed(2)); // no adjustments or draw: net = earned
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("ramp guarantees: in a ramp month a line pays at least Guarantee × its target incentive", () => {
  it("floors the ramp months by hand, monthly", () => {
    // Start 2026-03-16 (16 of March's 31 days), ramp 40%, 70%, guarantee 50%; annual quota 1,200,000,
    // TV 120,000; 1.0× of target per 100% (marginal, one band).
    // March (tenure 1): quota 100,000 × 0.4 × 16/31 = 20,645.16…, target 10,000 × 16/31 = 5,161.29….
    //   Actual 5,000 → 24.22% → 1,250.00 (= 5,000 × 10,000 ÷ 40,000: BCR is unchanged by proration);
    //   floor 0.5 × 5,161.29… = 2,580.645… → 2,580.65 wins.
    // April (tenure 2): quota 70,000, target 10,000; actual 63,000 → 90% → 9,000.00, above the 5,000.00 floor.
    // May (tenure 3, past the ramp): quota 100,000; actual 20,000 → 2,000.00, no floor.
    const input = model({
      planList: [plan({ period: "Month" })],
      reps: [rep({ startDate: "2026-03-16", ramp: "New", targetVariable: d(120000), quota: { Bookings: "1200000" } })],
      ramps: new Map([["New", { name: "New", quotaPct: [d(0.4), d(0.7)], guarantee: d(0.5) }]]),
      actuals: [monthAmount(3, 500000), monthAmount(4, 6300000), monthAmount(5, 2000000)],
    });
    const lines = runModel(input).scenarios[0].lines;
    expect(
      lines.slice(0, 3).map((l) => `${l.period.key} ${l.payout.toFixed(2)} ${l.guarantee?.toFixed(2) ?? "-"}`),
    ).toEqual(["2026-03 2580.65 2580.65", "2026-04 9000.00 -", "2026-05 2000.00 -"]);
  });

  const rampArb = fc.record({
    rule: ruleArb,
    startMonth: fc.integer({ min: 1, max: 10 }),
    startDay: fc.integer({ min: 1, max: 28 }),
    quotaPct: fc.array(fc.integer({ min: 10, max: 100 }), { minLength: 1, maxLength: 4 }),
    guarantee: fc.integer({ min: 0, max: 150 }), // hundredths of target incentive
    annualDollars: fc.integer({ min: 12, max: 5_000_000 }),
    tvCents: fc.integer({ min: 1, max: 50_000_000 }),
    actuals: fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 12, maxLength: 12 }),
  });

  it("property: ramp months pay max(round(line), round(Guarantee × TI)); other months pay the line", () => {
    fc.assert(
      fc.property(rampArb, ({ rule, startMonth, startDay, quotaPct, guarantee, annualDollars, tvCents, actuals }) => {
        const start = `2026-${MONTHS[startMonth - 1]}-${String(startDay).padStart(2, "0")}`;
        const cents = actuals.map((t) => Math.floor((annualDollars * 100 * t) / 12000));
        const schedule: RampSchedule = {
          name: "New",
          quotaPct: quotaPct.map((p) => d(p).div(100)),
          guarantee: d(guarantee).div(100),
        };
        const input = model({
          planList: [plan({ period: "Month", measures: [measureOf(rule)] })],
          reps: [
            rep({
              startDate: start,
              ramp: "New",
              targetVariable: d(tvCents).div(100),
              quota: { Bookings: String(annualDollars) },
            }),
          ],
          ramps: new Map([["New", schedule]]),
          actuals: cents.map((c, k) => monthAmount(k + 1, c)),
        });
        const lines = runModel(input).scenarios[0].lines;

        const expected: string[] = [];
        for (let m = startMonth; m <= 12; m++) {
          // Tenure month 1 is the start's calendar month; proration = days employed ÷ days in the month.
          const tenure = m - startMonth + 1;
          const proration = m === startMonth ? q(daysIn(m) - startDay + 1, daysIn(m)) : q(1);
          const ramped = tenure <= quotaPct.length;
          const quota = mul(mul(q(annualDollars, 12), ramped ? pct(quotaPct[tenure - 1]) : q(1)), proration);
          const target = mul(q(tvCents, 1200), proration);
          let line = centsHalfAway(linePayout(rule, div(dollars(cents[m - 1]), quota), target));
          if (ramped) {
            const floor = centsHalfAway(mul(pct(guarantee), target));
            line = line > floor ? line : floor;
          }
          expected.push(`${2026}-${MONTHS[m - 1]} ${centsText(line)}`);
        }
        expect(lines.map((l) => `${l.period.key} ${l.payout.toFixed(2)}`)).toEqual(expected);
        // The floor is never below the guarantee, and a floored line says so.
        for (const l of lines) if (l.guarantee) expect(l.payout.toFixed(2)).toBe(l.guarantee.toFixed(2));
      }),
      { numRuns: 150 },
    );
  });
});

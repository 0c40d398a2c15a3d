import { Decimal } from "../../src/engine/decimal";
import { buildPayoutCurve } from "../../src/engine/line/payoutCurve";
import { runModel } from "../../src/engine/model";
import { checkPlan } from "../../src/engine/planChecks";
import { explainLine } from "../../src/engine/trace";
import type { Kicker, MeasurePlan } from "../../src/engine/types";
import { d, measure, model, plan, quarter, rep, tiers } from "../../src/engine/testing/builders";

/**
 * The Kicker mechanic (src/engine/line/kicker.ts), by hand. The default rep:
 * annual quota 1,000,000 and target variable 100,000 on a quarterly plan, so a
 * quarter is quota 250,000 and target incentive 25,000; tiers 1.0× from 0.
 */
const marginal: Kicker = { rate: d(0.5), from: d(1.2), mode: "Marginal" };
const retro: Kicker = { ...marginal, mode: "Retroactive" };

function q1(m: Partial<MeasurePlan>, actual: number | string) {
  const input = model({ planList: [plan({ measures: [measure(m)] })], actuals: [quarter("R1", 1, actual)] });
  return runModel(input).scenarios[0].lines[0];
}

describe("Kicker", () => {
  it("Marginal pays the extra rate on the credit above the trigger only", () => {
    // 150%: 1.5 × 25,000 = 37,500, plus 0.5 × (150% − 120%) × 25,000 = 3,750.
    expect(q1({ kicker: marginal }, 375_000).payout.toFixed(2)).toBe("41250.00");
    // Exactly on the trigger the slice above it is empty.
    expect(q1({ kicker: marginal }, 300_000).payout.toFixed(2)).toBe("30000.00");
  });

  it("Retroactive pays it on all credit once the trigger is reached, and nothing below it", () => {
    // 150%: 37,500 plus 0.5 × 150% × 25,000 = 18,750.
    expect(q1({ kicker: retro }, 375_000).payout.toFixed(2)).toBe("56250.00");
    // At 120%: 30,000 + 0.5 × 120% × 25,000 = 15,000; one dollar short pays the tiers alone.
    expect(q1({ kicker: retro }, 300_000).payout.toFixed(2)).toBe("45000.00");
    expect(q1({ kicker: retro }, 299_999).payout.toFixed(2)).toBe("29999.90");
  });

  it("counts toward the payout cap, sees the capped credit, and pays nothing below the gate", () => {
    const capped = q1({ kicker: retro, capPayout: d(2) }, 375_000);
    expect([capped.payout.toFixed(2), capped.capped]).toEqual(["50000.00", "Payout"]);
    // CapAttainment 140%: tiers 1.4 × 25,000 = 35,000; kicker 0.5 × (140% − 120%) × 25,000 = 2,500.
    expect(q1({ kicker: marginal, capAttainment: d(1.4) }, 375_000).payout.toFixed(2)).toBe("37500.00");
    const gated = q1({ kicker: retro, threshold: d(1.3) }, 312_500);
    expect([gated.payout.toFixed(2), gated.gated]).toEqual(["0.00", true]);
  });

  it("reads its rate and trigger in the measure's units: +2% commission on credit above 100,000", () => {
    const m: Partial<MeasurePlan> = {
      tierBasis: "Amount",
      rateType: "Percent",
      tiers: tiers([0, null, 0.1]),
      kicker: { rate: d(0.02), from: d(100_000), mode: "Marginal" },
    };
    // 10% × 150,000 = 15,000, plus 2% × 50,000 = 1,000.
    expect(q1(m, 150_000).payout.toFixed(2)).toBe("16000.00");
  });

  it("is narrated as its own step, and the steps add up to the payout", () => {
    const line = q1({ kicker: marginal, tiers: tiers([0, 1, 1], [1, null, 2]) }, 375_000);
    // Bands: 100% × 25,000 = 25,000 and 2 × 50% × 25,000 = 25,000; kicker 3,750.
    expect(line.payout.toFixed(2)).toBe("53750.00");
    const steps = explainLine(line);
    const kicker = steps.find((s) => s.step === "Kicker")!;
    expect(kicker.detail).toBe("kicker: +0.5× BCR on the slice 120% to 150%");
    expect(kicker.amount!.toFixed(2)).toBe("3750.00");
    const sum = steps
      .filter((s) => s.step === "Band" || s.step === "Kicker")
      .reduce((a, s) => a.plus(s.amount!), new Decimal(0));
    expect(sum.toFixed(2)).toBe("53750.00");
    expect(steps.map((s) => s.step).slice(-3)).toEqual(["Band", "Kicker", "Payout"]);
  });

  it("is folded into the payout curve that realistic earnings and the charts use", () => {
    const m = measure({ kicker: retro, capPayout: d(2) });
    const curve = buildPayoutCurve(m, d(1));
    const at = (a: number) => curve.evaluate(d(a)).toString();
    expect([at(1.19), at(1.2), at(1.3), at(1.5)]).toEqual(["1.19", "1.8", "1.95", "2"]);
    // A retroactive kicker is a jump: the curve still never falls.
    expect(curve.nonDecreasing).toBe(true);
    expect(
      buildPayoutCurve(measure({ kicker: marginal }), d(1))
        .evaluate(d(1.5))
        .toString(),
    ).toBe("1.65");
  });

  it("a rep without a kicker is paid as before", () => {
    expect(q1({}, 375_000).payout.toFixed(2)).toBe("37500.00");
    expect(rep().annualQuota.get("Bookings")!.toString()).toBe("1000000");
  });
});

describe("the plan checks on a kicker", () => {
  const warnings = (kicker: Kicker) =>
    checkPlan(plan({ measures: [measure({ kicker })] })).map((i) => `${i.column}: ${i.message}`);

  it("warn when a retroactive kicker jumps the payout by more than one target incentive", () => {
    // 1.0 × 120% = 120% of target incentive at once.
    expect(warnings({ rate: d(1), from: d(1.2), mode: "Retroactive" })).toEqual([
      "KickerMode: Plan AE, Bookings: the retroactive kicker jumps the payout by 120% of the period's target incentive at 120%: one more dollar there pays more than a whole target incentive. A Marginal kicker pays it on the credit above 120% only.",
    ]);
    // 0.5 × 120% = 60%: a jump, but under one target incentive; a marginal kicker has none.
    expect(warnings(retro)).toEqual([]);
    expect(warnings({ rate: d(1), from: d(1.2), mode: "Marginal" })).toEqual([]);
  });
});

describe("a flat kicker (KickerAmount)", () => {
  it("pays a flat amount on a line once the trigger is reached, on top of any kicker rate", () => {
    const flat: Kicker = { rate: d(0), from: d(1.2), mode: "Retroactive", amount: d(5000) };
    // 150%: 37,500 + 5,000; at 119.99…% nothing extra; the flat amount counts toward the payout cap.
    expect(q1({ kicker: flat }, 375_000).payout.toFixed(2)).toBe("42500.00");
    expect(q1({ kicker: flat }, 299_999).payout.toFixed(2)).toBe("29999.90");
    expect(q1({ kicker: flat, capPayout: d(1.6) }, 375_000).payout.toFixed(2)).toBe("40000.00");
    // With a marginal rate too: 37,500 + 3,750 + 5,000.
    const both = q1({ kicker: { ...marginal, amount: d(5000) } }, 375_000);
    expect(both.payout.toFixed(2)).toBe("46250.00");
    expect(explainLine(both).find((s) => s.step === "Kicker")!.detail).toBe(
      "kicker: +0.5× BCR on the slice 120% to 150%, a flat 5000",
    );
  });

  it("shows on the curve as a jump of amount ÷ target incentive", () => {
    // A 25,000 quarterly target: 5,000 is 0.2× at the trigger.
    const curve = buildPayoutCurve(
      measure({ kicker: { rate: d(0), from: d(1.2), mode: "Retroactive", amount: d(5000) } }),
      d(0.1),
      d(250_000),
    );
    expect([curve.evaluate(d(1.19)).toString(), curve.evaluate(d(1.2)).toString()]).toEqual(["1.19", "1.4"]);
  });
});

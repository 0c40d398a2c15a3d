import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import { runModel } from "../../src/engine/model";
import { explainLine } from "../../src/engine/trace";
import { d, measure, model, plan, quarter, rep, tiers } from "../../src/engine/testing/builders";

describe("trace", () => {
  it("explains a marginal line band by band, by hand", () => {
    const input = model({
      planList: [
        plan({ measures: [measure({ tiers: tiers([0, 0.5, 0.5], [0.5, 1, 1.5], [1, null, 2]), threshold: d(0.4) })] }),
      ],
      actuals: [quarter("R1", 1, 300000)],
    });
    const steps = explainLine(runModel(input).scenarios[0].lines[0]);
    expect(steps.map((s) => s.step)).toEqual([
      "Quota",
      "Target",
      "Attainment",
      "Threshold",
      "Band",
      "Band",
      "Band",
      "Payout",
    ]);
    expect(steps.slice(0, 2).map((s) => s.detail)).toEqual([
      "annual quota 1,000,000.00 × period share 1/4",
      "target variable 100,000.00 × period share 1/4 = 25,000.00; BCR 25,000.00 ÷ 250,000.00 = 10%",
    ]);
    // quota 250,000; BCR 0.1; slices 125,000 × 0.5 × 0.1 = 6,250; 125,000 × 1.5 × 0.1 = 18,750; 50,000 × 2 × 0.1 = 10,000
    expect(steps.filter((s) => s.step === "Band").map((s) => s.amount!.toString())).toEqual(["6250", "18750", "10000"]);
    expect(steps[steps.length - 1].amount!.toFixed(2)).toBe("35000.00");
  });

  it("property: band amounts add up to the line's payout (before a payout cap and rounding)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_00 }),
        fc.constantFrom<"Marginal" | "Retroactive">("Marginal", "Retroactive"),
        (cents, mode) => {
          const input = model({
            planList: [
              plan({
                measures: [
                  measure({
                    tierMode: mode,
                    tiers: tiers([0, 0.5, 0.5], [0.5, 1, 1.5], [1, 1.5, 2], [1.5, null, 2.5]),
                  }),
                ],
              }),
            ],
            reps: [rep({ quota: { Bookings: "999999.99" } })],
            actuals: [quarter("R1", 2, (cents / 100).toFixed(2))],
          });
          const line = runModel(input).scenarios[0].lines[1];
          const bands = explainLine(line)
            .filter((s) => s.step === "Band")
            .reduce((sum, s) => sum.plus(s.amount!), new Decimal(0));
          expect(bands.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)).toBe(line.payout.toFixed(2));
        },
      ),
      { numRuns: 200 },
    );
  });
});

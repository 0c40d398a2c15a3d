import { runModel } from "../../src/engine/model";
import { explainLine } from "../../src/engine/trace";
import type { PayoutMatrix } from "../../src/engine/types";
import { amount, d, measure, model, plan, rep } from "../../src/engine/testing/builders";

/**
 * A stepped payout matrix (the PayoutMatrix table), reproduced from a published two-dimensional grid.
 *
 * Source: Bruce R. Ellig, "The Complete Guide to Executive Compensation" (McGraw-Hill, 2007), p. 486, the grid
 * captioned "Table 8-68. Indexed, peer-rated, two-dimensional performance-share plan" (stored copy:
 * https://digilib.universitaspertamina.ac.id/ebook/The%20Complete%20Guide%20to%20Executive%20Compensation/files/basic-html/page500.html).
 * Shares of company stock by "Percentile EPS" (rows) and "Total Shareholder Return Percentile" (columns), in bands
 * 0–20, 21–40, 41–60, 61–80 and 81–100:
 *
 *   EPS 81–100:  6,667   8,334  10,000  11,667  13,334
 *       61–80:   5,000   6,667   8,334  10,000  11,667
 *       41–60:   3,334   5,000   6,667   8,334  10,000
 *       21–40:   1,667   3,334   5,000   6,667   8,334
 *        0–20:      —    1,667   3,334   5,000   6,667
 *              TSR 0–20  21–40   41–60   61–80  81–100
 *
 * Mapping: both percentiles are Basis Score measures (a percentile of 70 is a score of 70%), on an annual plan; the
 * EPS measure is paid by the matrix (rows: its own score, from 0%, 21%, 41%, 61%, 81%; columns: the TSR measure's
 * score from the same points), Stepped, measured this period (the year). A band's lower bound is its From, so a
 * percentile of 20 is in 0–20 and 21 in 21–40, as the book's integer bands read. "—" is 0 shares. The shares are
 * paid as money: target variable 10,000 on the EPS measure (weight 100%; TSR weight 0%, it only supplies the column)
 * and each cell's Multiple is its shares ÷ 10,000, so a line pays exactly the cell's number of shares.
 */
const BANDS = [0, 0.21, 0.41, 0.61, 0.81];
const SHARES = [
  [0, 1_667, 3_334, 5_000, 6_667], // EPS 0–20
  [1_667, 3_334, 5_000, 6_667, 8_334], // 21–40
  [3_334, 5_000, 6_667, 8_334, 10_000], // 41–60
  [5_000, 6_667, 8_334, 10_000, 11_667], // 61–80
  [6_667, 8_334, 10_000, 11_667, 13_334], // 81–100
];
const ellig: PayoutMatrix = {
  linkedMeasure: "TSR percentile",
  measured: "Period",
  mode: "Stepped",
  cells: BANDS.flatMap((eps, i) =>
    BANDS.map((tsr, j) => ({ attainment: d(eps), linked: d(tsr), multiple: d(SHARES[i][j]).div(10_000) })),
  ),
};

function shares(epsPercentile: number, tsrPercentile: number) {
  const year = (score: number, name: string) =>
    amount("R1", "2026-01-01", "2026-12-31", d(score).div(100).toString(), name);
  const result = runModel(
    model({
      planList: [
        plan({
          period: "Year",
          measures: [
            measure({ measure: "EPS percentile", weight: d(1), basis: "Score", matrix: ellig }),
            measure({ measure: "TSR percentile", weight: d(0), basis: "Score" }),
          ],
        }),
      ],
      reps: [rep({ targetVariable: d(10_000), quota: {} })],
      scores: [year(epsPercentile, "EPS percentile"), year(tsrPercentile, "TSR percentile")],
    }),
  );
  expect(result.issues.filter((i) => i.severity === "Error")).toEqual([]);
  return result.scenarios[0].lines.find((l) => l.measure === "EPS percentile")!;
}

describe("published payout matrix: Ellig's two-dimensional performance-share grid", () => {
  it("pays the cell of the EPS band and the TSR band reached", () => {
    // EPS 70th × TSR 50th: 61–80 × 41–60 = 8,334; 90th × 90th: 13,334; 50th × 30th: 41–60 × 21–40 = 5,000.
    expect(shares(70, 50).payout.toFixed(2)).toBe("8334.00");
    expect(shares(90, 90).payout.toFixed(2)).toBe("13334.00");
    expect(shares(50, 30).payout.toFixed(2)).toBe("5000.00");
    // The bottom-left "—": 0 shares.
    expect(shares(10, 15).payout.toFixed(2)).toBe("0.00");
  });

  it("reads a band's edges as the book does: 20 is in 0–20, 21 in 21–40, 100 in 81–100", () => {
    expect(shares(20, 60).payout.toFixed(2)).toBe("3334.00"); // 0–20 × 41–60
    expect(shares(21, 60).payout.toFixed(2)).toBe("5000.00"); // 21–40 × 41–60
    expect(shares(100, 100).payout.toFixed(2)).toBe("13334.00");
  });

  it("reproduces every cell of the grid at the middle of its bands", () => {
    const mids = [10, 30, 50, 70, 90];
    expect(mids.map((eps) => mids.map((tsr) => shares(eps, tsr).payout.toNumber()))).toEqual(SHARES);
  });

  it("traces the cell used", () => {
    const step = explainLine(shares(70, 50)).find((s) => s.step === "Matrix")!;
    expect(step.detail).toBe(
      "EPS percentile at 70%, TSR percentile at 50% this period: the cell 61% × 41%: 0.8334× target incentive",
    );
  });
});

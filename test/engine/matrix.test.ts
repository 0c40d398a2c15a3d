import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import { ratio } from "../../src/engine/exact/ratio";
import { buildPayoutCurve } from "../../src/engine/line/payoutCurve";
import { expectedMultiple, flat, normal } from "../../src/engine/realistic";
import { compileMeasureRule } from "../../src/engine/line/measureRule";
import { exactPayout, linePricer } from "../../src/engine/line/pricer";
import { runModel } from "../../src/engine/model";
import { checkPlan } from "../../src/engine/planChecks";
import { explainLine } from "../../src/engine/trace";
import type { MatrixMode, MeasurePlan, PayoutMatrix } from "../../src/engine/types";
import { d, measure, model, plan, quarter, rep } from "../../src/engine/testing/builders";

/**
 * The payout matrix (src/engine/line/matrix.ts), by hand. One rep, target
 * variable 100,000 on a quarterly plan: New ARR 70% (target incentive 17,500 a
 * quarter on a 250,000 quota) paid by a matrix of its own attainment (rows)
 * and Renewals' (columns); Renewals 30% (7,500 on 100,000) on plain tiers.
 *
 *                 Renewals 80%   100%   120%
 *   New ARR  50%         0.25    0.5    0.6
 *           100%         0.6     1      1.2
 *           150%         1       1.5    2
 */
const GRID: [number, number, number][] = [
  [0.5, 0.8, 0.25],
  [0.5, 1, 0.5],
  [0.5, 1.2, 0.6],
  [1, 0.8, 0.6],
  [1, 1, 1],
  [1, 1.2, 1.2],
  [1.5, 0.8, 1],
  [1.5, 1, 1.5],
  [1.5, 1.2, 2],
];

const matrixOf = (
  mode: MatrixMode,
  cells: [number, number, number][] = GRID,
  measured: PayoutMatrix["measured"] = "Period",
): PayoutMatrix => ({
  linkedMeasure: "Renewals",
  measured,
  mode,
  cells: cells.map(([a, l, m]) => ({ attainment: d(a), linked: d(l), multiple: d(m) })),
});

function lines(newArr: Partial<MeasurePlan>, actuals: [1 | 2 | 3 | 4, number, number][]) {
  const input = model({
    planList: [
      plan({
        measures: [
          measure({ measure: "New ARR", weight: d(0.7), ...newArr }),
          measure({ measure: "Renewals", weight: d(0.3) }),
        ],
      }),
    ],
    reps: [rep({ quota: { "New ARR": "1000000", Renewals: "400000" } })],
    actuals: actuals.flatMap(([q, arr, ren]) => [quarter("R1", q, arr, "New ARR"), quarter("R1", q, ren, "Renewals")]),
  });
  return runModel(input).scenarios[0].lines.filter((l) => l.measure === "New ARR");
}

/** The payouts of the quarters given (Q1 first, in order). */
const paid = (m: Partial<MeasurePlan>, actuals: [1 | 2 | 3 | 4, number, number][]) =>
  lines(m, actuals)
    .slice(0, actuals.length)
    .map((l) => l.payout.toFixed(2));

describe("a stepped payout matrix", () => {
  const stepped = { matrix: matrixOf("Stepped") };

  it("pays the cell of the band reached in each dimension", () => {
    expect(
      paid(stepped, [
        [1, 275_000, 105_000], // New ARR 110%, Renewals 105%: cell 100% × 100% = 1× → 17,500
        [2, 375_000, 85_000], // 150% × 85%: cell 150% × 80% = 1× → 17,500
        [3, 249_999, 119_999], // 99.9996% × 119.999%: cell 50% × 100% = 0.5× → 8,750
        [4, 137_500, 120_000], // 55% × 120%: cell 50% × 120% = 0.6× → 10,500
      ]),
    ).toEqual(["17500.00", "17500.00", "8750.00", "10500.00"]);
  });

  it("takes a grid line as reached (From included), holds the last row and column, and pays 0 below the first", () => {
    expect(
      paid(stepped, [
        [1, 250_000, 100_000], // exactly 100% × 100%: 1×
        [2, 500_000, 150_000], // 200% × 150%: held at 150% × 120% = 2× → 35,000
        [3, 124_999, 100_000], // New ARR 49.9996%: below the first row → 0
        [4, 250_000, 79_999], // Renewals 79.999%: below the first column → 0
      ]),
    ).toEqual(["17500.00", "35000.00", "0.00", "0.00"]);
  });

  it("replaces the tiers: a measure with a matrix pays no band", () => {
    const withTiers = { ...stepped, tiers: [{ from: d(0), to: null, rate: d(3) }] };
    expect(paid(withTiers, [[1, 275_000, 105_000]])).toEqual(["17500.00"]);
  });
});

describe("an interpolated payout matrix", () => {
  const interpolated = { matrix: matrixOf("Interpolated") };

  it("is bilinear between the four grid points around the attainments", () => {
    expect(
      paid(interpolated, [
        // 125% × 110%: the centre of the cell (1, 1.2; 1.5, 2): (1 + 1.2 + 1.5 + 2) ÷ 4 = 1.425 → 24,937.50
        [1, 312_500, 110_000],
        // 75% × 90%: the centre of (0.25, 0.5; 0.6, 1): 2.35 ÷ 4 = 0.5875 → 10,281.25
        [2, 187_500, 90_000],
        // 110% × 104%: u = 0.2, v = 0.2; row 100%: 1 + 0.2 × 0.2 = 1.04; row 150%: 1.5 + 0.2 × 0.5 = 1.6;
        // 1.04 + 0.2 × (1.6 − 1.04) = 1.152 → 20,160
        [3, 275_000, 104_000],
      ]),
    ).toEqual(["24937.50", "10281.25", "20160.00"]);
  });

  it("is linear along a grid line and a grid point's own multiple on it", () => {
    expect(
      paid(interpolated, [
        [1, 250_000, 90_000], // on the row 100%: (0.6 + 1) ÷ 2 = 0.8 → 14,000
        [2, 312_500, 100_000], // on the column 100%: (1 + 1.5) ÷ 2 = 1.25 → 21,875
        [3, 375_000, 120_000], // the grid point 150% × 120%: 2 → 35,000
      ]),
    ).toEqual(["14000.00", "21875.00", "35000.00"]);
  });

  it("holds the edge beyond the last row or column (no extrapolation), and pays 0 below the first", () => {
    expect(
      paid(interpolated, [
        [1, 312_500, 150_000], // 125% × 150%: column held at 120%: (1.2 + 2) ÷ 2 = 1.6 → 28,000
        [2, 500_000, 110_000], // 200% × 110%: row held at 150%: (1.5 + 2) ÷ 2 = 1.75 → 30,625
        [3, 500_000, 150_000], // 200% × 150%: the corner, 2 → 35,000
        [4, 120_000, 150_000], // New ARR 48%: below the first row → 0
      ]),
    ).toEqual(["28000.00", "30625.00", "35000.00", "0.00"]);
  });

  it("keeps the cent exact where the weights have no finite decimal: a linked attainment of 1/3", () => {
    // Renewals quota 1,200,000 a year (300,000 a quarter), 100,000 credited: exactly 1/3, two thirds of the
    // way from the column 0% (0.2×) to 50% (0.4×) on the row 100%: (0.2 + 2 × 0.4) ÷ 3 = 1/3. Target
    // variable 60,000.06: a quarter's target incentive is 15,000.015, so the line is exactly 5,000.005 →
    // 5,000.01, where reading 1/3 as a 34-digit 0.333…3 makes the weight 0.666…6 and the line 5,000.00499… → 5,000.00.
    const thirds = matrixOf("Interpolated", [
      [0, 0, 0],
      [0, 0.5, 0],
      [0, 1, 0],
      [1, 0, 0.2],
      [1, 0.5, 0.4],
      [1, 1, 1],
    ]);
    const input = model({
      planList: [
        plan({
          measures: [
            measure({ measure: "New ARR", weight: d(1), matrix: thirds }),
            measure({ measure: "Renewals", weight: d(0) }),
          ],
        }),
      ],
      reps: [rep({ targetVariable: d("60000.06"), quota: { "New ARR": "1000000", Renewals: "1200000" } })],
      actuals: [quarter("R1", 1, 250_000, "New ARR"), quarter("R1", 1, 100_000, "Renewals")],
    });
    const line = runModel(input).scenarios[0].lines.find((l) => l.measure === "New ARR")!;
    expect(line.payout.toFixed(2)).toBe("5000.01");
    // And the own attainment a third of the way from the row 0% (all 0×) to 100% too (quota 300,000, 100,000
    // credited): (1/3) × (1/3) = 1/9 of a target incentive of 14,999.985 is exactly 1,666.665 → 1,666.67.
    const pricer = linePricer(
      compileMeasureRule(measure({ measure: "New ARR", matrix: thirds })),
      ratio(d(300_000)),
      ratio(d("14999.985")),
    );
    expect(pricer.pay(d(100_000), ratio(d(1), d(3))).minor).toBe(166667n);
  });

  it("reads the linked attainment year to date when told", () => {
    // Q1: 100% × 120% = 1.2× → 21,000. Q2: Renewals YTD (120,000 + 70,000) ÷ 200,000 = 95%, though Q2
    // alone is 70% (below the grid); New ARR 100%: 0.6 + 0.75 × 0.4 = 0.9 → 15,750.
    const ytd = { matrix: matrixOf("Interpolated", GRID, "YTD") };
    expect(
      paid(ytd, [
        [1, 250_000, 120_000],
        [2, 250_000, 70_000],
      ]),
    ).toEqual(["21000.00", "15750.00"]);
  });

  it("comes before the payout cap and after the gate and the attainment cap, and a modifier multiplies it", () => {
    // 125% × 110% pays 1.425× (24,937.50); CapPayout 1.2 → 21,000.
    const capped = lines({ ...interpolated, capPayout: d(1.2) }, [[1, 312_500, 110_000]])[0];
    expect([capped.payout.toFixed(2), capped.capped]).toEqual(["21000.00", "Payout"]);
    // CapAttainment 125%: 150% × 110% pays as 125% × 110%.
    expect(paid({ ...interpolated, capAttainment: d(1.25) }, [[1, 375_000, 110_000]])).toEqual(["24937.50"]);
    // Threshold 80%: 75% × 90% is gated.
    expect(paid({ ...interpolated, threshold: d(0.8) }, [[1, 187_500, 90_000]])).toEqual(["0.00"]);
    // A modifier on the same linked measure: × 1.1 from 110% → 24,937.50 × 1.1 = 27,431.25.
    const modifier = {
      linkedMeasure: "Renewals",
      measured: "Period" as const,
      steps: [
        { from: d(0), factor: d(1) },
        { from: d(1.1), factor: d(1.1) },
      ],
    };
    expect(paid({ ...interpolated, modifier }, [[1, 312_500, 110_000]])).toEqual(["27431.25"]);
  });

  it("adds to a kicker's rate", () => {
    // 125% × 110%: 24,937.50, plus a marginal kicker of 0.5× BCR above 120%: 0.5 × 5% × 17,500 = 437.50.
    const kicker = { rate: d(0.5), from: d(1.2), mode: "Marginal" as const };
    expect(paid({ ...interpolated, kicker }, [[1, 312_500, 110_000]])).toEqual(["25375.00"]);
  });

  it("counts a missing cell as 0×", () => {
    // Without the 150% × 120% cell, 125% × 110% is (1 + 1.2 + 1.5 + 0) ÷ 4 = 0.925 → 16,187.50.
    const holed = { matrix: matrixOf("Interpolated", GRID.slice(0, 8)) };
    expect(paid(holed, [[1, 312_500, 110_000]])).toEqual(["16187.50"]);
  });
});

describe("the Matrix trace step", () => {
  it("says the two attainments, the cells used, the multiple and the amount", () => {
    const interpolated = lines({ matrix: matrixOf("Interpolated") }, [[1, 312_500, 110_000]])[0];
    const step = explainLine(interpolated).find((s) => s.step === "Matrix")!;
    expect(step.detail).toBe(
      "New ARR at 125%, Renewals at 110% this period: between rows 100% and 150%, columns 100% and 120% (cells 1×, 1.2×, 1.5×, 2×): 1.425× target incentive",
    );
    expect([step.rate!.toString(), step.amount!.toFixed(2)]).toEqual(["1.425", "24937.50"]);
    const stepped = lines({ matrix: matrixOf("Stepped") }, [[1, 275_000, 105_000]])[0];
    expect(explainLine(stepped).find((s) => s.step === "Matrix")!.detail).toBe(
      "New ARR at 110%, Renewals at 105% this period: the cell 100% × 100%: 1× target incentive",
    );
    const held = lines({ matrix: matrixOf("Interpolated") }, [[1, 500_000, 90_000]])[0];
    expect(explainLine(held).find((s) => s.step === "Matrix")!.detail).toBe(
      "New ARR at 200%, Renewals at 90% this period: held at the last row (150%), columns 80% and 100% (cells 1×, 1.5×): 1.25× target incentive",
    );
    const below = lines({ matrix: matrixOf("Stepped") }, [[1, 250_000, 50_000]])[0];
    expect(explainLine(below).find((s) => s.step === "Matrix")!.detail).toBe(
      "New ARR at 100%, Renewals at 50% this period: below the first column (Renewals 80%): the matrix pays 0",
    );
    // The steps add up to the payout.
    expect(explainLine(interpolated).map((s) => s.step)).toEqual(["Quota", "Target", "Attainment", "Matrix", "Payout"]);
  });
});

describe("the payout curve of a matrix", () => {
  it("takes the linked measure at the curve's own attainment, flat between grid lines when stepped", () => {
    const curve = buildPayoutCurve(measure({ matrix: matrixOf("Stepped") }), d(1));
    const at = (a: number) => curve.evaluate(d(a)).toString();
    // 0.79: below the first column; 0.8: 50% × 80%; 1: 100% × 100%; 1.3: 100% × 120%; 1.6: 150% × 120%.
    expect([at(0.79), at(0.8), at(0.99), at(1), at(1.3), at(1.6)]).toEqual(["0", "0.25", "0.25", "1", "1.2", "2"]);
  });

  it("is exact where no cell twists, and through its grid points where one does", () => {
    // A matrix whose cells add up (M = 0.5 × a + 0.5 × b): the diagonal is the line a.
    const additive = matrixOf("Interpolated", [
      [0, 0, 0],
      [0, 2, 1],
      [2, 0, 1],
      [2, 2, 2],
    ]);
    const flat = buildPayoutCurve(measure({ matrix: additive }), d(1));
    expect(["0.3", "1", "1.7", "2.5"].map((a) => flat.evaluate(d(a)).toString())).toEqual(["0.3", "1", "1.7", "2"]);
    expect(flat.segments).toHaveLength(2);
    // GRID twists in the cell 100–150% × 100–120% (1 + 2 ≠ 1.2 + 1.5): on the diagonal from 100% to 120%,
    // f(t) = bilinear(t, t); at 110%: u = 0.2, v = 0.5 → row 100%: 1.1, row 150%: 1.75 → 1.1 + 0.2 × 0.65 = 1.23.
    const twisted = buildPayoutCurve(measure({ matrix: matrixOf("Interpolated") }), d(1));
    expect(twisted.evaluate(d(1)).toString()).toBe("1");
    // At 120% the column is held at its last (120%): 1.2 + 0.4 × (2 − 1.2) = 1.52, exactly.
    expect(twisted.evaluate(d(1.2)).toString()).toBe("1.52");
    expect(twisted.evaluate(d(1.1)).minus(d(1.23)).abs().lte(d("0.0001"))).toBe(true);
    expect(twisted.nonDecreasing).toBe(true);
  });

  it("is a curve realistic earnings can integrate: a flat 125% year pays the diagonal's 1.6×", () => {
    // 125% × 125%: row 100–150% (u = 0.5), the column held at 120%: (1.2 + 2) ÷ 2 = 1.6.
    const curve = buildPayoutCurve(measure({ matrix: matrixOf("Interpolated") }), d(1));
    expect(expectedMultiple(curve, flat(d(1.25))).toString()).toBe("1.6");
    // Under a spread of attainment it is a finite multiple between the curve's least and greatest.
    const spread = expectedMultiple(curve, normal(d(1), d(0.25)));
    expect(spread.gt(0) && spread.lt(2)).toBe(true);
  });
});

describe("the plan checks on a matrix", () => {
  const check = (m: PayoutMatrix) =>
    checkPlan(
      plan({
        measures: [
          measure({ measure: "New ARR", weight: d(0.7), matrix: m }),
          measure({ measure: "Renewals", weight: d(0.3) }),
        ],
      }),
    ).map((i) => `${i.column}: ${i.message}`);

  it("say nothing of a full, rising grid paying 1× at 100% × 100%", () => {
    expect(check(matrixOf("Interpolated"))).toEqual([]);
  });

  it("warn of a missing cell, a multiple that falls as either attainment rises, and a stepped jump over 1×", () => {
    const cells: [number, number, number][] = [
      [0.5, 0.8, 0.25],
      [0.5, 1, 0.2], // falls as Renewals rises
      [1, 0.8, 0.6],
      [1, 1, 1],
      [1.5, 0.8, 1],
      // 150% × 100% missing
      [2, 0.8, 2.5], // a stepped jump of 1.5× from 150% × 80%
      [2, 1, 2.6],
    ];
    expect(check(matrixOf("Stepped", cells))).toEqual([
      "Multiple: Plan AE, New ARR: the payout matrix has no cell at New ARR 150% × Renewals 100%: it pays 0× there. Give every row × column of the grid a Multiple.",
      "Multiple: Plan AE, New ARR: the payout matrix falls from 0.25× to 0.2× as Renewals rises from 80% to 100% (New ARR at 50%): a rep earns less for doing better on Renewals.",
      "Mode: Plan AE, New ARR: the stepped matrix jumps from 1× to 2.5× target incentive where New ARR reaches 200% (Renewals at 80%): one more dollar there pays 150% of a target incentive at once. Interpolated mode pays the way between the cells.",
    ]);
    // Interpolated, the same grid has no jump, and the missing cell is approached gradually.
    expect(check(matrixOf("Interpolated", cells))).toEqual([
      "Multiple: Plan AE, New ARR: the payout matrix has no cell at New ARR 150% × Renewals 100%: it pays 0× there, and less on the way to it. Give every row × column of the grid a Multiple.",
      "Multiple: Plan AE, New ARR: the payout matrix falls from 0.25× to 0.2× as Renewals rises from 80% to 100% (New ARR at 50%): a rep earns less for doing better on Renewals.",
    ]);
  });
});

// ---------------------------------------------------------------- an independent oracle

type Q = readonly [bigint, bigint];
const q = (n: bigint, den = 1n): Q => [n, den];
const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const sub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
const mul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]];
const div = (a: Q, b: Q): Q => (b[0] < 0n ? [-a[0] * b[1], a[1] * -b[0]] : [a[0] * b[1], a[1] * b[0]]);
const cmp = (a: Q, b: Q): number => {
  const x = a[0] * b[1] - b[0] * a[1];
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const pct = (hundredths: number): Q => q(BigInt(hundredths), 100n);
function centsHalfAway([n, den]: Q): bigint {
  const abs = n < 0n ? -n : n;
  const c = (2n * abs * 100n + den) / (2n * den);
  return n < 0n ? -c : c;
}

interface Case {
  /** Row and column grid lines in hundredths of attainment, rising; multiples[i][j] in hundredths. */
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  readonly multiples: readonly (readonly number[])[];
  readonly mode: MatrixMode;
  readonly capPayout: number | null;
  /** A month: annual quota and target variable in cents ÷ 12. */
  readonly quotaCents: number;
  readonly tvCents: number;
  readonly actualCents: number;
  /** The linked attainment as a fraction. */
  readonly linkedNum: number;
  readonly linkedDen: number;
}

/** The rule as docs/calculation.md writes it, in exact fractions: the line's exact payout. */
function oraclePay(c: Case): Q {
  const quota: Q = q(BigInt(c.quotaCents), 1200n);
  const target: Q = q(BigInt(c.tvCents), 1200n);
  const a: Q = div(q(BigInt(c.actualCents), 100n), quota);
  const b: Q = q(BigInt(c.linkedNum), BigInt(c.linkedDen));
  if (c.actualCents < 0) return q(0n);
  const band = (lines: readonly number[], v: Q) => {
    let k = lines.length - 1;
    while (k >= 0 && cmp(v, pct(lines[k])) < 0) k--;
    return k;
  };
  const i = band(c.rows, a);
  const j = band(c.columns, b);
  let m: Q = q(0n);
  const M = (r: number, k: number) => pct(c.multiples[r][k]);
  if (i >= 0 && j >= 0) {
    if (c.mode === "Stepped") m = M(i, j);
    else {
      const w = (lines: readonly number[], k: number, v: Q): Q =>
        k + 1 < lines.length ? div(sub(v, pct(lines[k])), sub(pct(lines[k + 1]), pct(lines[k]))) : q(0n);
      const u = w(c.rows, i, a);
      const v = w(c.columns, j, b);
      const at = (r: number, k: number) => (r < c.rows.length && k < c.columns.length ? M(r, k) : q(0n));
      const one = q(1n);
      m = add(
        add(mul(mul(sub(one, u), sub(one, v)), at(i, j)), mul(mul(u, sub(one, v)), at(i + 1, j))),
        add(mul(mul(sub(one, u), v), at(i, j + 1)), mul(mul(u, v), at(i + 1, j + 1))),
      );
    }
  }
  const pay = mul(target, m);
  return c.capPayout !== null && cmp(pay, mul(target, pct(c.capPayout))) > 0 ? mul(target, pct(c.capPayout)) : pay;
}

/** The engine's cent, and its unrounded payout agrees with the oracle's to 25 significant digits (not just the cent). */
function agrees(c: Case): void {
  const exact = oraclePay(c);
  const out = engineLine(c);
  expect(out.minor).toBe(centsHalfAway(exact));
  const want = new Decimal(exact[0].toString()).div(new Decimal(exact[1].toString()));
  const got = exactPayout(out);
  expect(got.minus(want).abs().lte(want.abs().times("1e-25"))).toBe(true);
}

function engineLine(c: Case) {
  const cells = c.rows.flatMap((x, i) =>
    c.columns.map((y, j) => ({
      attainment: d(x).div(100),
      linked: d(y).div(100),
      multiple: d(c.multiples[i][j]).div(100),
    })),
  );
  const m = measure({
    matrix: { linkedMeasure: "Renewals", measured: "Period", mode: c.mode, cells },
    capPayout: c.capPayout === null ? null : d(c.capPayout).div(100),
  });
  const pricer = linePricer(
    compileMeasureRule(m),
    ratio(d(c.quotaCents).div(100), d(12)),
    ratio(d(c.tvCents).div(100), d(12)),
  );
  return pricer.pay(d(c.actualCents).div(100), ratio(d(c.linkedNum), d(c.linkedDen)));
}

const linesArb = (n: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 90 }),
      fc.array(fc.integer({ min: 1, max: 80 }), { minLength: n - 1, maxLength: n - 1 }),
    )
    .map(([start, steps]) => steps.reduce((acc, s) => [...acc, acc[acc.length - 1] + s], [start]));

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([R, C]) =>
    fc.record({
      rows: linesArb(R),
      columns: linesArb(C),
      multiples: fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: C, maxLength: C }), {
        minLength: R,
        maxLength: R,
      }),
      mode: fc.constantFrom("Stepped" as const, "Interpolated" as const),
      capPayout: fc.option(fc.integer({ min: 50, max: 300 }), { nil: null }),
      quotaCents: fc.integer({ min: 1, max: 500_000_000 }),
      tvCents: fc.integer({ min: 1, max: 50_000_000 }),
      actualCents: fc.integer({ min: -1_000_000, max: 200_000_000 }),
      linkedNum: fc.integer({ min: 0, max: 3_000_000 }),
      linkedDen: fc.integer({ min: 1, max: 1_000_000 }),
    }),
  );

describe("the matrix against an exact-fraction oracle", () => {
  it("lands on the oracle's cent (and its exact payout) for every line, stepped and interpolated", () => {
    fc.assert(
      fc.property(caseArb, (c) => agrees(c)),
      { numRuns: 400 },
    );
  });

  it("on the grid lines too (an attainment exactly on a row and a column)", () => {
    const onGrid = caseArb.chain((c) =>
      fc
        .tuple(fc.nat(c.rows.length - 1), fc.nat(c.columns.length - 1), fc.integer({ min: 1, max: 40_000 }))
        .map(([i, j, monthly]) => ({
          ...c,
          quotaCents: 1200 * monthly,
          actualCents: monthly * c.rows[i],
          linkedNum: c.columns[j],
          linkedDen: 100,
        })),
    );
    fc.assert(
      fc.property(onGrid, (c) => agrees(c)),
      { numRuns: 200 },
    );
  });
});

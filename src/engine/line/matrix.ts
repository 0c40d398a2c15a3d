import { Decimal, ONE, ZERO } from "../decimal";
import { atScale, fixedOf, fixedTimes, pow10, type Fixed } from "../exact/fixed";
import { ratio, ratioValue, type Ratio } from "../exact/ratio";
import { pct } from "../traceStep";
import type { MatrixCell, MatrixMode, PayoutMatrix } from "../types";
import { KernelOp } from "./kernelOp";
import type { LineMechanic } from "./mechanic";
import { addCurves, type CurveSegment } from "./segments";

/** The kernel's row: the greatest i with e[i] ≤ x (the rows as the line's scaled credit), −1 below the first. */
function rowAt(e: readonly bigint[], x: bigint): number {
  let i = e.length - 1;
  while (i >= 0 && x < e[i]) i--;
  return i;
}

/** The kernel's column: the greatest j with Y[j] ≤ num ÷ den (the linked attainment), −1 below the first. */
function columnAt(Y: readonly bigint[], num: bigint, den: bigint): number {
  let j = Y.length - 1;
  while (j >= 0 && num < Y[j] * den) j--;
  return j;
}

/**
 * Payout matrix: the measure pays a multiple of its target incentive looked up
 * from its own attainment (the rows) and a linked measure's (the columns),
 * measured in the same period or year to date — "New ARR × Renewals: 100% ×
 * 100% pays 1×, 120% × 110% pays 1.5×". It is the measure's rate in place of
 * its tiers (it adds to a kicker's rate, and the gate, caps and a modifier
 * apply around it as they do around tiers).
 *
 *  - `Stepped`: the cell of the band reached in each dimension (the greatest
 *    row and column at or below the attainments).
 *  - `Interpolated`: bilinear between the four grid points around the
 *    attainments, linear along an edge, a grid point's own multiple on it.
 *
 * Below the first row or the first column it pays 0; beyond the last row or
 * column it holds the edge (no extrapolation). A missing cell counts as 0×
 * (the plan checks warn). The PayoutMatrix table.
 *
 * Exact: for one linked attainment b the interpolated matrix is linear in the
 * measure's own attainment between two rows, with coefficients that are exact
 * fractions over (row step × column step × b's denominator). The kernel keeps
 * that denominator as the line's own (LineState.over), so the line still
 * rounds once, to the cent pencil and paper give.
 */
export const matrix: LineMechanic = {
  name: "Matrix",
  stage: "rate",
  compile(measure) {
    const mx = measure.matrix;
    if (!mx || mx.cells.length === 0) return null;
    const grid = matrixGrid(mx);
    const { rows, columns, mode } = grid;
    const R = rows.length;
    const C = columns.length;
    const multiples = grid.cells.map((row) => row.map((c) => c?.multiple ?? ZERO));
    // Grid lines and multiples as integers on common scales, once per plan.
    const sx = Math.max(...rows.map((x) => fixedOf(x).scale));
    const sy = Math.max(...columns.map((y) => fixedOf(y).scale));
    const sm = Math.max(...multiples.flat().map((v) => fixedOf(v).scale));
    const X = rows.map((x) => atScale(fixedOf(x), sx));
    const Y = columns.map((y) => atScale(fixedOf(y), sy));
    const M = multiples.map((row) => row.map((v) => atScale(fixedOf(v), sm)));
    const dX = X.slice(1).map((x, i) => x - X[i]);
    const dY = Y.slice(1).map((y, j) => y - Y[j]);
    const ySpread = pow10(sy);
    return {
      stage: "rate",
      kernel(units) {
        // Rows as credit × qd (attainment × qn), compared with the line's credit.
        const edges = rows.map((x) => units.attainment(fixedOf(x)));
        const none = units.D.int === 0n || units.noQuota;
        // A matrix prices as Multiplier rates do (rateTypeOf): a multiple μ of target is n = tn × qn × μ over D = td × qn.
        const tq = fixedTimes(units.tn, units.qn);
        const unit: Fixed = { int: 1n, scale: sm };
        if (mode === "Stepped") {
          const cellN = multiples.map((row) => row.map((v) => fixedTimes(tq, fixedOf(v))));
          return {
            compared: edges,
            intercepts: cellN.flat(),
            lift(l) {
              const e = edges.map((f) => l.credit(f));
              const n = cellN.map((row) => row.map((f) => l.intercept(f)));
              const nothing = l.none;
              return KernelOp.custom((s) => {
                const x = s.scaled;
                if (x < 0n || none) return nothing(false, s.capped);
                const i = rowAt(e, x);
                if (i < 0) return null;
                const b = linkedInts(s.linked, ySpread);
                const j = columnAt(Y, b.num, b.den);
                if (j < 0) return null;
                const v = n[i][j];
                s.n += s.over === 1n ? v : v * s.over;
                s.rate = multiples[i][j];
                return null;
              });
            },
          };
        }
        // Interpolated: the multiple is (q0 × (e[i+1] − x) + q1 × (x − e[i])) ÷ (row step × column denominator),
        // or q0 ÷ column denominator on a row or past the last one; q0, q1 the column interpolation of rows i, i+1.
        const flat = fixedTimes(tq, unit);
        const slope = fixedTimes(units.tn, unit);
        return {
          compared: edges,
          intercepts: [flat],
          slopes: [slope],
          lift(l) {
            const e = edges.map((f) => l.credit(f));
            const k0 = l.intercept(flat);
            // × 10^sx: the row step dX is an integer at scale sx.
            const k1 = l.slope(slope) * pow10(sx);
            const nothing = l.none;
            return KernelOp.custom((s) => {
              const x = s.scaled;
              if (x < 0n || none) return nothing(false, s.capped);
              const i = rowAt(e, x);
              if (i < 0) return null;
              const b = linkedInts(s.linked, ySpread);
              const bn = b.num;
              const beta = b.den;
              const j = columnAt(Y, bn, beta);
              if (j < 0) return null;
              s.rate = multiples[i][j];
              const onRow = i === R - 1 || x === e[i];
              const yj = Y[j] * beta;
              let q0: bigint;
              let q1 = 0n;
              let cden = 1n;
              if (j === C - 1 || bn === yj) {
                q0 = M[i][j];
                if (!onRow) q1 = M[i + 1][j];
              } else {
                const up = Y[j + 1] * beta - bn;
                const down = bn - yj;
                q0 = M[i][j] * up + M[i][j + 1] * down;
                if (!onRow) q1 = M[i + 1][j] * up + M[i + 1][j + 1] * down;
                cden = dY[j] * beta;
              }
              let add: bigint;
              let over: bigint;
              if (onRow) {
                add = k0 * q0;
                over = cden;
              } else {
                add = k1 * (q0 * (e[i + 1] - x) + q1 * (x - e[i]));
                over = cden * dX[i];
              }
              // Never divide: n and the line's own denominator are multiplied by `over` instead.
              if (over === 1n) s.n += s.over === 1n ? add : add * s.over;
              else {
                s.n = s.n * over + add * s.over;
                s.over *= over;
              }
              return null;
            });
          },
        };
      },
      curve(segments) {
        return addCurves(segments, diagonal(grid));
      },
      trace(t) {
        const own = t.line.measure;
        const linked = t.line.linked ?? null;
        const a = t.quotaValue.isZero() ? null : ratio(t.credit.times(t.quota.den), t.quota.num);
        const at = matrixAt(grid, a, linked);
        const amount = at.multiple.num.isZero()
          ? ZERO
          : t.target.num.times(at.multiple.num).div(t.target.den.times(at.multiple.den));
        t.subtotal = t.subtotal.plus(amount);
        const where = mx.measured === "YTD" ? "year to date" : "this period";
        const reached =
          `${own} at ${a === null ? "n/a (no quota)" : pct(ratioValue(a))}, ` +
          `${mx.linkedMeasure} at ${linked === null ? "no attainment (read as 0%)" : pct(ratioValue(linked))} ${where}`;
        const multiple = ratioValue(at.multiple);
        const times = (v: Decimal) => `${v.toDecimalPlaces(4).toString()}×`;
        let how: string;
        if (at.i < 0) how = `below the first row (${own} ${pct(rows[0])}): the matrix pays 0`;
        else if (at.j < 0) how = `below the first column (${mx.linkedMeasure} ${pct(columns[0])}): the matrix pays 0`;
        else if (mode === "Stepped")
          how = `the cell ${pct(rows[at.i])} × ${pct(columns[at.j])}: ${times(multiple)} target incentive`;
        else {
          const rowText =
            at.rows.length === 2
              ? `between rows ${pct(rows[at.i])} and ${pct(rows[at.i + 1])}`
              : at.i === R - 1 && !at.onRow
                ? `held at the last row (${pct(rows[at.i])})`
                : `on the row ${pct(rows[at.i])}`;
          const columnText =
            at.columns.length === 2
              ? `columns ${pct(columns[at.j])} and ${pct(columns[at.j + 1])}`
              : at.j === C - 1 && !at.onColumn
                ? `held at the last column (${pct(columns[at.j])})`
                : `on the column ${pct(columns[at.j])}`;
          const used = at.rows.flatMap((r) => at.columns.map((c) => times(multiples[r][c])));
          how = `${rowText}, ${columnText} (${used.length === 1 ? "cell" : "cells"} ${used.join(", ")}): ${times(multiple)} target incentive`;
        }
        t.step({
          step: "Matrix",
          detail: `${reached}: ${how}`,
          from: at.i < 0 ? null : rows[at.i],
          to: at.rows.length === 2 ? rows[at.i + 1] : null,
          credit: t.credit,
          rate: multiple,
          amount,
        });
      },
    };
  },
};

// ---------------------------------------------------------------- the grid

/** A matrix's cells on a grid: rows (own attainment) and columns (linked attainment) ascending; null = no cell. */
export interface MatrixGrid {
  readonly mode: MatrixMode;
  readonly rows: readonly Decimal[];
  readonly columns: readonly Decimal[];
  readonly cells: readonly (readonly (MatrixCell | null)[])[];
}

export function matrixGrid(m: PayoutMatrix): MatrixGrid {
  const distinct = (values: readonly Decimal[]) => {
    const sorted = [...values].sort((p, q) => p.comparedTo(q));
    return sorted.filter((v, k) => k === 0 || !v.eq(sorted[k - 1]));
  };
  const rows = distinct(m.cells.map((c) => c.attainment));
  const columns = distinct(m.cells.map((c) => c.linked));
  const cells = rows.map((x) => columns.map((y) => m.cells.find((c) => c.attainment.eq(x) && c.linked.eq(y)) ?? null));
  return { mode: m.mode, rows, columns, cells };
}

/** The linked attainment b as integers: b = num ÷ (den × 10^sy), den > 0 (none: 0%). */
function linkedInts(linked: Ratio | null, ySpread: bigint): { num: bigint; den: bigint } {
  if (linked === null) return ZERO_LINK;
  const fn = fixedOf(linked.num);
  const fd = fixedOf(linked.den);
  const scale = Math.max(fn.scale, fd.scale);
  const num = atScale(fn, scale) * ySpread;
  const den = atScale(fd, scale);
  if (den === 0n) return ZERO_LINK;
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

const ZERO_LINK = { num: 0n, den: 1n } as const;

/** Where a point falls on the grid and what the matrix pays there, as an exact fraction. */
interface MatrixPoint {
  /** The row and column band reached (-1: below the first). */
  readonly i: number;
  readonly j: number;
  /** The rows and columns whose cells were used (one or two each). */
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  readonly onRow: boolean;
  readonly onColumn: boolean;
  readonly multiple: Ratio;
}

/** Greatest k with lines[k] ≤ num ÷ den (den > 0); -1 below the first. */
function bandOf(lines: readonly Decimal[], v: Ratio): number {
  let k = lines.length - 1;
  while (k >= 0 && v.num.lt(lines[k].times(v.den))) k--;
  return k;
}

/**
 * The multiple at own attainment a and linked attainment b (null: 0%), with
 * one division left to do (multiple.num ÷ multiple.den): the trace divides
 * target × it once, as the kernel does.
 */
export function matrixAt(grid: MatrixGrid, a: Ratio | null, b: Ratio | null): MatrixPoint {
  const { rows, columns } = grid;
  const own = a ?? ratio(ZERO);
  const link = b ?? ratio(ZERO);
  const i = bandOf(rows, own);
  const j = bandOf(columns, link);
  const M = (r: number, c: number) => grid.cells[r][c]?.multiple ?? ZERO;
  const nothing = { i, j, rows: [], columns: [], onRow: false, onColumn: false, multiple: ratio(ZERO) };
  if (a === null || i < 0 || j < 0) return nothing;
  const onRow = own.num.eq(rows[i].times(own.den));
  const onColumn = link.num.eq(columns[j].times(link.den));
  if (grid.mode === "Stepped") return { i, j, rows: [i], columns: [j], onRow, onColumn, multiple: ratio(M(i, j)) };
  const twoRows = i + 1 < rows.length && !onRow;
  const twoColumns = j + 1 < columns.length && !onColumn;
  // Each row's value at b: (M(r, j) × (y1·bd − bn) + M(r, j+1) × (bn − y0·bd)) ÷ (Δy·bd), or M(r, j).
  const at = (r: number): Decimal => {
    if (!twoColumns) return M(r, j);
    const up = columns[j + 1].times(link.den).minus(link.num);
    const down = link.num.minus(columns[j].times(link.den));
    return M(r, j)
      .times(up)
      .plus(M(r, j + 1).times(down));
  };
  const cden = twoColumns ? columns[j + 1].minus(columns[j]).times(link.den) : ONE;
  let num: Decimal;
  let den: Decimal;
  if (!twoRows) {
    num = at(i);
    den = cden;
  } else {
    const up = rows[i + 1].times(own.den).minus(own.num);
    const down = own.num.minus(rows[i].times(own.den));
    num = at(i)
      .times(up)
      .plus(at(i + 1).times(down));
    den = cden.times(rows[i + 1].minus(rows[i])).times(own.den);
  }
  return {
    i,
    j,
    rows: twoRows ? [i, i + 1] : [i],
    columns: twoColumns ? [j, j + 1] : [j],
    onRow,
    onColumn,
    multiple: { num, den },
  };
}

// ---------------------------------------------------------------- the curve

/** How far a chord may stray from the diagonal of a twisted cell: a hundredth of a percent of target incentive. */
const CHORD_TOLERANCE = new Decimal("0.0001");
const MAX_CHORDS = 64;

/**
 * The matrix on a payout curve: one attainment drives every measure on a
 * curve (as for a modifier), so the linked measure is at the curve's own
 * attainment: multiple(a) = matrix(a, a). Stepped, that is flat between grid
 * lines; interpolated, linear wherever a cell has no twist (its four corners
 * add up: M00 + M11 = M01 + M10) or one attainment is held at an edge. In a
 * twisted cell the diagonal is a parabola; the curve follows it by chords
 * through exact points (always through 100%), never more than 0.0001 of
 * target incentive off it. Only the curve approximates: the kernel is exact.
 */
function diagonal(grid: MatrixGrid): CurveSegment[] {
  const { rows, columns } = grid;
  const R = rows.length;
  const C = columns.length;
  const M = (r: number, c: number) => grid.cells[r][c]?.multiple ?? ZERO;
  const lines = [ZERO, ...rows, ...columns].filter((v) => !v.isNeg()).sort((p, q) => p.comparedTo(q));
  const points = lines.filter((v, k) => k === 0 || !v.eq(lines[k - 1]));
  const out: CurveSegment[] = [];
  const value = (t: Decimal) => ratioValue(matrixAt(grid, ratio(t), ratio(t)).multiple);
  points.forEach((from, k) => {
    const to = k + 1 < points.length ? points[k + 1] : null;
    const i = bandOf(rows, ratio(from));
    const j = bandOf(columns, ratio(from));
    if (to === null || i < 0 || j < 0 || grid.mode === "Stepped") {
      out.push({ from, to, intercept: value(from), slope: ZERO });
      return;
    }
    // Inside one cell (or along an edge) between two grid lines: the bilinear surface on the diagonal, bands fixed.
    const inBand = (t: Decimal): Decimal => {
      const u = i + 1 < R ? t.minus(rows[i]).div(rows[i + 1].minus(rows[i])) : ZERO;
      const v = j + 1 < C ? t.minus(columns[j]).div(columns[j + 1].minus(columns[j])) : ZERO;
      const row = (r: number) =>
        j + 1 < C
          ? M(r, j).plus(
              M(r, j + 1)
                .minus(M(r, j))
                .times(v),
            )
          : M(r, j);
      return i + 1 < R
        ? row(i).plus(
            row(i + 1)
              .minus(row(i))
              .times(u),
          )
        : row(i);
    };
    let cuts = [from, to];
    if (i + 1 < R && j + 1 < C) {
      const twist = M(i, j)
        .minus(M(i + 1, j))
        .minus(M(i, j + 1))
        .plus(M(i + 1, j + 1));
      if (!twist.isZero()) {
        // |f''| ÷ 8 × h² ≤ tolerance for a chord of width h, f'' = 2 × twist ÷ (Δx × Δy).
        const curvature = twist
          .abs()
          .times(2)
          .div(rows[i + 1].minus(rows[i]).times(columns[j + 1].minus(columns[j])));
        const chords = curvature.div(CHORD_TOLERANCE.times(8)).sqrt().times(to.minus(from)).ceil();
        const n = Math.min(MAX_CHORDS, Math.max(1, chords.toNumber()));
        const step = to.minus(from).div(n);
        cuts = Array.from({ length: n + 1 }, (_, m) => (m === n ? to : from.plus(step.times(m))));
        if (ONE.gt(from) && ONE.lt(to) && !cuts.some((c) => c.eq(ONE))) {
          cuts.push(ONE);
          cuts.sort((p, q) => p.comparedTo(q));
        }
      }
    }
    for (let m = 0; m + 1 < cuts.length; m++) {
      const [t0, t1] = [cuts[m], cuts[m + 1]];
      const [f0, f1] = [inBand(t0), inBand(t1)];
      const slope = f1.minus(f0).div(t1.minus(t0));
      out.push({ from: t0, to: m + 2 === cuts.length ? to : t1, intercept: f0.minus(slope.times(t0)), slope });
    }
  });
  return out;
}

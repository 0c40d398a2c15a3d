import { ONE, ZERO, type Decimal } from "../decimal";
import { fixedOf, fixedTimes, type Fixed } from "../exact/fixed";
import { assertNever } from "../assertNever";
import { pct } from "../traceStep";
import { KernelOp } from "./kernelOp";
import type { LineMechanic } from "./mechanic";
import { rateTypeOf } from "./rateType";
import { addCurves } from "./segments";
import { buildSchedule, pieceIndex, tiersOf } from "./tierSchedule";
import { moneyAt, toAttainmentSpace, type RateUnits } from "./units";

const UNIT: Fixed = { int: 1n, scale: 0 };

/**
 * The tier table: accelerators and decelerators, as Marginal bands, one
 * Retroactive rate for all credit, or a Curve of payout multiples
 * (tierSchedule.ts turns each mode into pieces y = intercept + slope × x).
 * Every measure has it (no Tiers rows: 1.0× from 0) but one paid by a payout
 * matrix, which replaces it. Tiers table; Plans
 * columns `TierMode`, `TierBasis`, `RateType`.
 */
export const tiers: LineMechanic = {
  name: "Tiers",
  stage: "rate",
  compile(measure) {
    // A payout matrix is the measure's rate in place of its tiers (line/matrix.ts).
    if (measure.matrix && measure.matrix.cells.length > 0) return null;
    const table = [...tiersOf(measure)].sort((a, b) => a.from.comparedTo(b.from));
    const schedule = buildSchedule(measure.tierMode, table);
    const rate: RateUnits = { axis: measure.tierBasis, rateType: rateTypeOf(measure) };
    const from = schedule.map((p) => fixedOf(p.from));
    // The kernel prices every piece exactly: over one denominator, the product of the pieces' own.
    const dens = schedule.map((p) => fixedOf(p.exact?.den ?? ONE));
    // Only a curve between points has a denominator; the usual table has none (the kernel's fast path).
    const denominator = schedule.some((p) => p.exact) ? dens.reduce(fixedTimes, UNIT) : undefined;
    const others =
      denominator === undefined
        ? dens.map(() => UNIT)
        : dens.map((_, i) => dens.reduce((acc, d, j) => (i === j ? acc : fixedTimes(acc, d)), UNIT));
    const intercept = schedule.map((p, i) => fixedTimes(fixedOf(p.exact?.intercept ?? p.intercept), others[i]));
    const slope = schedule.map((p, i) => fixedTimes(fixedOf(p.exact?.slope ?? p.slope), others[i]));
    const rates = schedule.map((p) => p.rate);
    return {
      stage: "rate",
      kernel(units) {
        const edges = from.map((f) => units.axisPoint(f));
        const intercepts = intercept.map((c) => units.intercept(c));
        const slopes = slope.map((c) => units.slope(c));
        // Nothing to pay without a quota on an attainment axis, or with a zero denominator.
        const payNothing = units.D.int === 0n || (units.noQuota && units.axis === "Attainment");
        return {
          compared: edges,
          intercepts,
          slopes,
          denominator,
          lift(l) {
            // One loop, not three map()s: a run lifts thousands of pricers.
            const k = edges.length;
            const e = new Array<bigint>(k);
            const c0 = new Array<bigint>(k);
            const c1 = new Array<bigint>(k);
            for (let i = 0; i < k; i++) {
              e[i] = l.credit(edges[i]);
              c0[i] = l.intercept(intercepts[i]);
              c1[i] = l.slope(slopes[i]);
            }
            return KernelOp.pieces(e, c0, c1, rates, payNothing);
          },
        };
      },
      curve(segments, at) {
        return addCurves(segments, toAttainmentSpace(rate, schedule, at));
      },
      trace(t) {
        const { quota, target, quotaValue, credit } = t;
        const x = rate.axis === "Attainment" ? (quotaValue.isZero() ? ZERO : credit.div(quotaValue)) : credit;
        const toCredit = (v: Decimal) => (rate.axis === "Attainment" ? v.times(quotaValue) : v);
        const onAxis = (v: Decimal) => (rate.axis === "Attainment" ? pct(v) : v.toString());
        // moneyAt works on credit × quota denominator (see units.ts).
        const scaledOf = (v: Decimal) => v.times(quota.den);
        switch (measure.tierMode) {
          case "Marginal":
            for (const band of table) {
              if (x.lte(band.from)) continue;
              const top = band.to !== null && band.to.lt(x) ? band.to : x;
              const amount = moneyAt(rate, ZERO, band.rate, scaledOf(toCredit(top.minus(band.from))), quota, target);
              t.subtotal = t.subtotal.plus(amount);
              t.step({
                step: "Band",
                detail: `slice ${onAxis(band.from)} to ${onAxis(top)} at ${band.rate.toString()}${rate.rateType === "Multiplier" ? "× BCR" : " of credit"}`,
                from: band.from,
                to: band.to,
                credit: toCredit(top.minus(band.from)),
                rate: band.rate,
                amount,
              });
            }
            break;
          case "Retroactive":
          case "Curve": {
            const piece = schedule[pieceIndex(schedule, x)];
            const e = piece.exact ?? { intercept: piece.intercept, slope: piece.slope, den: ONE };
            const amount = moneyAt(rate, e.intercept, e.slope, scaledOf(credit), quota, target, e.den);
            t.subtotal = t.subtotal.plus(amount);
            t.step({
              step: measure.tierMode === "Retroactive" ? "Band" : "Curve",
              detail:
                measure.tierMode === "Retroactive"
                  ? `all credit at the rate of the band reached, ${piece.rate.toString()}`
                  : `payout multiple interpolated between curve points`,
              from: piece.from,
              to: piece.to,
              credit,
              rate: piece.rate,
              amount,
            });
            break;
          }
          default:
            assertNever(measure.tierMode);
        }
      },
    };
  },
};

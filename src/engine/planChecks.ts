import { buildPayoutCurve } from "./line/payoutCurve";
import { ONE, ZERO, sum, type Decimal } from "./decimal";
import type { EngineIssue } from "./issues";
import { rateTypeOf } from "./line/measureRule";
import { tiersOf } from "./line/tierSchedule";
import { assertNever } from "./assertNever";
import { matrixGrid } from "./line/matrix";
import type { MatrixCell, MeasurePlan, PayoutMatrix, Plan } from "./types";

/**
 * Checks a comp analyst would want before a plan goes out. A tier table that
 * cannot mean one thing is an error (overlapping or duplicate bands: which
 * rate pays there?; a negative rate: pay that falls below zero as a rep
 * sells). A design that pays as written but is unusual is a warning that says
 * what it pays: a gap or no band at 0, a falling rate, a retroactive cliff,
 * weights that do not add up to 100%, 100% attainment not paying target.
 */
export function checkPlan(plan: Plan): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const where = plan.source;
  // Weights share target incentive among the measures that pay on it; a Percent measure of a PerMeasure plan pays
  // rate × credit whatever its weight.
  const weighted =
    plan.combine === "WeightedAttainment" ? plan.measures : plan.measures.filter((m) => rateTypeOf(m) === "Multiplier");
  const weights = sum(weighted.map((m) => m.weight));
  if (weighted.length > 0 && !weights.eq(ONE)) {
    issues.push({
      severity: "Warning",
      source: where,
      column: "Weight",
      message: `Plan ${plan.name}: measure weights sum to ${pct(weights)}, not 100% — target variable is ${weights.gt(ONE) ? "over" : "under"}-allocated: a rep at 100% on every measure earns ${pct(weights)} of target variable.`,
    });
  }
  if (plan.annualCap && plan.annualCap.lt(ONE)) {
    issues.push({
      severity: "Warning",
      source: where,
      column: "AnnualCap",
      message: `Plan ${plan.name}: the annual cap of ${pct(plan.annualCap)} of target variable is below 100% — a rep at 100% on every measure cannot earn their OTE.`,
    });
  }
  const measures = plan.combine === "WeightedAttainment" ? plan.measures.slice(0, 1) : plan.measures;
  for (const m of measures) issues.push(...checkMeasure(plan, m));
  return issues;
}

function checkMeasure(plan: Plan, m: MeasurePlan): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const label = plan.combine === "WeightedAttainment" ? `Plan ${plan.name}` : `Plan ${plan.name}, ${m.measure}`;
  const warn = (message: string, column?: string, source = m.source) =>
    issues.push({ severity: "Warning", source, column, message: `${label}: ${message}` });
  const error = (message: string, column?: string, source = m.source) =>
    issues.push({ severity: "Error", source, column, message: `${label}: ${message}` });
  const tiers = [...tiersOf(m)].sort((a, b) => a.from.comparedTo(b.from));
  for (const t of tiers) {
    if (t.rate.isNeg())
      error(
        `band ${band(m, t)} has a negative rate, ${t.rate.toString()}: pay would fall below zero as the rep sells more. Use 0 to pay nothing there.`,
        "Rate",
        t.source,
      );
  }

  switch (m.tierMode) {
    case "Marginal":
    case "Retroactive":
      if (tiers[0].from.gt(ZERO)) {
        warn(
          `nothing is paid below ${fmt(m, tiers[0].from)} because no band starts at 0; to pay only above a level, add a band at rate 0 (or use Threshold).`,
          "From",
          tiers[0].source,
        );
      }
      for (let i = 0; i + 1 < tiers.length; i++) {
        const a = tiers[i];
        const b = tiers[i + 1];
        if (a.from.eq(b.from) && (a.to === null ? b.to === null : b.to !== null && a.to.eq(b.to))) {
          error(`the band ${band(m, a)} is given twice: keep one row.`, "From", b.source);
        } else if (a.to === null || a.to.gt(b.from)) {
          error(
            `bands ${band(m, a)} and ${band(m, b)} overlap: between ${fmt(m, b.from)} and ${a.to === null ? "∞" : fmt(m, a.to)} two rates would apply. Make each band start where the one below ends.`,
            "To",
            b.source,
          );
        } else if (a.to.lt(b.from)) {
          // Say what the gap pays: on a multiple-of-target curve the engine's own curve tells (flat at what the
          // bands below reached, for marginal tiers); a commission rate's amount depends on the rep's BCR.
          let paid = ".";
          if (m.tierBasis === "Attainment" && rateTypeOf(m) === "Multiplier") {
            const curve = buildPayoutCurve(m, ONE);
            const start = curve.evaluate(a.to);
            const mid = curve.evaluate(a.to.plus(b.from).div(2));
            const x = (v: Decimal) => `${v.toDecimalPlaces(4).toString()}×`;
            paid = start.eq(mid)
              ? `, so attainment in it pays ${x(start)} target incentive throughout.`
              : `, so the band below carries on: ${x(start)} target incentive at ${fmt(m, a.to)}, ${x(mid)} half way.`;
          }
          warn(
            `gap between ${fmt(m, a.to)} and ${fmt(m, b.from)}: no band's rate applies there${paid}`,
            "From",
            b.source,
          );
        }
        if (b.rate.lt(a.rate) && !b.rate.isNeg()) {
          warn(
            `the rate falls from ${a.rate.toString()} to ${b.rate.toString()} at ${fmt(m, b.from)}: reps earn less per dollar as they sell more (a decelerator above a lower band).`,
            "Rate",
            b.source,
          );
        }
      }
      break;
    case "Curve":
      for (let i = 0; i + 1 < tiers.length; i++) {
        if (tiers[i + 1].rate.lt(tiers[i].rate)) {
          warn(
            `the payout multiple falls from ${tiers[i].rate.toString()} to ${tiers[i + 1].rate.toString()} at ${fmt(m, tiers[i + 1].from)}.`,
            "Rate",
            tiers[i + 1].source,
          );
        }
      }
      break;
    default:
      assertNever(m.tierMode);
  }

  if (m.tierMode === "Retroactive") {
    for (let i = 1; i < tiers.length; i++) {
      const jump = tiers[i].rate.minus(tiers[i - 1].rate).times(tiers[i].from);
      if (jump.gt(ZERO) && m.tierBasis === "Attainment" && rateTypeOf(m) === "Multiplier") {
        warn(
          `retroactive cliff at ${fmt(m, tiers[i].from)}: one more dollar of bookings there raises the payout by ${pct(jump)} of the period's target incentive at once (the whole credit moves to the higher rate). Marginal tiers avoid the cliff.`,
          // On the band's From, where the cliff is (TierMode is a Plans column, not the Tiers row's).
          "From",
          tiers[i].source,
        );
      }
    }
  }

  const mod = m.modifier;
  if (mod && mod.steps.length > 0) {
    const first = mod.steps[0];
    if (first.from.gt(ZERO))
      warn(
        `the ${mod.linkedMeasure} modifier starts at ${pct(first.from)}: below it the payout is not multiplied (× 1), which pays more than the step at ${pct(first.from)} when that step is below 1. Add a row from 0% to say what applies there.`,
        "From",
        first.source,
      );
    for (let i = 1; i < mod.steps.length; i++) {
      if (mod.steps[i].factor.lt(mod.steps[i - 1].factor))
        warn(
          `the ${mod.linkedMeasure} modifier falls from × ${mod.steps[i - 1].factor.toString()} to × ${mod.steps[i].factor.toString()} at ${pct(mod.steps[i].from)}: a rep earns less on ${m.measure} for doing better on ${mod.linkedMeasure}.`,
          "Multiplier",
          mod.steps[i].source,
        );
    }
  }

  if (m.matrix && m.matrix.cells.length > 0) checkMatrix(m, m.matrix, warn);

  const kicker = m.kicker;
  if (kicker && kicker.mode === "Retroactive" && m.tierBasis === "Attainment" && rateTypeOf(m) === "Multiplier") {
    // Reaching the trigger adds the kicker's rate on all credit at once: a jump of rate × trigger.
    const jump = kicker.rate.times(kicker.from);
    if (jump.gt(ONE)) {
      warn(
        `the retroactive kicker jumps the payout by ${pct(jump)} of the period's target incentive at ${fmt(m, kicker.from)}: one more dollar there pays more than a whole target incentive. A Marginal kicker pays it on the credit above ${fmt(m, kicker.from)} only.`,
        "KickerMode",
      );
    }
  }

  if (m.tierBasis === "Attainment" && rateTypeOf(m) === "Multiplier") {
    const atTarget = buildPayoutCurve(m, ONE).evaluate(ONE);
    if (!atTarget.eq(ONE)) {
      // A threshold above 100% is the likeliest cause (2.5 typed for 2.5% reads 250%): say so, on its cell.
      if (m.threshold !== null && m.threshold.gt(ONE))
        warn(
          `the threshold is ${pct(m.threshold)}, above quota, so payout at 100% attainment is ${pct(atTarget)} of target incentive — a rep at quota will not earn their OTE. A number up to 3 reads as a percentage (2.5 is 250%); write 2.5% for two and a half percent.`,
          "Threshold",
        );
      // Otherwise the tiers' rates: the plan's row, no one cell.
      else
        warn(
          `payout at 100% attainment is ${pct(atTarget)} of target incentive, not 100% — a rep at quota will not earn their OTE.`,
        );
    }
  }
  return issues;
}

/**
 * A payout matrix: a missing cell (it pays 0× there), a multiple that falls as
 * either attainment rises, and, stepped, a jump of more than one target
 * incentive between neighbouring cells.
 */
function checkMatrix(
  m: MeasurePlan,
  mx: PayoutMatrix,
  warn: (message: string, column?: string, source?: string) => void,
): void {
  const { rows, columns, cells } = matrixGrid(mx);
  const own = m.measure;
  const linked = mx.linkedMeasure;
  const x = (v: Decimal) => `${v.toString()}×`;
  rows.forEach((r, i) =>
    columns.forEach((c, j) => {
      if (cells[i][j] === null)
        warn(
          `the payout matrix has no cell at ${own} ${pct(r)} × ${linked} ${pct(c)}: it pays 0× there${mx.mode === "Interpolated" ? ", and less on the way to it" : ""}. Give every row × column of the grid a Multiple.`,
          "Multiple",
          mx.cells[0].source,
        );
    }),
  );
  // Neighbouring cells, along the linked measure (within a row) then along the measure's own attainment:
  // [lower cell, higher cell, what rises, from, to, where the other stands].
  type Pair = [MatrixCell, MatrixCell, string, Decimal, Decimal, string];
  const alongLinked: Pair[] = [];
  const alongOwn: Pair[] = [];
  rows.forEach((r, i) =>
    columns.forEach((c, j) => {
      const lo = cells[i][j];
      const right = j + 1 < columns.length ? cells[i][j + 1] : null;
      const up = i + 1 < rows.length ? cells[i + 1][j] : null;
      if (lo && right) alongLinked.push([lo, right, linked, c, columns[j + 1], `${own} at ${pct(r)}`]);
      if (lo && up) alongOwn.push([lo, up, own, r, rows[i + 1], `${linked} at ${pct(c)}`]);
    }),
  );
  const ordered = [...alongLinked, ...alongOwn];
  for (const [lo, hi, rising, from, to, other] of ordered) {
    if (hi.multiple.lt(lo.multiple))
      warn(
        `the payout matrix falls from ${x(lo.multiple)} to ${x(hi.multiple)} as ${rising} rises from ${pct(from)} to ${pct(to)} (${other}): a rep earns less for doing better on ${rising}.`,
        "Multiple",
        hi.source,
      );
  }
  if (mx.mode !== "Stepped") return;
  for (const [lo, hi, rising, , to, other] of ordered) {
    const jump = hi.multiple.minus(lo.multiple);
    if (jump.gt(ONE))
      warn(
        `the stepped matrix jumps from ${x(lo.multiple)} to ${x(hi.multiple)} target incentive where ${rising} reaches ${pct(to)} (${other}): one more dollar there pays ${pct(jump)} of a target incentive at once. Interpolated mode pays the way between the cells.`,
        "Mode",
        hi.source,
      );
  }
}

function pct(value: Decimal): string {
  return `${value.times(100).toDecimalPlaces(2).toString()}%`;
}

function fmt(m: MeasurePlan, x: Decimal): string {
  return m.tierBasis === "Attainment" || m.tierMode === "Curve" ? pct(x) : x.toString();
}

function band(m: MeasurePlan, t: { from: Decimal; to: Decimal | null }): string {
  return `[${fmt(m, t.from)}, ${t.to === null ? "∞" : fmt(m, t.to)})`;
}

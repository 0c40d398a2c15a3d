import {
  ONE,
  ZERO,
  dec,
  rateTypeOf,
  type Decimal,
  type Basis,
  type MeasurePlan,
  type Combine,
  type AnnualGateBasis,
  type DrawOnExit,
  type DrawRecovery,
  type IsoDate,
  type DrawType,
  type NegativeTrueUp,
  type PeriodKind,
  type RateType,
  type TeamScope,
  type TierBasis,
  type TierMode,
} from "../../engine";

type Kicker = NonNullable<MeasurePlan["kicker"]>;
type KickerMode = Kicker["mode"];
import { date } from "./cells/dates";
import { choice, yesNo } from "./cells/enums";
import { integer } from "./cells/numbers";
import { money } from "./cells/money";
import { multiple } from "./cells/multiple";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import type { FieldSpec } from "./headers";
import type { RowReader } from "./reader";

export const PLAN_FIELDS: readonly FieldSpec[] = [
  { key: "plan", name: "Plan", aliases: ["Plan Name", "Comp Plan"], required: true },
  { key: "measure", name: "Measure", aliases: ["Metric", "Measure Name"] },
  { key: "weight", name: "Weight", aliases: ["Weighting", "Weight %", "Mix"] },
  { key: "period", name: "Period", aliases: ["Payout Period", "Frequency", "Payout Frequency"] },
  { key: "basis", name: "Basis", aliases: ["Credit Basis"] },
  { key: "tierMode", name: "TierMode", aliases: ["Tier Mode", "Mode"] },
  { key: "tierBasis", name: "TierBasis", aliases: ["Tier Basis"] },
  { key: "rateType", name: "RateType", aliases: ["Rate Type"] },
  { key: "combine", name: "Combine", aliases: ["Combine Measures"] },
  { key: "threshold", name: "Threshold", aliases: ["Gate", "Threshold %"] },
  { key: "capAttainment", name: "CapAttainment", aliases: ["Attainment Cap", "Cap Attainment %"] },
  { key: "capPayout", name: "CapPayout", aliases: ["Payout Cap", "Cap"] },
  { key: "kicker", name: "Kicker", aliases: ["Kicker Rate", "Kicker Multiple"] },
  { key: "kickerFrom", name: "KickerFrom", aliases: ["Kicker From", "Kicker Trigger", "Kicker Threshold"] },
  { key: "kickerMode", name: "KickerMode", aliases: ["Kicker Mode"] },
  { key: "kickerAmount", name: "KickerAmount", aliases: ["Kicker Amount", "Kicker Bonus", "Flat Kicker"] },
  { key: "cumulative", name: "Cumulative", aliases: ["YTD", "Year To Date", "TrueUp", "True Up"] },
  { key: "negativeTrueUp", name: "NegativeTrueUp", aliases: ["Negative True-Up"] },
  { key: "draw", name: "Draw", aliases: ["Draw Amount"] },
  { key: "drawType", name: "DrawType", aliases: ["Draw Type"] },
  { key: "drawRecovery", name: "DrawRecovery", aliases: ["Draw Recovery"] },
  { key: "annualCap", name: "AnnualCap", aliases: ["Annual Cap", "Total Cap", "Incentive Cap"] },
  { key: "annualCapAmount", name: "AnnualCapAmount", aliases: ["Annual Cap Amount", "Total Cap Amount"] },
  { key: "advancePct", name: "AdvancePct", aliases: ["Advance %", "Advance Percent", "Advance Rate", "Advance"] },
  { key: "annualGate", name: "AnnualGate", aliases: ["Annual Gate", "Annual Threshold", "Year Gate"] },
  { key: "annualGateBasis", name: "AnnualGateBasis", aliases: ["Annual Gate Basis", "Gate Basis"] },
  { key: "drawMonths", name: "DrawMonths", aliases: ["Draw Months", "Draw Duration", "Draw Term"] },
  { key: "drawUntil", name: "DrawUntil", aliases: ["Draw Until", "Draw End", "Draw End Date"] },
  { key: "drawOnExit", name: "DrawOnExit", aliases: ["Draw On Exit", "Draw At Termination", "Draw On Termination"] },
  { key: "teamScope", name: "TeamScope", aliases: ["Team Scope", "Rollup Scope"] },
  { key: "scenario", name: "Scenario", aliases: ["Scenario Name"] },
];

export const PERIOD = choice<PeriodKind>({
  Month: ["Monthly", "M", "Mo"],
  Quarter: ["Quarterly", "Q", "Qtr"],
  Year: ["Yearly", "Annual", "Annually", "Y", "Yr"],
});
const BASIS = choice<Basis>({
  Individual: ["Ind", "Own"],
  Team: ["Rollup", "Roll-up"],
  Score: ["MBO", "Scored", "Qualitative"],
});
const TIER_MODE = choice<TierMode>({ Marginal: ["Incremental"], Retroactive: ["Retro"], Curve: ["Points"] });
const TIER_BASIS = choice<TierBasis>({
  Attainment: ["Attainment %", "Percent Of Quota"],
  Amount: ["Amounts", "Value"],
});
const RATE_TYPE = choice<RateType>({
  Multiplier: ["x", "Multiple", "BCR"],
  Percent: ["%", "Percentage", "Commission"],
});
const KICKER_MODE = choice<KickerMode>({ Marginal: ["Above", "Incremental"], Retroactive: ["Retro", "All"] });
const COMBINE = choice<Combine>({ PerMeasure: ["Separate", "Each"], WeightedAttainment: ["Weighted", "Blended"] });
const NEGATIVE_TRUE_UP = choice<NegativeTrueUp>({
  Hold: ["Carry", "Carry Forward"],
  Clawback: ["Claw back", "Recover"],
  NegativePay: ["Negative Pay", "Pay Negative", "Negative"],
});
const DRAW_TYPE = choice<DrawType>({ Recoverable: [], NonRecoverable: ["Guarantee", "Guaranteed"] });
const ANNUAL_GATE_BASIS = choice<AnnualGateBasis>({
  FullYear: ["Full Year", "Annual", "Year", "Full-Year Quota"],
  ProratedYTD: ["Prorated", "YTD", "Prorated YTD", "Year To Date"],
});
const DRAW_ON_EXIT = choice<DrawOnExit>({
  Owed: ["Owe", "Recover", "Repay", "Due"],
  Forgiven: ["Forgive", "Write Off", "Written Off", "Waived"],
});
const DRAW_RECOVERY = choice<DrawRecovery>({ AboveDraw: ["Above"], FullBalance: ["Full"] });
const TEAM_SCOPE = choice<TeamScope>({
  Subtree: ["All", "Hierarchy", "Full Tree"],
  Direct: ["Direct Reports", "Directs"],
});

const THRESHOLD_LIMIT = dec("3");

/** Plan-wide values as stated on one row (absent = not stated there). */
export interface PlanLevel {
  period?: PeriodKind;
  combine?: Combine;
  cumulative?: boolean;
  negativeTrueUp?: NegativeTrueUp;
  /** null = stated as 0 (no draw). */
  draw?: Decimal | null;
  drawType?: DrawType;
  drawRecovery?: DrawRecovery;
  /** null = stated as 0 (no cap). */
  annualCap?: Decimal | null;
  annualCapAmount?: Decimal | null;
  advancePct?: Decimal | null;
  annualGate?: Decimal | null;
  annualGateBasis?: AnnualGateBasis;
  /** null = stated blank or 0: the draw runs all year. */
  drawMonths?: number | null;
  drawUntil?: IsoDate | null;
  drawOnExit?: DrawOnExit;
  teamScope?: TeamScope;
}

export const PLAN_LEVEL_KEYS = [
  "period",
  "combine",
  "cumulative",
  "negativeTrueUp",
  "draw",
  "drawType",
  "drawRecovery",
  "annualCap",
  "annualCapAmount",
  "advancePct",
  "annualGate",
  "annualGateBasis",
  "drawMonths",
  "drawUntil",
  "drawOnExit",
  "teamScope",
] as const;

/** One Plans row: a measure of a plan (baseline, or inside a scenario). Defaults already applied to measure-level values. */
export interface PlanRow extends Omit<MeasurePlan, "weight" | "tiers"> {
  readonly row: RowReader;
  readonly plan: string;
  readonly scenario: string | null;
  /** null = blank (1 for a single-measure plan, otherwise required). */
  readonly weight: Decimal | null;
  readonly level: PlanLevel;
}

/** Reads one Plans row. Names come back raw; the caller makes them canonical. */
export function readPlanRow(row: RowReader): Omit<PlanRow, "plan" | "measure" | "scenario"> & {
  plan: string | null;
  measure: string;
  scenario: string | null;
} {
  const header = (k: string) => row.reader.header(k);
  const plan = row.required("plan", text);
  const measure = row.optional("measure", text) ?? "Bookings";
  const scenario = row.optional("scenario", text);
  const weight = row.optional("weight", percent);
  if (weight?.lt(ZERO)) row.error("weight", `${header("weight")} can't be negative`);
  else if (weight?.gt(ONE))
    row.error("weight", `${header("weight")} ${weight.times(100).toFixed()}% is more than 100%`);
  const threshold = row.optional("threshold", percent);
  if (threshold?.lt(ZERO)) row.error("threshold", `${header("threshold")} can't be negative`);
  else if (threshold?.gt(THRESHOLD_LIMIT))
    row.error(
      "threshold",
      `${header("threshold")} ${threshold.times(100).toFixed()}% is above 300%; write a threshold like 50%`,
    );
  const capAttainment = row.optional("capAttainment", percent);
  if (capAttainment !== null && !capAttainment.gt(ZERO))
    row.error("capAttainment", `${header("capAttainment")} must be more than 0%`);
  const capPayout = row.optional("capPayout", multiple);
  if (capPayout !== null && !capPayout.gt(ZERO))
    row.error(
      "capPayout",
      `${header("capPayout")} must be more than 0 (a multiple of target incentive, e.g. 2 or 200%)`,
    );

  const level: PlanLevel = {};
  const period = row.optional("period", PERIOD);
  if (period) level.period = period;
  const combine = row.optional("combine", COMBINE);
  if (combine) level.combine = combine;
  const cumulative = row.optional("cumulative", yesNo);
  if (cumulative !== null) level.cumulative = cumulative;
  const negativeTrueUp = row.optional("negativeTrueUp", NEGATIVE_TRUE_UP);
  if (negativeTrueUp) level.negativeTrueUp = negativeTrueUp;
  const draw = row.optional("draw", money);
  if (draw?.lt(ZERO)) row.error("draw", `${header("draw")} can't be negative`);
  else if (draw !== null) level.draw = draw.isZero() ? null : draw;
  const drawType = row.optional("drawType", DRAW_TYPE);
  if (drawType) level.drawType = drawType;
  const drawRecovery = row.optional("drawRecovery", DRAW_RECOVERY);
  if (drawRecovery) level.drawRecovery = drawRecovery;
  const annualCap = row.optional("annualCap", multiple);
  if (annualCap?.isNeg()) row.error("annualCap", `${header("annualCap")} can't be negative (0: no cap)`);
  else if (annualCap !== null) level.annualCap = annualCap.isZero() ? null : annualCap;
  const annualCapAmount = row.optional("annualCapAmount", money);
  if (annualCapAmount?.isNeg())
    row.error("annualCapAmount", `${header("annualCapAmount")} can't be negative (0: no cap)`);
  else if (annualCapAmount !== null) level.annualCapAmount = annualCapAmount.isZero() ? null : annualCapAmount;
  const advancePct = row.optional("advancePct", percent);
  if (advancePct !== null && (!advancePct.gt(ZERO) || advancePct.gt(ONE)))
    row.error(
      "advancePct",
      `${header("advancePct")} must be more than 0% and at most 100% (the share of each period's earnings paid as it is earned)`,
    );
  else if (advancePct !== null) level.advancePct = advancePct.eq(ONE) ? null : advancePct;
  const annualGate = row.optional("annualGate", percent);
  if (annualGate?.isNeg() || annualGate?.gt(THRESHOLD_LIMIT))
    row.error("annualGate", `${header("annualGate")} must be from 0% to 300% of the year's quota`);
  else if (annualGate !== null) level.annualGate = annualGate.isZero() ? null : annualGate;
  const annualGateBasis = row.optional("annualGateBasis", ANNUAL_GATE_BASIS);
  if (annualGateBasis) level.annualGateBasis = annualGateBasis;
  const drawMonths = row.optional("drawMonths", integer);
  if (drawMonths !== null && (drawMonths < 0 || drawMonths > 120))
    row.error(
      "drawMonths",
      `${header("drawMonths")} ${drawMonths} is not a number of months from 1 to 120 (0 or blank: all year)`,
    );
  else if (drawMonths !== null) level.drawMonths = drawMonths === 0 ? null : drawMonths;
  const drawUntil = row.optional("drawUntil", date);
  if (drawUntil !== null) level.drawUntil = drawUntil;
  const drawOnExit = row.optional("drawOnExit", DRAW_ON_EXIT);
  if (drawOnExit) level.drawOnExit = drawOnExit;
  const teamScope = row.optional("teamScope", TEAM_SCOPE);
  if (teamScope) level.teamScope = teamScope;

  const tierMode = row.optional("tierMode", TIER_MODE) ?? "Marginal";
  const tierBasis = row.optional("tierBasis", TIER_BASIS) ?? "Attainment";
  const rateType = row.optional("rateType", RATE_TYPE) ?? "Multiplier";
  // A curve's point is (attainment, payout multiple of target): read on credited amounts it would pay a multiple
  // of target per dollar of quota, which no plan means.
  if (tierMode === "Curve" && tierBasis === "Amount")
    row.error(
      "tierBasis",
      `TierBasis Amount cannot be used in Curve mode: a curve's points are attainments with a payout multiple of target incentive; use TierBasis Attainment, or Marginal or Retroactive tiers to pay by credited amount`,
    );
  if (tierMode === "Curve" && rateType === "Percent")
    row.warn(
      "rateType",
      `RateType Percent does nothing in Curve mode: a curve's Rate is a payout multiple of target incentive, so ${measure} pays as Multiplier rates do`,
    );
  const basis = row.optional("basis", BASIS) ?? "Individual";
  // An MBO's attainment is a score: it has no credited amount to band or to pay a commission on.
  if (basis === "Score" && tierBasis === "Amount")
    row.error(
      "tierBasis",
      `TierBasis Amount cannot be used on a Score (MBO) measure: its attainment is the score in Scores; use TierBasis Attainment`,
    );
  else if (basis === "Score" && rateType === "Percent" && tierMode !== "Curve")
    row.error(
      "rateType",
      `RateType Percent cannot be used on a Score (MBO) measure: there is no credited amount to pay a percent of; use Multiplier rates (multiples of target incentive per 100% of score)`,
    );
  return {
    row,
    plan,
    measure,
    scenario,
    weight,
    kicker: readKicker(row, { tierMode, tierBasis, rateType }),
    basis,
    tierMode,
    tierBasis,
    rateType,
    threshold,
    capAttainment,
    capPayout,
    level,
  };
}

/** A Plans row's measure, with its share of target incentive (tiers are attached from the Tiers table later). */
export function measureOf(r: PlanRow, weight: Decimal): MeasurePlan {
  return {
    measure: r.measure,
    weight,
    basis: r.basis,
    tierMode: r.tierMode,
    tierBasis: r.tierBasis,
    rateType: rateTypeOf(r),
    threshold: r.threshold,
    capAttainment: r.capAttainment,
    capPayout: r.capPayout,
    kicker: r.kicker,
    tiers: [],
    source: r.row.source,
  };
}

/**
 * Kicker, KickerFrom and KickerMode: the extra rate is read as the measure's
 * Tiers Rate is, the trigger as its From. Either without the other is an error.
 */
function readKicker(row: RowReader, rules: Pick<MeasurePlan, "tierMode" | "tierBasis" | "rateType">): Kicker | null {
  // The header as written, or the contract's name when the column is absent.
  const header = (k: string) => (row.reader.has(k) ? row.reader.header(k) : k[0].toUpperCase() + k.slice(1));
  const rate = row.optional("kicker", rules.tierMode !== "Curve" && rules.rateType === "Percent" ? percent : multiple);
  const from = row.optional("kickerFrom", rules.tierBasis === "Amount" ? money : percent);
  const mode = row.optional("kickerMode", KICKER_MODE) ?? "Marginal";
  const amount = row.optional("kickerAmount", money);
  if (amount?.isNeg()) {
    row.error("kickerAmount", `${header("kickerAmount")} can't be negative: a kicker adds pay`);
    return null;
  }
  if (rate === null && from === null && amount === null) return null;
  if (rate === null && amount !== null && from !== null) return { rate: ZERO, from, mode, amount };
  if (rate === null && amount !== null) {
    row.error(
      "kickerFrom",
      `${header("kickerAmount")} needs a ${header("kickerFrom")} trigger: where the kicker starts`,
    );
    return null;
  }
  if (rate === null) {
    if (row.blank("kicker"))
      row.error(
        "kicker",
        `${header("kickerFrom")} needs a ${header("kicker")} rate: the extra rate paid from the trigger up`,
      );
    return null;
  }
  if (from === null) {
    if (row.blank("kickerFrom"))
      row.error(
        "kickerFrom",
        `${header("kicker")} needs a ${header("kickerFrom")} trigger: where the extra rate starts`,
      );
    return null;
  }
  if (rate.lt(ZERO)) {
    row.error(
      "kicker",
      `${header("kicker")} can't be negative: a kicker adds pay (for less above a level, use a lower band in Tiers)`,
    );
    return null;
  }
  if (from.lt(ZERO)) {
    row.error("kickerFrom", `${header("kickerFrom")} can't be negative`);
    return null;
  }
  return { rate, from, mode, ...(amount !== null && !amount.isZero() ? { amount } : {}) };
}

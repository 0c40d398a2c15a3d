import {
  ZERO,
  drivingMeasures,
  needsQuota,
  type Decimal,
  type Offer,
  type VestingFrequency,
  type DrawType,
  type Plan,
} from "../../engine";
import type { Issue, RawTable } from "../types";
import { date } from "./cells/dates";
import { choice } from "./cells/enums";
import { money } from "./cells/money";
import { integer, shareAtQuotaProblem } from "./cells/numbers";
import { percent } from "./cells/percent";
import { currencyCode, text } from "./cells/text";
import { formatRows } from "./format";
import { mapColumns, type FieldSpec } from "./headers";
import { listForMessage } from "./names";
import type { PlansRead } from "./plans";
import { checkPayColumns, PAY_FIELDS, readPay } from "./pay";
import { TableReader, type RowReader } from "./reader";
import type { SettingsRead } from "./settings";

/** The Offers columns, their documented headers and accepted names (the offer form writes these too). */
export const OFFER_FIELDS: readonly FieldSpec[] = [
  { key: "offer", name: "Offer", aliases: ["Offer Name", "Name", "Company", "Employer", "Option"], required: true },
  ...PAY_FIELDS,
  { key: "plan", name: "Plan", aliases: ["Plan Name", "Comp Plan", "Bonus Plan"] },
  {
    key: "expectedAttainment",
    name: "ExpectedAttainment",
    aliases: [
      "Expected Attainment",
      "Attainment",
      "Org Attainment",
      "Team Attainment",
      "Mean Attainment",
      "Last Year Attainment",
    ],
  },
  { key: "stdDev", name: "StdDev", aliases: ["Std Dev", "Standard Deviation", "SD", "Sigma"] },
  {
    key: "shareAtQuota",
    name: "ShareAtQuota",
    aliases: ["Share At Quota", "Pct At Quota", "Percent At Quota", "Share Of Reps At Quota"],
  },
  { key: "quota", name: "Quota", aliases: ["Annual Quota", "Quota Amount"] },
  { key: "rampMonths", name: "RampMonths", aliases: ["Ramp Months", "Ramp", "Ramp Period"] },
  { key: "rampGuarantee", name: "RampGuarantee", aliases: ["Ramp Guarantee", "Guarantee", "Guarantee %"] },
  { key: "draw", name: "Draw", aliases: ["Monthly Draw", "Draw Amount", "Draw Per Month"] },
  { key: "drawType", name: "DrawType", aliases: ["Draw Type"] },
  {
    key: "signOnBonus",
    name: "SignOnBonus",
    aliases: ["Sign On Bonus", "Sign-On", "Sign On", "Signing Bonus", "Sign-On Bonus", "Joining Bonus"],
  },
  {
    key: "equityValue",
    name: "EquityValue",
    aliases: ["Equity", "Equity Value", "Equity Grant", "Grant Value", "RSU Value", "Options Value"],
  },
  { key: "vestingYears", name: "VestingYears", aliases: ["Vesting Years", "Vesting", "Vesting Period"] },
  { key: "cliffMonths", name: "CliffMonths", aliases: ["Cliff Months", "Cliff", "Vesting Cliff"] },
  {
    key: "vestingFrequency",
    name: "VestingFrequency",
    aliases: ["Vesting Frequency", "Vest Frequency", "Frequency"],
  },
  { key: "startDate", name: "StartDate", aliases: ["Start", "Start Date"] },
  { key: "currency", name: "Currency", aliases: ["Currency Code", "Pay Currency", "Ccy"] },
];

const DRAW_TYPE = choice<DrawType>({ Recoverable: [], NonRecoverable: ["Guarantee", "Guaranteed"] });
/** Longer vesting than this is not an offer a model can value meaningfully (and the schedule is built month by month). */
const MAX_VESTING_YEARS = 10;

const FREQUENCY = choice<VestingFrequency>({
  Monthly: ["Month", "Monthly Vesting"],
  Quarterly: ["Quarter", "Quarterly Vesting"],
  Annual: ["Annually", "Year", "Yearly"],
});
const MAX_RAMP_MONTHS = 12;

export interface OffersContext {
  readonly plans: PlansRead;
  readonly settings: SettingsRead;
}

/**
 * Offers: one row per job offer a candidate weighs. Any two of Base,
 * TargetVariable and OTE give the third (as in Reps). Terms the letter leaves
 * out stay null: the offer engine applies its defaults and warns about what
 * to ask, so nothing is assumed silently.
 */
export function readOffers(table: RawTable | undefined, ctx: OffersContext, issues: Issue[]): Offer[] {
  if (!table) return [];
  const columns = mapColumns(table, OFFER_FIELDS, issues);
  if (!columns) return [];
  const payReadable = checkPayColumns(table, "Offers", columns, issues);

  const offers: Offer[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of new TableReader(table, columns, issues).rows()) {
    const name = row.required("offer", text);
    if (name !== null) {
      const key = name.toLowerCase();
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined)
        row.error(
          "offer",
          `Offer ${name} is listed twice (${formatRows([earlier, row.excelRow])}); give each offer its own name`,
        );
      else firstRowOf.set(key, row.excelRow);
    }
    const offer = readOffer(row, name, ctx, payReadable);
    if (offer !== null && !row.failed) offers.push(offer);
  }
  return offers;
}

function readOffer(row: RowReader, name: string | null, ctx: OffersContext, payReadable: boolean): Offer | null {
  const header = (k: string) => row.reader.header(k);
  const { settings, plans } = ctx;
  const nonNegative = <T extends Decimal | number>(key: string, value: T | null): T | null => {
    if (value !== null && (typeof value === "number" ? value < 0 : value.isNeg())) {
      row.error(key, `${header(key)} can't be negative`);
      return null;
    }
    return value;
  };

  const currency = row.optional("currency", currencyCode) ?? settings.reportingCurrency;
  if (
    currency !== settings.reportingCurrency &&
    !settings.fxRates.has(currency) &&
    !settings.refusedFx?.has(currency) // its Settings row already has the error
  ) {
    row.error(
      row.blank("currency") ? null : "currency",
      `Offer ${name ?? ""} is in ${currency} but Settings has no FX rate for it: add the setting FX:${currency} (${settings.reportingCurrency} per 1 ${currency})`,
    );
  }
  const pay = readPay(row, payReadable, currency);

  const planText = row.optional("plan", text);
  let plan: string | null = null;
  if (planText !== null) {
    plan = plans.baselineNames.get(planText) ?? null;
    if (plan === null && plans.readable)
      row.error("plan", `Plan "${planText}" is not in Plans (plans: ${listForMessage(plans.baselineNames.list())})`);
  }
  const quota = nonNegative("quota", row.optional("quota", money));
  checkQuota(row, plan === null ? undefined : plans.plans.get(plan), quota);

  const expectedAttainment = nonNegative("expectedAttainment", row.optional("expectedAttainment", percent));
  const stdDev = nonNegative("stdDev", row.optional("stdDev", percent));
  const shareAtQuota = row.optional("shareAtQuota", percent);
  checkSpread(row, expectedAttainment, stdDev, shareAtQuota);

  const rampMonths = nonNegative("rampMonths", row.optional("rampMonths", integer)) ?? 0;
  if (rampMonths > MAX_RAMP_MONTHS)
    row.error(
      "rampMonths",
      `${header("rampMonths")} ${rampMonths} is more than ${MAX_RAMP_MONTHS}: the ramp is part of year one`,
    );
  const rampGuarantee = nonNegative("rampGuarantee", row.optional("rampGuarantee", percent));
  if (rampGuarantee !== null && rampMonths === 0)
    row.warn("rampGuarantee", `${header("rampGuarantee")} is not used: the offer has no ${header("rampMonths")}`);

  const draw = nonNegative("draw", row.optional("draw", money));
  const drawType = row.optional("drawType", DRAW_TYPE);
  if (drawType !== null && draw === null)
    row.warn("drawType", `${header("drawType")} is not used: the offer has no ${header("draw")}`);

  const signOnBonus = nonNegative("signOnBonus", row.optional("signOnBonus", money)) ?? ZERO;
  const equityValue = nonNegative("equityValue", row.optional("equityValue", money)) ?? ZERO;
  const vestingYears = row.optional("vestingYears", integer);
  if (vestingYears !== null && vestingYears < 1)
    row.error("vestingYears", `${header("vestingYears")} must be at least 1`);
  else if (vestingYears !== null && vestingYears > MAX_VESTING_YEARS)
    row.error("vestingYears", `${header("vestingYears")} ${vestingYears} is more than ${MAX_VESTING_YEARS} years`);
  const cliffMonths = nonNegative("cliffMonths", row.optional("cliffMonths", integer));
  const scheduleMonths = (vestingYears ?? 4) * 12;
  if (cliffMonths !== null && cliffMonths > scheduleMonths)
    row.error(
      "cliffMonths",
      `${header("cliffMonths")} ${cliffMonths} is longer than the ${scheduleMonths}-month vesting schedule`,
    );
  const vestingFrequency = row.optional("vestingFrequency", FREQUENCY);
  const startDate = row.optional("startDate", date);

  if (name === null || pay === null || row.failed) return null;
  return {
    name,
    currency,
    base: pay.base,
    targetVariable: pay.targetVariable,
    plan,
    expectedAttainment,
    stdDev,
    shareAtQuota,
    quota,
    rampMonths,
    rampGuarantee,
    draw,
    drawType,
    signOnBonus,
    equityValue,
    vestingYears,
    cliffMonths,
    vestingFrequency,
    startDate,
    source: row.source,
  };
}

/** A plan that pays a percent of bookings (or on amount bands) needs a quota to compare pay with target; offers carry one. */
function checkQuota(row: RowReader, plan: Plan | undefined, quota: Decimal | null): void {
  if (plan === undefined) return;
  const measures = drivingMeasures(plan).map((m) => m.measure);
  const needing = measures.filter(needsQuota);
  if (needing.length === 0) return;
  const header = (k: string) => row.reader.header(k);
  if (needing.some((m) => m !== measures[0])) {
    row.error(
      "plan",
      `Plan ${plan.name} pays ${needing.map((m) => m.measure).join(" and ")} on amounts; an offer carries one Quota (for the plan's first measure), so use a plan whose other measures pay on attainment`,
    );
    return;
  }
  if (quota === null || quota.isZero())
    row.error(
      row.reader.has("quota") ? "quota" : "plan",
      `Plan ${plan.name} pays ${measures[0].measure} as a percent of bookings (or on amount bands), so the offer needs its annual ${row.reader.has("quota") ? header("quota") : "Quota"} above 0`,
    );
}

/**
 * StdDev (the org's year-to-year spread) or ShareAtQuota (share of individual
 * reps at quota, used only on an individual-contributor plan: the engine
 * decides and warns) spread the attainment around ExpectedAttainment
 * (Normal); each needs the mean. Without either the engine uses the org's
 * spread from AttainmentHistory, else DEFAULT_ORG_SPREAD.
 */
function checkSpread(row: RowReader, mean: Decimal | null, stdDev: Decimal | null, share: Decimal | null): void {
  const header = (k: string) => row.reader.header(k);
  if (stdDev !== null && share !== null)
    row.error(
      "shareAtQuota",
      `Give ${header("stdDev")} or ${header("shareAtQuota")}, not both: either one fixes the spread of attainment`,
    );
  if ((stdDev !== null || share !== null) && row.blank("expectedAttainment"))
    row.error(
      row.reader.has("expectedAttainment") ? "expectedAttainment" : null,
      `A spread (${header(stdDev !== null ? "stdDev" : "shareAtQuota")}) needs ExpectedAttainment, the mean it spreads around (e.g. 70%)`,
    );
  if ((stdDev !== null || share !== null) && mean !== null && mean.isZero())
    row.error("expectedAttainment", `${header("expectedAttainment")} must be more than 0 when a spread is given`);
  const shareProblem = share === null ? null : shareAtQuotaProblem(share, header("shareAtQuota"));
  if (shareProblem) row.error("shareAtQuota", shareProblem);
}

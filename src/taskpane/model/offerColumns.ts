import { mapColumns, type FieldSpec } from "../../workbook/parse/headers";
import type { ColumnFormat, RawTable } from "../../workbook/types";

/**
 * The Offers columns the offer form writes, under their documented headers
 * with the aliases docs/workbook.md lists (a test checks the parser reads
 * each alias into the same field), and the display format of each.
 */
export interface OfferColumn extends FieldSpec {
  readonly key: OfferKey;
  readonly format: ColumnFormat;
}

export type OfferKey =
  | "offer"
  | "base"
  | "targetVariable"
  | "ote"
  | "plan"
  | "quota"
  | "expectedAttainment"
  | "stdDev"
  | "shareAtQuota"
  | "rampMonths"
  | "rampGuarantee"
  | "signOnBonus"
  | "equityValue"
  | "vestingYears"
  | "cliffMonths"
  | "vestingFrequency"
  | "startDate"
  | "currency";

const PAY_ALIASES = {
  targetVariable: ["Target Variable", "Variable", "Target Incentive", "TI", "Target Bonus", "TV", "Target Commission"],
  ote: ["On Target Earnings", "OnTargetEarnings", "On-Target Earnings", "Target Earnings"],
};

/** In the order a new Offers table gets them. */
export const OFFER_COLUMNS: readonly OfferColumn[] = [
  { key: "offer", name: "Offer", format: "text", aliases: ["Offer Name", "Name", "Company", "Employer", "Option"] },
  { key: "base", name: "Base", format: "money", aliases: ["Base Salary", "Salary", "Base Pay"] },
  { key: "targetVariable", name: "TargetVariable", format: "money", aliases: PAY_ALIASES.targetVariable },
  { key: "ote", name: "OTE", format: "money", aliases: PAY_ALIASES.ote },
  { key: "plan", name: "Plan", format: "text", aliases: ["Plan Name", "Comp Plan", "Bonus Plan"] },
  { key: "quota", name: "Quota", format: "money", aliases: ["Annual Quota", "Quota Amount"] },
  {
    key: "expectedAttainment",
    name: "ExpectedAttainment",
    format: "percent",
    aliases: [
      "Expected Attainment",
      "Attainment",
      "Org Attainment",
      "Team Attainment",
      "Mean Attainment",
      "Last Year Attainment",
    ],
  },
  { key: "stdDev", name: "StdDev", format: "percent", aliases: ["Std Dev", "Standard Deviation", "SD", "Sigma"] },
  {
    key: "shareAtQuota",
    name: "ShareAtQuota",
    format: "percent",
    aliases: ["Share At Quota", "Pct At Quota", "Percent At Quota", "Share Of Reps At Quota"],
  },
  { key: "rampMonths", name: "RampMonths", format: "integer", aliases: ["Ramp Months", "Ramp", "Ramp Period"] },
  {
    key: "rampGuarantee",
    name: "RampGuarantee",
    format: "percent",
    aliases: ["Ramp Guarantee", "Guarantee", "Guarantee %"],
  },
  {
    key: "signOnBonus",
    name: "SignOnBonus",
    format: "money",
    aliases: ["Sign On Bonus", "Sign-On", "Sign On", "Signing Bonus", "Sign-On Bonus", "Joining Bonus"],
  },
  {
    key: "equityValue",
    name: "EquityValue",
    format: "money",
    aliases: ["Equity", "Equity Value", "Equity Grant", "Grant Value", "RSU Value", "Options Value"],
  },
  {
    key: "vestingYears",
    name: "VestingYears",
    format: "integer",
    aliases: ["Vesting Years", "Vesting", "Vesting Period"],
  },
  { key: "cliffMonths", name: "CliffMonths", format: "integer", aliases: ["Cliff Months", "Cliff", "Vesting Cliff"] },
  {
    key: "vestingFrequency",
    name: "VestingFrequency",
    format: "text",
    aliases: ["Vesting Frequency", "Vest Frequency", "Frequency"],
  },
  { key: "startDate", name: "StartDate", format: "date", aliases: ["Start", "Start Date"] },
  { key: "currency", name: "Currency", format: "text", aliases: ["Currency Code", "Pay Currency", "Ccy"] },
];

/** Where each form field lives in a user's Offers table (key -> 0-based column), whatever its header spelling. */
export function offerColumnIndex(table: RawTable): Map<OfferKey, number> {
  return (mapColumns(table, OFFER_COLUMNS, []) ?? new Map()) as Map<OfferKey, number>;
}

/** The form field an issue's column (a header as the user wrote it) is about, or null. */
export function keyOfHeader(header: string | null, table: RawTable): OfferKey | null {
  if (header === null) return null;
  const i = table.headers.indexOf(header);
  if (i < 0) return null;
  for (const [k, col] of offerColumnIndex(table)) if (col === i) return k;
  return null;
}

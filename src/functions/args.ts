import { Decimal } from "../engine";
import { badValue } from "./failure";

/**
 * Reading a function's arguments as Excel hands them over: numbers as JS
 * numbers (a cell showing 120% holds 1.2), text as strings, an omitted
 * optional argument as null (or undefined). Numbers become exact Decimals
 * from their shortest decimal text, as the workbook parser reads a cell.
 */

export type CallArg = number | string | boolean | null | undefined;

export const omitted = (a: CallArg): a is null | undefined | "" => a === null || a === undefined || a === "";

/** A number argument, exactly; text that reads as a number ("1.2", "120%") is taken too. */
export function numberArg(name: string, a: CallArg): Decimal {
  if (typeof a === "number") {
    if (!Number.isFinite(a)) throw badValue(`${name} is not a finite number.`);
    return new Decimal(a);
  }
  if (typeof a === "string") {
    const t = a.trim().replace(/,/g, "");
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%?)$/i.exec(t);
    if (m) return m[2] ? new Decimal(m[1]).div(100) : new Decimal(m[1]);
  }
  throw badValue(`${name} must be a number, not ${omitted(a) ? "empty" : JSON.stringify(String(a))}.`);
}

export function optionalNumberArg(name: string, a: CallArg): Decimal | null {
  return omitted(a) ? null : numberArg(name, a);
}

/** A name argument (plan, measure, rep, scenario): text, or a number such as a RepID typed as 1101. */
export function textArg(name: string, a: CallArg): string {
  if (omitted(a) || typeof a === "boolean") throw badValue(`${name} is required (text).`);
  return String(a).trim();
}

export function optionalTextArg(a: CallArg): string | null {
  return omitted(a) ? null : String(a).trim();
}

/** The most attainment a function takes: 1,000% (10). A larger number is almost surely percent points. */
const MAX_ATTAINMENT = new Decimal(10);

/** Attainment as a fraction of quota: 1.2 or 120%. Negative, or past 1,000%, is #VALUE!. */
export function attainmentArg(a: CallArg, name = "Attainment"): Decimal {
  const v = numberArg(name, a);
  if (v.isNeg()) throw badValue(`${name} ${v.toString()} is negative: give it as a fraction of quota (1.2 or 120%).`);
  if (v.gt(MAX_ATTAINMENT))
    throw badValue(
      `${name} ${v.toString()} is ${v.times(100).toString()}% of quota: give it as a fraction or a percent (1.2 or 120%).`,
    );
  return v;
}

/** Names compare as the workbook parser compares them: case and surrounding spaces ignored. */
export const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "AE, AE YTD, Manager" — the choices, for a #N/A message (at most ten). */
export function choices(names: Iterable<string>): string {
  const all = [...names];
  return all.length > 10 ? `${all.slice(0, 10).join(", ")}, …` : all.join(", ") || "none";
}

import { Decimal } from "../../../engine";
import { fail, ok, show, type CellParser, type Parsed } from "./cell";
import { decimalOfNumber, parseNumberText } from "./numbers";

/**
 * An amount of money: a number cell, or text like `$1,200.50`, `USD 1,200`,
 * `(1,200.50)`. The currency written in the text is not used: the rep's
 * Currency column decides.
 */
export const money: CellParser<Decimal> = (cell, ctx) => {
  const read = moneyValue(cell, ctx);
  if (!read.ok || withinMoneyLimit(read.value)) return read;
  return fail(
    `${ctx.label} ${show(cell)} is beyond ±10,000,000,000,000 (ten trillion): no single amount, quota or pay in a plan is that large`,
  );
};

/** Number cells cachedMoney remembers, at most: a column of distinct amounts stops adding. */
const REMEMBERED = 65_536;

/**
 * `money`, with each number cell's amount read once: a Quotas column repeats
 * its amounts (an annual quota spread by month gives a rep the same twelve
 * times), so each is made, and held by every row it is on, once.
 */
export function cachedMoney(): CellParser<Decimal> {
  const read = new Map<number, Parsed<Decimal>>();
  return (cell, ctx) => {
    if (typeof cell !== "number") return money(cell, ctx);
    let parsed = read.get(cell);
    if (parsed === undefined) {
      parsed = money(cell, ctx);
      // Only amounts: a message names its column, so a refusal is made for each cell.
      if (parsed.ok && read.size < REMEMBERED) read.set(cell, parsed);
    }
    return parsed;
  };
}

/**
 * The largest amount any money cell may hold, ±1e13: far above any real quota or pay, and well inside the range a
 * double holds to the cent, so sums of a large org stay exact when Excel reads them back.
 */
export const MONEY_LIMIT = new Decimal("1e13");

/** |x| ≤ 1e13, told from the exponent alone below 1e13 (almost every amount): no Decimal made for the check. */
function withinMoneyLimit(x: Decimal): boolean {
  return x.e < MONEY_LIMIT.e || (x.e === MONEY_LIMIT.e && x.abs().lte(MONEY_LIMIT));
}

const moneyValue: CellParser<Decimal> = (cell, { label }) => {
  if (typeof cell === "number") {
    const d = decimalOfNumber(cell);
    return d ? ok(d) : fail(`${label} ${show(cell)} is not an amount`);
  }
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is not an amount`);
  // Typed as text, an amount such as 300.000 may be 300,000 written where a dot groups thousands: refused, not guessed.
  const parsed = parseNumberText(cell, { amount: true });
  if (!parsed.ok) return fail(`${label} ${parsed.message}`);
  if (parsed.value.percent) return fail(`${label} ${show(cell)} is a percent, not an amount`);
  if (parsed.value.multiple) return fail(`${label} ${show(cell)} is a multiple, not an amount`);
  return ok(parsed.value.value);
};

/**
 * A quota is 0 (nothing to attain) or at least one cent: a quota of 1e−300 would put an attainment of 1e300%
 * into the results. Null when the quota is fine.
 */
export function quotaProblem(quota: Decimal, header: string): string | null {
  if (quota.isNeg()) return `${header} can't be negative`;
  // A positive value is below 0.01 exactly when its leading digit is below the hundredths (no Decimal made to compare).
  if (!quota.isZero() && quota.e < QUOTA_MINIMUM.e)
    return `${header} ${quota.toString()} is less than a cent: a quota is 0 (nothing to attain) or at least 0.01`;
  return null;
}

const QUOTA_MINIMUM = new Decimal("0.01");

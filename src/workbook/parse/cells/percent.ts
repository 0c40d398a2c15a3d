import { Decimal } from "../../../engine";
import { fail, isPercentFormat, ok, show, type CellParser } from "./cell";
import { decimalOfNumber, parseNumberText } from "./numbers";

const HUNDRED = new Decimal(100);
/** Above this, a plain number in a percent column was almost surely typed as "120" meaning 120%. */
const PLAIN_PERCENT_LIMIT = new Decimal(3);

/**
 * A percent or fraction, returned as a fraction (1.2 = 120%): a number cell
 * (formatted `0%` or not), text `120%`, or text `1.2`. A plain number above 3
 * is refused as probably meaning a percent (Weight 70 -> "write 70% or 0.7").
 */
export const percent: CellParser<Decimal> = (cell, { label, format }) => {
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is not a percent`);
  if (typeof cell === "number") {
    const d = decimalOfNumber(cell);
    if (!d) return fail(`${label} ${show(cell)} is not a percent`);
    return isPercentFormat(format) ? ok(d) : guardPlain(d, label);
  }
  const parsed = parseNumberText(cell);
  if (!parsed.ok) return fail(`${label} ${parsed.message}`);
  const { value, percent: hasSign, multiple } = parsed.value;
  if (multiple) return fail(`${label} ${show(cell)} is a multiple; write a percent like 120% or a fraction like 1.2`);
  return hasSign ? ok(value.div(HUNDRED)) : guardPlain(value, label);
};

function guardPlain(value: Decimal, label: string) {
  if (value.abs().gt(PLAIN_PERCENT_LIMIT)) {
    const asFraction = value.div(HUNDRED).toString();
    return fail(
      `${label} ${value.toString()} looks like ${value.toString()}%; write ${value.toString()}% or ${asFraction}`,
    );
  }
  return ok(value);
}

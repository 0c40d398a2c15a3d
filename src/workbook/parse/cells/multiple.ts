import { Decimal } from "../../../engine";
import { fail, isPercentFormat, ok, show, type CellParser } from "./cell";
import { decimalOfNumber, parseNumberText } from "./numbers";

const HUNDRED = new Decimal(100);
/** Above this, a plain multiple (of BCR, of target) was almost surely typed as a percent: 150 meaning 150%. */
const PLAIN_MULTIPLE_LIMIT = new Decimal(10);

/**
 * A multiple such as a tier rate of 1.5× or a payout cap of 2× target: a
 * number, `1.5x`, or `150%` (= 1.5).
 */
export const multiple: CellParser<Decimal> = (cell, { label, format }) => {
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is not a number`);
  if (typeof cell === "number") {
    const d = decimalOfNumber(cell);
    if (!d) return fail(`${label} ${show(cell)} is not a number`);
    return isPercentFormat(format) ? ok(d) : guardPlain(d, label);
  }
  const parsed = parseNumberText(cell);
  if (!parsed.ok) return fail(`${label} ${parsed.message}`);
  const { value, percent } = parsed.value;
  if (percent) return ok(value.div(HUNDRED));
  return parsed.value.multiple ? ok(value) : guardPlain(value, label);
};

function guardPlain(value: Decimal, label: string) {
  if (value.abs().gt(PLAIN_MULTIPLE_LIMIT)) {
    return fail(
      `${label} ${value.toString()} looks like ${value.toString()}%; write ${value.toString()}% or ${value.div(HUNDRED).toString()}x`,
    );
  }
  return ok(value);
}

import { ZERO, type Decimal } from "../../engine/decimal";
import { roundMoney } from "../../engine/rounding";
import { money } from "./cells/money";
import { formatAmount } from "./format";
import type { RowReader } from "./reader";

/** The pay columns of Reps and Offers: any two of them give the third. */
export const PAY = ["base", "targetVariable", "ote"] as const;

/** Base, TargetVariable, OTE: any two give the third; all three must add up to the cent. */
export function readPay(
  row: RowReader,
  readable: boolean,
  currency: string,
): { base: Decimal; targetVariable: Decimal } | null {
  const header = (k: string) => row.reader.header(k);
  const values = {
    base: row.optional("base", money),
    targetVariable: row.optional("targetVariable", money),
    ote: row.optional("ote", money),
  };
  for (const k of PAY) if (values[k]?.lt(ZERO)) row.error(k, `${header(k)} can't be negative`);
  if (!readable) return null;
  const given = PAY.filter((k) => !row.blank(k));
  if (given.length < 2) {
    const missing = PAY.filter((k) => row.reader.has(k) && row.blank(k));
    row.error(
      missing[0] ?? null,
      `Give two of ${PAY.filter((k) => row.reader.has(k))
        .map(header)
        .join(", ")}${given.length === 1 ? ` (only ${header(given[0])} is given)` : ""}`,
    );
    return null;
  }
  const { base, targetVariable, ote } = values;
  if (row.failed) return null;
  if (base && targetVariable && ote) {
    const total = base.plus(targetVariable);
    if (!roundMoney(total, currency).eq(roundMoney(ote, currency))) {
      row.error(
        "ote",
        `${header("base")} ${formatAmount(base)} + ${header("targetVariable")} ${formatAmount(targetVariable)} = ${formatAmount(total)}, but ${header("ote")} is ${formatAmount(ote)}; correct one of them or leave one blank`,
      );
      return null;
    }
    return { base, targetVariable };
  }
  if (base && targetVariable) return { base, targetVariable };
  if (base && ote) {
    if (ote.lt(base)) {
      row.error("ote", `${header("ote")} ${formatAmount(ote)} is below ${header("base")} ${formatAmount(base)}`);
      return null;
    }
    return { base, targetVariable: ote.minus(base) };
  }
  if (targetVariable && ote) {
    if (ote.lt(targetVariable)) {
      row.error(
        "ote",
        `${header("ote")} ${formatAmount(ote)} is below ${header("targetVariable")} ${formatAmount(targetVariable)}`,
      );
      return null;
    }
    return { base: ote.minus(targetVariable), targetVariable };
  }
  return null;
}

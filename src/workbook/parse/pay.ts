import { ZERO, roundMoney, type Decimal } from "../../engine";
import { money } from "./cells/money";
import { formatAmount } from "./format";
import type { FieldSpec } from "./headers";
import { tableIssue } from "../issues";
import type { Issue, RawTable } from "../types";
import type { RowReader } from "./reader";

/** The pay columns of Reps and Offers: any two of them give the third. */
export const PAY = ["base", "targetVariable", "ote"] as const;

/** Their headers and accepted names, the same in both tables. */
export const PAY_FIELDS: readonly FieldSpec[] = [
  { key: "base", name: "Base", aliases: ["Base Salary", "Salary", "Base Pay"] },
  {
    key: "targetVariable",
    name: "TargetVariable",
    aliases: ["Target Variable", "Variable", "Target Incentive", "TI", "Target Bonus", "TV", "Target Commission"],
  },
  {
    key: "ote",
    name: "OTE",
    aliases: ["On Target Earnings", "OnTargetEarnings", "On-Target Earnings", "Target Earnings"],
  },
];

/**
 * A table with fewer than two of the pay columns can't pay anyone: an Error on
 * the table. True when the pay can be read.
 */
export function checkPayColumns(
  table: RawTable,
  label: "Reps" | "Offers",
  columns: ReadonlyMap<string, number>,
  issues: Issue[],
): boolean {
  const present = PAY_FIELDS.filter((f) => columns.has(f.key)).map((f) => f.name);
  if (present.length >= 2) return true;
  issues.push(
    tableIssue(
      table,
      "Error",
      `${label} needs two of the columns Base, TargetVariable and OTE (the third is worked out); it has ${present.length === 0 ? "none" : "only " + present.join(", ")}`,
    ),
  );
  return false;
}

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

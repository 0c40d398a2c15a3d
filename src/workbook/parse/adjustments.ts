import { ZERO, type Decimal, type AdjustmentType } from "../../engine";
import type { Issue, RawTable } from "../types";
import { choice } from "./cells/enums";
import { money } from "./cells/money";
import { text } from "./cells/text";
import { readRepId } from "./amounts";
import { mapColumns, type FieldSpec } from "./headers";
import { periodLabel, type PeriodLabel } from "./periods";
import { TableReader, type RowReader } from "./reader";
import { REP_ID_FIELD, type RepsRead } from "./reps";

export const ADJUSTMENTS_FIELDS: readonly FieldSpec[] = [
  REP_ID_FIELD,
  { key: "period", name: "Period", aliases: ["Date", "Pay Period", "Month"], required: true },
  { key: "type", name: "Type", aliases: ["Adjustment Type", "Kind"], required: true },
  { key: "amount", name: "Amount", aliases: ["Adjustment Amount", "Value"], required: true },
  { key: "note", name: "Note", aliases: ["Notes", "Description", "Reason", "Comment", "Comments"] },
];

const TYPE = choice<AdjustmentType>({
  SPIF: ["Spiff"],
  Bonus: [],
  Clawback: ["Claw back", "Chargeback", "Charge back"],
});

/** An Adjustments row before its period label is placed on the calendar. */
export interface AdjustmentRecord {
  readonly row: RowReader;
  readonly repId: string;
  readonly label: PeriodLabel;
  readonly type: AdjustmentType;
  /** Positive: paid for SPIF/Bonus, taken back for Clawback. */
  readonly amount: Decimal;
  readonly note: string;
}

/** Adjustments: SPIFs and bonuses paid, clawbacks taken back (a negative clawback counts as its size). */
export function readAdjustments(table: RawTable | undefined, reps: RepsRead, issues: Issue[]): AdjustmentRecord[] {
  if (!table) return [];
  const columns = mapColumns(table, ADJUSTMENTS_FIELDS, issues);
  if (!columns) return [];
  const records: AdjustmentRecord[] = [];
  for (const row of new TableReader(table, columns, issues).rows()) {
    const repId = readRepId(row, reps);
    const label = row.required("period", periodLabel);
    const type = row.required("type", TYPE);
    let amount = row.required("amount", money);
    const note = row.optional("note", text) ?? "";
    if (amount !== null && amount.lt(ZERO)) {
      if (type === "Clawback") amount = amount.abs();
      else if (type !== null)
        row.error(
          "amount",
          `A ${type} can't be negative; to take money back use Type Clawback with the amount taken back`,
        );
    }
    if (repId === null || label === null || type === null || amount === null || row.failed) continue;
    records.push({ row, repId, label, type, amount, note });
  }
  return records;
}

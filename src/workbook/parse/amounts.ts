import type { Decimal } from "../../engine";
import type { Issue, RawTable } from "../types";
import { money, quotaProblem } from "./cells/money";
import { text } from "./cells/text";
import { mapColumns, type FieldSpec } from "./headers";
import { listForMessage } from "./names";
import { cachedPeriodLabel, type PeriodLabel } from "./periods";
import type { PlansRead } from "./plans";
import { TableReader, type RowReader } from "./reader";
import { REP_ID_FIELD, type RepsRead } from "./reps";

export type AmountKind = "Quotas" | "Actuals";

const PERIOD_FIELD: FieldSpec = { key: "period", name: "Period", aliases: ["Month", "Period Label"], required: true };
const MEASURE_FIELD: FieldSpec = { key: "measure", name: "Measure", aliases: ["Metric", "Measure Name"] };

const FIELDS: Record<AmountKind, readonly FieldSpec[]> = {
  Quotas: [
    REP_ID_FIELD,
    PERIOD_FIELD,
    MEASURE_FIELD,
    { key: "amount", name: "Quota", aliases: ["Target", "Quota Amount", "Amount"], required: true },
  ],
  Actuals: [
    REP_ID_FIELD,
    { ...PERIOD_FIELD, aliases: [...PERIOD_FIELD.aliases!, "Date", "Booking Date", "Close Date", "Credit Date"] },
    MEASURE_FIELD,
    {
      key: "amount",
      name: "Amount",
      aliases: ["Bookings", "Credit", "Credited Amount", "Actual", "Actuals", "Value"],
      required: true,
    },
  ],
};

/** A Quotas or Actuals row before its period label is placed on the calendar. */
export interface AmountRecord {
  readonly row: RowReader;
  readonly repId: string;
  readonly measure: string;
  readonly label: PeriodLabel;
  readonly amount: Decimal;
}

export interface RowContext {
  readonly reps: RepsRead;
  readonly plans: PlansRead;
}

/**
 * Quotas (rep × period × measure quota) or Actuals (credited amounts; negative
 * = a reversal). A blank Measure is the rep's plan's first measure.
 */
export function readAmounts(
  kind: AmountKind,
  table: RawTable | undefined,
  ctx: RowContext,
  issues: Issue[],
): AmountRecord[] {
  if (!table) return [];
  const columns = mapColumns(table, FIELDS[kind], issues);
  if (!columns) return [];
  const records: AmountRecord[] = [];
  const period = cachedPeriodLabel();
  for (const row of new TableReader(table, columns, issues).rows()) {
    const repId = readRepId(row, ctx.reps);
    const label = row.required("period", period);
    const amount = row.required("amount", money);
    const problem = kind === "Quotas" && amount !== null ? quotaProblem(amount, row.reader.header("amount")) : null;
    if (problem) row.error("amount", problem);
    const measure = repId === null ? null : readMeasure(row, repId, ctx);
    if (repId === null || label === null || amount === null || measure === null || row.failed) continue;
    records.push({ row, repId, measure, label, amount });
  }
  return records;
}

/** RepID, checked against Reps (when Reps could be read). */
export function readRepId(row: RowReader, reps: RepsRead): string | null {
  const id = row.required("repId", text);
  if (id === null || !reps.readable || reps.ids.has(id)) return id;
  // Matched as Excel matches, ignoring case: "e1101" is rep "E1101".
  const known = reps.canonical.get(id.toLowerCase());
  if (known !== undefined) return known;
  row.error("repId", `RepID "${id}" is not in Reps`);
  return null;
}

/** The row's measure as Plans spells it; null when the row can't be used. */
function readMeasure(row: RowReader, repId: string, { reps, plans }: RowContext): string | null {
  const plan = reps.planOf.get(repId);
  const written = row.optional("measure", text);
  if (written === null) return plan === undefined ? null : (plans.firstMeasure.get(plan) ?? null);
  if (!plans.readable) return written;
  const measure = plans.measures.get(written);
  if (measure === undefined) {
    row.warn(
      "measure",
      `Measure "${written}" is not in any plan (measures: ${listForMessage(plans.measures.list())}); this row is not used`,
    );
    return null;
  }
  if (plan !== undefined && !plans.planMeasures.get(plan)?.has(measure))
    row.warn("measure", `Rep ${repId}'s plan ${plan} has no measure ${measure}, so this row is not paid`);
  return measure;
}

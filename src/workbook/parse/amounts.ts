import { Decimal } from "../../engine";
import type { Issue, RawTable } from "../types";
import { cachedMoney, money, quotaProblem } from "./cells/money";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import { mapColumns, type FieldSpec } from "./headers";
import { listForMessage } from "./names";
import { cachedPeriodLabel, type PeriodLabel } from "./periods";
import type { PlansRead } from "./plans";
import { TableReader, type RowReader } from "./reader";
import { RowAmount } from "./rowAmount";
import { REP_ID_FIELD, type RepsRead } from "./reps";

export type AmountKind = "Quotas" | "Actuals" | "Scores";

const PERIOD_FIELD: FieldSpec = { key: "period", name: "Period", aliases: ["Month", "Period Label"], required: true };
const MEASURE_FIELD: FieldSpec = { key: "measure", name: "Measure", aliases: ["Metric", "Measure Name"] };

export const AMOUNT_FIELDS: Record<AmountKind, readonly FieldSpec[]> = {
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
  Scores: [
    REP_ID_FIELD,
    PERIOD_FIELD,
    MEASURE_FIELD,
    { key: "amount", name: "Score", aliases: ["MBO Score", "Score %", "Rating", "Achievement"], required: true },
  ],
};

/** The highest MBO score a Scores row may give (150%): above it, a typo is likelier than a plan. */
const SCORE_LIMIT = new Decimal("1.5");

/**
 * A table's usable Quotas, Actuals or Scores rows, before their period labels
 * are placed on the calendar: one RowAmount a row, its label beside it, and a
 * way back to the row to report a problem found later (a duplicate quota).
 */
export interface AmountRows {
  readonly amounts: RowAmount[];
  /** Row i's period label, as read. */
  readonly labels: PeriodLabel[];
  /** A reader of row i, to report on. */
  rowOf(i: number): RowReader;
}

const NO_ROWS: AmountRows = {
  amounts: [],
  labels: [],
  rowOf: () => {
    throw new Error("internal: no amount rows");
  },
};

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
): AmountRows {
  if (!table) return NO_ROWS;
  const columns = mapColumns(table, AMOUNT_FIELDS[kind], issues);
  if (!columns) return NO_ROWS;
  const amounts: RowAmount[] = [];
  const labels: PeriodLabel[] = [];
  const indexes: number[] = [];
  const period = cachedPeriodLabel();
  // Quotas repeat their amounts; credits rarely do.
  const amountParser = kind === "Scores" ? percent : kind === "Quotas" ? cachedMoney() : money;
  const reader = new TableReader(table, columns, issues);
  reader.forEachRow((row) => {
    const repId = readRepId(row, ctx.reps);
    const label = row.required("period", period);
    const amount = row.required("amount", amountParser);
    const problem =
      amount === null
        ? null
        : kind === "Quotas"
          ? quotaProblem(amount, row.reader.header("amount"))
          : kind === "Scores"
            ? scoreProblem(amount, row.reader.header("amount"))
            : null;
    if (problem) row.error("amount", problem);
    const measure = repId === null ? null : readMeasure(row, repId, ctx);
    if (measure !== null && kind !== "Quotas" && isScoreMeasure(ctx, repId!, measure) !== (kind === "Scores")) {
      // Scores feed MBO measures only, Actuals every other measure.
      row.error(
        "measure",
        kind === "Scores"
          ? `${measure} is not a Score (MBO) measure: Scores rows are for measures whose Basis is Score; its credit goes in Actuals`
          : `${measure} is a Score (MBO) measure: its attainment is entered in the Scores table, not as an amount in Actuals`,
      );
      return;
    }
    if (repId === null || label === null || amount === null || measure === null || row.failed) return;
    amounts.push(new RowAmount(repId, measure, amount, table.name, row.excelRow));
    labels.push(label);
    indexes.push(row.index);
  });
  return { amounts, labels, rowOf: (i) => reader.row(indexes[i]) };
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

function scoreProblem(score: Decimal, label: string): string | null {
  if (score.isNeg()) return `${label} can't be negative`;
  if (score.gt(SCORE_LIMIT))
    return `${label} ${score.times(100).toString()}% is above 150%; an MBO score is 0% to 150%`;
  return null;
}

/** Whether the rep's plan pays `measure` on a score (its baseline plan; else any plan that has it as Score). */
function isScoreMeasure({ reps, plans }: RowContext, repId: string, measure: string): boolean {
  const plan = plans.plans.get(reps.planOf.get(repId) ?? "");
  // A loop, not find(): no closure made for each of half a million rows.
  if (plan) for (const m of plan.measures) if (m.measure === measure) return m.basis === "Score";
  return plans.scoreMeasures.has(measure);
}

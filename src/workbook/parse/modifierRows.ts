import type { Decimal, MeasurePlan, Modifier } from "../../engine";
import { multiple } from "./cells/multiple";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import type { FieldSpec } from "./headers";
import type { NameIndex } from "./names";
import type { RowReader } from "./reader";
import { linkedMeasureOf, MEASURED, MEASURED_FIELD } from "./linkedMeasure";

/**
 * The Modifiers table: a linked measure's multiplier, one row per step
 * ("New ARR × 0.8 while Renewals is below 90%, × 1 from 90%, × 1.1 from 110%").
 */
export const MODIFIER_FIELDS: readonly FieldSpec[] = [
  { key: "plan", name: "Plan", aliases: ["Plan Name", "Comp Plan"], required: true },
  { key: "measure", name: "Measure", aliases: ["Metric", "Measure Name", "Modified Measure"] },
  {
    key: "linked",
    name: "LinkedMeasure",
    aliases: ["Linked Measure", "Linked Metric", "Modifier Measure"],
    required: true,
  },
  { key: "from", name: "From", aliases: ["Linked From", "From Attainment", "Lower", "Min"], required: true },
  { key: "factor", name: "Multiplier", aliases: ["Factor", "Modifier", "Payout Multiplier"], required: true },
  MEASURED_FIELD,
  { key: "scenario", name: "Scenario", aliases: ["Scenario Name"] },
];

/** A Modifiers row read, before it is tied to a plan version's measure. */
export interface ModifierRow {
  readonly row: RowReader;
  readonly plan: string | null;
  readonly measure: string | null;
  readonly scenario: string | null;
  readonly linked: string | null;
  readonly step: { readonly from: Decimal; readonly factor: Decimal } | null;
  readonly measured: Modifier["measured"] | null;
}

export function readModifierRow(row: RowReader): ModifierRow {
  const from = row.required("from", percent);
  const factor = row.required("factor", multiple);
  if (from?.isNeg()) row.error("from", `${row.reader.header("from")} can't be negative`);
  if (factor?.isNeg()) row.error("factor", `${row.reader.header("factor")} can't be negative`);
  return {
    row,
    plan: row.required("plan", text),
    measure: row.optional("measure", text),
    scenario: row.optional("scenario", text),
    linked: row.required("linked", text),
    step: from === null || factor === null || row.failed ? null : { from, factor },
    measured: row.optional("measured", MEASURED),
  };
}

/**
 * One measure's modifier from its rows: they must name one linked measure of
 * the same plan (not itself) and one Measured, each From once. Null when a row
 * is wrong (reported on its cell).
 */
export function modifierOf(
  rows: readonly ModifierRow[],
  m: MeasurePlan,
  planMeasures: readonly string[],
  measures: NameIndex,
  where: string,
): Modifier | null {
  const link = linkedMeasureOf(rows, m, planMeasures, measures, where, {
    twoLinks: (linked, other) =>
      `has modifier rows linked to ${linked} and to ${other}: a measure's payout is modified by one linked measure`,
    itself: "cannot be modified by its own attainment: its tiers already pay on it; link another measure of the plan",
  });
  const linked = link.linked;
  let bad = !link.ok;
  const measured = rows.find((r) => r.measured !== null)?.measured ?? "Period";
  for (const r of rows) {
    if (r.measured !== null && r.measured !== measured) {
      r.row.error("measured", `${m.measure}${where} has modifier rows measured ${measured} and ${r.measured}: say one`);
      bad = true;
    }
  }
  const steps = rows
    .filter((r) => r.step !== null)
    .map((r) => ({ ...r.step!, source: r.row.source, row: r.row }))
    .sort((a, b) => a.from.comparedTo(b.from));
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].from.eq(steps[i - 1].from)) {
      steps[i].row.error(
        "from",
        `${m.measure}${where} has two modifier rows from ${steps[i].from.times(100).toString()}%: keep one`,
      );
      bad = true;
    }
  }
  if (bad || linked === null || rows.some((r) => r.step === null)) return null;
  return {
    linkedMeasure: linked,
    measured,
    steps: steps.map(({ from, factor, source }) => ({ from, factor, source })),
  };
}

import type { Decimal, MatrixMode, MeasurePlan, PayoutMatrix } from "../../engine";
import { choice } from "./cells/enums";
import { multiple } from "./cells/multiple";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import type { FieldSpec } from "./headers";
import type { NameIndex } from "./names";
import type { RowReader } from "./reader";
import { linkedMeasureOf, MEASURED, MEASURED_FIELD } from "./linkedMeasure";

/**
 * The PayoutMatrix table: a measure paid a multiple of its target incentive
 * looked up from its own attainment and a linked measure's, one row per cell
 * of the grid ("New ARR 100% × Renewals 90%: 0.9×").
 */
export const MATRIX_FIELDS: readonly FieldSpec[] = [
  { key: "plan", name: "Plan", aliases: ["Plan Name", "Comp Plan"], required: true },
  { key: "measure", name: "Measure", aliases: ["Metric", "Measure Name", "Row Measure"] },
  {
    key: "linked",
    name: "LinkedMeasure",
    aliases: ["Linked Metric", "Column Measure", "Matrix Measure"],
    required: true,
  },
  {
    key: "attainment",
    name: "Attainment",
    aliases: ["Row Attainment", "Measure Attainment", "Own Attainment"],
    required: true,
  },
  {
    key: "linkedAttainment",
    name: "LinkedAttainment",
    aliases: ["Column Attainment", "Linked From"],
    required: true,
  },
  { key: "multiple", name: "Multiple", aliases: ["Payout Multiple", "Payout", "Multiplier"], required: true },
  { key: "mode", name: "Mode", aliases: ["Matrix Mode", "Lookup", "Interpolation"] },
  MEASURED_FIELD,
  { key: "scenario", name: "Scenario", aliases: ["Scenario Name"] },
];

const MODE = choice<MatrixMode>({
  Stepped: ["Step", "Steps", "Cell", "Band", "Bands"],
  Interpolated: ["Interpolate", "Interpolation", "Linear", "Bilinear"],
});

/** A PayoutMatrix row read, before it is tied to a plan version's measure. */
export interface MatrixRow {
  readonly row: RowReader;
  readonly plan: string | null;
  readonly measure: string | null;
  readonly scenario: string | null;
  readonly linked: string | null;
  readonly cell: { readonly attainment: Decimal; readonly linked: Decimal; readonly multiple: Decimal } | null;
  readonly mode: MatrixMode | null;
  readonly measured: PayoutMatrix["measured"] | null;
}

export function readMatrixRow(row: RowReader): MatrixRow {
  const attainment = row.required("attainment", percent);
  const linkedAttainment = row.required("linkedAttainment", percent);
  const value = row.required("multiple", multiple);
  for (const [key, v] of [
    ["attainment", attainment],
    ["linkedAttainment", linkedAttainment],
    ["multiple", value],
  ] as const)
    if (v?.isNeg()) row.error(key, `${row.reader.header(key)} can't be negative`);
  return {
    row,
    plan: row.required("plan", text),
    measure: row.optional("measure", text),
    scenario: row.optional("scenario", text),
    linked: row.required("linked", text),
    cell:
      attainment === null || linkedAttainment === null || value === null || row.failed
        ? null
        : { attainment, linked: linkedAttainment, multiple: value },
    mode: row.optional("mode", MODE),
    measured: row.optional("measured", MEASURED),
  };
}

/**
 * One measure's payout matrix from its rows: they must name one linked
 * measure of the same plan (not itself), one Mode and one Measured, each cell
 * once. Null when a row is wrong (reported on its cell).
 */
export function matrixOf(
  rows: readonly MatrixRow[],
  m: MeasurePlan,
  planMeasures: readonly string[],
  measures: NameIndex,
  where: string,
): PayoutMatrix | null {
  const link = linkedMeasureOf(rows, m, planMeasures, measures, where, {
    twoLinks: (linked, other) =>
      `has payout matrix rows linked to ${linked} and to ${other}: a matrix has one linked measure (its columns)`,
    itself:
      "cannot be its own linked measure: its rows are already its own attainment; link another measure of the plan for the columns",
  });
  const linked = link.linked;
  let bad = !link.ok;
  const agreed = <K extends "mode" | "measured">(key: K, name: string, fallback: NonNullable<MatrixRow[K]>) => {
    const value = rows.find((r) => r[key] !== null)?.[key] ?? fallback;
    for (const r of rows) {
      if (r[key] !== null && r[key] !== value) {
        r.row.error(key, `${m.measure}${where} has payout matrix rows with ${name} ${value} and ${r[key]}: say one`);
        bad = true;
      }
    }
    return value as NonNullable<MatrixRow[K]>;
  };
  const mode = agreed("mode", "Mode", "Stepped");
  const measured = agreed("measured", "Measured", "Period");
  const seen: { readonly attainment: Decimal; readonly linked: Decimal; readonly row: RowReader }[] = [];
  for (const r of rows) {
    if (r.cell === null) continue;
    const { attainment, linked: at } = r.cell;
    const twin = seen.find((s) => s.attainment.eq(attainment) && s.linked.eq(at));
    if (twin) {
      r.row.error(
        "attainment",
        `${m.measure}${where} has two payout matrix cells at ${pct(attainment)} × ${pct(at)} (rows ${twin.row.excelRow} and ${r.row.excelRow}): keep one`,
      );
      bad = true;
    } else seen.push({ attainment, linked: at, row: r.row });
  }
  if (bad || linked === null || rows.some((r) => r.cell === null)) return null;
  return {
    linkedMeasure: linked,
    measured,
    mode,
    cells: rows.map((r) => ({ ...r.cell!, source: r.row.source })),
  };
}

const pct = (d: Decimal) => `${d.times(100).toString()}%`;

import type { MeasurePlan, Modifier } from "../../engine";
import { choice } from "./cells/enums";
import type { FieldSpec } from "./headers";
import type { NameIndex } from "./names";
import type { RowReader } from "./reader";

/** Where the linked measure's attainment is taken (Modifiers and PayoutMatrix alike): its Measured column. */
export const MEASURED_FIELD: FieldSpec = {
  key: "measured",
  name: "Measured",
  aliases: ["Linked Period", "Measured On", "Measured Over"],
};

export const MEASURED = choice<Modifier["measured"]>({
  Period: ["Same Period", "This Period", "Per Period"],
  YTD: ["Year To Date", "Cumulative"],
});

/** What a row of a table that links two measures (Modifiers, PayoutMatrix) says about the link. */
export interface LinkRow {
  readonly row: RowReader;
  readonly linked: string | null;
}

/** How a table says what is wrong with its link. */
export interface LinkWording {
  /** Two linked measures on one measure's rows. */
  twoLinks(linked: string, other: string): string;
  /** The measure linked to itself. */
  itself: string;
}

/**
 * The one other measure of the same plan that a measure's rows link to, as
 * the plan spells it; each wrong row reported on its LinkedMeasure cell.
 * `ok` is false when any row is wrong.
 */
export function linkedMeasureOf(
  rows: readonly LinkRow[],
  m: MeasurePlan,
  planMeasures: readonly string[],
  measures: NameIndex,
  where: string,
  wording: LinkWording,
): { readonly linked: string | null; readonly ok: boolean } {
  let ok = true;
  // Each row's own fault first (a link to itself, a name the plan lacks: a typo is a typo, not a second link);
  // then the rows that name real measures must name one.
  let linked: string | null = null;
  for (const r of rows) {
    const name = r.linked === null ? null : (measures.get(r.linked) ?? r.linked);
    if (name === null) ok = false;
    else if (name === m.measure) {
      r.row.error("linked", `${m.measure}${where} ${wording.itself}`);
      ok = false;
    } else if (!planMeasures.includes(name)) {
      r.row.error(
        "linked",
        `The plan${where} has no measure "${name}" to link to (its measures: ${planMeasures.join(", ")})`,
      );
      ok = false;
    } else if (linked === null) linked = name;
    else if (name !== linked) {
      r.row.error("linked", `${m.measure}${where} ${wording.twoLinks(linked, name)}`);
      ok = false;
    }
  }
  return { linked, ok };
}

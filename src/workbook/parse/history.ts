import { ZERO } from "../../engine/decimal";
import type { AttainmentRecord } from "../../engine/types";
import type { Issue, RawTable } from "../types";
import { isDateFormat, ok, type CellParser } from "./cells/cell";
import { serialToIso } from "./cells/dates";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import { mapColumns, type FieldSpec } from "./headers";
import { TableReader } from "./reader";
import { REP_ID_FIELD } from "./reps";

const FIELDS: readonly FieldSpec[] = [
  { ...REP_ID_FIELD, required: false },
  { key: "period", name: "Period", aliases: ["Year", "Period Label"] },
  {
    key: "attainment",
    name: "Attainment",
    aliases: ["Attainment %", "Quota Attainment", "Pct Of Quota"],
    required: true,
  },
];

/** A period kept as written; an Excel date becomes its ISO day. */
const periodText: CellParser<string> = (cell, ctx) => {
  if (typeof cell === "number" && isDateFormat(ctx.format)) {
    const d = serialToIso(cell);
    if (d.ok) return ok(d.value);
  }
  return text(cell, ctx);
};

/**
 * AttainmentHistory: past attainment per rep and period, for the Historical
 * distribution. Reps who have left still count, so RepID is not checked
 * against Reps.
 */
export function readAttainmentHistory(table: RawTable | undefined, issues: Issue[]): AttainmentRecord[] {
  if (!table) return [];
  const columns = mapColumns(table, FIELDS, issues);
  if (!columns) return [];
  const records: AttainmentRecord[] = [];
  for (const row of new TableReader(table, columns, issues).rows()) {
    const repId = row.optional("repId", text);
    const period = row.optional("period", periodText) ?? "";
    const attainment = row.required("attainment", percent);
    if (attainment?.lt(ZERO)) row.error("attainment", `${row.reader.header("attainment")} can't be negative`);
    if (attainment !== null && !row.failed) records.push({ repId, period, attainment });
  }
  return records;
}

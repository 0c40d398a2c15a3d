import { columnLetter, headerIssue, tableIssue } from "../issues";
import type { Issue, RawTable } from "../types";
import { isEmptyCell, normalizeKey } from "./cells/cell";

/** A column an input table understands: its name and the other headers accepted for it. */
export interface FieldSpec {
  readonly key: string;
  /** The documented header, e.g. "TargetVariable". */
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly required?: boolean;
}

/** Free-text columns people add to any table; never reported as unknown. */
const REMARK_COLUMNS = new Set(["note", "notes", "comment", "comments", "description", "remarks"]);

export interface MapOptions {
  /** Takes columns whose names are patterns (Reps `Quota <Measure>`); return true when claimed. */
  readonly claim?: (header: string, normalized: string, colIndex: number) => boolean;
}

/**
 * Maps a table's headers onto fields (key -> 0-based column index), matching
 * case-insensitively and ignoring spaces, underscores and punctuation.
 * Reports duplicate headers (Error), missing required columns (Error, and
 * then returns null because no row can be read), unknown columns (one Info
 * per table) and values under a blank header (Info).
 */
export function mapColumns(
  table: RawTable,
  specs: readonly FieldSpec[],
  issues: Issue[],
  options: MapOptions = {},
): Map<string, number> | null {
  const lookup = new Map<string, FieldSpec>();
  for (const spec of specs)
    for (const name of [spec.name, ...(spec.aliases ?? [])]) lookup.set(normalizeKey(name), spec);

  const columns = new Map<string, number>();
  const unknown: string[] = [];
  let firstUnknown = -1;
  const headless: string[] = [];
  table.headers.forEach((raw, i) => {
    const header = String(raw ?? "").trim();
    if (header === "") {
      if (table.rows.some((row) => !isEmptyCell(row[i]))) headless.push(columnLetter(table.firstColumn + i));
      return;
    }
    const key = normalizeKey(header);
    const spec = lookup.get(key);
    if (spec) {
      const first = columns.get(spec.key);
      if (first === undefined) columns.set(spec.key, i);
      else
        issues.push(
          headerIssue(
            table,
            i,
            "Error",
            `Columns "${table.headers[first]}" and "${header}" both mean ${spec.name}; keep one of them`,
          ),
        );
    } else if (!REMARK_COLUMNS.has(key) && !options.claim?.(header, key, i)) {
      if (unknown.length === 0) firstUnknown = i;
      unknown.push(header);
    }
  });

  if (unknown.length > 0) {
    // Placed on the first such header cell (each one is named in the message).
    issues.push(
      headerIssue(
        table,
        firstUnknown,
        "Info",
        `${table.name}: ${plural(unknown.length, "column")} not used: ${unknown.map((h) => `"${h}"`).join(", ")} (columns read: ${specs.map((s) => s.name).join(", ")})`,
      ),
    );
  }
  if (headless.length > 0) {
    issues.push({
      ...tableIssue(
        table,
        "Info",
        `${table.name}: ${plural(headless.length, "column")} ${headless.join(", ")} ${headless.length > 1 ? "have" : "has"} values but no header, so ${headless.length > 1 ? "they are" : "it is"} not read`,
      ),
      row: table.headerRow,
    });
  }

  let complete = true;
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.key)) {
      complete = false;
      issues.push(
        tableIssue(
          table,
          "Error",
          `${table.name} has no ${spec.name} column; add one (accepted headers: ${acceptedNames(spec)})`,
        ),
      );
    }
  }
  return complete ? columns : null;
}

export function acceptedNames(spec: FieldSpec): string {
  return [spec.name, ...(spec.aliases ?? [])].join(", ");
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

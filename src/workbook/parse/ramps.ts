import { ZERO, type Decimal, type RampSchedule } from "../../engine";
import type { Issue, RawTable } from "../types";
import { integer } from "./cells/numbers";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import { formatPercent, formatRows } from "./format";
import { mapColumns, type FieldSpec } from "./headers";
import { NameIndex } from "./names";
import type { RowReader } from "./reader";
import { TableReader } from "./reader";

export const RAMPS_FIELDS: readonly FieldSpec[] = [
  { key: "ramp", name: "Ramp", aliases: ["Ramp Name", "Ramp Schedule", "Schedule", "Name"], required: true },
  { key: "month", name: "Month", aliases: ["Month Of Tenure", "Tenure Month"], required: true },
  {
    key: "quotaPct",
    name: "QuotaPct",
    aliases: ["Quota %", "Quota Percent", "Pct", "Percent", "Quota Share"],
    required: true,
  },
  { key: "guarantee", name: "Guarantee", aliases: ["Ramp Guarantee", "Guarantee %", "Guaranteed"] },
];

export interface RampsRead {
  /** Every ramp named in the table, valid or not (so Reps can tell "unknown" from "broken"). */
  readonly names: NameIndex;
  readonly ramps: Map<string, RampSchedule>;
  readonly present: boolean;
}

interface RampRow {
  readonly row: RowReader;
  readonly month: number;
  readonly quotaPct: Decimal;
  readonly guarantee: Decimal | null;
}

/** The last tenure month a ramp may name: ten years. A schedule is held month by month, so this bounds its size. */
export const MAX_RAMP_MONTH = 120;

/** Ramps: quota percent by month of tenure (1, 2, … without gaps) and an optional guarantee on any row. */
export function readRamps(table: RawTable | undefined, issues: Issue[]): RampsRead {
  const names = new NameIndex();
  const ramps = new Map<string, RampSchedule>();
  if (!table) return { names, ramps, present: false };
  const columns = mapColumns(table, RAMPS_FIELDS, issues);
  if (!columns) return { names, ramps, present: true };

  const groups = new Map<string, { rows: RampRow[]; broken: boolean }>();
  for (const row of new TableReader(table, columns, issues).rows()) {
    const name = row.required("ramp", text);
    const month = row.required("month", integer);
    const quotaPct = row.required("quotaPct", percent);
    const guarantee = row.optional("guarantee", percent);
    if (month !== null && month < 1)
      row.error("month", `${row.reader.header("month")} ${month} must be 1 or more (1 = first month of tenure)`);
    else if (month !== null && month > MAX_RAMP_MONTH)
      row.error(
        "month",
        `${row.reader.header("month")} ${month} is more than ${MAX_RAMP_MONTH}: a ramp covers at most ten years of tenure`,
      );
    if (quotaPct?.lt(ZERO)) row.error("quotaPct", `${row.reader.header("quotaPct")} can't be negative`);
    if (guarantee?.lt(ZERO)) row.error("guarantee", `${row.reader.header("guarantee")} can't be negative`);
    if (name === null) continue;
    const key = names.add(name);
    const group = groups.get(key) ?? { rows: [], broken: false };
    groups.set(key, group);
    if (row.failed) group.broken = true;
    else group.rows.push({ row, month: month!, quotaPct: quotaPct!, guarantee });
  }

  for (const [name, group] of groups) {
    const schedule = buildRamp(name, group.rows);
    if (schedule && !group.broken) ramps.set(name, schedule);
  }
  return { names, ramps, present: true };
}

function buildRamp(name: string, rows: RampRow[]): RampSchedule | null {
  let ok = true;
  const byMonth = new Map<number, RampRow>();
  for (const r of rows) {
    const earlier = byMonth.get(r.month);
    if (earlier) {
      r.row.error(
        "month",
        `Ramp ${name} gives month ${r.month} twice (${formatRows([earlier.row.excelRow, r.row.excelRow])})`,
      );
      ok = false;
    } else byMonth.set(r.month, r);
  }
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const missing = months.length === 0 ? [] : range(1, months[months.length - 1]).filter((m) => !byMonth.has(m));
  if (missing.length > 0) {
    // On the Month cell of the first row after the gap: the row the user will look at to see what is missing.
    const after = byMonth.get(months.find((m) => m > missing[0])!)!;
    after.row.error(
      "month",
      `Ramp ${name} has no row for month ${missing.join(", ")}: months must run 1, 2, 3, … without gaps`,
    );
    ok = false;
  }
  const guarantees = rows.filter((r) => r.guarantee !== null);
  const distinct = new Set(guarantees.map((r) => r.guarantee!.toString()));
  if (distinct.size > 1) {
    const last = guarantees[guarantees.length - 1];
    last.row.error(
      "guarantee",
      `Ramp ${name} has different guarantees (${guarantees.map((r) => `${formatPercent(r.guarantee!)} on row ${r.row.excelRow}`).join(", ")}); a ramp has one guarantee`,
    );
    ok = false;
  }
  if (!ok) return null;
  return {
    name,
    quotaPct: months.map((m) => byMonth.get(m)!.quotaPct),
    guarantee: guarantees[0]?.guarantee ?? null,
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

import {
  ZERO,
  assertNever,
  weekCalendarOf,
  type Decimal,
  type AttainmentRecord,
  type PeriodsPerYear,
  type WeekCalendar,
  type WeekCalendarSpec,
} from "../../engine";
import type { Issue, RawTable } from "../types";
import { tableIssue } from "../issues";
import { isDateFormat, ok, type CellParser } from "./cells/cell";
import { dateParts, serialToIso } from "./cells/dates";
import { money } from "./cells/money";
import { percent } from "./cells/percent";
import { text } from "./cells/text";
import { formatAmount, formatRows } from "./format";
import { acceptedNames, mapColumns, type FieldSpec } from "./headers";
import { cachedPeriodLabel, fiscalMonthIndex, labelPlanYear, type PeriodLabel } from "./periods";
import { TableReader, type RowReader } from "./reader";
import { REP_ID_FIELD } from "./reps";

const ATTAINMENT_FIELD: FieldSpec = {
  key: "attainment",
  name: "Attainment",
  aliases: ["Attainment %", "Quota Attainment", "Pct Of Quota"],
};

export const HISTORY_FIELDS: readonly FieldSpec[] = [
  { ...REP_ID_FIELD, required: false },
  { key: "period", name: "Period", aliases: ["Year", "Period Label"] },
  // Required unless Quota and Actual are both columns (checked below).
  ATTAINMENT_FIELD,
  { key: "quota", name: "Quota", aliases: ["Period Quota", "Quota Amount"] },
  { key: "actual", name: "Actual", aliases: ["Credit", "Bookings", "Credited"] },
];

/** Attainment written and Actual ÷ Quota may differ by this much (0.05 percentage points) before a warning. */
const ATTAINMENT_TOLERANCE = "0.0005";

export interface HistorySettings {
  /** 1 = January. */
  readonly fiscalYearStartMonth: number;
  /** A week calendar (4-4-5, …): a dated record is placed in the fiscal month holding it. */
  readonly calendar?: WeekCalendarSpec;
}

type Placed = NonNullable<AttainmentRecord["placed"]>;

/** A Period cell: its text as written (an Excel date becomes its ISO day) and, when it reads as one, its period label. */
interface PeriodCell {
  readonly written: string;
  readonly label: PeriodLabel | null;
}

function periodCell(): CellParser<PeriodCell> {
  const periodLabel = cachedPeriodLabel();
  return (cell, ctx) => {
    const label = periodLabel(cell, ctx);
    if (typeof cell === "number" && isDateFormat(ctx.format)) {
      const d = serialToIso(cell);
      if (d.ok) return ok({ written: d.value, label: label.ok ? label.value : null });
    }
    const written = text(cell, ctx);
    if (!written.ok) return written;
    return ok({ written: written.value, label: label.ok ? label.value : null });
  };
}

/**
 * Where a label sits in its plan year: Year → 1 period, Half → 2, Quarter →
 * 4, Month (or a day: its month) → 12, months counted from FiscalYearStart.
 * null when the label names no year.
 */
function placeLabel(label: PeriodLabel, fiscalYearStart: number, calendar: WeekCalendar | null = null): Placed | null {
  const year = labelPlanYear(label, fiscalYearStart, calendar);
  if (year === null) return null;
  switch (label.kind) {
    case "Year":
      return { year, periodsPerYear: 1, index: 0 };
    case "Half":
      return { year, periodsPerYear: 2, index: label.half - 1 };
    case "Quarter":
      return { year, periodsPerYear: 4, index: label.quarter - 1 };
    case "Month":
      return { year, periodsPerYear: 12, index: fiscalMonthIndex(label.month, fiscalYearStart) };
    case "FiscalMonth":
      return { year, periodsPerYear: 12, index: label.period - 1 };
    case "Day":
      return {
        year,
        periodsPerYear: 12,
        index: calendar
          ? calendar.monthOf(label.date).index
          : fiscalMonthIndex(dateParts(label.date).month, fiscalYearStart),
      };
    default:
      return assertNever(label);
  }
}

const GRAIN: Record<PeriodsPerYear, string> = { 1: "yearly", 2: "half-yearly", 4: "quarterly", 12: "monthly" };
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Q3 of plan year 2025", "Mar 2025" (a month is named as on the calendar). */
function describePlaced(p: Placed, fiscalYearStart: number): string {
  switch (p.periodsPerYear) {
    case 1:
      return `plan year ${p.year}`;
    case 2:
      return `H${p.index + 1} of plan year ${p.year}`;
    case 4:
      return `Q${p.index + 1} of plan year ${p.year}`;
    case 12: {
      const m = fiscalYearStart - 1 + p.index;
      return `${MONTH_NAMES[m % 12]} ${p.year + Math.floor(m / 12)}`;
    }
    default:
      return assertNever(p.periodsPerYear);
  }
}

/** A fraction for a message, to two decimals of a percent: 0.33333 -> "33.33%". */
function shortPercent(value: Decimal): string {
  return `${value.times(100).toDecimalPlaces(2).toFixed()}%`;
}

/**
 * AttainmentHistory: past attainment per rep and period, for the Historical
 * distribution and the period and team swings of the realistic model. Reps
 * who have left still count, so RepID is not checked against Reps. Each
 * period is placed in its plan year (FiscalYearStart decides where months
 * fall); a period that names no plan year counts as a whole year.
 */
export function readAttainmentHistory(
  table: RawTable | undefined,
  issues: Issue[],
  settings: HistorySettings = { fiscalYearStartMonth: 1 },
): AttainmentRecord[] {
  if (!table) return [];
  const columns = mapColumns(table, HISTORY_FIELDS, issues);
  if (!columns) return [];
  const fy = settings.fiscalYearStartMonth;
  const calendar = weekCalendarOf(settings);
  const reader = new TableReader(table, columns, issues);
  const fromAmounts = reader.has("quota") && reader.has("actual");
  if (!reader.has("attainment") && !fromAmounts) {
    issues.push(
      tableIssue(
        table,
        "Error",
        `${table.name} has no ${ATTAINMENT_FIELD.name} column; add one (accepted headers: ${acceptedNames(ATTAINMENT_FIELD)}), or give both Quota and Actual columns`,
      ),
    );
    return [];
  }
  const h = (key: string) => reader.header(key);
  const periodParser = periodCell();

  const records: AttainmentRecord[] = [];
  /** Per rep and plan year: the grain of its first placed row, and the rows of each period. */
  const repYears = new Map<
    string,
    { periodsPerYear: PeriodsPerYear; excelRow: number; periods: Map<number, number> }
  >();
  const unplaced: { row: RowReader; why: string }[] = [];

  for (const row of reader.rows()) {
    const repId = row.optional("repId", text);
    const period = row.optional("period", periodParser);
    const quota = row.optional("quota", money);
    const actual = row.optional("actual", money);
    const written = row.optional("attainment", percent);

    if (quota?.lt(ZERO)) row.error("quota", `${h("quota")} can't be negative`);
    if (actual?.lt(ZERO)) row.error("actual", `${h("actual")} can't be negative`);
    if (written?.lt(ZERO)) row.error("attainment", `${h("attainment")} can't be negative`);
    if (quota?.isZero() && actual !== null)
      row.error(
        "quota",
        `${h("quota")} can't be 0 when ${h("actual")} is given: attainment is ${h("actual")} ÷ ${h("quota")}`,
      );

    const computed = quota !== null && actual !== null && quota.gt(ZERO) ? actual.div(quota) : null;
    if (row.blank("attainment") && (row.blank("quota") || row.blank("actual"))) {
      if (!reader.has("attainment")) {
        for (const key of ["quota", "actual"]) if (row.blank(key)) row.error(key, `${h(key)} is required`);
      } else if (fromAmounts)
        row.error(
          "attainment",
          `${h("attainment")} is required, unless ${h("quota")} and ${h("actual")} are both given`,
        );
      else row.error("attainment", `${h("attainment")} is required`);
    }
    if (!row.failed && written !== null && computed !== null && written.minus(computed).abs().gt(ATTAINMENT_TOLERANCE))
      row.warn(
        "attainment",
        `${h("attainment")} ${shortPercent(written)} differs from ${h("actual")} ÷ ${h("quota")} = ${formatAmount(actual!)} ÷ ${formatAmount(quota!)} = ${shortPercent(computed)}; the ${h("attainment")} written is used`,
      );
    if (written !== null && actual !== null && row.blank("quota") && !row.failed)
      row.warn("actual", `${h("actual")} is not used without ${h("quota")}; the ${h("attainment")} written is used`);

    const attainment = written ?? computed;
    const placed = period?.label ? placeLabel(period.label, fy, calendar) : null;
    if (placed && repId !== null && !row.failed) checkPlacement(row, repId, placed);
    if (attainment === null || row.failed) continue;

    if (period !== null && placed === null)
      unplaced.push({
        row,
        why: `${h("period")} "${period.written}" ${period.label ? "names no year" : "is not a period label"}`,
      });
    records.push({
      repId,
      period: period?.written ?? "",
      attainment,
      placed,
      quota,
      source: row.source,
    });
  }

  if (unplaced.length > 0) {
    const [{ row, why }] = unplaced;
    const more = unplaced.length - 1;
    const counted =
      more === 0
        ? "this record is counted as a whole year"
        : `this record and ${more} more like it are each counted as a whole year`;
    row.warn(
      "period",
      `${why}, so it can't be placed in a plan year: ${counted}. Write the year, e.g. 2025, 2025-Q1, 2025-03, Mar 2025 or a date`,
    );
  }
  return records;

  function checkPlacement(row: RowReader, repId: string, placed: Placed): void {
    const key = `${repId}\u0000${placed.year}`;
    const seen = repYears.get(key);
    if (seen === undefined) {
      repYears.set(key, {
        periodsPerYear: placed.periodsPerYear,
        excelRow: row.excelRow,
        periods: new Map([[placed.index, row.excelRow]]),
      });
      return;
    }
    if (seen.periodsPerYear !== placed.periodsPerYear) {
      row.error(
        "period",
        `Rep ${repId} has ${GRAIN[seen.periodsPerYear]} and ${GRAIN[placed.periodsPerYear]} periods in plan year ${placed.year} (${formatRows([seen.excelRow, row.excelRow])}); use one period length per rep and year`,
      );
      return;
    }
    const earlier = seen.periods.get(placed.index);
    if (earlier !== undefined) {
      row.error(
        "period",
        `Rep ${repId} has ${describePlaced(placed, fy)} twice (${formatRows([earlier, row.excelRow])}); keep one`,
      );
      return;
    }
    seen.periods.set(placed.index, row.excelRow);
  }
}

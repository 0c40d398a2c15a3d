import type { Decimal } from "./decimal";
import type { Period } from "./periods";
import type { PeriodAmount } from "./types";
import type { EngineIssue } from "./issues";

/**
 * Quotas and credited amounts bucketed into a plan's payout periods: per
 * measure, per rep, one Decimal per period (null where no row fell in it).
 * Two levels of maps rather than a joined string key: 480,000 rows should not
 * build 480,000 strings.
 */
export class PeriodBuckets {
  private readonly byMeasure = new Map<string, Map<string, (Decimal | null)[]>>();

  get(repId: string, measure: string): readonly (Decimal | null)[] | undefined {
    return this.byMeasure.get(measure)?.get(repId);
  }

  /** Adds `amount` into period `index` of (rep, measure). */
  add(repId: string, measure: string, index: number, length: number, amount: Decimal): void {
    let reps = this.byMeasure.get(measure);
    if (!reps) {
      reps = new Map();
      this.byMeasure.set(measure, reps);
    }
    let list = reps.get(repId);
    if (!list) {
      list = new Array<Decimal | null>(length).fill(null);
      reps.set(repId, list);
    }
    const current = list[index];
    list[index] = current === null ? amount : current.plus(amount);
  }
}

/**
 * Sums each amount into the period that contains its whole span. A span that
 * straddles two periods (a quarterly actual under a monthly plan) cannot be
 * split without guessing, so it is reported; a span outside the plan year is
 * reported and left out.
 */
export function bucketAmounts(
  amounts: readonly PeriodAmount[],
  periodsOf: (repId: string) => readonly Period[] | null,
  table: string,
  issues: EngineIssue[],
  /** Whose problems are reported here (amounts bucketed only for a manager's roll-up are another kind's to report). */
  reportsFor: (repId: string) => boolean = () => true,
  /** One row per period (a score), not amounts to add up: a second row in a period is an error. */
  once = false,
): PeriodBuckets {
  const buckets = new PeriodBuckets();
  let outside = 0;
  let firstOutside = "";
  // Indexed: half a million rows, and no iterator result made per row where the loop is not optimized yet.
  for (let i = 0; i < amounts.length; i++) {
    const row = amounts[i];
    const periods = periodsOf(row.repId);
    if (periods === null) continue;
    const index = periodIndex(periods, row.start);
    if (index < 0) {
      if (!reportsFor(row.repId)) continue;
      outside++;
      if (!firstOutside) firstOutside = row.source ?? "";
      continue;
    }
    const period = periods[index];
    if (row.end > period.end) {
      if (!reportsFor(row.repId)) continue;
      issues.push({
        severity: "Error",
        source: row.source,
        column: "Period",
        message:
          `${table} amount for ${row.start}..${row.end} spans more than one payout period (${period.key} ends ${period.end}); give it per ${period.months === 1 ? "month" : "period"}.` +
          // A quarter label read on a fiscal year the user did not expect (Q3 of a year from April is Oct–Dec).
          " Quarter and half labels (2026-Q3) count from the fiscal year's start (Settings FiscalYearStart).",
      });
      continue;
    }
    if (once && buckets.get(row.repId, row.measure)?.[index] != null) {
      if (reportsFor(row.repId))
        issues.push({
          severity: "Error",
          source: row.source,
          column: "Period",
          message: `${table} has a second row for rep ${row.repId}, ${row.measure}, in ${period.key}: give one per payout period.`,
        });
      continue;
    }
    buckets.add(row.repId, row.measure, index, periods.length, row.amount);
  }
  if (outside > 0) {
    issues.push({
      severity: "Warning",
      source: firstOutside,
      column: "Period",
      message: `${outside} ${table} row(s) fall outside the plan year and were left out (first: ${firstOutside || "unknown row"}).`,
    });
  }
  return buckets;
}

/**
 * Index of the period containing an ISO date, by month arithmetic (periods are whole calendar months); on a week
 * calendar, the period whose days hold it; -1 outside.
 */
export function periodIndex(periods: readonly Period[], date: string): number {
  const first = periods[0];
  if (!first || date < first.start || date > periods[periods.length - 1].end) return -1;
  if (first.fiscalMonths !== undefined) return weekPeriodIndex(periods, date);
  const months = monthNumber(date) - monthNumber(first.start);
  return Math.floor(months / first.months);
}

/** Week-calendar periods are contiguous runs of days of unequal lengths: the first that ends on or after the date. */
function weekPeriodIndex(periods: readonly Period[], date: string): number {
  let i = 0;
  while (periods[i].end < date) i++;
  return i;
}

function monthNumber(date: string): number {
  // "2026-03-15" → 2026 × 12 + 2, read from the characters without building substrings.
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  return year * 12 + month - 1;
}

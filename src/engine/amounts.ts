import { Decimal, ZERO } from "./decimal";
import type { Period } from "./periods";
import type { PeriodAmount } from "./types";
import type { EngineIssue } from "./issues";

/**
 * Quotas and credited amounts bucketed into a plan's payout periods:
 * key `repId␟measure` → one Decimal per period (null where no row fell in it).
 */
export type PeriodBuckets = Map<string, (Decimal | null)[]>;

export function bucketKey(repId: string, measure: string): string {
  return `${repId}\u241f${measure}`;
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
): PeriodBuckets {
  const buckets: PeriodBuckets = new Map();
  let outside = 0;
  let firstOutside = "";
  for (const row of amounts) {
    const periods = periodsOf(row.repId);
    if (periods === null) continue;
    const index = periodIndex(periods, row.start);
    if (index < 0) {
      outside++;
      if (!firstOutside) firstOutside = row.source ?? "";
      continue;
    }
    const period = periods[index];
    if (row.end > period.end) {
      issues.push({
        severity: "Error",
        source: row.source,
        column: "Period",
        message: `${table} amount for ${row.start}..${row.end} spans more than one payout period (${period.key} ends ${period.end}); give it per ${period.months === 1 ? "month" : "period"}.`,
      });
      continue;
    }
    const key = bucketKey(row.repId, row.measure);
    let list = buckets.get(key);
    if (!list) {
      list = new Array<Decimal | null>(periods.length).fill(null);
      buckets.set(key, list);
    }
    list[index] = (list[index] ?? ZERO).plus(row.amount);
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

export function periodIndex(periods: readonly Period[], date: string): number {
  for (let i = 0; i < periods.length; i++) {
    if (date >= periods[i].start && date <= periods[i].end) return i;
  }
  return -1;
}

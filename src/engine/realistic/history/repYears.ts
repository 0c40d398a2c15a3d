import { Decimal, ZERO } from "../../decimal";
import type { AttainmentRecord, PeriodsPerYear } from "../../types";

/**
 * AttainmentHistory read as what it is: rep-years made of periods. A rep's
 * records in one plan year form a rep-year; its attainment (the level) is
 * Σ quota × attainment ÷ Σ quota when every period has a quota (credit over
 * quota), else the plain mean of its periods. The year-level distribution is
 * built from levels; the period swing from the periods inside them.
 */
export interface RepYear {
  readonly repId: string | null;
  /** Plan year; null for a record whose period could not be placed (it is a year of its own). */
  readonly year: number | null;
  readonly level: Decimal;
  /** Periods in calendar order, as attainments; empty for a record that is a whole year. */
  readonly periods: readonly Decimal[];
  /** Periods per year of those periods (1 when the record is a year). */
  readonly periodsPerYear: PeriodsPerYear;
  /** Σ period quotas when every period had one. */
  readonly quota: Decimal | null;
}

export function repYears(records: readonly AttainmentRecord[]): RepYear[] {
  const groups = new Map<string, AttainmentRecord[]>();
  const out: RepYear[] = [];
  records.forEach((r) => {
    const placed = r.placed ?? null;
    // A record without a RepID cannot be put with its year's other periods: it counts as a year of its own.
    if (placed === null || placed.periodsPerYear === 1 || r.repId === null) {
      out.push({
        repId: r.repId,
        year: placed?.year ?? null,
        level: r.attainment,
        periods: [],
        periodsPerYear: 1,
        quota: r.quota ?? null,
      });
      return;
    }
    const key = `${r.repId}\u0000${placed.year}\u0000${placed.periodsPerYear}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  });
  groups.forEach((list) => {
    const sorted = [...list].sort((a, b) => (a.placed?.index ?? 0) - (b.placed?.index ?? 0));
    const placed = sorted[0].placed!;
    const withQuota = sorted.every((r) => r.quota != null && r.quota.gt(ZERO));
    let level: Decimal;
    let quota: Decimal | null = null;
    if (withQuota) {
      quota = sorted.reduce((s, r) => s.plus(r.quota!), ZERO);
      level = sorted.reduce((s, r) => s.plus(r.quota!.times(r.attainment)), ZERO).div(quota);
    } else {
      level = sorted.reduce((s, r) => s.plus(r.attainment), ZERO).div(sorted.length);
    }
    out.push({
      repId: sorted[0].repId,
      year: placed.year,
      level,
      periods: sorted.map((r) => r.attainment),
      periodsPerYear: placed.periodsPerYear,
      quota,
    });
  });
  // Deterministic order whatever the table's order: by year, then rep.
  return out.sort(
    (a, b) =>
      (a.year ?? -1) - (b.year ?? -1) || compareText(a.repId ?? "", b.repId ?? "") || a.level.comparedTo(b.level),
  );
}

/** The years that have rep-years, ascending. */
export function historyYears(years: readonly RepYear[]): number[] {
  return [...new Set(years.flatMap((y) => (y.year === null ? [] : [y.year])))].sort((a, b) => a - b);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { AmountRows } from "./amounts";
import { formatRows } from "./format";
import type { Span } from "./periods";
import type { RowReader } from "./reader";
import type { RowAmount } from "./rowAmount";

/** Keys of (span, measure) pairs: span × this + measure (a plan has a handful of measures). */
const MAX_MEASURES = 1 << 20;

/**
 * Quotas must not give the same rep, measure and period twice. `spanOf(i)` is
 * row i's period, one Span object for the same days: each span and measure
 * is numbered once, and each rep holds the first row of each (span, measure)
 * it was given — one map entry per rep, no key made per row.
 */
export function checkDuplicateQuotas(quotas: AmountRows, spanOf: (i: number) => Span): void {
  const spanIds = new Map<Span, number>();
  const measureIds = new Map<string, number>();
  /**
   * Per rep: (span, measure) keys met and their first row, in pairs, searched in turn: a rep has its plan's
   * measures in the periods of one plan year (a few dozen pairs; weekly, a few hundred).
   */
  const seen = new Map<string, number[]>();
  quotas.amounts.forEach((a, i) => {
    const span = spanOf(i);
    let s = spanIds.get(span);
    if (s === undefined) spanIds.set(span, (s = spanIds.size));
    let m = measureIds.get(a.measure);
    if (m === undefined) measureIds.set(a.measure, (m = measureIds.size));
    const key = s * MAX_MEASURES + m;
    let pairs = seen.get(a.repId);
    if (!pairs) seen.set(a.repId, (pairs = []));
    let first = -1;
    for (let k = 0; k < pairs.length; k += 2) {
      if (pairs[k] === key) {
        first = pairs[k + 1];
        break;
      }
    }
    if (first < 0) {
      pairs.push(key, i);
      return;
    }
    const row = quotas.rowOf(i);
    // The period as the user typed it (2026-P01), with the days it covers.
    const typed = row.cell("period");
    const when = typeof typed === "string" ? `${typed.trim()} (${a.start} to ${a.end})` : `${a.start} to ${a.end}`;
    const earlier = quotas.amounts[first];
    row.error(
      "period",
      `Quota for ${a.repId}, ${a.measure}, ${when} is given twice (${formatRows([earlier.excelRow, a.excelRow])}); keep one`,
    );
  });
}

/**
 * A zero quota is fine only while nothing is credited against it: with a
 * credit, attainment (actual ÷ quota) is undefined. Checks Quotas rows (credits
 * inside their period) and zero annual quotas in Reps that Quotas does not
 * replace (any credit of that measure).
 */
export function checkZeroQuotas(
  quotas: AmountRows,
  actuals: AmountRows,
  zeroAnnual: readonly {
    readonly repId: string;
    readonly measure: string;
    readonly row: RowReader;
    readonly key: string;
  }[],
): void {
  const zeroQuotaRows: number[] = [];
  quotas.amounts.forEach((q, i) => {
    if (q.amount.isZero()) zeroQuotaRows.push(i);
  });
  if (zeroQuotaRows.length === 0 && zeroAnnual.length === 0) return;
  const credits = new Map<string, RowAmount[]>();
  for (const a of actuals.amounts) {
    if (a.amount.isZero()) continue;
    const key = `${a.repId}\u0000${a.measure}`;
    const list = credits.get(key);
    if (list) list.push(a);
    else credits.set(key, [a]);
  }
  const rowsOf = (list: readonly RowAmount[]) =>
    formatRows(list.slice(0, 5).map((a) => a.excelRow)) + (list.length > 5 ? ", …" : "");
  for (const i of zeroQuotaRows) {
    const q = quotas.amounts[i];
    const key = `${q.repId}\u0000${q.measure}`;
    const inside = (credits.get(key) ?? []).filter((a) => a.start >= q.start && a.end <= q.end);
    if (inside.length > 0)
      quotas
        .rowOf(i)
        .error(
          "amount",
          `Quota is 0 but Actuals credit ${q.repId} with ${q.measure} in this period (Actuals ${rowsOf(inside)}): attainment is undefined; enter the quota or move the credit`,
        );
  }
  const withQuotaRows = new Set(
    zeroAnnual.length === 0 ? [] : quotas.amounts.map((q) => `${q.repId}\u0000${q.measure}`),
  );
  for (const z of zeroAnnual) {
    const key = `${z.repId}\u0000${z.measure}`;
    if (withQuotaRows.has(key)) continue;
    const credited = credits.get(key) ?? [];
    if (credited.length > 0)
      z.row.error(
        z.key,
        `${z.row.reader.header(z.key)} is 0 but Actuals credit ${z.repId} with ${z.measure} (Actuals ${rowsOf(credited)}): attainment is undefined; enter the quota or remove the credit`,
      );
  }
}

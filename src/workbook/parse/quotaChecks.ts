import type { PeriodAmount } from "../../engine";
import { formatRows } from "./format";
import type { RowReader } from "./reader";

/** A placed Quotas/Actuals row, with the row it came from. */
export interface PlacedAmount {
  readonly amount: PeriodAmount;
  readonly row: RowReader;
}

/** Quotas must not give the same rep, measure and period twice. */
export function checkDuplicateQuotas(quotas: readonly PlacedAmount[]): void {
  const seen = new Map<string, PlacedAmount>();
  for (const q of quotas) {
    const a = q.amount;
    const key = `${a.repId}\u0000${a.measure}\u0000${a.start}\u0000${a.end}`;
    const first = seen.get(key);
    if (first)
      q.row.error(
        "period",
        `Quota for ${a.repId}, ${a.measure}, ${a.start} to ${a.end} is given twice (${formatRows([first.row.excelRow, q.row.excelRow])}); keep one`,
      );
    else seen.set(key, q);
  }
}

/**
 * A zero quota is fine only while nothing is credited against it: with a
 * credit, attainment (actual ÷ quota) is undefined. Checks Quotas rows (credits
 * inside their period) and zero annual quotas in Reps that Quotas does not
 * replace (any credit of that measure).
 */
export function checkZeroQuotas(
  quotas: readonly PlacedAmount[],
  actuals: readonly PlacedAmount[],
  zeroAnnual: readonly {
    readonly repId: string;
    readonly measure: string;
    readonly row: RowReader;
    readonly key: string;
  }[],
): void {
  const zeroQuotaRows = quotas.filter((q) => q.amount.amount.isZero());
  if (zeroQuotaRows.length === 0 && zeroAnnual.length === 0) return;
  const credits = new Map<string, PlacedAmount[]>();
  for (const a of actuals) {
    if (a.amount.amount.isZero()) continue;
    const key = `${a.amount.repId}\u0000${a.amount.measure}`;
    const list = credits.get(key);
    if (list) list.push(a);
    else credits.set(key, [a]);
  }
  const rowsOf = (list: readonly PlacedAmount[]) =>
    formatRows(list.slice(0, 5).map((a) => a.row.excelRow)) + (list.length > 5 ? ", …" : "");
  for (const q of zeroQuotaRows) {
    const key = `${q.amount.repId}\u0000${q.amount.measure}`;
    const inside = (credits.get(key) ?? []).filter(
      (a) => a.amount.start >= q.amount.start && a.amount.end <= q.amount.end,
    );
    if (inside.length > 0)
      q.row.error(
        "amount",
        `Quota is 0 but Actuals credit ${q.amount.repId} with ${q.amount.measure} in this period (Actuals ${rowsOf(inside)}): attainment is undefined; enter the quota or move the credit`,
      );
  }
  const withQuotaRows = new Set(
    zeroAnnual.length === 0 ? [] : quotas.map((q) => `${q.amount.repId}\u0000${q.amount.measure}`),
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

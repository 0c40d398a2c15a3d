import type { Decimal } from "../../engine";

/** An amount for a message: 150000 -> "150,000", 1234.5 -> "1,234.5". */
export function formatAmount(value: Decimal): string {
  const [int, frac] = value.abs().toFixed().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value.isNegative() && !value.isZero() ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** A fraction for a message: 1.2 -> "120%". */
export function formatPercent(value: Decimal): string {
  return `${value.times(100).toFixed()}%`;
}

/** "rows 3 and 7", "rows 3, 5 and 9". */
export function formatRows(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  return `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
}

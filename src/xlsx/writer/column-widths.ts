import type { ColumnFormat, SheetRows, SpecCell } from "../../workbook/types";
import { assertNever } from "../../engine";

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** Room for the table's filter button beside the header text. */
const FILTER_BUTTON = 3;
const SAMPLE_SIZE = 500;

/** Characters a value takes once formatted, roughly (digits and separators). */
function displayLength(value: SpecCell, format: ColumnFormat | null): number {
  if (value === null) return 0;
  if (typeof value === "boolean") return 5;
  if (typeof value === "string") return longestLine(value);
  if (!Number.isFinite(value)) return 6;
  switch (format) {
    case "money":
      return grouped(value, 2);
    case "integer":
      return grouped(value, 0);
    case "percent":
      return (value * 100).toFixed(1).length + 1;
    case "multiple":
      return value.toFixed(2).length + 1;
    case "decimal":
      return value.toFixed(4).length;
    case "date":
      return 10;
    case "precisePercent":
    case "text":
    case "boolean":
    case null:
      return Math.min(String(value).length, 12);
    default:
      return assertNever(format);
  }
}

function grouped(value: number, decimals: number): number {
  const digits = Math.max(1, Math.floor(Math.log10(Math.abs(value) || 1)) + 1);
  return digits + Math.floor((digits - 1) / 3) + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0);
}

function longestLine(text: string): number {
  if (!text.includes("\n")) return text.length;
  return Math.max(...text.split("\n").map((line) => line.length));
}

/**
 * Column widths (in characters), each from its header and a sample of its
 * values (`columns[k]` of the rows under `headers[k]`): the first rows and an
 * even spread over the rest, clamped to 8–50. Each sampled row is made once
 * for all the columns: a streamed sheet renders a row each time it is asked.
 */
export function estimateWidths(
  headers: readonly string[],
  rows: SheetRows,
  formats: readonly (ColumnFormat | null)[],
  columns: readonly number[] = headers.map((_, j) => j),
): number[] {
  const widest = headers.map((header) => longestLine(header) + FILTER_BUTTON);
  const step = Math.max(1, Math.floor(rows.length / SAMPLE_SIZE));
  for (let i = 0; i < rows.length; i += i < SAMPLE_SIZE / 2 ? 1 : step) {
    const row = rows.row(i);
    for (let k = 0; k < columns.length; k++) {
      const len = displayLength(row[columns[k]] ?? null, formats[k]);
      if (len > widest[k]) widest[k] = len;
    }
  }
  return widest.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 1)));
}

import type { ColumnFormat } from "../../workbook/types";
import { assertNever } from "../../engine";

/** The number format code for a result column; null is General. */
export function columnFormatCode(format: ColumnFormat): string | null {
  switch (format) {
    case "money":
      return "#,##0.00";
    case "percent":
      return "0.0%";
    case "precisePercent":
      return "0.00%";
    case "multiple":
      return '0.00"x"';
    case "integer":
      return "#,##0";
    case "decimal":
      return "0.0000";
    case "date":
      return "yyyy-mm-dd";
    case "text":
      return "@";
    case "boolean":
      return null;
    default:
      return assertNever(format);
  }
}

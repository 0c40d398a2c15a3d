import type { ColumnFormat } from "../workbook/types";

/** en-US number format codes (Range.numberFormat takes en-US; Excel shows them in the user's locale). */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  decimal: "#,##0.00##",
  money: "#,##0.00",
  percent: "0.0%",
  precisePercent: "0.00%",
  multiple: '0.00"×"',
  date: "yyyy-mm-dd",
  boolean: "General",
};

export function numberFormatFor(format: ColumnFormat): string {
  return NUMBER_FORMATS[format];
}

import type { Decimal, IsoDate, PeriodAmount } from "../../engine";
import { rowSource } from "./reader";

/**
 * A Quotas or Actuals row as the engine takes it. Its "Actuals row 12" is
 * spelled out only when a message needs it: a large workbook has half a
 * million of these rows and almost none are ever named. Made as the row is
 * read, and placed on the calendar (start, end) once the plan year is known.
 */
export class RowAmount implements PeriodAmount {
  /** First and last day of the row's period: set by `place`, before the engine sees the row. */
  start: IsoDate = "";
  end: IsoDate = "";

  constructor(
    readonly repId: string,
    readonly measure: string,
    readonly amount: Decimal,
    private readonly tableName: string,
    /** The row number Excel shows. */
    readonly excelRow: number,
  ) {}

  place(span: { readonly start: IsoDate; readonly end: IsoDate }): void {
    this.start = span.start;
    this.end = span.end;
  }

  get source(): string {
    return rowSource(this.tableName, this.excelRow);
  }
}

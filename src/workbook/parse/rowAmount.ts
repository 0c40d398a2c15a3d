import type { Decimal, IsoDate, PeriodAmount } from "../../engine";
import type { AmountRecord } from "./amounts";
import { rowSource } from "./reader";

/**
 * A Quotas or Actuals row as the engine takes it. Its "Actuals row 12" is
 * spelled out only when a message needs it: a large workbook has half a
 * million of these rows and almost none are ever named.
 */
export class RowAmount implements PeriodAmount {
  readonly repId: string;
  readonly measure: string;
  readonly amount: Decimal;
  private readonly tableName: string;
  private readonly excelRow: number;

  constructor(
    r: AmountRecord,
    readonly start: IsoDate,
    readonly end: IsoDate,
  ) {
    this.repId = r.repId;
    this.measure = r.measure;
    this.amount = r.amount;
    this.tableName = r.row.table.name;
    this.excelRow = r.row.excelRow;
  }

  get source(): string {
    return rowSource(this.tableName, this.excelRow);
  }
}

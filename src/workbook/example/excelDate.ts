const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, shifted past the fictitious 1900-02-29. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Excel serial number of a calendar day (valid from 1900-03-01 on). */
export function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}

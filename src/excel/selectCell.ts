import { splitSheet } from "./address";

/** Activates the sheet of an address like "Reps!C7" or "'Q1 Data'!B4" and selects the cell. */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<void> {
  const { sheet, ref } = splitSheet(address);
  const ws =
    sheet === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(ref).select();
  await context.sync();
}

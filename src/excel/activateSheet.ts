/** Brings a sheet to the front (a result sheet from the Run view). */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(name);
  ws.activate();
  ws.getRange("A1").select();
  await context.sync();
}

/**
 * Both suspensions last only until the next sync, so every write sync
 * re-suspends: calculation (ExcelApi 1.6) so formulas elsewhere do not
 * recalculate per block, screen updating (1.9) so Excel does not repaint.
 */
export function suspendForWrite(context: Excel.RequestContext, screenUpdating: boolean): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (screenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** Whether the host supports an ExcelApi requirement set; false outside Office (tests, plain browser). */
export function isExcelApiSupported(version: string): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
}

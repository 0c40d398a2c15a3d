/**
 * xl/calcChain.xml lists formula cells by sheetId (attribute i; a cell
 * without it is on the previous cell's sheet). If it lists a sheet whose
 * content we replace, its entries would point at cells that are no longer
 * formulas, which Excel reports as a damaged file; without the part Excel
 * simply rebuilds it.
 */
export function calcChainSheetIds(xml: string): Set<number> {
  const ids = new Set<number>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\s[^>]*?\bi\s*=\s*["'](\d+)["']/g)) ids.add(Number(m[1]));
  return ids;
}

import { probeOwned } from "./ownership";
import { STALE_NOTE_CELL } from "./sheetLayout";

/**
 * Writes `note` into the blank line under each result sheet's title (A3), so
 * the sheets themselves say they are out of date ("Out of date: computed
 * before your last change at 14:05 — run again"). Only sheets that carry the
 * add-in's mark are touched; a new run rewrites every result sheet, which
 * clears the note. Two syncs: list and probe the sheets, then write.
 */
export async function markResultsStale(context: Excel.RequestContext, note: string): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  const candidates = sheets.items.filter((s) => s.name.startsWith("Results_"));
  const probes = candidates.map((s) => ({ sheet: s, mark: probeOwned(s) }));
  await context.sync();
  const ours = probes.filter((p) => !p.mark.isNullObject).map((p) => p.sheet);
  for (const ws of ours) {
    const cell = ws.getRange(STALE_NOTE_CELL);
    cell.numberFormat = [["@"]];
    cell.values = [[note]];
    cell.format.font.bold = true;
    cell.format.font.color = "#A4262C";
  }
  if (ours.length > 0) await context.sync();
  return ours.length;
}

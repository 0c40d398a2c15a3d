import type { ExampleTable } from "../workbook/example/exampleTable";
import type { InsertOptions, InsertReport } from "../workbook/port";
import { blockAddress } from "./address";
import { numberFormatFor } from "./numberFormats";
import { PAYLOAD_BUDGET } from "./payload";
import { isExcelApiSupported } from "./requirements";
import { textSafe } from "../workbook/textSafety";
import { splitIntoBlocks } from "./valueBlocks";
import { WriteBatcher } from "./writeBatcher";

/**
 * Adds each example table as an Excel table on a new sheet of its name. It
 * never overwrites: a name already used by a sheet or a table is skipped and
 * reported (or, with `whole`, nothing is inserted). The Reps sheet (or the
 * first inserted) is activated.
 */
export async function insertExample(
  context: Excel.RequestContext,
  tables: readonly ExampleTable[],
  options: InsertOptions = {},
  budget = PAYLOAD_BUDGET,
): Promise<InsertReport> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const existingTables = context.workbook.tables;
  existingTables.load("items/name");
  await context.sync();

  const used = new Set([
    ...sheets.items.map((s) => s.name.toLowerCase()),
    ...existingTables.items.map((t) => t.name.toLowerCase()),
  ]);
  const toInsert = tables.filter((t) => !used.has(t.name.toLowerCase()));
  const skipped = tables.filter((t) => used.has(t.name.toLowerCase())).map((t) => t.name);
  if (toInsert.length === 0 || (options.whole && skipped.length > 0)) return { inserted: [], skipped };

  const batcher = new WriteBatcher(context, budget, isExcelApiSupported("1.9"));
  const created = new Map<string, Excel.Worksheet>();
  for (const t of toInsert) {
    const cols = t.headers.length;
    const bodyRows = Math.max(1, t.rows.length);
    await batcher.add({
      bytes: 2_000 + cols * 300,
      rows: 0,
      queue: () => {
        const ws = sheets.add(t.name);
        created.set(t.name, ws);
        // Formats first, so text columns are text before any value lands.
        t.formats.forEach((f, j) => {
          ws.getRange(blockAddress(1, j, bodyRows, 1)).numberFormat = [[numberFormatFor(f)]];
        });
        const header = ws.getRange(blockAddress(0, 0, 1, cols));
        header.numberFormat = [["@"]];
        header.values = [t.headers.map((h) => textSafe(h))];
      },
    });
    const wire = t.rows.map((row) => row.map((c) => (c === null ? "" : textSafe(c))));
    for (const block of splitIntoBlocks(wire, budget - 50_000)) {
      await batcher.add({
        bytes: block.bytes + 200,
        rows: block.rows.length,
        queue: () => {
          created.get(t.name)!.getRange(blockAddress(1 + block.first, 0, block.rows.length, cols)).values =
            block.rows as (string | number | boolean)[][];
        },
      });
    }
    await batcher.add({
      bytes: 1_000,
      rows: 0,
      queue: () => {
        const ws = created.get(t.name)!;
        const table = ws.tables.add(ws.getRange(blockAddress(0, 0, 1 + bodyRows, cols)), true);
        table.name = t.name;
        ws.freezePanes.freezeRows(1);
        ws.getRange(blockAddress(0, 0, 1 + Math.min(bodyRows, 200), cols)).format.autofitColumns();
      },
    });
  }
  const first = toInsert.find((t) => t.name === "Reps") ?? toInsert[0];
  await batcher.add({ bytes: 300, rows: 0, queue: () => created.get(first.name)!.activate() });
  await batcher.flush();
  return { inserted: toInsert.map((t) => t.name), skipped };
}

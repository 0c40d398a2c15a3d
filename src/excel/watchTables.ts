import type { ExcelRun } from "./workbookPortFor";

/**
 * Watches every table of the workbook through `workbook.tables.onChanged`
 * (ExcelApi 1.7; tables added later are watched too) and calls `onChange`
 * with the changed table's name. The live worksheet functions use it to drop
 * their read of the input tables when Plans, Tiers, Reps or another input
 * changes (src/functions/live.ts). The event names the table by id: one
 * small request finds its name.
 */
export async function watchTables(run: ExcelRun, onChange: (table: string) => void): Promise<void> {
  await run(async (ctx) => {
    ctx.workbook.tables.onChanged.add(async (event: Excel.TableChangedEventArgs) => {
      const name = await run((c) => tableName(c, event.tableId)).catch(() => null);
      // A table that is gone, or could not be named: its change may still matter, so it counts.
      onChange(name ?? "");
    });
    await ctx.sync();
  });
}

async function tableName(ctx: Excel.RequestContext, id: string): Promise<string | null> {
  const found = ctx.workbook.tables.getItemOrNullObject(id).load("name");
  await ctx.sync();
  return found.isNullObject ? null : found.name;
}

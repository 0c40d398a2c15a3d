import type { ExampleTable } from "../workbook/example/exampleTable";
import { normalizeKey } from "../workbook/parse/cells/cell";
import type { SettingEntry } from "../workbook/port";
import { insertExample } from "./insertExample";
import { isExcelApiSupported } from "./requirements";
import { suspendForWrite } from "./suspend";
import { textSafe } from "../workbook/textSafety";

const KEY_HEADERS = ["setting", "key", "name", "parameter", "item"];

/**
 * Writes key/value settings into the Settings table: an existing key's value
 * is updated in place, a new key becomes a new row. Without a Settings table
 * one is created on a new sheet; a plain sheet named Settings is the user's
 * layout and is not rewritten.
 */
export async function upsertSettings(
  context: Excel.RequestContext,
  entries: readonly SettingEntry[],
  tableName = "Settings",
): Promise<void> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  const key = tableName.toLowerCase();
  const existing = tables.items.find((t) => t.name.toLowerCase() === key);
  if (!existing) {
    if (sheets.items.some((s) => s.name.toLowerCase() === key)) {
      throw new Error(
        `${tableName} is a plain sheet, not an Excel table: edit it there, or turn it into a table (Insert > Table) to edit it here.`,
      );
    }
    const table: ExampleTable = {
      name: tableName,
      headers: ["Setting", "Value"],
      formats: ["text", "text"],
      rows: entries.map((e) => [e.key, e.value]),
    };
    await insertExample(context, [table]);
    return;
  }

  const header = existing.getHeaderRowRange();
  header.load("values");
  const body = existing.getDataBodyRange();
  body.load("values");
  await context.sync();

  const headers = (header.values[0] as unknown[]).map((h) => normalizeKey(String(h)));
  const keyCol = Math.max(
    0,
    headers.findIndex((h) => KEY_HEADERS.includes(h)),
  );
  const valueIdx = headers.indexOf("value");
  const valueCol = valueIdx >= 0 ? valueIdx : keyCol === 0 ? 1 : 0;
  if (valueCol >= headers.length) throw new Error(`The ${tableName} table needs a Value column`);
  const rows = body.values as unknown[][];

  suspendForWrite(context, isExcelApiSupported("1.9"));
  const added: (string | number | boolean)[][] = [];
  for (const e of entries) {
    const at = rows.findIndex((r) => normalizeKey(String(r[keyCol] ?? "")) === normalizeKey(e.key));
    const value = e.value === null ? "" : textSafe(e.value);
    if (at >= 0) body.getCell(at, valueCol).values = [[value]];
    else {
      const row: (string | number | boolean)[] = headers.map(() => "");
      row[keyCol] = textSafe(e.key);
      row[valueCol] = value;
      added.push(row);
    }
  }
  if (added.length > 0) existing.rows.add(undefined, added);
  await context.sync();
}

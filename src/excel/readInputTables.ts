import { INPUT_NAMES } from "../workbook/parse/locate";
import type { ReadProgress } from "../workbook/port";
import type { RawCell, RawTable } from "../workbook/types";
import { parseBlock, splitSheet, type CellBlock } from "./address";
import { jsonBytes, OP_BYTES, PAYLOAD_BUDGET } from "./payload";

export interface ReadOptions {
  /** Response budget per sync in JSON bytes (default 4 MB, under Excel on the web's ~5 MB). */
  readonly budget?: number;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** A table or sheet found in the first sync: where it is, how big. */
interface Found {
  readonly name: string;
  readonly sheet: string;
  readonly source: "table" | "sheet";
  /** Whole block: header row plus body (a table's totals row excluded). */
  readonly block: CellBlock;
}

/** What one chunk read brings back. */
interface Piece {
  readonly found: Found;
  /** 0-based offset into the block (0 = header row). */
  readonly offset: number;
  readonly rows: number;
  readonly range: Excel.Range;
}

/** First guess of response bytes per cell (value + number format, JSON) before anything was measured. */
const FIRST_GUESS_BYTES_PER_CELL = 48;
const SAFETY = 1.25;

/**
 * Reads every input table in as few round trips as the payload limit allows:
 * one sync to find the inputs and their sizes, then syncs of values and
 * number formats packed so each response stays under the budget. A small
 * workbook takes two syncs.
 */
export async function readInputTables(context: Excel.RequestContext, options: ReadOptions = {}): Promise<RawTable[]> {
  const budget = options.budget ?? PAYLOAD_BUDGET;
  const found = await findInputs(context);
  const rowsTotal = found.reduce((n, f) => n + f.block.rowCount, 0);

  const values = new Map<Found, RawCell[][]>();
  const formats = new Map<Found, (string | null)[][]>();
  for (const f of found) {
    values.set(f, []);
    formats.set(f, []);
  }

  // Bytes per row, per input: a guess until a chunk of it has been measured.
  const rowBytes = new Map<Found, number>(found.map((f) => [f, f.block.columnCount * FIRST_GUESS_BYTES_PER_CELL]));
  const next = new Map<Found, number>(found.map((f) => [f, 0]));
  let rowsRead = 0;
  let currentBudget = budget;

  while (found.some((f) => next.get(f)! < f.block.rowCount)) {
    const pieces = planSync(context, found, next, rowBytes, currentBudget);
    try {
      // Chunked on purpose: each sync brings back one payload-sized block of rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // A response over the limit despite the estimate (a column of very long
      // text further down): reads are idempotent, so retry with half the budget.
      if (isPayloadError(e) && currentBudget > 50_000) {
        currentBudget = Math.floor(currentBudget / 2);
        for (const f of found) rowBytes.set(f, rowBytes.get(f)! * 2);
        continue;
      }
      throw e;
    }
    for (const p of pieces) {
      const v = p.range.values as unknown[][];
      const nf = p.range.numberFormat as unknown[][];
      let maxRow = 0;
      v.forEach((row, i) => {
        maxRow = Math.max(maxRow, jsonBytes(row) + jsonBytes(nf[i]));
        values.get(p.found)!.push(row.map(toRawCell));
        formats.get(p.found)!.push(nf[i].map((x) => (typeof x === "string" ? x : null)));
      });
      rowBytes.set(p.found, Math.max(8, maxRow * SAFETY));
      next.set(p.found, p.offset + p.rows);
      rowsRead += p.rows;
    }
    currentBudget = budget;
    options.onProgress?.({ tables: found.length, rowsRead, rowsTotal });
  }

  return found.map((f) => toRawTable(f, values.get(f)!, formats.get(f)!));
}

/** Queues reads for as many rows as fit the budget, oldest input first; returns what was queued. */
function planSync(
  context: Excel.RequestContext,
  found: readonly Found[],
  next: Map<Found, number>,
  rowBytes: Map<Found, number>,
  budget: number,
): Piece[] {
  const pieces: Piece[] = [];
  let bytes = 0;
  for (const f of found) {
    const start = next.get(f)!;
    const left = f.block.rowCount - start;
    if (left <= 0) continue;
    const perRow = rowBytes.get(f)!;
    const room = Math.floor((budget - bytes - OP_BYTES) / perRow);
    // Always make progress: at least one row per sync even if the guess says it will not fit.
    const rows = Math.min(left, Math.max(pieces.length === 0 ? 1 : 0, room));
    if (rows <= 0) break;
    const range = context.workbook.worksheets
      .getItem(f.sheet)
      .getRangeByIndexes(f.block.row + start, f.block.column, rows, f.block.columnCount);
    range.load("values,numberFormat");
    pieces.push({ found: f, offset: start, rows, range });
    bytes += rows * perRow + OP_BYTES;
    if (bytes >= budget) break;
  }
  return pieces;
}

/**
 * The first sync: each input name as an Excel table (with its range), and as
 * a worksheet (with its used range) for inputs kept as plain sheets.
 */
async function findInputs(context: Excel.RequestContext): Promise<Found[]> {
  const probes = INPUT_NAMES.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load("name,showTotals");
    const tableRange = table.getRange();
    tableRange.load("address,rowCount,columnCount");
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,rowCount,columnCount");
    return { name, table, tableRange, sheet, used };
  });
  try {
    await context.sync();
  } catch {
    // Hosts that refuse methods on a null object: find the inputs through the
    // collections instead (one more round trip).
    return findInputsThroughCollections(context);
  }

  const found: Found[] = [];
  for (const p of probes) {
    if (!p.table.isNullObject && !p.tableRange.isNullObject) found.push(tableFound(p.table, p.tableRange, p.name));
    else if (!p.sheet.isNullObject && !p.used.isNullObject) found.push(sheetFound(p.sheet, p.used));
  }
  return found;
}

/** An input Excel table, loaded: its body without a totals row. */
function tableFound(table: Excel.Table, range: Excel.Range, inputName: string): Found {
  const block = parseBlock(range.address);
  const rowCount = range.rowCount - (table.showTotals ? 1 : 0);
  return {
    name: table.name,
    sheet: splitSheet(range.address).sheet ?? inputName,
    source: "table",
    block: { ...block, rowCount },
  };
}

/** An input sheet without a table, loaded: its used range. */
function sheetFound(sheet: Excel.Worksheet, used: Excel.Range): Found {
  return { name: sheet.name, sheet: sheet.name, source: "sheet", block: parseBlock(used.address) };
}

async function findInputsThroughCollections(context: Excel.RequestContext): Promise<Found[]> {
  const tables = context.workbook.tables;
  tables.load("items/name,items/showTotals");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const probes = INPUT_NAMES.map((name) => {
    const key = name.toLowerCase();
    const table = tables.items.find((t) => t.name.toLowerCase() === key);
    const sheet = sheets.items.find((s) => s.name.toLowerCase() === key);
    const tableRange = table?.getRange();
    tableRange?.load("address,rowCount,columnCount");
    const used = table ? undefined : sheet?.getUsedRangeOrNullObject(true);
    used?.load("address,rowCount,columnCount");
    return { name, table, tableRange, sheet, used };
  });
  await context.sync();
  const found: Found[] = [];
  for (const p of probes) {
    if (p.table && p.tableRange) found.push(tableFound(p.table, p.tableRange, p.name));
    else if (p.sheet && p.used && !p.used.isNullObject) found.push(sheetFound(p.sheet, p.used));
  }
  return found;
}

function toRawCell(v: unknown): RawCell {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

function toRawTable(f: Found, grid: RawCell[][], formats: (string | null)[][]): RawTable {
  const [header = [], ...body] = grid;
  const bodyFormats = formats.slice(1);
  let end = body.length;
  while (end > 0 && body[end - 1].every((c) => c === null)) end--;
  return {
    name: f.name,
    sheet: f.sheet,
    source: f.source,
    headerRow: f.block.row + 1,
    firstColumn: f.block.column + 1,
    headers: header.map((h) => (h === null ? "" : String(h))),
    rows: body.slice(0, end),
    numberFormats: bodyFormats.slice(0, end),
  };
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? "";
  const message = (e as Error).message ?? "";
  return /PayloadSizeLimitExceeded/i.test(code) || /payload|too large/i.test(message);
}

import { isType, type Relationship } from "../reader/relationships";
import type { SheetSource } from "../../workbook/types";
import { NameRegistry } from "../writer/names";
import { ResultSheetConflictError } from "./errors";
import type { DefinedNameEntry } from "./ownership";
import type { Book, BookSheet } from "./workbook-xml";

/** A sheet of ours from an earlier run, replaced where it stands (same tab position, sheetId and relationship id). */
export interface ReplacedSheet {
  readonly index: number;
  readonly sheet: BookSheet;
  /** Its worksheet part, deleted with everything only it uses. */
  readonly part: string;
}

export interface PlannedSheet {
  /** The sheet's spec, or its renderer (rendered when the sheet is written). */
  readonly source: SheetSource;
  readonly sheetName: string;
  readonly tableName: string;
  /** null: a new sheet, added after the last one. */
  readonly replaces: ReplacedSheet | null;
}

/** An Excel table already in the package. */
export interface ExistingTable {
  readonly part: string;
  readonly id: number;
  /** Its displayName and name (usually equal). */
  readonly names: readonly string[];
  /** Sheet it is on, when known. */
  readonly sheet: string | null;
}

/**
 * Where each result sheet goes: over our own sheet of that name, or new.
 * Throws ResultSheetConflictError when the name belongs to a sheet of the
 * user's (no mark), before anything is written.
 */
export function planSheets(
  specs: readonly SheetSource[],
  book: Book,
  owned: ReadonlySet<number>,
  workbookRels: readonly Relationship[],
): PlannedSheet[] {
  const seen = new Set<string>();
  return specs.map((source) => {
    // A fresh registry per sheet: the name is sanitised like the fresh-package writer's, never suffixed.
    const sheetName = new NameRegistry().sheetName(source.name);
    const tableName = new NameRegistry().tableName(source.name);
    const key = sheetName.toLowerCase();
    if (seen.has(key)) throw new Error(`Two result sheets are both named ${sheetName}`);
    seen.add(key);

    const index = book.sheets.findIndex((s) => s.name.toLowerCase() === key);
    if (index < 0) return { source, sheetName, tableName, replaces: null };
    const sheet = book.sheets[index];
    const rel = workbookRels.find((r) => r.id === sheet.relId);
    if (!owned.has(index) || !rel || rel.external || !isType(rel, "worksheet")) {
      throw new ResultSheetConflictError(
        `The workbook already has a sheet named "${sheet.name}" that compplan did not create, so it was left alone ` +
          `and nothing was written. Rename or delete that sheet, then run again.`,
      );
    }
    return { source, sheetName: sheet.name, tableName, replaces: { index, sheet, part: rel.target } };
  });
}

/**
 * Table names share one namespace with each other and with workbook-level
 * defined names (case-insensitive). `remaining` are the tables that stay
 * (those on replaced sheets are gone).
 */
export function checkTableNames(
  planned: readonly PlannedSheet[],
  remaining: readonly ExistingTable[],
  names: readonly DefinedNameEntry[],
): void {
  for (const p of planned) {
    const key = p.tableName.toLowerCase();
    const table = remaining.find((t) => t.names.some((n) => n.toLowerCase() === key));
    if (table) {
      const where = table.sheet ? ` (on sheet "${table.sheet}")` : "";
      throw new ResultSheetConflictError(
        `The workbook already has a table named "${p.tableName}"${where}, so the result table could not take that ` +
          `name and nothing was written. Rename that table, then run again.`,
      );
    }
    const name = names.find((n) => n.localSheetId === null && n.name.toLowerCase() === key);
    if (name) {
      throw new ResultSheetConflictError(
        `The workbook already has a defined name "${name.name}", so the result table could not take that name ` +
          `and nothing was written. Rename it in Name Manager, then run again.`,
      );
    }
  }
}

import { sheetRowCount, type PastExcel } from "../../workbook/sheetLimits";
import { streamSheet, type SheetSource } from "../../workbook/types";
import { XlsxFormatError } from "../errors";
import { isType, relsPartFor } from "../reader/relationships";
import { CONTENT_TYPE, REL_TYPE, printTitlesXml, type RelationshipEntry } from "../writer/package-xml";
import { addResultSheet } from "../writer/result-sheet";
import { updatedAppProperties } from "./app-properties";
import { AppendedStyles } from "./appended-styles";
import { editContentTypes } from "./content-types";
import { existingTables } from "./existing-tables";
import { NewParts } from "./new-parts";
import { encodeXml, outputPackage } from "./output-package";
import { ownedMarkXml, ownedSheetIndexes } from "./ownership";
import { SheetsPastLimitError } from "./errors";
import { extensionOf, workbookPartOf, type WorkbookExtension } from "./package-kind";
import { PartGraph } from "./part-graph";
import { FreshPartNames } from "./part-names";
import { checkTableNames, planSheets, type PlannedSheet } from "./plan";
import { editRelationships, freshRelIds } from "./relationships-xml";
import { removals } from "./removals";
import { partKey, SourcePackage } from "./source-package";
import { appendSheets, parseBook } from "./workbook-xml";

export { ResultSheetConflictError, SheetsPastLimitError } from "./errors";
export { workbookExtension, type WorkbookExtension } from "./package-kind";
export { OWNED_MARK } from "./ownership";

export interface PatchOptions {
  readonly input: Uint8Array;
  /** Specs, or sheets rendered one at a time as they are written (each let go once deflated). */
  readonly sheets: readonly SheetSource[];
  /** Time stamp of the parts we write (default: now); copied parts keep theirs. */
  readonly createdAt?: Date;
  /**
   * Rows a sheet may take (Excel's 1,048,576): a rendered sheet past it is not
   * written, the other sheets are still rendered to find every one past it,
   * then SheetsPastLimitError lists them. Nothing is written either way.
   */
  readonly rowLimit?: number;
}

export interface PatchResult {
  /** The output's size in bytes. */
  readonly size: number;
  /** Hands the output to `write` in order, a piece at a time (the copied parts as they are stored in the input). */
  writeTo(write: (chunk: Uint8Array) => void): void;
  /** The whole output in one array, assembled when first read (writeTo streams it instead). */
  readonly bytes: Uint8Array;
  /** Result sheets added after the last sheet, in order. */
  readonly added: readonly string[];
  /** Result sheets that replaced ours of the same name from an earlier run, where they stood. */
  readonly replaced: readonly string[];
  /** Sheets of ours from an earlier run that this run did not produce: left as they were. */
  readonly leftAlone: readonly string[];
  /** The extension that fits the package (.xlsm for a macro-enabled workbook...). */
  readonly extension: WorkbookExtension;
}

/**
 * Whether a file is a workbook with result sheets of ours (marked, OWNED_MARK):
 * one the CLI may replace as an earlier run's output. Anything else — the
 * user's file, a damaged or foreign one — is not.
 */
export function isResultsWorkbook(bytes: Uint8Array): boolean {
  try {
    const pkg = new SourcePackage(bytes);
    const xml = pkg.text(workbookPartOf(pkg));
    return xml !== null && ownedSheetIndexes(parseBook(xml).names).size > 0;
  } catch {
    return false;
  }
}

/** The input package with `sheets` added after the last sheet; sheets of the same names that WE wrote before are replaced. */
export function addResultSheets(options: PatchOptions): Uint8Array {
  return patchWorkbook(options).bytes;
}

/**
 * The user's workbook plus our result sheets. Every part we do not need to
 * change is copied as its stored (compressed) bytes; we rewrite only
 * [Content_Types].xml, the workbook part and its relationships, the styles
 * (appended to), docProps/app.xml (sheet titles), and drop xl/calcChain.xml
 * only when it lists a sheet we replace. A result sheet named like a sheet
 * or table of the user's throws ResultSheetConflictError and nothing is written.
 */
export function patchWorkbook(options: PatchOptions): PatchResult {
  const pkg = new SourcePackage(options.input);
  const contentTypesXml = pkg.text("[Content_Types].xml");
  const workbookPart = workbookPartOf(pkg);
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === null) {
    throw new XlsxFormatError("Not an .xlsx file: the zip package holds no Excel workbook part (xl/workbook.xml).");
  }
  if (contentTypesXml === null) throw new XlsxFormatError("The .xlsx file is damaged: [Content_Types].xml is missing.");
  const book = parseBook(workbookXml);
  const graph = new PartGraph(pkg);
  const workbookRels = graph.relationshipsOf(workbookPart);
  const relById = new Map(workbookRels.map((r) => [r.id, r] as const));
  const owned = ownedSheetIndexes(book.names);
  const planned = planSheets(options.sheets, book, owned, workbookRels);

  const replaced = planned.flatMap((p) => (p.replaces ? [p.replaces] : []));
  const { deleted, workbookRelIds } = removals(pkg, graph, workbookPart, workbookRels, replaced);

  const sheetByPart = new Map<string, string>();
  for (const s of book.sheets) {
    const rel = relById.get(s.relId);
    if (rel && !rel.external) sheetByPart.set(partKey(rel.target), s.name);
  }
  const tables = existingTables(pkg, graph, sheetByPart);
  checkTableNames(
    planned,
    tables.filter((t) => !deleted.has(partKey(t.part))),
    book.names,
  );

  // Our parts.
  const stylesRel = workbookRels.find((r) => isType(r, "styles") && !r.external && pkg.has(r.target));
  const styles = new AppendedStyles(stylesRel ? pkg.text(stylesRel.target) : null);
  const dir = workbookPart.includes("/") ? workbookPart.slice(0, workbookPart.lastIndexOf("/")) : "";
  const partNames = new FreshPartNames(pkg.partKeys());
  const firstTableId = tables.reduce((max, t) => Math.max(max, t.id), 0) + 1;
  const parts = new NewParts(
    styles,
    partNames,
    dir,
    firstTableId,
    new Map(planned.map((p) => [p.sheetName, p.tableName])),
  );
  // One sheet at a time: rendered (when pending), deflated as it is written, and let go before the next.
  const past: PastExcel[] = [];
  for (const p of planned) {
    const spec = streamSheet(p.source);
    if (options.rowLimit !== undefined && sheetRowCount(spec) > options.rowLimit) {
      past.push({ sheet: p.sheetName, rows: sheetRowCount(spec) });
      continue;
    }
    if (past.length === 0) addResultSheet(parts, { ...spec, name: p.sheetName });
  }
  if (past.length > 0) throw new SheetsPastLimitError(past, options.rowLimit ?? 0);
  const partOf = new Map(parts.sheets.map((s) => [s.name, s.part]));
  const fromWorkbook = (part: string) => part.slice(dir === "" ? 0 : dir.length + 1);

  // The workbook part and its relationships.
  const added = planned.filter((p) => !p.replaces);
  // A package without styles gets the conventional name, which some readers (exceljs) expect.
  const conventional = dir === "" ? "styles.xml" : `${dir}/styles.xml`;
  const newStylesPart = stylesRel ? null : pkg.has(conventional) ? partNames.claim(dir, "styles") : conventional;
  const ids = freshRelIds(
    workbookRels.map((r) => r.id),
    added.length + (newStylesPart ? 1 : 0),
  );
  const sheetTarget = (p: PlannedSheet): string => fromWorkbook(partOf.get(p.sheetName) ?? "");
  const retarget = new Map<string, string>();
  for (const p of planned) if (p.replaces) retarget.set(p.replaces.sheet.relId, sheetTarget(p));
  const addRels: RelationshipEntry[] = added.map((p, i) => ({
    id: ids[i],
    type: REL_TYPE.worksheet,
    target: sheetTarget(p),
  }));
  if (newStylesPart)
    addRels.push({ id: ids[added.length], type: REL_TYPE.styles, target: fromWorkbook(newStylesPart) });

  const changed = new Map<string, string>();
  changed.set(
    partKey(workbookPart),
    appendSheets(
      workbookXml,
      book,
      added.map((p, i) => ({ name: p.sheetName, relId: ids[i] })),
      added.flatMap((p, i) => {
        const index = book.sheets.length + i;
        const rows = parts.sheets.find((s) => s.name === p.sheetName)?.printTitleRows;
        return [ownedMarkXml(index), ...(rows ? [printTitlesXml(index, p.sheetName, rows)] : [])];
      }),
    ),
  );
  const workbookRelsPart = relsPartFor(workbookPart);
  changed.set(
    partKey(workbookRelsPart),
    editRelationships(pkg.text(workbookRelsPart) ?? emptyRelationships(), {
      remove: workbookRelIds,
      retarget,
      add: addRels,
    }),
  );
  if (stylesRel && styles.changed) changed.set(partKey(stylesRel.target), styles.result());

  const newTypes = new Map(parts.contentTypes);
  if (newStylesPart) newTypes.set(newStylesPart, CONTENT_TYPE.styles);
  changed.set(partKey("[Content_Types].xml"), editContentTypes(contentTypesXml, deleted, newTypes));

  const worksheetNames = book.sheets
    .filter((s) => {
      const rel = relById.get(s.relId);
      return rel !== undefined && isType(rel, "worksheet");
    })
    .map((s) => s.name);
  const app = updatedAppProperties(
    pkg,
    graph,
    worksheetNames,
    added.map((p) => p.sheetName),
  );
  if (app) changed.set(partKey(app.part), app.xml);

  const newParts = [...parts.files];
  if (newStylesPart) newParts.push({ name: newStylesPart, data: encodeXml(styles.result()) });
  const archive = outputPackage(pkg, changed, deleted, newParts, options.createdAt ?? new Date());
  const replacedIndexes = new Set(replaced.map((r) => r.index));
  let bytes: Uint8Array | null = null;
  return {
    size: archive.size,
    writeTo: (write) => archive.writeTo(write),
    get bytes() {
      if (bytes === null) {
        const out = new Uint8Array(archive.size);
        let p = 0;
        archive.writeTo((chunk) => {
          out.set(chunk, p);
          p += chunk.length;
        });
        bytes = out;
      }
      return bytes;
    },
    added: added.map((p) => p.sheetName),
    replaced: planned.filter((p) => p.replaces).map((p) => p.sheetName),
    leftAlone: book.sheets.filter((_, i) => owned.has(i) && !replacedIndexes.has(i)).map((s) => s.name),
    extension: extensionOf(pkg, workbookPart),
  };
}

function emptyRelationships(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
}

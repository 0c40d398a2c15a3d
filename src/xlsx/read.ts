import type { RawTable } from "../workbook/types";
import { XlsxFormatError } from "./errors";
import { sheetTableFromGrid, tableFromGrid } from "./reader/grid-tables";
import { isType, parseRelationships, relsPartFor, type Relationship } from "./reader/relationships";
import { scanSheet, type SheetContext } from "./reader/sheet-cells";
import { parseSharedStrings } from "./reader/shared-strings";
import { NO_FORMATS, parseStyles } from "./reader/styles-part";
import { parseTable, type TableDefinition } from "./reader/table-part";
import { parseWorkbook } from "./reader/workbook-part";
import { ZipPackage } from "./reader/zip-package";

export { XlsxFormatError } from "./errors";

interface WorksheetRef {
  readonly name: string;
  readonly part: string;
}

/**
 * Every Excel table (ListObject) in the package as a RawTable (source "table"),
 * then every worksheet as a sheet-table (source "sheet": its first non-empty
 * row is the header row, columns from the first to the last non-empty header
 * cell), both in tab order. Throws XlsxFormatError when the bytes are not an .xlsx.
 */
export function readXlsx(bytes: Uint8Array): RawTable[] {
  const zip = new ZipPackage(bytes);
  const workbookPart = findWorkbookPart(zip);

  const workbookRelsPart = relsPartFor(workbookPart);
  const head = zip.readTexts([workbookPart, workbookRelsPart]);
  const workbook = parseWorkbook(head.get(workbookPart) ?? "");
  const workbookRels = parseRelationships(head.get(workbookRelsPart) ?? "", workbookPart);
  const relById = new Map(workbookRels.map((rel) => [rel.id, rel] as const));

  const sharedStringsPart = workbookRels.find((rel) => isType(rel, "sharedStrings"))?.target;
  const stylesPart = workbookRels.find((rel) => isType(rel, "styles"))?.target;
  const worksheets: WorksheetRef[] = [];
  for (const sheet of workbook.sheets) {
    const rel = relById.get(sheet.relId);
    // Chart sheets and dialog sheets hold no cells.
    if (rel && isType(rel, "worksheet") && !rel.external) worksheets.push({ name: sheet.name, part: rel.target });
  }

  const sheetRelsParts = worksheets.map((ws) => relsPartFor(ws.part));
  const texts = zip.readTexts([
    ...sheetRelsParts,
    ...(sharedStringsPart ? [sharedStringsPart] : []),
    ...(stylesPart ? [stylesPart] : []),
  ]);

  const ctx: SheetContext = {
    sharedStrings: sharedStringsPart ? parseSharedStrings(texts.get(sharedStringsPart) ?? "") : [],
    formats: stylesPart && texts.has(stylesPart) ? parseStyles(texts.get(stylesPart) ?? "") : NO_FORMATS,
    date1904: workbook.date1904,
  };

  const tableRels = worksheets.map((ws, i) =>
    parseRelationships(texts.get(sheetRelsParts[i]) ?? "", ws.part).filter(
      (rel) => isType(rel, "table") && !rel.external,
    ),
  );
  const tableTexts = zip.readTexts(tableRels.flat().map((rel: Relationship) => rel.target));

  const tables: RawTable[] = [];
  const sheetTables: RawTable[] = [];
  worksheets.forEach((ws, i) => {
    // One sheet's XML at a time: a large sheet's text is garbage once scanned.
    const xml = zip.readText(ws.part);
    if (xml === null)
      throw new XlsxFormatError(`The .xlsx file is damaged: sheet "${ws.name}" has no part ${ws.part}.`);
    const grid = scanSheet(xml, ctx);
    for (const rel of tableRels[i]) {
      const def: TableDefinition | null = parseTable(tableTexts.get(rel.target) ?? "");
      if (def) tables.push(tableFromGrid(grid, ws.name, def));
    }
    sheetTables.push(sheetTableFromGrid(grid, ws.name));
  });
  return [...tables, ...sheetTables];
}

/** The workbook part named by the package relationships (almost always xl/workbook.xml). */
function findWorkbookPart(zip: ZipPackage): string {
  const rootRels = zip.readText("_rels/.rels");
  const fromRels = rootRels
    ? parseRelationships(rootRels, "").find((rel) => isType(rel, "officeDocument") && !rel.external)?.target
    : undefined;
  const part = fromRels ?? "xl/workbook.xml";
  if (zip.has(part) && !part.endsWith(".bin")) return part;
  if (zip.has("xl/workbook.bin")) {
    throw new XlsxFormatError(
      "Not an .xlsx file: this is an Excel Binary Workbook (.xlsb). Save it from Excel as Excel Workbook (.xlsx).",
    );
  }
  if (zip.has("content.xml") && zip.has("mimetype")) {
    throw new XlsxFormatError(
      "Not an .xlsx file: this is an OpenDocument spreadsheet (.ods). Save it as Excel Workbook (.xlsx).",
    );
  }
  if (zip.has("word/document.xml") || zip.has("ppt/presentation.xml")) {
    throw new XlsxFormatError("Not an .xlsx file: this is a Word or PowerPoint document, not an Excel workbook.");
  }
  throw new XlsxFormatError("Not an .xlsx file: the zip package holds no Excel workbook part (xl/workbook.xml).");
}

import type { DeflatedData } from "../zip/deflating-sink";
import { zipEntries, type DeflatedZipFile, type ZipFile } from "../zip/zip-writer";
import { NameRegistry } from "./names";
import {
  CONTENT_TYPE,
  REL_TYPE,
  appPropertiesXml,
  contentTypesXml,
  corePropertiesXml,
  printTitlesXml,
  relationshipsXml,
  themeXml,
  workbookXml,
  type RelationshipEntry,
} from "./package-xml";
import { SharedStringTable } from "./shared-string-table";
import type { ResultSheetTarget } from "./sheet-target";
import { StyleRegistry } from "./style-registry";

import { ZIP_LEVEL } from "./worksheet-xml";

export { ZIP_LEVEL } from "./worksheet-xml";

const encoder = new TextEncoder();

/**
 * Collects the parts of a new .xlsx: numbers parts (sheetN, tableN,
 * drawingN, chartN), keeps content types and the workbook's relationships
 * consistent, and zips everything. Parts are encoded as soon as they are
 * added so large sheet XML strings can be collected early.
 */
export class PackageBuilder implements ResultSheetTarget {
  readonly styles = new StyleRegistry();
  readonly strings = new SharedStringTable();
  readonly names = new NameRegistry();
  private readonly sheetNames: string[] = [];
  private readonly definedNames: string[] = [];
  private readonly files: (ZipFile | DeflatedZipFile)[] = [];
  private readonly overrides = new Map<string, string>();
  private tableCount = 0;
  private drawingCount = 0;
  private chartCount = 0;

  private add(path: string, contentType: string | null, xml: string | Uint8Array): void {
    this.files.push({ name: path, data: typeof xml === "string" ? encoder.encode(xml) : xml });
    if (contentType) this.overrides.set(`/${path}`, contentType);
  }

  /** Adds the next worksheet (tab order = call order) with its relationships. */
  addWorksheet(name: string, part: DeflatedData, rels: readonly RelationshipEntry[], printTitleRows?: string): void {
    this.sheetNames.push(name);
    const n = this.sheetNames.length;
    if (printTitleRows) this.definedNames.push(printTitlesXml(n - 1, name, printTitleRows));
    const path = `xl/worksheets/sheet${n}.xml`;
    this.files.push({ name: path, deflated: part });
    this.overrides.set(`/${path}`, CONTENT_TYPE.worksheet);
    if (rels.length > 0) this.add(`xl/worksheets/_rels/sheet${n}.xml.rels`, null, relationshipsXml(rels));
  }

  /** Reserves a table id (unique across the workbook) and part; returns the id and the target relative to a sheet. */
  addTable(build: (id: number) => string): { id: number; target: string } {
    const id = ++this.tableCount;
    this.add(`xl/tables/table${id}.xml`, CONTENT_TYPE.table, build(id));
    return { id, target: `../tables/table${id}.xml` };
  }

  /** Adds a chart part; returns its target relative to a drawing. */
  addChart(xml: string): string {
    const n = ++this.chartCount;
    this.add(`xl/charts/chart${n}.xml`, CONTENT_TYPE.chart, xml);
    return `../charts/chart${n}.xml`;
  }

  /** Adds a drawing part with its chart relationships; returns its target relative to a sheet. */
  addDrawing(xml: string, rels: readonly RelationshipEntry[]): string {
    const n = ++this.drawingCount;
    this.add(`xl/drawings/drawing${n}.xml`, CONTENT_TYPE.drawing, xml);
    this.add(`xl/drawings/_rels/drawing${n}.xml.rels`, null, relationshipsXml(rels));
    return `../drawings/drawing${n}.xml`;
  }

  /** The finished package. */
  zip(title: string, created: Date): Uint8Array {
    const n = this.sheetNames.length;
    const workbookRels: RelationshipEntry[] = this.sheetNames.map((_, i) => ({
      id: `rId${i + 1}`,
      type: REL_TYPE.worksheet,
      target: `worksheets/sheet${i + 1}.xml`,
    }));
    workbookRels.push(
      { id: `rId${n + 1}`, type: REL_TYPE.styles, target: "styles.xml" },
      { id: `rId${n + 2}`, type: REL_TYPE.sharedStrings, target: "sharedStrings.xml" },
      { id: `rId${n + 3}`, type: REL_TYPE.theme, target: "theme/theme1.xml" },
    );
    this.add("xl/workbook.xml", CONTENT_TYPE.workbook, workbookXml(this.sheetNames, this.definedNames));
    this.add("xl/_rels/workbook.xml.rels", null, relationshipsXml(workbookRels));
    this.add("xl/styles.xml", CONTENT_TYPE.styles, this.styles.xml());
    this.add("xl/sharedStrings.xml", CONTENT_TYPE.sharedStrings, this.strings.xml());
    this.add("xl/theme/theme1.xml", CONTENT_TYPE.theme, themeXml());
    this.add("docProps/core.xml", CONTENT_TYPE.core, corePropertiesXml(title, created));
    this.add("docProps/app.xml", CONTENT_TYPE.app, appPropertiesXml());
    this.add(
      "_rels/.rels",
      null,
      relationshipsXml([
        { id: "rId1", type: REL_TYPE.officeDocument, target: "xl/workbook.xml" },
        { id: "rId2", type: REL_TYPE.coreProperties, target: "docProps/core.xml" },
        { id: "rId3", type: REL_TYPE.extendedProperties, target: "docProps/app.xml" },
      ]),
    );
    // [Content_Types].xml first, as Office writes it (some readers sniff for it).
    const contentTypes = { name: "[Content_Types].xml", data: encoder.encode(contentTypesXml(this.overrides)) };
    return zipEntries([contentTypes, ...this.files], { level: ZIP_LEVEL, mtime: created });
  }
}

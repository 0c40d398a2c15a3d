import { relsPartFor as relsPart } from "../reader/relationships";
import { InlineStrings } from "../writer/inline-strings";
import { CONTENT_TYPE, relationshipsXml, type RelationshipEntry } from "../writer/package-xml";
import type { ResultSheetTarget } from "../writer/sheet-target";
import type { CellStyles } from "../writer/style-registry";
import type { DeflatedData } from "../zip/deflating-sink";
import type { DeflatedZipFile, ZipFile } from "../zip/zip-writer";
import type { FreshPartNames } from "./part-names";

export interface NewSheet {
  readonly name: string;
  /** Part name of the worksheet ("xl/worksheets/sheet9.xml"). */
  readonly part: string;
  /** Rows repeated on every printed page ("$1:$4"), if any. */
  readonly printTitleRows?: string;
}

/**
 * Collects the parts of our result sheets for the user's package. The result
 * sheet writer is the same as for a fresh workbook; here text is inline (the
 * user's shared strings stay untouched), styles are appended to theirs, and
 * part names and table ids are ones the package does not use yet.
 */
export class NewParts implements ResultSheetTarget {
  readonly strings = new InlineStrings();
  readonly names: ResultSheetTarget["names"];
  /** Our parts in the order made; worksheets already deflated. */
  readonly files: (ZipFile | DeflatedZipFile)[] = [];
  /** Part name -> content type, for [Content_Types].xml. */
  readonly contentTypes = new Map<string, string>();
  readonly sheets: NewSheet[] = [];

  /**
   * @param dir the workbook part's folder ("xl"): new parts go in its worksheets/, tables/, drawings/, charts/.
   * @param tableNames sheet name -> table name, as planned (and checked free).
   */
  constructor(
    readonly styles: CellStyles,
    private readonly partNames: FreshPartNames,
    private readonly dir: string,
    private nextTableId: number,
    tableNames: ReadonlyMap<string, string>,
  ) {
    this.names = {
      sheetName: (desired) => {
        if (!tableNames.has(desired)) throw new Error(`internal: sheet ${desired} was not planned`);
        return desired;
      },
      tableName: (desired) => {
        const name = tableNames.get(desired);
        if (name === undefined) throw new Error(`internal: table of ${desired} was not planned`);
        return name;
      },
    };
  }

  private add(part: string, data: string | Uint8Array, contentType: string | null): void {
    this.files.push({ name: part, data: typeof data === "string" ? encoder.encode(data) : data });
    if (contentType) this.contentTypes.set(part, contentType);
  }

  private folder(name: string): string {
    return this.dir === "" ? name : `${this.dir}/${name}`;
  }

  addTable(build: (id: number) => string): { id: number; target: string } {
    const id = this.nextTableId++;
    const part = this.partNames.claim(this.folder("tables"), "table");
    this.add(part, build(id), CONTENT_TYPE.table);
    return { id, target: `../tables/${baseName(part)}` };
  }

  addChart(xml: string): string {
    const part = this.partNames.claim(this.folder("charts"), "chart");
    this.add(part, xml, CONTENT_TYPE.chart);
    return `../charts/${baseName(part)}`;
  }

  addDrawing(xml: string, rels: readonly RelationshipEntry[]): string {
    const part = this.partNames.claim(this.folder("drawings"), "drawing");
    this.add(part, xml, CONTENT_TYPE.drawing);
    this.add(relsPart(part), relationshipsXml(rels), null);
    return `../drawings/${baseName(part)}`;
  }

  addWorksheet(
    name: string,
    deflated: DeflatedData,
    rels: readonly RelationshipEntry[],
    printTitleRows?: string,
  ): void {
    const part = this.partNames.claim(this.folder("worksheets"), "sheet");
    this.files.push({ name: part, deflated });
    this.contentTypes.set(part, CONTENT_TYPE.worksheet);
    if (rels.length > 0) this.add(relsPart(part), relationshipsXml(rels), null);
    this.sheets.push({ name, part, printTitleRows });
  }
}

const encoder = new TextEncoder();

function baseName(part: string): string {
  return part.slice(part.lastIndexOf("/") + 1);
}

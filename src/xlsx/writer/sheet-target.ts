import type { DeflatedData } from "../zip/deflating-sink";
import type { InlineStrings } from "./inline-strings";
import type { RelationshipEntry } from "./package-xml";
import type { SharedStringTable } from "./shared-string-table";
import type { CellStyles } from "./style-registry";

/**
 * Where a result sheet's parts go: a fresh package (PackageBuilder) or new
 * parts added to the user's own package (src/xlsx/patch). The sheet writer
 * only asks for names, styles and part targets, so both get the same sheets.
 */
export interface ResultSheetTarget {
  readonly styles: CellStyles;
  readonly strings: SharedStringTable | InlineStrings;
  readonly names: {
    /** The sheet's name for the desired one (a fresh package makes it unique; a patch has checked it is free). */
    sheetName(desired: string): string;
    tableName(desired: string): string;
  };
  /** Reserves a table id (unique across the workbook) and part; returns the id and the target relative to a sheet. */
  addTable(build: (id: number) => string): { id: number; target: string };
  /** Adds a chart part; returns its target relative to a drawing. */
  addChart(xml: string): string;
  /** Adds a drawing part with its chart relationships; returns its target relative to a sheet. */
  addDrawing(xml: string, rels: readonly RelationshipEntry[]): string;
  /**
   * Adds the next worksheet, its part already deflated (streamWorksheet), with its relationships;
   * `printTitleRows` ("$1:$4") repeat on every printed page.
   */
  addWorksheet(name: string, part: DeflatedData, rels: readonly RelationshipEntry[], printTitleRows?: string): void;
}

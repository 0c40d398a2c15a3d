import type { SpecCell } from "../../workbook/types";
import { columnLetterTable } from "../shared/cell-ref";
import type { SharedStringTable } from "./shared-string-table";

export interface RowOptions {
  /** Row height in points, for rows with a larger font. */
  readonly height?: number;
}

/**
 * Builds <sheetData>. Strings always go to the shared string table (t="s"),
 * so text like "=HYPERLINK(..)" or "+1" stays text; booleans are t="b";
 * null writes no cell. Non-finite numbers cannot be stored and become #NUM!.
 */
export class SheetDataBuilder {
  private readonly rows: string[] = [];
  private letters: string[] = [];

  constructor(private readonly strings: SharedStringTable) {}

  /** Writes `cells` from column 1 on, each with the style index at the same position (0 = default). */
  row(rowNumber: number, cells: readonly SpecCell[], styles: readonly number[], width = cells.length, options: RowOptions = {}): void {
    if (this.letters.length < width) this.letters = columnLetterTable(Math.max(width, this.letters.length * 2));
    const letters = this.letters;
    const strings = this.strings;
    let xml = "";
    for (let j = 0; j < width; j++) {
      const value = cells[j];
      if (value === null || value === undefined) continue;
      const style = styles[j];
      const s = style ? ` s="${style}"` : "";
      const ref = letters[j] + rowNumber;
      if (typeof value === "number") {
        xml += Number.isFinite(value)
          ? `<c r="${ref}"${s}><v>${value}</v></c>`
          : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
      } else if (typeof value === "string") {
        xml += `<c r="${ref}"${s} t="s"><v>${strings.indexOf(value)}</v></c>`;
      } else {
        xml += `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
      }
    }
    if (xml === "" && options.height === undefined) return;
    const height = options.height === undefined ? "" : ` ht="${options.height}" customHeight="1"`;
    this.rows.push(`<row r="${rowNumber}"${height}>${xml}</row>`);
  }

  xml(): string {
    return `<sheetData>${this.rows.join("")}</sheetData>`;
  }
}

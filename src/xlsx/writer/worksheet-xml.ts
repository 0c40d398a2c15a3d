import { columnLetters } from "../shared/cell-ref";
import type { SheetDataBuilder } from "./sheet-data";

export interface WorksheetParts {
  /** Used range, "A1:J245". */
  readonly dimension: string;
  /** The tab shown when the file opens. */
  readonly selected: boolean;
  /** Rows kept in view when scrolling (the pane is frozen below them); 0 for none. */
  readonly frozenRows: number;
  /** Width in characters of columns 1..n; empty for Excel's default. */
  readonly columnWidths: readonly number[];
  /** Rows, written between the head and the tail. */
  readonly sheetData: SheetDataBuilder;
  readonly drawingRelId?: string;
  readonly tableRelIds: readonly string[];
  /** Print like a report: landscape, fitted to one page wide, sheet name and page numbers in the footer. */
  readonly report?: boolean;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A worksheet part (UTF-8 bytes), children in the order CT_Worksheet requires. */
export function worksheetXml(parts: WorksheetParts): Uint8Array {
  const tabSelected = parts.selected ? ' tabSelected="1"' : "";
  let view: string;
  if (parts.frozenRows > 0) {
    const topLeft = `A${parts.frozenRows + 1}`;
    view =
      `<sheetView${tabSelected} workbookViewId="0">` +
      `<pane ySplit="${parts.frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`;
  } else {
    view = `<sheetView${tabSelected} workbookViewId="0"/>`;
  }
  const cols =
    parts.columnWidths.length === 0
      ? ""
      : `<cols>${parts.columnWidths
          .map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${round2(w)}" customWidth="1"/>`)
          .join("")}</cols>`;
  const drawing = parts.drawingRelId ? `<drawing r:id="${parts.drawingRelId}"/>` : "";
  const tables =
    parts.tableRelIds.length === 0
      ? ""
      : `<tableParts count="${parts.tableRelIds.length}">${parts.tableRelIds
          .map((id) => `<tablePart r:id="${id}"/>`)
          .join("")}</tableParts>`;
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>` +
    (parts.report ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${parts.dimension}"/><sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols;
  const tail =
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (parts.report
      ? '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        "<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>"
      : "") +
    drawing +
    tables +
    "</worksheet>";
  return parts.sheetData.finish(head, tail);
}

/** "A1:J245" for a block of `columns` columns from row `top` to `bottom`; "A1" when empty. */
export function blockRef(top: number, bottom: number, columns: number): string {
  if (columns <= 0) return `A${top}`;
  return `A${top}:${columnLetters(columns)}${Math.max(top, bottom)}`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

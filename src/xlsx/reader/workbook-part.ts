import { findElement, findElements, prefixedAttr } from "./xml-elements";

export interface WorkbookSheetEntry {
  readonly name: string;
  /** Relationship id of the sheet part in the workbook's relationships. */
  readonly relId: string;
}

export interface WorkbookInfo {
  /** Sheets in tab order. */
  readonly sheets: readonly WorkbookSheetEntry[];
  /** Serial dates count from 1904-01-01 (old Mac workbooks). */
  readonly date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const props = findElement(xml, "workbookPr");
  const flag = props?.attrs.date1904;
  const sheets = findElements(xml, "sheet").map((el) => ({
    name: el.attrs.name ?? "",
    relId: prefixedAttr(el.attrs, "id") ?? "",
  }));
  return { sheets, date1904: flag === "1" || flag === "true" };
}

import { escapeCellText } from "../shared/xml-escape";

export interface TablePartSpec {
  /** Unique across the workbook. */
  readonly id: number;
  readonly name: string;
  /** Header row and body, "A4:J245". */
  readonly ref: string;
  /** Unique, non-empty, equal to the header cells' text (see uniqueColumnNames). */
  readonly columns: readonly string[];
}

/** xl/tables/tableN.xml: a banded TableStyleMedium2 table with a filter on its header row. */
export function tableXml(table: TablePartSpec): string {
  const columns = table.columns
    .map((name, j) => `<tableColumn id="${j + 1}" name="${escapeCellText(name)}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${table.id}" ` +
    `name="${table.name}" displayName="${table.name}" ref="${table.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${table.ref}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    "</table>"
  );
}

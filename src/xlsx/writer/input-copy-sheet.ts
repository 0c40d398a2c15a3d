import { arrayRows, type RawTable } from "../../workbook/types";
import { estimateWidths } from "./column-widths";
import { uniqueColumnNames } from "./names";
import type { PackageBuilder } from "./package-builder";
import { REL_TYPE, type RelationshipEntry } from "./package-xml";
import { tableXml } from "./table-xml";
import { blockRef, streamWorksheet } from "./worksheet-xml";

/**
 * A value copy of an input table the run used: headers in row 1, rows below,
 * as an Excel table named like the original, with the original number formats.
 */
export function addInputCopySheet(pkg: PackageBuilder, input: RawTable): void {
  const sheetName = pkg.names.sheetName(input.sheet);
  const headers = uniqueColumnNames(input.headers);
  const width = headers.length;
  const lastRow = 1 + Math.max(1, input.rows.length);
  const rels: RelationshipEntry[] = [];
  if (width > 0) {
    const tableName = pkg.names.tableName(input.name);
    const ref = blockRef(1, lastRow, width);
    const table = pkg.addTable((id) => tableXml({ id, name: tableName, ref, columns: headers }));
    rels.push({ id: "rId1", type: REL_TYPE.table, target: table.target });
  }
  const layout = {
    dimension: width > 0 ? blockRef(1, lastRow, width) : "A1",
    selected: false,
    frozenRows: width > 0 ? 1 : 0,
    columnWidths: estimateWidths(
      headers,
      arrayRows(input.rows),
      headers.map(() => null),
    ),
    tableRelIds: rels.map((r) => r.id),
  };
  const xml = streamWorksheet(layout, pkg.strings, (data) => {
    data.row(1, headers, [], width);
    const styleByCode = new Map<string, number>();
    const styles: number[] = new Array(width).fill(0);
    const formats = input.numberFormats;
    for (let i = 0; i < input.rows.length; i++) {
      const rowFormats = formats?.[i];
      for (let j = 0; j < width; j++) {
        const code = rowFormats?.[j] ?? null;
        let style = 0;
        if (code !== null) {
          style = styleByCode.get(code) ?? -1;
          if (style < 0) {
            style = pkg.styles.xf(code);
            styleByCode.set(code, style);
          }
        }
        styles[j] = style;
      }
      data.row(i + 2, input.rows[i], styles, width);
    }
  });
  pkg.addWorksheet(sheetName, xml, rels);
}

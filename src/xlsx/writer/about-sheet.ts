import type { PackageBuilder } from "./package-builder";
import { FontId } from "./style-registry";
import { streamWorksheet } from "./worksheet-xml";

/** The first sheet, "About": what the file contains, one line per row in column A, the first line bold. */
export function addAboutSheet(pkg: PackageBuilder, lines: readonly string[]): void {
  const name = pkg.names.sheetName("About");
  const bold = pkg.styles.xf(null, FontId.Title);
  const xml = streamWorksheet(
    {
      dimension: `A1:A${Math.max(1, lines.length)}`,
      selected: true,
      frozenRows: 0,
      columnWidths: [],
      tableRelIds: [],
    },
    pkg.strings,
    (data) =>
      lines.forEach((line, i) =>
        data.row(i + 1, [line === "" ? null : line], [i === 0 ? bold : 0], 1, i === 0 ? { height: 18.75 } : {}),
      ),
  );
  pkg.addWorksheet(name, xml, []);
}

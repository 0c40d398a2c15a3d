import { builtinFormatCode } from "../shared/builtin-formats";
import { isDateFormatCode } from "../shared/date-format";
import { elementContent, findElements } from "./xml-elements";

/** Number format per cell style index (the `s` attribute of a cell). */
export interface CellFormats {
  /** Format code, null for General (or an unknown style). */
  readonly codes: readonly (string | null)[];
  /** Whether the style shows a date, so the value is a serial date. */
  readonly isDate: readonly boolean[];
}

export const NO_FORMATS: CellFormats = { codes: [], isDate: [] };

export function parseStyles(xml: string): CellFormats {
  const custom = new Map<number, string>();
  for (const el of findElements(xml, "numFmt")) {
    const id = Number(el.attrs.numFmtId);
    if (Number.isInteger(id) && el.attrs.formatCode !== undefined) custom.set(id, el.attrs.formatCode);
  }
  const codes: (string | null)[] = [];
  const isDate: boolean[] = [];
  const cellXfs = elementContent(xml, "cellXfs");
  if (cellXfs) {
    // Only <cellXfs> children: <cellStyleXfs> holds <xf> elements too, indexed separately.
    for (const xf of findElements(xml, "xf", cellXfs.start, cellXfs.end)) {
      const id = Number(xf.attrs.numFmtId ?? "0");
      const code = custom.get(id) ?? builtinFormatCode(id);
      const significant = code !== null && code !== "General" ? code : null;
      codes.push(significant);
      isDate.push(significant !== null && isDateFormatCode(significant));
    }
  }
  return { codes, isDate };
}

import { XlsxFormatError } from "../errors";
import { findElements, prefixedAttr, rootPrefix } from "../reader/xml-elements";
import { escapeXml } from "../shared/xml-escape";
import type { DefinedNameEntry } from "./ownership";
import { applyEdits, elementEnd, findSpan, insertAt, prefixFor, withPrefix, type Edit } from "./xml-edit";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";

export interface BookSheet {
  readonly name: string;
  readonly sheetId: number;
  /** Relationship id in the workbook's .rels. */
  readonly relId: string;
}

/** What we need from xl/workbook.xml: the sheets in tab order and the defined names. */
export interface Book {
  readonly sheets: readonly BookSheet[];
  readonly names: readonly DefinedNameEntry[];
}

export function parseBook(xml: string): Book {
  if (xml.includes(STRICT_NS)) {
    throw new XlsxFormatError(
      "The workbook is saved as Strict Open XML, which compplan cannot add sheets to. " +
        "Save it from Excel as Excel Workbook (.xlsx) and run again.",
    );
  }
  const sheets = findElements(xml, "sheet").map((el) => ({
    name: el.attrs.name ?? "",
    sheetId: Number(el.attrs.sheetId ?? "0") || 0,
    relId: prefixedAttr(el.attrs, "id") ?? "",
  }));
  const names = findElements(xml, "definedName").map((el) => {
    const local = el.attrs.localSheetId;
    return { name: el.attrs.name ?? "", localSheetId: local === undefined ? null : Number(local) };
  });
  return { sheets, names };
}

export interface NewSheetEntry {
  readonly name: string;
  readonly relId: string;
}

/**
 * xl/workbook.xml with `added` sheets appended to <sheets> (fresh sheetIds)
 * and defined names appended to <definedNames> (created when absent, in the
 * place CT_Workbook orders it). Existing sheets keep their positions, so no
 * localSheetId of the user's names shifts.
 */
export function appendSheets(
  xml: string,
  book: Book,
  added: readonly NewSheetEntry[],
  definedNames: readonly string[],
): string {
  const prefix = rootPrefix(xml);
  const edits: Edit[] = [];
  const sheets = findSpan(xml, "sheets");
  if (!sheets || sheets.el.selfClosing)
    throw new XlsxFormatError("The .xlsx file is damaged: the workbook lists no sheets.");

  let nextId = book.sheets.reduce((max, s) => Math.max(max, s.sheetId), 0) + 1;
  const declared = prefixFor(xml, REL_NS);
  const rel = declared ?? "r:";
  const declare = declared ? "" : ` xmlns:r="${REL_NS}"`;
  const entries = added
    .map((s) => `<sheet name="${escapeXml(s.name)}" sheetId="${nextId++}"${declare} ${rel}id="${escapeXml(s.relId)}"/>`)
    .join("");
  if (entries) edits.push(insertAt(sheets.contentEnd, withPrefix(entries, prefix)));

  if (definedNames.length > 0) {
    const names = withPrefix(definedNames.join(""), prefix);
    const existing = findSpan(xml, "definedNames");
    if (existing && !existing.el.selfClosing) edits.push(insertAt(existing.contentEnd, names));
    else if (existing) {
      edits.push({
        start: existing.el.start,
        end: existing.end,
        text: withPrefix("<definedNames>", prefix) + names + withPrefix("</definedNames>", prefix),
      });
    } else {
      // CT_Workbook: sheets, functionGroups?, externalReferences?, definedNames?, calcPr? ...
      let at = sheets.end;
      for (const sibling of ["functionGroups", "externalReferences"]) {
        const el = findElements(xml, sibling, sheets.end)[0];
        if (el) at = Math.max(at, elementEnd(xml, el, sibling));
      }
      edits.push(insertAt(at, withPrefix("<definedNames>", prefix) + names + withPrefix("</definedNames>", prefix)));
    }
  }
  return applyEdits(xml, edits);
}

import { findElements, rootPrefix } from "../reader/xml-elements";
import { damaged } from "../errors";
import { escapeXml } from "../shared/xml-escape";
import { partKey } from "./source-package";
import { applyEdits, elementEnd, findSpan, insertAt, withPrefix, type Edit } from "./xml-edit";

const RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";

/**
 * [Content_Types].xml without the Overrides of deleted parts and with
 * Overrides for new ones (part name -> content type, no leading slash).
 * The package's own content type (workbook main, macro-enabled or not) is untouched.
 */
export function editContentTypes(
  xml: string,
  deleted: ReadonlySet<string>,
  added: ReadonlyMap<string, string>,
): string {
  const prefix = rootPrefix(xml);
  const edits: Edit[] = [];
  for (const el of findElements(xml, "Override")) {
    if (deleted.has(partKey(el.attrs.PartName ?? ""))) {
      edits.push({ start: el.start, end: elementEnd(xml, el, "Override"), text: "" });
    }
  }
  let items = "";
  const hasRelsDefault = findElements(xml, "Default").some((el) => (el.attrs.Extension ?? "").toLowerCase() === "rels");
  if (!hasRelsDefault) items += `<Default Extension="rels" ContentType="${RELS_TYPE}"/>`;
  for (const [part, type] of added) {
    items += `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`;
  }
  const root = findSpan(xml, "Types");
  if (!root || root.el.selfClosing) throw damaged("[Content_Types].xml has no <Types> element");
  if (items) edits.push(insertAt(root.contentEnd, withPrefix(items, prefix)));
  return applyEdits(xml, edits);
}

/** The content type of the workbook part, to tell .xlsx, .xlsm, .xltx and .xltm apart. */
export function workbookContentType(xml: string, workbookPart: string): string | null {
  const key = partKey(workbookPart);
  const el = findElements(xml, "Override").find((o) => partKey(o.attrs.PartName ?? "") === key);
  return el?.attrs.ContentType ?? null;
}

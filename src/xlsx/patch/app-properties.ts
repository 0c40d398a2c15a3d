import { isType } from "../reader/relationships";
import { findElements } from "../reader/xml-elements";
import { decodeXmlEntities } from "../shared/xml-unescape";
import { escapePlainText } from "../shared/xml-escape";
import type { PartGraph } from "./part-graph";
import type { SourcePackage } from "./source-package";
import { applyEdits, findSpan, insertAt, setAttribute, type Edit } from "./xml-edit";

/** The package's extended properties part with the added sheet titles, or null to leave it (or its absence) as is. */
export function updatedAppProperties(
  pkg: SourcePackage,
  graph: PartGraph,
  worksheetNames: readonly string[],
  added: readonly string[],
): { part: string; xml: string } | null {
  const rel = graph.relationshipsOf("").find((r) => isType(r, "extended-properties") && !r.external);
  const xml = rel ? pkg.text(rel.target) : null;
  if (!rel || xml === null) return null;
  const updated = appendWorksheetTitles(xml, worksheetNames, added);
  return updated === null ? null : { part: rel.target, xml: updated };
}

/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) under a heading
 * with a count (HeadingPairs: "Worksheets", 3 — the label is in Excel's UI
 * language). Excel rewrites this part on save and does not check it on open,
 * but we keep it true: the heading whose titles are exactly the workbook's
 * worksheets gets the new sheet names after them. When no heading matches
 * (another writer's layout), the part is left as it was: null.
 */
export function appendWorksheetTitles(
  xml: string,
  worksheetNames: readonly string[],
  added: readonly string[],
): string | null {
  if (added.length === 0 || worksheetNames.length === 0) return null;
  const pairs = findSpan(xml, "HeadingPairs");
  const titles = findSpan(xml, "TitlesOfParts");
  if (!pairs || !titles) return null;
  const pairVector = findSpan(xml.slice(0, pairs.contentEnd), "vector", pairs.el.contentStart);
  const titleVector = findSpan(xml.slice(0, titles.contentEnd), "vector", titles.el.contentStart);
  if (!pairVector || !titleVector || pairVector.el.selfClosing || titleVector.el.selfClosing) return null;

  // Heading pairs alternate a label (lpstr) and a count (i4).
  const counts = findElements(xml, "i4", pairVector.el.contentStart, pairVector.contentEnd);
  const lpstrs = findElements(xml, "lpstr", titleVector.el.contentStart, titleVector.contentEnd);
  const texts = lpstrs.map((el) =>
    el.selfClosing ? "" : decodeXmlEntities(xml.slice(el.contentStart, xml.indexOf("<", el.contentStart))),
  );
  let offset = 0;
  for (const countEl of counts) {
    const countStart = countEl.contentStart;
    const countEnd = xml.indexOf("<", countStart);
    const n = Number(xml.slice(countStart, countEnd));
    if (!Number.isInteger(n) || n < 0) return null;
    const slice = texts.slice(offset, offset + n);
    if (n === worksheetNames.length && slice.length === n && slice.every((t, i) => t === worksheetNames[i])) {
      const vtPrefix = /^<([\w.-]+:)?/.exec(xml.slice(titleVector.el.start))?.[1] ?? "";
      const last = lpstrs[offset + n - 1];
      const after = last.selfClosing ? last.contentStart : endOf(xml, last.contentStart);
      const items = added.map((name) => `<${vtPrefix}lpstr>${escapePlainText(name)}</${vtPrefix}lpstr>`).join("");
      const edits: Edit[] = [
        { start: countStart, end: countEnd, text: String(n + added.length) },
        insertAt(after, items),
        setAttribute(xml, titleVector.el, "size", texts.length + added.length),
      ];
      return applyEdits(xml, edits);
    }
    offset += n;
  }
  return null;
}

/** Just past the end tag of the element whose content starts at `contentStart`. */
function endOf(xml: string, contentStart: number): number {
  const close = xml.indexOf("</", contentStart);
  return xml.indexOf(">", close) + 1;
}

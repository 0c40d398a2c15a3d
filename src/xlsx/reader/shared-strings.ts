import { decodeCellText } from "../shared/xml-unescape";
import { rootPrefix } from "./xml-elements";

/**
 * The shared string table, in order. A string item is plain (<si><t>..</t></si>)
 * or rich text (runs <r><t>..</t></r>, concatenated). Phonetic guides (<rPh>)
 * are annotations, not part of the value, and are skipped.
 */
export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml);
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const strings: string[] = [];
  let pos = 0;
  for (;;) {
    const start = xml.indexOf(open, pos);
    if (start < 0) break;
    const tagEnd = xml.indexOf(">", start);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(tagEnd - 1) === 47 /* / */) {
      strings.push("");
      pos = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) break;
    strings.push(richText(xml, tagEnd + 1, end, p));
    pos = end + close.length;
  }
  return strings;
}

/** Concatenated <t> texts in xml[from, to), skipping phonetic runs. Used for <si> and inline <is>. */
export function richText(xml: string, from: number, to: number, p: string): string {
  const tOpen = `<${p}t`;
  const tClose = `</${p}t>`;
  // Fast path: a plain <t>text</t> item.
  if (xml.startsWith(`${tOpen}>`, from)) {
    const end = xml.indexOf(tClose, from);
    if (end + tClose.length === to) return decodeCellText(xml.slice(from + tOpen.length + 1, end));
  }
  // Searches stay inside the item: a sliced string bounds every indexOf.
  const body = xml.substring(from, to);
  const phOpen = `<${p}rPh`;
  const phClose = `</${p}rPh>`;
  let text = "";
  let pos = 0;
  for (;;) {
    const t = body.indexOf(tOpen, pos);
    if (t < 0) break;
    const ph = body.indexOf(phOpen, pos);
    if (ph >= 0 && ph < t) {
      const phEnd = body.indexOf(phClose, ph);
      if (phEnd < 0) break;
      pos = phEnd + phClose.length;
      continue;
    }
    const tagEnd = body.indexOf(">", t);
    if (tagEnd < 0) break;
    const after = body.charCodeAt(t + tOpen.length);
    const isT = after === 62 /* > */ || after === 32 || after === 47 || after === 9 || after === 10 || after === 13;
    if (!isT || body.charCodeAt(tagEnd - 1) === 47 /* <t/> */) {
      pos = tagEnd + 1;
      continue;
    }
    const end = body.indexOf(tClose, tagEnd);
    if (end < 0) break;
    text += body.slice(tagEnd + 1, end);
    pos = end + tClose.length;
  }
  return decodeCellText(text);
}

import { decodeXmlEntities } from "../shared/xml-unescape";

/**
 * A small, forgiving scanner for the short parts of a package (workbook,
 * relationships, styles, table definitions). Elements are matched by local
 * name whatever their namespace prefix. Worksheets and shared strings have
 * their own faster scanners.
 */
export interface XmlElement {
  /** Attributes by qualified name ("r:id", "name"), values decoded. */
  readonly attrs: Readonly<Record<string, string>>;
  /** Index of "<" of the start tag. */
  readonly start: number;
  /** Index just after ">" of the start tag. */
  readonly contentStart: number;
  readonly selfClosing: boolean;
}

// Attribute values may legally hold ">" so the tag body is quote-aware. Neither a tag body nor an attribute value
// may hold "<" (it is escaped as &lt;): a start tag that never closes stops at the next "<" instead of scanning
// the rest of the part, which made 40,000 unclosed tags in a 39 KB file take 25 s (quadratic).
const TAG_BODY = `((?:[^<>"']|"[^"<]*"|'[^'<]*')*)`;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttributes(body: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(body); m !== null; m = ATTR.exec(body)) {
    attrs[m[1]] = decodeXmlEntities(m[2] ?? m[3] ?? "");
  }
  return attrs;
}

/** Every start tag <localName ...> (any prefix) in xml[from, to). */
export function findElements(xml: string, localName: string, from = 0, to = xml.length): XmlElement[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])${TAG_BODY}>`, "g");
  re.lastIndex = from;
  const found: XmlElement[] = [];
  for (let m = re.exec(xml); m !== null && m.index < to; m = re.exec(xml)) {
    const body = m[1];
    found.push({
      attrs: parseAttributes(body),
      start: m.index,
      contentStart: m.index + m[0].length,
      selfClosing: body.endsWith("/"),
    });
  }
  return found;
}

export function findElement(xml: string, localName: string, from = 0, to = xml.length): XmlElement | null {
  return findElements(xml, localName, from, to)[0] ?? null;
}

/** Index of the end tag </localName> (any prefix) at or after `from`, or -1. */
export function findEndTag(xml: string, localName: string, from: number): number {
  const re = new RegExp(`</(?:[\\w.-]+:)?${localName}\\s*>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  return m ? m.index : -1;
}

/** The content range of the first <localName> element, or null when absent or empty. */
export function elementContent(xml: string, localName: string): { start: number; end: number } | null {
  const el = findElement(xml, localName);
  if (!el || el.selfClosing) return null;
  const end = findEndTag(xml, localName, el.contentStart);
  return end < 0 ? null : { start: el.contentStart, end };
}

/** The value of a namespaced attribute by local name ("id" finds r:id whatever the prefix). */
export function prefixedAttr(attrs: Readonly<Record<string, string>>, localName: string): string | undefined {
  for (const key of Object.keys(attrs)) {
    const colon = key.indexOf(":");
    if (colon > 0 && key.slice(colon + 1) === localName && key.slice(0, colon) !== "xmlns") return attrs[key];
  }
  return undefined;
}

/** The namespace prefix ("x:" or "") of the document's root element. */
export function rootPrefix(xml: string): string {
  // The root tag sits within the first bytes, after the XML declaration and any comments.
  const start = xml.slice(0, 4096).replace(/^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/, "");
  const m = /<([\w.-]+:)?[\w.-]+[\s/>]/.exec(start);
  return m?.[1] ?? "";
}

import { findElement, findEndTag, type XmlElement } from "../reader/xml-elements";

/**
 * Small text edits on a package part's XML. We splice strings instead of
 * parsing and reserialising so that everything we do not touch keeps its
 * exact bytes (namespaces, attribute order, extension lists).
 */

/** Replace xml[start, end) with text. Edits must not overlap. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error("internal: overlapping XML edits");
    out += xml.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + xml.slice(at);
}

export function insertAt(position: number, text: string): Edit {
  return { start: position, end: position, text };
}

/** Where an element ends: after "/>" when self-closing, else after its end tag; -1 when the end tag is missing. */
export function elementEnd(xml: string, el: XmlElement, localName: string): number {
  if (el.selfClosing) return el.contentStart;
  const close = findEndTag(xml, localName, el.contentStart);
  return close < 0 ? -1 : xml.indexOf(">", close) + 1;
}

/** The first <localName> element with its content range; null when absent. contentEnd = end tag start. */
export interface ElementSpan {
  readonly el: XmlElement;
  /** Start of the end tag (= contentStart when self-closing). */
  readonly contentEnd: number;
  /** Just past the element. */
  readonly end: number;
}

export function findSpan(xml: string, localName: string, from = 0): ElementSpan | null {
  const el = findElement(xml, localName, from);
  if (!el) return null;
  if (el.selfClosing) return { el, contentEnd: el.contentStart, end: el.contentStart };
  const close = findEndTag(xml, localName, el.contentStart);
  if (close < 0) return null;
  return { el, contentEnd: close, end: xml.indexOf(">", close) + 1 };
}

/** Puts `prefix` ("x:") on every element of an unprefixed snippet we generated, to match a prefixed part. */
export function withPrefix(snippet: string, prefix: string): string {
  return prefix === "" ? snippet : snippet.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`);
}

/** The prefix ("r:") the root element binds to a namespace URI, or null when it binds none (then we declare our own). */
export function prefixFor(xml: string, uri: string): string | null {
  const root = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? "";
  const escaped = uri.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${escaped}["']`).exec(root);
  return m ? `${m[1]}:` : null;
}

/** The start tag xml[el.start, el.contentStart) with attribute `name` set to `value` (added when missing). */
export function setAttribute(xml: string, el: XmlElement, name: string, value: string | number): Edit {
  const tag = xml.slice(el.start, el.contentStart);
  const existing = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
  const updated = existing.test(tag)
    ? tag.replace(existing, `$1"${value}"`)
    : tag.replace(/^<[\w.:-]+/, (tagName) => `${tagName} ${name}="${value}"`);
  return { start: el.start, end: el.contentStart, text: updated };
}

/** Number of <localName> start tags in xml[from, to) (any prefix). */
export function countElements(xml: string, localName: string, from: number, to: number): number {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])`, "g");
  re.lastIndex = from;
  let n = 0;
  for (let m = re.exec(xml); m !== null && m.index < to; m = re.exec(xml)) n++;
  return n;
}

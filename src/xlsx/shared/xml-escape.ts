/**
 * Escaping text for SpreadsheetML. XML 1.0 cannot carry most control
 * characters, so OOXML escapes them as _xHHHH_ (and a literal "_xHHHH_" in
 * user text as "_x005F_xHHHH_" so it survives). A carriage return is escaped
 * too: XML parsers would turn it into a line feed. Characters XML 1.0 cannot
 * hold at all (lone surrogates, U+FFFE, U+FFFF) are dropped.
 */

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex
const OOXML_ESCAPE = /[\u0000-\u0008\u000B-\u001F]|_(?=x[0-9A-Fa-f]{4}_)/g;
// Lone surrogates and the two non-characters XML forbids.
const INVALID_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** XML-escapes & < > " (safe in text and in double-quoted attributes). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Cell or shared-string text: XML escapes plus OOXML _xHHHH_ escapes; invalid characters dropped. */
export function escapeCellText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const valid = text.replace(INVALID_XML, "");
  const ooxml = valid.replace(OOXML_ESCAPE, (c) => (c === "_" ? "_x005F_" : `_x${hex4(c.charCodeAt(0))}_`));
  return escapeXml(ooxml);
}

/** Whether <t> needs xml:space="preserve" to keep leading/trailing whitespace or line breaks. */
export function needsSpacePreserve(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || text.includes("\n") || text.includes("\t");
}

const NOT_XML_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Plain XML text (DrawingML, document properties): characters XML 1.0 cannot hold are dropped, & < > " escaped. */
export function escapePlainText(text: string): string {
  return escapeXml(text.replace(NOT_XML_TEXT, ""));
}

/** Decoding XML text and attribute values as SpreadsheetML stores them. */

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes &amp; &lt; &gt; &quot; &apos; and numeric references (&#10; &#x1F600;). */
export function decodeXmlEntities(text: string): string {
  if (text.indexOf("&") === -1) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35 /* # */) return NAMED[ref];
    const code = ref.charCodeAt(1) === 120 /* x */ ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Decodes OOXML _xHHHH_ escapes (_x000D_ is a carriage return; _x005F_ an underscore). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") === -1) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text of a <t> or <v> element: entities, then OOXML escapes. */
export function decodeCellText(raw: string): string {
  return decodeOoxmlEscapes(decodeXmlEntities(raw));
}

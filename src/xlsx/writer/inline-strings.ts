import { escapeCellText, needsSpacePreserve } from "../shared/xml-escape";

const encoder = new TextEncoder();

/**
 * Text cells written inline (t="inlineStr") instead of through the shared
 * string table: a sheet added to an existing workbook then needs no change
 * to the user's xl/sharedStrings.xml. Like shared strings, inline text is
 * always text, never a formula. Each distinct text is escaped and encoded once.
 */
export class InlineStrings {
  private readonly cache = new Map<string, Uint8Array>();

  /** The rest of a text cell after its r and s attributes: ` t="inlineStr"><is><t>…</t></is></c>` as UTF-8. */
  cellTail(text: string): Uint8Array {
    let bytes = this.cache.get(text);
    if (bytes === undefined) {
      const space = needsSpacePreserve(text) ? ' xml:space="preserve"' : "";
      bytes = encoder.encode(` t="inlineStr"><is><t${space}>${escapeCellText(text)}</t></is></c>`);
      this.cache.set(text, bytes);
    }
    return bytes;
  }
}

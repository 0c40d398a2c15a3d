import { ZIP_LEVEL } from "../writer/worksheet-xml";
import { prepareZip, type PreparedZip, type ZipEntryInput } from "../zip/zip-writer";
import { partKey, type SourcePackage } from "./source-package";

const encoder = new TextEncoder();

/**
 * The output archive: the input's entries in their order — copied as
 * stored unless `changed` (part key -> new XML) replaces them or `deleted`
 * drops them — then `added` parts at the end. Only changed and added parts
 * are compressed, so the cost is that of our parts, not of the workbook.
 * Nothing is assembled: the archive is handed out in pieces by writeTo.
 */
export function outputPackage(
  pkg: SourcePackage,
  changed: ReadonlyMap<string, string>,
  deleted: ReadonlySet<string>,
  added: readonly ZipEntryInput[],
  mtime: Date,
): PreparedZip {
  const out: ZipEntryInput[] = [];
  const written = new Set<string>();
  for (const entry of pkg.entries) {
    const key = partKey(entry.name);
    if (deleted.has(key)) continue;
    const text = changed.get(key);
    out.push(text === undefined ? pkg.copy(entry) : { name: entry.name, data: encodeXml(text) });
    written.add(key);
  }
  for (const [key, text] of changed) if (!written.has(key)) out.push({ name: key, data: encodeXml(text) });
  out.push(...added);
  return prepareZip(out, { level: ZIP_LEVEL, mtime });
}

/** UTF-8 bytes of a part we edited; a part that was UTF-16 now says UTF-8 in its declaration. */
export function encodeXml(text: string): Uint8Array {
  const body = text.replace(/^\uFEFF/, "").replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/, "$1UTF-8$2");
  return encoder.encode(body);
}

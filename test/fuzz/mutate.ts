import { unzipSync } from "fflate";
import { zipFiles } from "../../src/xlsx/zip/zip-writer";

/**
 * Mutations of a real workbook, as plain data (so a failing case prints as
 * JSON and replays exactly). Cell-level ones change what a user could type;
 * XML-level ones change what a broken or hostile file could hold.
 */
export type CellValue =
  | { readonly type: "n"; readonly text: string }
  | { readonly type: "s"; readonly text: string }
  | { readonly type: "b"; readonly text: string }
  | { readonly type: "e"; readonly text: string }
  | { readonly type: "blank" };

export type Mutation =
  /** Set the `at`-th cell of worksheet `sheet` (both taken modulo their counts). */
  | { readonly kind: "cell"; readonly sheet: number; readonly at: number; readonly value: CellValue }
  /** Copy one cell's content over another's, in the same sheet: a duplicate ID, a header in a body row. */
  | { readonly kind: "copyCell"; readonly sheet: number; readonly from: number; readonly to: number }
  /** Change a shared string: headers, IDs, plan and period names live there. */
  | { readonly kind: "sharedString"; readonly at: number; readonly text: string }
  | { readonly kind: "dropRow"; readonly sheet: number; readonly at: number }
  | { readonly kind: "copyRow"; readonly sheet: number; readonly at: number; readonly times: number }
  /** Move a table's range: shrink or grow its last cell, or set any ref at all. */
  | { readonly kind: "tableRef"; readonly table: number; readonly ref: { rows: number; cols: number } | string }
  /** Byte-level XML damage at the `at`-th `<` of a part: cut the rest, delete, insert, repeat a span. */
  | {
      readonly kind: "xml";
      readonly part: number;
      readonly at: number;
      readonly op: "cut" | "delete" | "insert" | "repeat";
      readonly length: number;
      readonly text: string;
    }
  /** One byte of the finished zip flipped. */
  | { readonly kind: "zipByte"; readonly at: number; readonly xor: number };

export type Parts = ReadonlyMap<string, Uint8Array>;

export function loadParts(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function sorted(parts: Parts, pattern: RegExp): string[] {
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  return [...parts.keys()].filter((n) => pattern.test(n)).sort((a, b) => number(a) - number(b));
}

const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The `at`-th match of `pattern` (modulo the count), or null when there is none. */
function nth(xml: string, pattern: RegExp, at: number): RegExpExecArray | null {
  const matches = [...xml.matchAll(pattern)];
  if (matches.length === 0) return null;
  return matches[at % matches.length] as RegExpExecArray;
}

function splice(xml: string, match: RegExpExecArray, replacement: string): string {
  return xml.slice(0, match.index) + replacement + xml.slice(match.index + match[0].length);
}

function cellXml(element: string, value: CellValue): string {
  const ref = /\br="([^"]*)"/.exec(element)?.[1];
  const r = ref === undefined ? "" : ` r="${ref}"`;
  switch (value.type) {
    case "blank":
      return `<c${r}/>`;
    case "s":
      return `<c${r} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value.text)}</t></is></c>`;
    default:
      return `<c${r}${value.type === "n" ? "" : ` t="${value.type}"`}><v>${escapeXml(value.text)}</v></c>`;
  }
}

function mutateXml(xml: string, m: Extract<Mutation, { kind: "xml" }>): string {
  const opens: number[] = [];
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) opens.push(i);
  const at = opens.length === 0 ? 0 : opens[m.at % opens.length];
  switch (m.op) {
    case "cut":
      return xml.slice(0, at);
    case "delete":
      return xml.slice(0, at) + xml.slice(at + m.length);
    case "insert":
      return xml.slice(0, at) + m.text + xml.slice(at);
    case "repeat":
      return (
        xml.slice(0, at) + xml.slice(at, at + m.length).repeat(2 + (m.text.length % 50)) + xml.slice(at + m.length)
      );
  }
}

function tableRef(xml: string, ref: { rows: number; cols: number } | string): string {
  return xml.replace(/(<table\b[^>]*?\bref=")([^"]*)(")/, (_, open: string, old: string, close: string) => {
    if (typeof ref === "string") return open + escapeXml(ref) + close;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(old);
    if (!m) return open + old + close;
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const letters = (n: number): string =>
      n <= 0 ? "" : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
    const endCol = Math.max(1, col(m[3]) + ref.cols);
    const endRow = Math.max(1, Number(m[4]) + ref.rows);
    return `${open}${m[1]}${m[2]}:${letters(endCol)}${endRow}${close}`;
  });
}

/** The workbook after the mutations, zipped. The base parts are not changed. */
export function applyMutations(base: Parts, mutations: readonly Mutation[]): Uint8Array {
  const parts = new Map(base);
  const sheets = sorted(parts, /^xl\/worksheets\/sheet\d+\.xml$/);
  const tables = sorted(parts, /^xl\/tables\/table\d+\.xml$/);
  const xmlParts = [...parts.keys()].filter((n) => n.endsWith(".xml") || n.endsWith(".rels")).sort();
  const edit = (name: string | undefined, change: (xml: string) => string) => {
    if (name === undefined) return;
    parts.set(name, encoder.encode(change(decoder.decode(parts.get(name)))));
  };
  const zipFlips: Extract<Mutation, { kind: "zipByte" }>[] = [];
  for (const m of mutations) {
    switch (m.kind) {
      case "cell":
        edit(sheets[m.sheet % sheets.length], (xml) => {
          const found = nth(xml, CELL, m.at);
          return found ? splice(xml, found, cellXml(found[0], m.value)) : xml;
        });
        break;
      case "copyCell":
        edit(sheets[m.sheet % sheets.length], (xml) => {
          const from = nth(xml, CELL, m.from);
          const to = nth(xml, CELL, m.to);
          if (!from || !to) return xml;
          const ref = /\br="([^"]*)"/.exec(to[0])?.[1] ?? "";
          return splice(xml, to, from[0].replace(/\br="[^"]*"/, `r="${ref}"`));
        });
        break;
      case "sharedString":
        edit("xl/sharedStrings.xml", (xml) => {
          const found = nth(xml, /<si>[\s\S]*?<\/si>/g, m.at);
          return found ? splice(xml, found, `<si><t xml:space="preserve">${escapeXml(m.text)}</t></si>`) : xml;
        });
        break;
      case "dropRow":
        edit(sheets[m.sheet % sheets.length], (xml) => {
          const found = nth(xml, ROW, m.at);
          return found ? splice(xml, found, "") : xml;
        });
        break;
      case "copyRow":
        edit(sheets[m.sheet % sheets.length], (xml) => {
          const found = nth(xml, ROW, m.at);
          return found ? splice(xml, found, found[0].repeat(1 + m.times)) : xml;
        });
        break;
      case "tableRef":
        edit(tables[m.table % tables.length], (xml) => tableRef(xml, m.ref));
        break;
      case "xml":
        edit(xmlParts[m.part % xmlParts.length], (xml) => mutateXml(xml, m));
        break;
      case "zipByte":
        zipFlips.push(m);
        break;
    }
  }
  const files = [...parts].map(([name, data]) => ({ name, data }));
  const bytes = zipFiles(files, { level: 1, mtime: new Date(Date.UTC(2026, 0, 1)) });
  for (const flip of zipFlips) bytes[flip.at % bytes.length] ^= flip.xor || 1;
  return bytes;
}

/**
 * Names Excel accepts for sheets, tables and table columns, made unique.
 * Excel compares all three case-insensitively.
 */

const SHEET_MAX = 31;
const TABLE_MAX = 255;

/** Hands out sheet and table names, each unique in the workbook. */
export class NameRegistry {
  private readonly sheets = new Set<string>();
  private readonly tables = new Set<string>();

  /** A valid, unused sheet name close to `desired`: no []:*?/\, at most 31 characters, suffix " (2)" on a clash. */
  sheetName(desired: string): string {
    let base = desired
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F[\]:*?/\\]/g, "_")
      .replace(/^'+|'+$/g, "")
      .trim();
    if (base === "") base = "Sheet";
    if (base.toLowerCase() === "history") base = "History_"; // reserved by Excel
    return claim(this.sheets, base, SHEET_MAX, (n) => ` (${n})`);
  }

  /** A valid, unused table name: letters, digits and underscores, not starting with a digit nor shaped like a cell reference. */
  tableName(desired: string): string {
    let base = desired.replace(/[^\p{L}\p{N}_]/gu, "_");
    if (base === "" || !/^[\p{L}_]/u.test(base) || looksLikeReference(base)) base = `_${base}`;
    return claim(this.tables, base, TABLE_MAX, (n) => `_${n}`);
  }
}

/** "A1", "XFD1048576", "R1C1", "R", "C" are references, not names. */
function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
}

function claim(taken: Set<string>, base: string, max: number, suffix: (n: number) => string): string {
  let candidate = truncate(base, max);
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const tail = suffix(n);
    candidate = truncate(base, max - tail.length) + tail;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Table column names: Excel requires them non-empty and unique, and the
 * header cells must hold exactly these texts. Control characters become spaces.
 */
export function uniqueColumnNames(headers: readonly string[]): string[] {
  const taken = new Set<string>();
  return headers.map((header, j) => {
    // eslint-disable-next-line no-control-regex
    let base = header.replace(/[\u0000-\u001F]/g, " ");
    if (base.trim() === "") base = `Column${j + 1}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

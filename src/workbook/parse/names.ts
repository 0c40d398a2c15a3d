import { normalizeKey } from "./cells/cell";

/** How plan, measure, ramp and scenario names are compared: case and extra spaces ignored. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Spellings whose key NameIndex keeps: enough for any workbook's names, bounded for one full of typos. */
const KEY_CACHE_LIMIT = 10_000;

/**
 * Names as first written in their defining table. References elsewhere
 * resolve to that spelling, so "ae" in Reps means the plan "AE".
 */
export class NameIndex {
  private readonly byKey = new Map<string, string>();
  /** nameKey of names looked up, as written. */
  private readonly keys = new Map<string, string>();

  /** Registers a name (first spelling wins) and returns the canonical spelling. */
  add(name: string): string {
    const key = nameKey(name);
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    this.byKey.set(key, name.trim().replace(/\s+/g, " "));
    return this.byKey.get(key)!;
  }

  get(name: string): string | undefined {
    // Half a million Actuals rows name a handful of measures: each spelling is keyed once.
    let key = this.keys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      if (this.keys.size < KEY_CACHE_LIMIT) this.keys.set(name, key);
    }
    return this.byKey.get(key);
  }

  /** Match ignoring punctuation too (for names embedded in headers: "Quota: New-ARR"). */
  getLoose(name: string): string | undefined {
    const loose = normalizeKey(name);
    for (const canonical of this.byKey.values()) if (normalizeKey(canonical) === loose) return canonical;
    return undefined;
  }

  get size(): number {
    return this.byKey.size;
  }

  list(): string[] {
    return [...this.byKey.values()];
  }
}

/** "AE, Manager" or "none" for messages; long lists are cut. */
export function listForMessage(names: readonly string[], max = 10): string {
  if (names.length === 0) return "none";
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}

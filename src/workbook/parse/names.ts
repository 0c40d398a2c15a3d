import { normalizeKey } from "./cells/cell";

/** How plan, measure, ramp and scenario names are compared: case and extra spaces ignored. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Names as first written in their defining table. References elsewhere
 * resolve to that spelling, so "ae" in Reps means the plan "AE".
 */
export class NameIndex {
  private readonly byKey = new Map<string, string>();

  /** Registers a name (first spelling wins) and returns the canonical spelling. */
  add(name: string): string {
    const key = nameKey(name);
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    this.byKey.set(key, name.trim().replace(/\s+/g, " "));
    return this.byKey.get(key)!;
  }

  get(name: string): string | undefined {
    return this.byKey.get(nameKey(name));
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

import { parseRelationships, relsPartFor, type Relationship } from "../reader/relationships";
import { partKey, type SourcePackage } from "./source-package";

/**
 * The package's relationship graph: for every part with a .rels part, its
 * relationships. The package itself is the source "" (its rels are _rels/.rels).
 * Used to find every part that belongs only to a sheet we replace (its
 * tables, drawings, charts, their styles...), and nothing the user still uses.
 */
export class PartGraph {
  private readonly rels = new Map<string, Relationship[]>();

  constructor(pkg: SourcePackage) {
    for (const entry of pkg.entries) {
      const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(entry.name);
      if (!m) continue;
      const source = m[1] + m[2];
      this.rels.set(partKey(source), parseRelationships(pkg.text(entry.name) ?? "", source));
    }
  }

  /** Relationships of a part (internal and external), [] when it has none. */
  relationshipsOf(part: string): readonly Relationship[] {
    return this.rels.get(partKey(part)) ?? [];
  }

  /** Every internal target, with the part it is related from. */
  *edges(): Generator<{ source: string; rel: Relationship }> {
    for (const [source, rels] of this.rels) for (const rel of rels) if (!rel.external) yield { source, rel };
  }

  /**
   * Parts reachable only through the relationships `cut` (ids of `source`'s
   * relationships that will no longer exist), with their .rels parts: what
   * to delete. A part still reachable some other way (a pivot cache shared
   * with the workbook, an image used elsewhere) is kept.
   */
  orphanedBy(source: string, cut: ReadonlySet<string>, pkg: SourcePackage): Set<string> {
    const from = partKey(source);
    const isCut = (s: string, rel: Relationship) => s === from && cut.has(rel.id);
    const kept = this.reach([""], isCut);
    const candidates = this.reach(
      this.relationshipsOf(source)
        .filter((rel) => !rel.external && cut.has(rel.id))
        .map((rel) => partKey(rel.target)),
      () => false,
    );
    const orphaned = new Set<string>();
    for (const part of candidates) {
      if (kept.has(part) || !pkg.has(part)) continue;
      orphaned.add(part);
      const relsPart = partKey(relsPartFor(part));
      if (pkg.has(relsPart)) orphaned.add(relsPart);
    }
    return orphaned;
  }

  private reach(start: readonly string[], skip: (source: string, rel: Relationship) => boolean): Set<string> {
    const seen = new Set<string>(start);
    const queue = [...start];
    while (queue.length > 0) {
      const source = queue.pop() as string;
      for (const rel of this.rels.get(source) ?? []) {
        if (rel.external || skip(source, rel)) continue;
        const target = partKey(rel.target);
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return seen;
  }
}

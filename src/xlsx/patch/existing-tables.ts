import { findElement } from "../reader/xml-elements";
import { isType } from "../reader/relationships";
import type { PartGraph } from "./part-graph";
import type { ExistingTable } from "./plan";
import { partKey, type SourcePackage } from "./source-package";

/**
 * Every Excel table the package relates from a sheet: its id and names, for
 * choosing fresh ids and refusing a name the user's table already has.
 * `sheetNames` maps a worksheet part to its tab name.
 */
export function existingTables(
  pkg: SourcePackage,
  graph: PartGraph,
  sheetNames: ReadonlyMap<string, string>,
): ExistingTable[] {
  const tables: ExistingTable[] = [];
  const seen = new Set<string>();
  for (const { source, rel } of graph.edges()) {
    const key = partKey(rel.target);
    if (!isType(rel, "table") || seen.has(key)) continue;
    seen.add(key);
    const xml = pkg.text(rel.target);
    const table = xml === null ? null : findElement(xml, "table");
    if (!table) continue;
    const names = [table.attrs.displayName, table.attrs.name].filter((n): n is string => !!n);
    tables.push({ part: rel.target, id: Number(table.attrs.id) || 0, names, sheet: sheetNames.get(source) ?? null });
  }
  return tables;
}

import { isType, type Relationship } from "../reader/relationships";
import { calcChainSheetIds } from "./calc-chain";
import type { PartGraph } from "./part-graph";
import type { ReplacedSheet } from "./plan";
import type { SourcePackage } from "./source-package";

export interface Removals {
  /** Part keys (lower-cased names) left out of the output. */
  readonly deleted: ReadonlySet<string>;
  /** Relationship ids of the workbook part that point at deleted parts and go too. */
  readonly workbookRelIds: ReadonlySet<string>;
}

/**
 * What goes with the sheets we replace: every part only they use (their
 * tables, drawings, charts and those parts' own relationships), and
 * xl/calcChain.xml when it lists one of them. The replaced sheets' own
 * workbook relationships stay, re-pointed at the new parts.
 */
export function removals(
  pkg: SourcePackage,
  graph: PartGraph,
  workbookPart: string,
  workbookRels: readonly Relationship[],
  replaced: readonly ReplacedSheet[],
): Removals {
  if (replaced.length === 0) return { deleted: new Set(), workbookRelIds: new Set() };
  const cut = new Set(replaced.map((r) => r.sheet.relId));
  const dropped = new Set<string>();
  const calcChain = workbookRels.find((r) => isType(r, "calcChain") && !r.external);
  if (calcChain) {
    const listed = calcChainSheetIds(pkg.text(calcChain.target) ?? "");
    if (replaced.some((r) => listed.has(r.sheet.sheetId))) {
      cut.add(calcChain.id);
      dropped.add(calcChain.id);
    }
  }
  return { deleted: graph.orphanedBy(workbookPart, cut, pkg), workbookRelIds: dropped };
}

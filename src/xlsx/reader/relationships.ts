import { findElements } from "./xml-elements";

export interface Relationship {
  readonly id: string;
  /** Relationship type URI; compare with `isType` (transitional and strict URIs differ in their base). */
  readonly type: string;
  /** Resolved part name without leading slash ("xl/worksheets/sheet1.xml"); the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  const absolute = target.startsWith("/");
  const base = absolute ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return findElements(xml, "Relationship").map((el) => {
    const external = el.attrs.TargetMode === "External";
    const target = el.attrs.Target ?? "";
    return {
      id: el.attrs.Id ?? "",
      type: el.attrs.Type ?? "",
      target: external ? target : resolveTarget(sourcePart, safeDecodeUri(target)),
      external,
    };
  });
}

/** Whether a relationship type URI ends with "/kind" ("worksheet", "table", "officeDocument"...). */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

function safeDecodeUri(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

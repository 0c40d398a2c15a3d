import { findElements, rootPrefix } from "../reader/xml-elements";
import { damaged } from "../errors";
import { escapeXml } from "../shared/xml-escape";
import { applyEdits, elementEnd, findSpan, insertAt, withPrefix, type Edit } from "./xml-edit";

export interface RelationshipChange {
  /** Relationship ids to drop. */
  readonly remove?: ReadonlySet<string>;
  /** Relationship id -> new target (relative to the source part's folder). */
  readonly retarget?: ReadonlyMap<string, string>;
  readonly add?: readonly { readonly id: string; readonly type: string; readonly target: string }[];
}

/** A .rels part with relationships removed, re-pointed or appended; every other byte as it was. */
export function editRelationships(xml: string, change: RelationshipChange): string {
  const prefix = rootPrefix(xml);
  const edits: Edit[] = [];
  for (const el of findElements(xml, "Relationship")) {
    const id = el.attrs.Id ?? "";
    if (change.remove?.has(id)) {
      edits.push({ start: el.start, end: elementEnd(xml, el, "Relationship"), text: "" });
      continue;
    }
    const target = change.retarget?.get(id);
    if (target !== undefined) {
      const tag = xml.slice(el.start, el.contentStart);
      const updated = tag.replace(/(\sTarget\s*=\s*)(["'])[^"']*\2/, `$1"${escapeXml(target)}"`);
      edits.push({ start: el.start, end: el.contentStart, text: updated });
    }
  }
  const added = (change.add ?? [])
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  if (added) {
    const root = findSpan(xml, "Relationships");
    if (!root) throw damaged("a relationships part has no <Relationships> element");
    if (root.el.selfClosing) {
      const open = xml.slice(root.el.start, root.el.contentStart).replace(/\s*\/>$/, ">");
      edits.push({
        start: root.el.start,
        end: root.end,
        text: open + withPrefix(added, prefix) + withPrefix("</Relationships>", prefix),
      });
    } else edits.push(insertAt(root.contentEnd, withPrefix(added, prefix)));
  }
  return applyEdits(xml, edits);
}

/** Relationship ids not in `taken`, "rId<n>" counting up from the number of ids taken. */
export function freshRelIds(taken: Iterable<string>, count: number): string[] {
  const used = new Set([...taken].map((id) => id.toLowerCase()));
  const ids: string[] = [];
  for (let n = used.size + 1; ids.length < count; n++) {
    const id = `rId${n}`;
    if (!used.has(id.toLowerCase())) {
      used.add(id.toLowerCase());
      ids.push(id);
    }
  }
  return ids;
}

import { execFileSync } from "child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { strFromU8, unzipSync } from "fflate";

/** Structural checks of a written package, independent of our reader (fflate unzips, regexes inspect). */

export type Parts = Record<string, string>;

export function unzipParts(bytes: Uint8Array): Parts {
  const parts: Parts = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data);
  return parts;
}

let xmllintPresent: boolean | null = null;
export function hasXmllint(): boolean {
  if (xmllintPresent === null) {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
      xmllintPresent = true;
    } catch {
      xmllintPresent = false;
    }
  }
  return xmllintPresent;
}

/** Runs xmllint --noout over every part; returns its complaints ("" when all are well-formed). */
export function xmllintErrors(parts: Parts): string {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-parts-"));
  try {
    const files = Object.entries(parts).map(([name, xml]) => {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, xml);
      return path;
    });
    try {
      execFileSync("xmllint", ["--noout", ...files], { stdio: ["ignore", "ignore", "pipe"] });
      return "";
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

export function tags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g")) ?? [];
}

/** Resolves a relationship target against its source part. */
function resolve(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = source.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== ".") segments.push(s);
  }
  return segments.join("/");
}

/** Problems with content types and relationships: every part typed, every target present, ids unique per file. */
export function packageProblems(parts: Parts): string[] {
  const problems: string[] = [];
  const types = parts["[Content_Types].xml"] ?? "";
  const overrides = new Set(tags(types, "Override").map((t) => (attr(t, "PartName") ?? "").slice(1)));
  for (const name of Object.keys(parts)) {
    if (name.endsWith(".rels") || name === "[Content_Types].xml") continue;
    if (!overrides.has(name)) problems.push(`no content type override for ${name}`);
  }
  for (const o of overrides) if (!(o in parts)) problems.push(`content type for missing part ${o}`);
  for (const [name, xml] of Object.entries(parts)) {
    if (!name.endsWith(".rels")) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const ids = new Set<string>();
    for (const rel of tags(xml, "Relationship")) {
      const id = attr(rel, "Id") ?? "";
      if (ids.has(id)) problems.push(`${name}: duplicate relationship id ${id}`);
      ids.add(id);
      const target = resolve(source, attr(rel, "Target") ?? "");
      if (!(target in parts)) problems.push(`${name}: ${id} points to missing ${target}`);
    }
    // Every r:id used by the source part is defined here.
    for (const used of (parts[source] ?? "").match(/\br:id="[^"]*"/g) ?? []) {
      const id = used.slice(6, -1);
      if (!ids.has(id)) problems.push(`${source} uses undefined relationship ${id}`);
    }
  }
  return problems;
}
